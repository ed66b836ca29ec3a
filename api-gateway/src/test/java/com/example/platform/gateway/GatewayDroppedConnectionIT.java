package com.example.platform.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.example.platform.gateway.GatewayIT.expectProblem;

/**
 * The service behind a route dies while it handles a request (killed, as in a crash): its
 * connection is reset before any answer. The client gets a {@code 502} problem telling it
 * to retry, not a {@code 500}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class GatewayDroppedConnectionIT {

	private static final ResettingServer service = new ResettingServer();

	@Value("${local.server.port}")
	int port;

	WebTestClient client;

	@DynamicPropertySource
	static void downstream(DynamicPropertyRegistry registry) {
		registry.add("USER_SERVICE_URL", () -> "http://127.0.0.1:" + service.port());
		registry.add("PLATFORM_AUTH_ISSUER", () -> DownstreamStub.ISSUER);
	}

	@AfterAll
	static void stop() throws IOException {
		service.close();
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@Test
	void answersBadGatewayWhenTheServiceResetsTheConnectionBeforeAnswering() {
		expectProblem(this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"a@example.com\",\"password\":\"whatever\"}")
			.exchange(), HttpStatus.BAD_GATEWAY, "bad-gateway").jsonPath("$.detail")
			.isEqualTo("The service behind /api/auth/login closed the connection before answering. Retry later.");
	}

	/**
	 * Accepts each connection, reads the start of the request and resets the connection
	 * (linger zero: an RST, as the kernel sends for a killed process's sockets).
	 */
	private static final class ResettingServer implements AutoCloseable {

		private final ServerSocket socket;

		ResettingServer() {
			try {
				this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread.ofVirtual().name("resetting-server").start(this::serve);
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket connection = this.socket.accept()) {
					InputStream in = connection.getInputStream();
					in.read(new byte[1024]);
					connection.setSoLinger(true, 0);
				}
				catch (IOException ex) {
					// closed, or the client went away first: next connection
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
