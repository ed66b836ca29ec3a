package com.example.platform.gateway.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies straight to the response, for
 * the places that answer before (or instead of) a routed service: security, the error
 * handler, the body limit.
 */
public class ProblemWriter {

	private final JsonMapper jsonMapper;

	/**
	 * @param jsonMapper writes the bodies
	 */
	public ProblemWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Sets status and content type and writes the problem.
	 * @param exchange the current exchange
	 * @param status the status
	 * @param type one of {@link com.example.platform.edge.EdgeProblemTypes}
	 * @param detail what went wrong, for humans; never internals
	 * @return completes when the body is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.toString());
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", exchange.getRequest().getPath().value());
		String requestId = exchange.getAttribute(CorrelationWebFilter.REQUEST_ID_ATTRIBUTE);
		if (requestId != null) {
			body.put("requestId", requestId);
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] bytes = this.jsonMapper.writeValueAsBytes(body);
		response.getHeaders().setContentLength(bytes.length);
		DataBuffer buffer = response.bufferFactory().wrap(bytes);
		return response.writeWith(Mono.just(buffer));
	}

}
