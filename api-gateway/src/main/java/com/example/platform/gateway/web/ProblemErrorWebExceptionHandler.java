package com.example.platform.gateway.web;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import com.example.platform.edge.AuthenticationProblems;
import com.example.platform.edge.EdgeProblemTypes;
import com.example.platform.edge.HttpMethods;
import com.example.platform.edge.RequestBodyTooLargeException;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every error the gateway itself produces becomes an RFC 9457 problem: no route
 * ({@code 404}), a method the platform never serves ({@code 405} with {@code Allow}),
 * body too large ({@code 413}), service unreachable ({@code 503}), service too slow
 * ({@code 504}), connection dropped by the service ({@code 502}). Anything unexpected is
 * a {@code 500} whose detail carries only the request id; the cause goes to the log. Runs
 * before Boot's default handler, which would answer with HTML or its own JSON.
 */
public class ProblemErrorWebExceptionHandler implements WebExceptionHandler, Ordered {

	private static final Log logger = LogFactory.getLog(ProblemErrorWebExceptionHandler.class);

	private final ProblemWriter problems;

	/**
	 * @param problems writes the problem bodies
	 */
	public ProblemErrorWebExceptionHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		exchange.getResponse().getHeaders().clearContentHeaders();
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		if (find(ex, RequestBodyTooLargeException.class) instanceof RequestBodyTooLargeException tooLarge) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, EdgeProblemTypes.PAYLOAD_TOO_LARGE,
					tooLarge.getMessage());
		}
		if (find(ex, MethodNotAllowedException.class) instanceof MethodNotAllowedException notAllowed) {
			// The gateway's own 405s: methods the platform never serves
			// (MethodWebFilter),
			// or its actuator endpoints. A service's 405 passes through as it answered
			// it.
			String allow = HttpMethods.allow(notAllowed.getSupportedMethods().stream().map(HttpMethod::name).toList());
			if (!allow.isEmpty()) {
				exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, allow);
			}
			return this.problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, EdgeProblemTypes.METHOD_NOT_ALLOWED,
					HttpMethods.notAllowedDetail(method, allow));
		}
		if (find(ex, DataBufferLimitException.class) != null) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, EdgeProblemTypes.PAYLOAD_TOO_LARGE,
					"The request is larger than the gateway accepts.");
		}
		if (isTimeout(ex)) {
			return this.problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, EdgeProblemTypes.GATEWAY_TIMEOUT,
					"The service behind " + path + " did not answer in time. Retry later.");
		}
		if (isUnreachable(ex)) {
			logger.warn("Service unreachable for " + method + " " + path + ": " + ex);
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, EdgeProblemTypes.SERVICE_UNAVAILABLE,
					"The service behind " + path + " is unavailable. Retry later.");
		}
		if (find(ex, PrematureCloseException.class) != null || find(ex, SocketException.class) != null) {
			// Closed, or reset as the kernel does for a killed process, mid-request.
			logger.warn("Service closed the connection for " + method + " " + path + ": " + ex);
			return this.problems.write(exchange, HttpStatus.BAD_GATEWAY, EdgeProblemTypes.BAD_GATEWAY,
					"The service behind " + path + " closed the connection before answering. Retry later.");
		}
		if (find(ex, ResponseStatusException.class) instanceof ResponseStatusException statusException) {
			return writeStatus(exchange, statusException.getStatusCode(), method, path, ex);
		}
		logger.error("Unexpected gateway error for " + method + " " + path + " (request id "
				+ exchange.getAttribute(CorrelationWebFilter.REQUEST_ID_ATTRIBUTE) + ")", ex);
		return this.problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, EdgeProblemTypes.INTERNAL,
				"An unexpected error occurred. Quote the request id when reporting it.");
	}

	private Mono<Void> writeStatus(ServerWebExchange exchange, HttpStatusCode code, String method, String path,
			Throwable ex) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return switch (status) {
			case NOT_FOUND -> this.problems.write(exchange, status, EdgeProblemTypes.NOT_FOUND,
					"No route for " + method + " " + path + ".");
			case GATEWAY_TIMEOUT -> this.problems.write(exchange, status, EdgeProblemTypes.GATEWAY_TIMEOUT,
					"The service behind " + path + " did not answer in time. Retry later.");
			case SERVICE_UNAVAILABLE -> this.problems.write(exchange, status, EdgeProblemTypes.SERVICE_UNAVAILABLE,
					"The service behind " + path + " is unavailable. Retry later.");
			case BAD_GATEWAY -> this.problems.write(exchange, status, EdgeProblemTypes.BAD_GATEWAY,
					"The service behind " + path + " answered with an invalid response.");
			case CONTENT_TOO_LARGE -> this.problems.write(exchange, status, EdgeProblemTypes.PAYLOAD_TOO_LARGE,
					"The request is larger than the gateway accepts.");
			case UNAUTHORIZED ->
				this.problems.write(exchange, status, EdgeProblemTypes.UNAUTHENTICATED, AuthenticationProblems.MISSING);
			case FORBIDDEN ->
				this.problems.write(exchange, status, EdgeProblemTypes.FORBIDDEN, AuthenticationProblems.FORBIDDEN);
			default -> {
				if (status.is4xxClientError()) {
					yield this.problems.write(exchange, status, EdgeProblemTypes.BAD_REQUEST,
							"The gateway cannot process this request: " + status.getReasonPhrase() + ".");
				}
				logger.error("Gateway error " + status.value() + " for " + method + " " + path, ex);
				yield this.problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, EdgeProblemTypes.INTERNAL,
						"An unexpected error occurred. Quote the request id when reporting it.");
			}
		};
	}

	private static boolean isTimeout(Throwable ex) {
		return find(ex, TimeoutException.class) != null || find(ex, ReadTimeoutException.class) != null
				|| (find(ex, ResponseStatusException.class) instanceof ResponseStatusException status
						&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
	}

	private static boolean isUnreachable(Throwable ex) {
		return find(ex, ConnectException.class) != null || find(ex, ConnectTimeoutException.class) != null
				|| find(ex, NoRouteToHostException.class) != null || find(ex, UnknownHostException.class) != null
				|| find(ex, UnresolvedAddressException.class) != null;
	}

	private static Throwable find(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return current;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		// Before Boot's DefaultErrorWebExceptionHandler (-1).
		return -2;
	}

}
