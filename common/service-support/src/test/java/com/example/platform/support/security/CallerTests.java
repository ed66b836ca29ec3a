package com.example.platform.support.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerTests {

	@Test
	void aUserIdSubjectIsAUserWithTheTokensScopes() {
		UUID id = UUID.randomUUID();
		Caller caller = Caller.of(id.toString(), AuthorityUtils.createAuthorityList("SCOPE_profile", "ROLE_X"));
		assertThat(caller).isEqualTo(new Caller.User(id, java.util.Set.of("profile")));
		assertThat(caller.subject()).isEqualTo(id.toString());
		assertThat(caller.userId()).contains(id);
		assertThat(caller.requireUser()).isEqualTo(id);
		assertThat(caller.hasScope("profile")).isTrue();
		assertThat(caller.hasScope("internal")).isFalse();
	}

	@Test
	void anyOtherSubjectIsAServiceThatHasNoUser() {
		Caller caller = Caller.of("order-service", AuthorityUtils.createAuthorityList("SCOPE_internal"));
		assertThat(caller).isInstanceOf(Caller.Service.class);
		assertThat(caller.subject()).isEqualTo("order-service");
		assertThat(caller.hasScope("internal")).isTrue();
		assertThat(caller.userId()).isEmpty();
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(caller::requireUser)
			.withMessage("This operation needs a user's token.");
	}

	@Test
	void doesNotTakeOddlyWrittenIdsOrNoSubjectForAUser() {
		assertThat(Caller.of("1-2-3-4-5", List.of())).isInstanceOf(Caller.Service.class);
		assertThat(Caller.of("7c1f3b5e00004a4a9c9c000000000001", List.of())).isInstanceOf(Caller.Service.class);
	}

}
