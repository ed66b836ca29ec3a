package com.example.platform.order.persistence;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.CustomerReplica;
import com.example.platform.order.ordering.DependencyUnavailableException;
import com.example.platform.order.ordering.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class ReplicatedUserDirectoryTests {

	private final CustomerReplica replica = mock();

	private final UserDirectory userService = mock();

	private final ReplicatedUserDirectory users = new ReplicatedUserDirectory(this.replica, this.userService,
			Duration.ofMinutes(10), 100);

	private final UUID customer = UUID.randomUUID();

	@Test
	void confirmsACustomerInTheReplicaWithoutAskingTheUserService() {
		given(this.replica.contains(this.customer)).willReturn(true);

		assertThat(this.users.exists(this.customer)).isTrue();

		then(this.userService).should(never()).exists(any());
		then(this.replica).should(never()).confirmed(any());
	}

	@Test
	void readsTheReplicaOnceThenRemembersTheCustomer() {
		given(this.replica.contains(this.customer)).willReturn(true);

		assertThat(this.users.exists(this.customer)).isTrue();
		assertThat(this.users.exists(this.customer)).isTrue();

		then(this.replica).should(times(1)).contains(this.customer);
	}

	@Test
	void confirmsACustomerInTheReplicaWhileTheUserServiceIsDown() {
		given(this.replica.contains(this.customer)).willReturn(true);
		given(this.userService.exists(any())).willThrow(
				new DependencyUnavailableException("user service", new IllegalStateException("connection refused")));

		assertThat(this.users.exists(this.customer)).isTrue();
	}

	@Test
	void asksTheUserServiceOnlyOnAMissAndRecordsWhatItConfirms() {
		given(this.userService.exists(this.customer)).willReturn(true);

		assertThat(this.users.exists(this.customer)).isTrue();
		assertThat(this.users.exists(this.customer)).isTrue();

		then(this.userService).should(times(1)).exists(this.customer);
		then(this.replica).should(times(1)).contains(this.customer);
		then(this.replica).should().confirmed(this.customer);
	}

	@Test
	void asksAgainForAnUnknownIdEveryTimeAndRecordsNothing() {
		UUID stranger = UUID.randomUUID();

		assertThat(this.users.exists(stranger)).isFalse();
		assertThat(this.users.exists(stranger)).isFalse();

		then(this.userService).should(times(2)).exists(stranger);
		then(this.replica).should(never()).confirmed(any());
	}

	@Test
	void cannotSayForACustomerOutsideTheReplicaWhileTheUserServiceIsDown() {
		given(this.userService.exists(this.customer)).willThrow(
				new DependencyUnavailableException("user service", new IllegalStateException("connection refused")));

		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> this.users.exists(this.customer));
		then(this.replica).should(never()).confirmed(any());
	}

}
