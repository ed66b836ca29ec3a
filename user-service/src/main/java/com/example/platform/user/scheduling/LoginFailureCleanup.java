package com.example.platform.user.scheduling;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.example.platform.user.login.LoginService;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges stale failed-login counters on a timer
 * ({@code platform.auth.throttle.cleanup-interval}, default ten minutes).
 */
@Component
class LoginFailureCleanup {

	private static final Log logger = LogFactory.getLog(LoginFailureCleanup.class);

	private final LoginService logins;

	LoginFailureCleanup(LoginService logins) {
		this.logins = logins;
	}

	@Scheduled(fixedDelayString = "${platform.auth.throttle.cleanup-interval:PT10M}")
	void purgeStaleLoginFailures() {
		int purged = this.logins.purgeStaleFailures();
		if (purged > 0) {
			logger.debug("Purged " + purged + " stale login failure counters");
		}
	}

}
