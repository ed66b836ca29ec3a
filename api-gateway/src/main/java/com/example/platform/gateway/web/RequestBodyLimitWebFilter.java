package com.example.platform.gateway.web;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.example.platform.edge.BodyLimit;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The reactive adapter of the body limit rule ({@link BodyLimit}): a body declared larger
 * than the limit is refused with {@code 413} at once; a chunked body is counted as it
 * streams and fails as soon as it passes the limit, before the service has answered.
 */
public class RequestBodyLimitWebFilter implements WebFilter, Ordered {

	/** Right after the method check, before security. */
	public static final int ORDER = MethodWebFilter.ORDER + 1;

	private final BodyLimit limit;

	/**
	 * @param limit the largest body forwarded
	 */
	public RequestBodyLimitWebFilter(BodyLimit limit) {
		this.limit = limit;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return switch (this.limit.decide(exchange.getRequest().getHeaders().getContentLength())) {
			case REFUSE -> Mono.error(this.limit.exceeded());
			case PASS -> chain.filter(exchange);
			case COUNT ->
				chain.filter(exchange.mutate().request(new CountedRequest(exchange.getRequest(), this.limit)).build());
		};
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static final class CountedRequest extends ServerHttpRequestDecorator {

		private final BodyLimit limit;

		CountedRequest(ServerHttpRequest delegate, BodyLimit limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				BodyLimit.Counter counter = this.limit.counter();
				return super.getBody().handle((buffer, sink) -> {
					if (counter.add(buffer.readableByteCount())) {
						sink.next(buffer);
					}
					else {
						DataBufferUtils.release(buffer);
						sink.error(this.limit.exceeded());
					}
				});
			});
		}

	}

}
