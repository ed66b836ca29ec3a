package com.example.platform.support.operations;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches the requests that arrived on the management server's port (Boot's
 * {@code management.server.port}, which serves the actuator and binds to loopback by
 * default), learnt from the management server's start. Matches nothing while the
 * management server shares the application's port: then the actuator is as protected as
 * the rest of the API.
 */
public final class ManagementPort implements RequestMatcher, ApplicationListener<WebServerInitializedEvent> {

	/** The server namespace Boot gives the management server's context. */
	static final String NAMESPACE = "management";

	private volatile int port = -1;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		int management = this.port;
		return management > 0 && request.getLocalPort() == management;
	}

	/**
	 * @return the management server's port, or {@code -1} if it has none of its own
	 */
	public int port() {
		return this.port;
	}

}
