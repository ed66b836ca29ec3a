package com.example.platform.payment.config;

import com.example.platform.support.security.ResourceServerDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API as a JWT resource server: creating payments and refunds takes the
 * {@code internal} scope (the platform's services); reading takes any valid token, and
 * the use cases show users only their own payments.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	static final String INTERNAL = "SCOPE_internal";

	@Bean
	SecurityFilterChain apiFilterChain(HttpSecurity http, ResourceServerDefaults resourceServer) throws Exception {
		resourceServer.customize(http);
		http.authorizeHttpRequests(authorize -> authorize
			.requestMatchers("/livez", "/readyz", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
					"/swagger-ui/**", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/payments", "/api/payments/*/refunds")
			.hasAuthority(INTERNAL)
			.anyRequest()
			.authenticated());
		return http.build();
	}

}
