package com.example.platform.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over the configured limit with {@code 413}: at once when the
 * {@code Content-Length} says so, otherwise (chunked bodies) as soon as the streamed
 * bytes pass the limit, before the service has answered.
 */
public class RequestBodyLimitWebFilter implements WebFilter, Ordered {

	/** Right after the correlation filter, before security. */
	public static final int ORDER = CorrelationWebFilter.ORDER + 1;

	private final DataSize limit;

	/**
	 * @param limit the largest body forwarded
	 */
	public RequestBodyLimitWebFilter(DataSize limit) {
		this.limit = limit;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.limit.toBytes()) {
			return Mono.error(new PayloadTooLargeException(this.limit));
		}
		if (declared >= 0) {
			// The server reads no more than the declared length.
			return chain.filter(exchange);
		}
		ServerHttpRequest counted = new CountingRequest(exchange.getRequest(), this.limit);
		return chain.filter(exchange.mutate().request(counted).build());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static final class CountingRequest extends ServerHttpRequestDecorator {

		private final DataSize limit;

		CountingRequest(ServerHttpRequest delegate, DataSize limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			long max = this.limit.toBytes();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > max) {
					DataBufferUtils.release(buffer);
					sink.error(new PayloadTooLargeException(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
