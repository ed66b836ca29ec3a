package com.example.platform.order.contract;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order API over real HTTP and a real database: the price list, ownership, paging,
 * and bad requests answered before anything is stored or charged.
 */
class OrderApiIT extends WithProviderStubs {

	@Test
	void showsThePriceListWithoutAToken() {
		this.client.get()
			.uri("/api/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.sku == 'ESPRESSO-CUP')].unitPrice.amount")
			.isEqualTo(900)
			.jsonPath("$[?(@.sku == 'FILTER-PAPERS')]")
			.isEmpty();
		this.client.get().uri("/api/products/GRINDER-HAND").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/products/FILTER-PAPERS")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void showsAnOrderOnlyToItsOwner() {
		String id = placeCup(ProviderStubs.KNOWN_USER).get("id").toString();
		String stranger = UUID.randomUUID().toString();
		this.client.get()
			.uri("/api/orders/{id}", id)
			.header("Authorization", "Bearer " + token(ProviderStubs.KNOWN_USER))
			.exchange()
			.expectStatus()
			.isOk();
		for (String uri : new String[] { "/api/orders/" + id, "/api/orders/" + UUID.randomUUID() }) {
			this.client.get()
				.uri(uri)
				.header("Authorization", "Bearer " + token(stranger))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		this.client.post()
			.uri("/api/orders/{id}/cancel", id)
			.header("Authorization", "Bearer " + token(stranger))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void listsTheCallersOrdersNewestFirst() {
		String first = placeCup(ProviderStubs.KNOWN_USER).get("id").toString();
		String second = placeCup(ProviderStubs.KNOWN_USER).get("id").toString();
		this.client.get()
			.uri("/api/orders?size=2")
			.header("Authorization", "Bearer " + token(ProviderStubs.KNOWN_USER))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(second)
			.jsonPath("$.items[1].id")
			.isEqualTo(first)
			.jsonPath("$.size")
			.isEqualTo(2);
	}

	@Test
	void refusesUnknownSkusAndMixedCurrenciesWithoutCharging() {
		place("""
				{"items": [{"sku": "NO-SUCH-SKU", "quantity": 1}], "paymentMethod": "tok_visa"}""").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("items[0].sku");
		place("""
				{"items": [{"sku": "ESPRESSO-CUP", "quantity": 1}, {"sku": "TEA-SAMPLER", "quantity": 1}],
				 "paymentMethod": "tok_visa"}""").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://platform.example/problems/unorderable-items");
	}

	@Test
	void refusesARequestWithoutIdempotencyKey() {
		this.client.post()
			.uri("/api/orders")
			.header("Authorization", "Bearer " + token(ProviderStubs.KNOWN_USER))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"items\": [{\"sku\": \"ESPRESSO-CUP\", \"quantity\": 1}], \"paymentMethod\": \"tok_visa\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private Map<String, Object> placeCup(String user) {
		Map<String, Object> order = this.client.post()
			.uri("/api/orders")
			.header("Authorization", "Bearer " + token(user))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"items\": [{\"sku\": \"ESPRESSO-CUP\", \"quantity\": 1}], \"paymentMethod\": \"tok_visa\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(order).containsKey("id");
		return order;
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec place(String body) {
		return this.client.post()
			.uri("/api/orders")
			.header("Authorization", "Bearer " + token(ProviderStubs.KNOWN_USER))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
