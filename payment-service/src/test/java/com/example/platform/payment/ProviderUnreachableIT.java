package com.example.platform.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.payments.PaymentStatus;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider nobody answers for (connection refused): the payment is answered
 * {@code PENDING} at once, and the resolver fails it after its attempts, with the reason.
 */
@PaymentServiceIntegrationTest
class ProviderUnreachableIT {

	@DynamicPropertySource
	static void unreachableProvider(DynamicPropertyRegistry registry) {
		registry.add("platform.payments.provider.base-url", () -> "http://127.0.0.1:" + closedPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	PaymentRepository payments;

	@Test
	void connectionRefusedIsPendingThenFailedWithTheReason() {
		Answer answer = new ApiClient(this.port).post("/api/payments",
				TestTokenIssuer.shared().serviceToken("order-service"), PaymentRequests.newKey(),
				PaymentRequests.createBody(UUID.randomUUID(), "tok_visa"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.<String>json("$.status")).isEqualTo("PENDING");
		UUID id = UUID.fromString(answer.json("$.id"));
		assertThat(this.payments.findById(id).orElseThrow().getFailureReason()).contains("connection refused");
		await().atMost(Duration.ofSeconds(40))
			.untilAsserted(() -> assertThat(this.payments.findById(id).orElseThrow().getStatus())
				.isEqualTo(PaymentStatus.FAILED));
		Payment failed = this.payments.findById(id).orElseThrow();
		assertThat(failed.getFailureReason()).contains("after 3 resolver attempts", "connection refused");
	}

	private static int closedPort() {
		// A port that was free a moment ago and that nothing listens on.
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
