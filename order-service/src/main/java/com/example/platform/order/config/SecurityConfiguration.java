package com.example.platform.order.config;

import com.example.platform.support.security.ResourceServerDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The order service is a JWT resource server; the price list, health and API docs are
 * open.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	public SecurityFilterChain apiFilterChain(HttpSecurity http, ResourceServerDefaults resourceServer)
			throws Exception {
		resourceServer.customize(http);
		http.authorizeHttpRequests(
				authorize -> authorize.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**")
					.permitAll()
					.requestMatchers("/livez", "/readyz", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
							"/swagger-ui/**", "/error")
					.permitAll()
					.anyRequest()
					.authenticated());
		return http.build();
	}

}
