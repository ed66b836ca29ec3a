package com.example.platform.gateway.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.example.platform.edge.Probes;
import com.example.platform.edge.RequestIds;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id} (the platform's rule, {@link RequestIds}:
 * the client's when it is short and plain, otherwise a new one) and a W3C
 * {@code traceparent}, passes both to the service, returns the request id and the trace
 * id ({@code X-Trace-Id}) to the client, on errors too, and writes one access log line
 * per request with both ids.
 * <p>
 * The gateway is a hop of the trace: WebFlux's server observation has started the
 * gateway's span (continuing the client's {@code traceparent}, or starting a trace), and
 * the service gets that span's context, so its span is the gateway span's child. Without
 * a tracer ({@code management.tracing.enabled=false}) the filter still keeps the trace
 * going: an incoming trace keeps its trace id and flags and gets a new parent id; a
 * missing or malformed one starts a new, sampled trace.
 */
public class CorrelationWebFilter implements WebFilter, Ordered {

	/** The request id header. */
	public static final String REQUEST_ID_HEADER = RequestIds.HEADER;

	/** The W3C trace context header. */
	public static final String TRACEPARENT_HEADER = "traceparent";

	/** The response header carrying the request's trace id (32 hex digits). */
	public static final String TRACE_ID_HEADER = "X-Trace-Id";

	/** Exchange attribute holding the request id, for problem bodies and logs. */
	public static final String REQUEST_ID_ATTRIBUTE = CorrelationWebFilter.class.getName() + ".requestId";

	/** The access log's logger: set it to {@code WARN} to turn the lines off. */
	public static final String ACCESS_LOGGER = "platform.access";

	/** Runs before security, so 401s carry the request id too. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	/** {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}. */
	private static final int TRACEPARENT_LENGTH = 55;

	private static final String INVALID_TRACE_ID = "0".repeat(32);

	private static final String INVALID_PARENT_ID = "0".repeat(16);

	private static final Log accessLog = LogFactory.getLog(ACCESS_LOGGER);

	private final SecureRandom random = new SecureRandom();

	private final @Nullable Propagator propagator;

	/**
	 * A filter without a tracer: it passes a {@code traceparent} on by itself.
	 */
	public CorrelationWebFilter() {
		this(null);
	}

	/**
	 * @param propagator writes the gateway span's context into the request to the
	 * service; {@code null} without a tracer
	 */
	public CorrelationWebFilter(@Nullable Propagator propagator) {
		this.propagator = propagator;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long started = System.nanoTime();
		ServerHttpRequest request = exchange.getRequest();
		String requestId = RequestIds.acceptOrCreate(request.getHeaders().getFirst(REQUEST_ID_HEADER));
		Span span = (this.propagator != null) ? currentSpan(exchange) : null;
		String traceparent = (span != null) ? null : nextTraceparent(request.getHeaders().getFirst(TRACEPARENT_HEADER));
		String traceId = (span != null) ? span.context().traceId() : traceparent.substring(3, 35);
		exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
		HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
		responseHeaders.set(REQUEST_ID_HEADER, requestId);
		responseHeaders.set(TRACE_ID_HEADER, traceId);
		// The routed service echoes the id too; whatever it sends, the client sees ours.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);
			exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, traceId);
			return Mono.empty();
		});
		ServerHttpRequest mutated = request.mutate().headers(headers -> {
			headers.set(REQUEST_ID_HEADER, requestId);
			if (span != null) {
				headers.remove(TRACEPARENT_HEADER);
				this.propagator.inject(span.context(), headers, HttpHeaders::set);
			}
			else {
				headers.set(TRACEPARENT_HEADER, traceparent);
			}
		}).build();
		Mono<Void> routed = chain.filter(exchange.mutate().request(mutated).build());
		if (!accessLog.isInfoEnabled() || Probes.isProbe(request.getPath().value())) {
			return routed;
		}
		// Written off the event loop: formatting the line (JSON in a launcher run) and
		// writing it must not hold up the other requests of this event loop thread.
		return routed.doFinally(signal -> {
			long millis = (System.nanoTime() - started) / 1_000_000;
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			String line = request.getMethod().name() + " " + request.getPath().value() + " "
					+ ((status != null) ? status.value() : 0) + " " + millis + " ms";
			Schedulers.boundedElastic().schedule(() -> logAccess(line, traceId, requestId));
		});
	}

	private static @Nullable Span currentSpan(ServerWebExchange exchange) {
		ServerRequestObservationContext context = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.orElse(null);
		TracingObservationHandler.TracingContext tracing = (context != null)
				? context.get(TracingObservationHandler.TracingContext.class) : null;
		return (tracing != null) ? tracing.getSpan() : null;
	}

	private static void logAccess(String line, String traceId, String requestId) {
		// The same MDC keys as the services' lines, for both the text and the JSON log.
		MDC.put("traceId", traceId);
		MDC.put("requestId", requestId);
		try {
			accessLog.info(line);
		}
		finally {
			MDC.remove("traceId");
			MDC.remove("requestId");
		}
	}

	/**
	 * @param incoming the client's {@code traceparent}, or {@code null}
	 * @return the {@code traceparent} to send downstream: the incoming trace with a new
	 * parent id, or a new sampled trace
	 */
	String nextTraceparent(String incoming) {
		if (incoming != null) {
			String candidate = incoming.trim();
			if (isVersion00(candidate)) {
				String trace = candidate.substring(3, 35);
				String parent = candidate.substring(36, 52);
				if (!INVALID_TRACE_ID.equals(trace) && !INVALID_PARENT_ID.equals(parent)) {
					return "00-" + trace + "-" + randomHex(8) + "-" + candidate.substring(53);
				}
			}
		}
		return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
	}

	/**
	 * Whether the value is a version 00 {@code traceparent}: lower-case hex fields of 32,
	 * 16 and 2 digits. Checked char by char: a regex here cost more than the rest of the
	 * filter, on every request.
	 */
	private static boolean isVersion00(String value) {
		if (value.length() != TRACEPARENT_LENGTH || !value.startsWith("00-") || value.charAt(35) != '-'
				|| value.charAt(52) != '-') {
			return false;
		}
		return isLowerHex(value, 3, 35) && isLowerHex(value, 36, 52) && isLowerHex(value, 53, 55);
	}

	private static boolean isLowerHex(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private String randomHex(int bytes) {
		byte[] value = new byte[bytes];
		do {
			this.random.nextBytes(value);
		}
		while (isAllZero(value));
		return HexFormat.of().formatHex(value);
	}

	private static boolean isAllZero(byte[] value) {
		for (byte b : value) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
