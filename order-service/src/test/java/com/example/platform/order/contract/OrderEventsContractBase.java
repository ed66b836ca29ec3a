package com.example.platform.order.contract;

import java.util.UUID;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.ordering.UserDirectory;
import com.example.platform.testing.contract.KafkaContractMessaging;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.contract.verifier.messaging.boot.AutoConfigureMessageVerifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The base class of the tests generated from {@code contracts/<consumer>/messaging}: the
 * whole service on the real broker, with payment-service unreachable (nothing listens on
 * its port), so each trigger places an order through the HTTP API and the event the test
 * reads is the one the real outbox sent. The customer check is the only double: the
 * events do not depend on it.
 */
@OrderServiceIntegrationTest
@AutoConfigureMessageVerifier
@KafkaContractMessaging
public abstract class OrderEventsContractBase {

	static final String USER = "0e5e2a8c-3333-4aaa-8bbb-0000000000aa";

	@MockitoBean
	UserDirectory users;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void paymentServiceDown(DynamicPropertyRegistry registry) {
		int closed = ProviderStubs.freePort();
		registry.add("platform.orders.payment-service.base-url", () -> "http://127.0.0.1:" + closed);
	}

	/**
	 * Places two bags of beans and a cup for {@link #USER} while payment-service cannot
	 * be reached: answered 202, the charge requested by event.
	 */
	public void requestPaymentWhilePaymentServiceIsDown() {
		given(this.users.exists(any())).willReturn(true);
		DependenciesDownIT.place(this.port, USER, UUID.randomUUID().toString(), """
				{"items": [{"sku": "COFFEE-BEANS-1KG", "quantity": 2}, {"sku": "ESPRESSO-CUP", "quantity": 1}],
				 "paymentMethod": "tok_visa"}""").expectStatus().isAccepted();
	}

}
