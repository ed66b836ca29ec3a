package com.example.platform.support.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.platform.edge.EdgeProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the platform's problem details, and flattens them for places that write the body
 * themselves (security entry points, the error controller).
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * A problem with a stable type, the status' reason phrase as title, and a detail for
	 * humans.
	 * @param status the HTTP status
	 * @param type one of {@link ProblemTypes}
	 * @param detail what went wrong and, where useful, what to do
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	/**
	 * The problem as the JSON object RFC 9457 describes (extension members at the top
	 * level).
	 * @param problem the problem
	 * @return an ordered map ready for a JSON writer
	 */
	public static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

	/**
	 * The {@code instance} of a problem: the path the client asked for.
	 * @param requestUri the request URI as the container has it (still encoded)
	 * @return it as a URI, or {@code null} when it is not one
	 */
	public static URI instance(String requestUri) {
		if (requestUri == null) {
			return null;
		}
		try {
			return new URI(requestUri);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * The type for a status when nothing more specific is known.
	 * @param status the HTTP status
	 * @return the type every edge of the platform uses for it
	 */
	public static URI typeFor(HttpStatus status) {
		return EdgeProblemTypes.forStatus(status.value());
	}

}
