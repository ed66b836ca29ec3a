package com.example.platform.user.scheduling;

import org.junit.jupiter.api.Test;

import com.example.platform.user.login.LoginService;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class LoginFailureCleanupTests {

	private final LoginService logins = mock();

	@Test
	void purgesStaleCountersThroughTheLoginService() {
		given(this.logins.purgeStaleFailures()).willReturn(2);

		new LoginFailureCleanup(this.logins).purgeStaleLoginFailures();

		then(this.logins).should().purgeStaleFailures();
	}

}
