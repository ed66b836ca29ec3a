package com.example.platform.user.login;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed-login counters. Counting is one atomic upsert, so concurrent failures for the
 * same address are all counted.
 */
public interface LoginFailureRepository extends JpaRepository<LoginFailure, String> {

	/**
	 * Counts one failure: starts a new window when there is none or the last one is
	 * stale.
	 * @param emailKey the address key
	 * @param now the time of the failure
	 * @param staleBefore windows that started before this are over
	 */
	@Transactional
	@Modifying
	@Query(nativeQuery = true, value = """
			insert into login_failure (email_key, failures, window_started_at) values (:emailKey, 1, :now)
			on conflict (email_key) do update set
			  failures = case when login_failure.window_started_at < :staleBefore then 1
			                  else login_failure.failures + 1 end,
			  window_started_at = case when login_failure.window_started_at < :staleBefore then :now
			                           else login_failure.window_started_at end
			""")
	void recordFailure(String emailKey, Instant now, Instant staleBefore);

	@Transactional
	@Modifying
	@Query("delete from LoginFailure f where f.windowStartedAt < :staleBefore")
	int deleteStale(Instant staleBefore);

}
