package com.example.platform.gateway.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import com.example.platform.edge.RequestIds;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id} (the platform's rule, {@link RequestIds}:
 * the client's when it is short and plain, otherwise a new one) and a W3C
 * {@code traceparent}, passes both to the service, and returns the request id to the
 * client, on errors too. The gateway is a hop of the trace: an incoming trace keeps its
 * trace id and flags and gets the gateway's own parent id; a missing or malformed one
 * starts a new, sampled trace.
 */
public class CorrelationWebFilter implements WebFilter, Ordered {

	/** The request id header. */
	public static final String REQUEST_ID_HEADER = RequestIds.HEADER;

	/** The W3C trace context header. */
	public static final String TRACEPARENT_HEADER = "traceparent";

	/** Exchange attribute holding the request id, for problem bodies and logs. */
	public static final String REQUEST_ID_ATTRIBUTE = CorrelationWebFilter.class.getName() + ".requestId";

	/** Runs before security, so 401s carry the request id too. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	/** {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}. */
	private static final int TRACEPARENT_LENGTH = 55;

	private static final String INVALID_TRACE_ID = "0".repeat(32);

	private static final String INVALID_PARENT_ID = "0".repeat(16);

	private final SecureRandom random = new SecureRandom();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String requestId = RequestIds.acceptOrCreate(request.getHeaders().getFirst(REQUEST_ID_HEADER));
		String traceparent = nextTraceparent(request.getHeaders().getFirst(TRACEPARENT_HEADER));
		exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
		exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);
		// The routed service echoes the id too; whatever it sends, the client sees ours.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);
			return Mono.empty();
		});
		ServerHttpRequest mutated = request.mutate().headers(headers -> {
			headers.set(REQUEST_ID_HEADER, requestId);
			headers.set(TRACEPARENT_HEADER, traceparent);
		}).build();
		return chain.filter(exchange.mutate().request(mutated).build());
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
