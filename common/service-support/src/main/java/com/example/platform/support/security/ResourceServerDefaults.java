package com.example.platform.support.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every service's security filter chain shares: stateless JWT resource server
 * (signature, issuer and expiry checked locally against the platform's JWK Set), no
 * session, no CSRF (no cookies are used), and problem+json for 401/403. Services add
 * their own authorization rules.
 */
public class ResourceServerDefaults implements Customizer<HttpSecurity> {

	private final ProblemSecurityHandlers handlers;

	/**
	 * @param handlers the 401/403 problem writers
	 */
	public ResourceServerDefaults(ProblemSecurityHandlers handlers) {
		this.handlers = handlers;
	}

	@Override
	public void customize(HttpSecurity http) {
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(this.handlers).accessDeniedHandler(this.handlers))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(this.handlers)
				.accessDeniedHandler(this.handlers));
	}

}
