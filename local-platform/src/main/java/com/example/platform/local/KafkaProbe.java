package com.example.platform.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Whether a Kafka broker on loopback answers: its port accepts a connection, then it
 * describes its cluster (a broker that is up, unfenced, with an active controller). The
 * cheap connection check first keeps the Kafka client from logging a refused connection
 * on every poll while the broker starts.
 */
final class KafkaProbe {

	private KafkaProbe() {
	}

	/**
	 * @param port the broker's client port on 127.0.0.1
	 * @param timeout the longest this check may take
	 * @return whether it answered with at least one broker and a controller
	 */
	static boolean answers(int port, Duration timeout) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
		}
		catch (IOException ex) {
			return false;
		}
		int millis = (int) timeout.toMillis();
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(port),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				millis, AdminClientConfig.CLIENT_ID_CONFIG, "local-platform-probe");
		try (Admin admin = Admin.create(config)) {
			DescribeClusterResult cluster = admin.describeCluster();
			return !cluster.nodes().get(millis, TimeUnit.MILLISECONDS).isEmpty()
					&& cluster.controller().get(millis, TimeUnit.MILLISECONDS) != null;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * @param port the broker's client port
	 * @return its bootstrap address on loopback, e.g. {@code 127.0.0.1:19092}
	 */
	static String bootstrap(int port) {
		return "127.0.0.1:" + port;
	}

}
