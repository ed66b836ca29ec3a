package com.example.platform.user.config;

import com.example.platform.support.security.ResourceServerDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's filter chain: a JWT resource server like every service; only registration,
 * login, health and the API docs are open.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

	@Bean
	@Order(2)
	public SecurityFilterChain apiFilterChain(HttpSecurity http, ResourceServerDefaults resourceServer)
			throws Exception {
		resourceServer.customize(http);
		http.authorizeHttpRequests(
				authorize -> authorize.requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login")
					.permitAll()
					.requestMatchers("/livez", "/readyz", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
							"/swagger-ui/**", "/error")
					.permitAll()
					.anyRequest()
					.authenticated());
		return http.build();
	}

}
