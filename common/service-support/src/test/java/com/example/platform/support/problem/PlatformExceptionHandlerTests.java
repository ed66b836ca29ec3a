package com.example.platform.support.problem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler in front of a tiny controller, as every service has it: parameter and
 * method errors become problems that name the parameter and never show a Java type or an
 * object's {@code toString()}.
 */
class PlatformExceptionHandlerTests {

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new ThingController())
		.setControllerAdvice(new PlatformExceptionHandler())
		.build());

	@Test
	void refusesARepeatedIntegerParameterNamingIt() {
		MvcTestResult result = this.mvc.get().uri("/things?page=a&page=b").exchange();
		assertBadParameter(result, "page", "must be a single integer");
	}

	@Test
	void refusesARepeatedUuidParameterNamingIt() {
		MvcTestResult result = this.mvc.get().uri("/things/by-order?orderId=a&orderId=b").exchange();
		assertBadParameter(result, "orderId", "must be a single UUID");
	}

	@Test
	void refusesAParameterOfTheWrongFormWithoutEchoingIt() {
		MvcTestResult result = this.mvc.get().uri("/things?size=\u001b[31mred").exchange();
		assertBadParameter(result, "size", "must be an integer");
		assertThat(result).bodyText().doesNotContain("red");
	}

	@Test
	void refusesAPathVariableOfTheWrongForm() {
		assertBadParameter(this.mvc.get().uri("/things/not-a-uuid").exchange(), "id", "must be a UUID");
	}

	@Test
	void refusesAnUnknownEnumValueListingTheNames() {
		assertBadParameter(this.mvc.get().uri("/things?colour=PURPLE").exchange(), "colour",
				"must be one of RED, GREEN");
	}

	@Test
	void answersAMethodWithoutOperationWith405AndAllow() {
		MvcTestResult result = this.mvc.delete().uri("/things").exchange();
		assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("Allow", "GET");
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://platform.example/problems/method-not-allowed");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The method DELETE is not supported here. Allowed: GET.");
	}

	private static void assertBadParameter(MvcTestResult result, String name, String message) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://platform.example/problems/bad-request");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Parameter '" + name + "' " + message + ".");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(name);
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo(message);
		assertThat(result).bodyText().doesNotContain("java", "[L", "@", "String", "Exception", "Failed to convert");
	}

	enum Colour {

		RED, GREEN

	}

	@RestController
	static class ThingController {

		@GetMapping("/things")
		Map<String, Object> things(@RequestParam(defaultValue = "0") int page,
				@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "RED") Colour colour) {
			return Map.of("page", page, "size", size, "colour", colour);
		}

		@GetMapping("/things/by-order")
		Map<String, Object> byOrder(@RequestParam UUID orderId) {
			return Map.of("orderId", orderId);
		}

		@GetMapping("/things/{id}")
		Map<String, Object> thing(@PathVariable UUID id) {
			return Map.of("id", id);
		}

	}

}
