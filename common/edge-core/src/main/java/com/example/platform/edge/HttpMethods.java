package com.example.platform.edge;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The methods the platform serves at all. Anything else ({@code TRACE}, {@code CONNECT},
 * WebDAV's {@code PROPFIND}, made-up extension methods) is refused at the edge with
 * {@code 405} and an {@code Allow} header listing these; whether a service has an
 * operation for one of them on a given path is for that service to say.
 */
public final class HttpMethods {

	/**
	 * The methods the platform serves, in the order the {@code Allow} header lists them.
	 */
	public static final List<String> SERVED = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	/** The {@code Allow} header's value when a method is refused at the edge. */
	public static final String ALLOW = String.join(", ", SERVED);

	private static final Set<String> SERVED_SET = Set.copyOf(SERVED);

	private HttpMethods() {
	}

	/**
	 * @param method the request's method, as sent (methods are case-sensitive)
	 * @return whether the platform serves it
	 */
	public static boolean isServed(String method) {
		return method != null && SERVED_SET.contains(method);
	}

	/**
	 * The {@code Allow} header's value for a set of methods: the served ones in the usual
	 * order, then any others alphabetically, without repeats.
	 * @param methods the methods a resource accepts
	 * @return the header value, empty when there are none
	 */
	public static String allow(Collection<String> methods) {
		Comparator<String> usualOrder = Comparator
			.comparingInt((String method) -> SERVED_SET.contains(method) ? SERVED.indexOf(method) : SERVED.size())
			.thenComparing(Comparator.naturalOrder());
		return methods.stream().distinct().sorted(usualOrder).collect(Collectors.joining(", "));
	}

	/**
	 * The problem detail for a method refused at the edge.
	 * @param method the refused method
	 * @return the detail text
	 */
	public static String notServedDetail(String method) {
		return notAllowedDetail(method, ALLOW);
	}

	/**
	 * The problem detail for a method the target does not accept. The method is named
	 * only when it is a plain token, so a client cannot put arbitrary text into the
	 * answer.
	 * @param method the refused method
	 * @param allow what the {@code Allow} header lists
	 * @return the detail text
	 */
	public static String notAllowedDetail(String method, String allow) {
		// Named as sent: methods are case-sensitive, and "get" is not GET.
		String named = (method != null && method.matches("[A-Za-z]{1,20}")) ? method : "of this request";
		return "The method " + named + " is not supported here."
				+ ((allow == null || allow.isEmpty()) ? "" : " Allowed: " + allow + ".");
	}

}
