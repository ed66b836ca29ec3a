package com.example.platform.order.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.DependencyUnavailableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

class HttpUserDirectoryTests {

	private final UserServiceApi api = mock();

	private final HttpUserDirectory users = new HttpUserDirectory(this.api,
			new RemoteCalls("user service", 0, Duration.ZERO, Duration.ofMinutes(1)));

	@Test
	void confirmsACustomerTheUserServiceKnows() {
		UUID customer = UUID.randomUUID();
		given(this.api.user(customer)).willReturn(new UserServiceApi.UserBody(customer));

		assertThat(this.users.exists(customer)).isTrue();

		then(this.api).should(times(1)).user(customer);
	}

	@Test
	void turnsRefusedServiceCredentialsIntoAnUnavailableDependency() {
		UUID customer = UUID.randomUUID();
		given(this.api.user(customer)).willThrow(HttpClientErrorException.create(HttpStatus.UNAUTHORIZED,
				"Unauthorized", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8));

		assertThatExceptionOfType(DependencyUnavailableException.class).isThrownBy(() -> this.users.exists(customer));
	}

	@Test
	void asksAgainForAnUnknownIdEveryTime() {
		UUID stranger = UUID.randomUUID();
		given(this.api.user(stranger)).willThrow(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found",
				HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8));

		assertThat(this.users.exists(stranger)).isFalse();
		assertThat(this.users.exists(stranger)).isFalse();

		then(this.api).should(times(2)).user(stranger);
	}

}
