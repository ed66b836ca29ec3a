package com.example.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.minidev.json.parser.JSONParser;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files no build runs (there is no Docker engine here or on CI):
 * Prometheus' scrape config, Grafana's provisioning and platform dashboard, and
 * docker-compose.yml, parsed and held to what the services expose: their management
 * ports, their meters, their probes on the main port, and the Kafka broker they wait for.
 */
class DeploymentFilesTests {

	/** The services built from deploy/service.Dockerfile, and their management ports. */
	private static final Map<String, Integer> managementPorts = Map.of("api-gateway", 9080, "user-service", 9081,
			"order-service", 9082, "payment-service", 9083);

	/**
	 * The Prometheus names of the meters the services register (a timer's name is
	 * followed by _count, _sum, _max or _bucket; jvm_ stands for Micrometer's JVM
	 * meters). A dashboard query naming anything else would draw an empty panel.
	 */
	private static final List<String> knownMeterPrefixes = List.of("http_server_requests_seconds_",
			"http_client_requests_seconds_", "spring_cloud_gateway_requests_seconds_", "jvm_", "hikaricp_connections",
			"process_cpu_usage", "resilience4j_circuitbreaker_state", "resilience4j_circuitbreaker_failure_rate",
			"orders_placed_total", "payments_charges_total", "payments_refunds_total", "orders_reconciliation_backlog",
			"payments_resolution_backlog");

	/** Only the gateway and the observability UIs are published, each on loopback. */
	private static final Set<String> publishedServices = Set.of("api-gateway", "zipkin", "prometheus", "grafana");

	private static final String serviceDockerfile = "deploy/service.Dockerfile";

	private static final String prometheusConfig = "deploy/prometheus/prometheus.yml";

	private static final String dashboardFile = "deploy/grafana/dashboards/platform.json";

	private static final String datasourcesFile = "deploy/grafana/provisioning/datasources/prometheus.yml";

	private static final String dashboardProviderFile = "deploy/grafana/provisioning/dashboards/platform.yml";

	// What a PromQL expression holds besides metric names, removed before reading them.
	private static final Pattern quoted = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern grafanaVariables = Pattern.compile("\\$\\{?\\w+}?");

	private static final Pattern labelMatchers = Pattern.compile("\\{[^}]*}");

	private static final Pattern ranges = Pattern.compile("\\[[^]]*]");

	private static final Pattern labelLists = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	// A name not glued to a number or another name, and not a function (followed by "(").
	private static final Pattern identifier = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");

	private static final Set<String> keywords = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	private static final Pattern labelValuesQuery = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)");

	private final Path root = PlatformOptions.findProjectRoot(Path.of(""));

	@Test
	void prometheusScrapesEveryServiceOnItsManagementPort() throws IOException {
		List<Map<String, Object>> jobs = maps(yaml(prometheusConfig).get("scrape_configs"));
		assertThat(jobs).as("%s: scrape_configs", prometheusConfig).isNotEmpty();
		SoftAssertions softly = new SoftAssertions();
		new TreeMap<>(managementPorts).forEach((service, port) -> {
			String target = service + ":" + port;
			List<Map<String, Object>> scraping = jobs.stream().filter((job) -> targets(job).contains(target)).toList();
			softly.assertThat(scraping)
				.as("%s: a scrape job with target %s (%s's management port); the jobs' targets: %s", prometheusConfig,
						target, service, describeTargets(jobs))
				.hasSize(1);
			scraping.forEach((job) -> softly.assertThat(job.get("metrics_path"))
				.as("%s: metrics_path of job %s", prometheusConfig, job.get("job_name"))
				.isEqualTo("/actuator/prometheus"));
		});
		softly.assertAll();
	}

	@Test
	void dashboardPanelsQueryTheProvisionedPrometheusForKnownMetersOnly() throws Exception {
		Map<String, Object> dashboard = json(dashboardFile);
		String datasource = prometheusDatasourceUid();
		assertThat(string(dashboard.get("title"))).as("%s: title", dashboardFile).isNotBlank();
		assertThat(string(dashboard.get("uid"))).as("%s: uid (keeps its address stable)", dashboardFile).isNotBlank();
		assertThat(dashboard.get("schemaVersion")).as("%s: schemaVersion", dashboardFile).isInstanceOf(Number.class);
		List<Map<String, Object>> panels = panelsOutsideRows(maps(dashboard.get("panels")));
		assertThat(panels).as("%s: panels (rows aside)", dashboardFile).isNotEmpty();

		SoftAssertions softly = new SoftAssertions();
		Set<Object> ids = new HashSet<>();
		for (Map<String, Object> panel : panels) {
			String name = dashboardFile + ": panel '" + panel.get("title") + "'";
			softly.assertThat(ids.add(panel.get("id"))).as("%s: id %s not used twice", name, panel.get("id")).isTrue();
			softly.assertThat(datasourceUid(panel.get("datasource")))
				.as("%s: datasource (the provisioned Prometheus, uid '%s')", name, datasource)
				.isEqualTo(datasource);
			List<Map<String, Object>> targets = maps(panel.get("targets"));
			softly.assertThat(targets).as("%s: targets", name).isNotEmpty();
			for (Map<String, Object> target : targets) {
				String query = name + ", target " + target.get("refId");
				if (target.containsKey("datasource")) {
					softly.assertThat(datasourceUid(target.get("datasource")))
						.as("%s: datasource", query)
						.isEqualTo(datasource);
				}
				String expr = string(target.get("expr"));
				softly.assertThat(expr).as("%s: expr", query).isNotBlank();
				softly.assertThat(unknownMeters(expr))
					.as("%s: metric names that are none of the services' meters %s, in: %s", query, knownMeterPrefixes,
							expr)
					.isEmpty();
			}
		}
		for (Map<String, Object> variable : maps(map(dashboard.get("templating")).get("list"))) {
			Object query = variable.get("query");
			String expr = string((query instanceof Map<?, ?> editor) ? editor.get("query") : query);
			Matcher labelValues = labelValuesQuery.matcher(expr);
			softly.assertThat(unknownMeters(labelValues.matches() ? labelValues.group(1) : expr))
				.as("%s: variable '%s': metric names that are none of the services' meters, in: %s", dashboardFile,
						variable.get("name"), expr)
				.isEmpty();
		}
		softly.assertAll();
	}

	@Test
	void metricNamesAreReadFromPromQlWithoutFunctionsLabelsRangesOrVariables() {
		assertThat(metricNames("histogram_quantile(0.99, sum by (application, le) (rate("
				+ "http_server_requests_seconds_bucket{uri!~\"/actuator.*|{x}\", outcome=\"SERVER_ERROR\"}"
				+ "[$__rate_interval])))"))
			.containsExactly("http_server_requests_seconds_bucket");
		assertThat(metricNames("max by (name) (a_state{state=\"open\"}) * 2 + on (name) group_left (x) "
				+ "sum without (pool) (b_total offset 5m) or vector(1e3) > bool 0"))
			.containsExactly("a_state", "b_total");
		assertThat(unknownMeters("sum(rate(orders_placed_total[1m])) / sum(rate(http_server_requests_total[1m]))"))
			.containsExactly("http_server_requests_total");
	}

	@Test
	void grafanaGetsThePrometheusAndTheDashboardsThatComposeMounts() throws IOException {
		Map<String, Map<String, Object>> services = composeServices();
		assertThat(services).as("docker-compose.yml: services").containsKeys("prometheus", "grafana", "zipkin");
		Map<String, Object> datasource = prometheusDatasource();
		assertThat(string(datasource.get("url"))).as("%s: url of the Prometheus datasource", datasourcesFile)
			.isEqualTo("http://prometheus:9090");

		List<String> prometheusVolumes = strings(services.get("prometheus").get("volumes"));
		assertThat(prometheusVolumes).as("docker-compose.yml: prometheus' volumes")
			.contains("./" + prometheusConfig + ":/etc/prometheus/prometheus.yml:ro");
		List<String> command = strings(services.get("prometheus").get("command"));
		assertThat(command.stream().filter((argument) -> argument.startsWith("--config.file=")))
			.as("docker-compose.yml: prometheus' --config.file")
			.allMatch("--config.file=/etc/prometheus/prometheus.yml"::equals);

		List<String> grafanaVolumes = strings(services.get("grafana").get("volumes"));
		List<Map<String, Object>> providers = maps(yaml(dashboardProviderFile).get("providers"));
		assertThat(providers).as("%s: providers", dashboardProviderFile).isNotEmpty();
		String dashboards = string(map(providers.get(0).get("options")).get("path"));
		assertThat(grafanaVolumes).as("docker-compose.yml: grafana's volumes")
			.contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
					"./deploy/grafana/dashboards:" + dashboards + ":ro");
	}

	@Test
	void composeRunsEveryServiceWithItsProbesTracingAndAnInsideOnlyManagementPort() throws IOException {
		Map<String, Map<String, Object>> services = composeServices();
		Map<String, Map<String, Object>> built = new TreeMap<>();
		services.forEach((name, service) -> {
			if (serviceDockerfile.equals(map(service.get("build")).get("dockerfile"))) {
				built.put(name, service);
			}
		});
		assertThat(built.keySet()).as("docker-compose.yml: services built from %s", serviceDockerfile)
			.containsExactlyInAnyOrderElementsOf(managementPorts.keySet());

		SoftAssertions softly = new SoftAssertions();
		built.forEach((name, service) -> {
			String where = "docker-compose.yml: " + name;
			Map<String, String> environment = environment(service.get("environment"));
			String port = environment.get("SERVER_PORT");
			softly.assertThat(port).as("%s: SERVER_PORT", where).isNotBlank();
			String healthcheck = String.join(" ", strings(map(service.get("healthcheck")).get("test")));
			softly.assertThat(healthcheck)
				.as("%s: healthcheck on /readyz at its main port %s (the actuator is on the management port)", where,
						port)
				.contains("/readyz")
				.contains(String.valueOf(port));
			softly.assertThat(environment)
				.as("%s: environment", where)
				.containsEntry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0")
				.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true")
				.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans")
				.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
				.containsKey("MANAGEMENT_TRACING_SAMPLING_PROBABILITY")
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
			softly.assertThat(dependencies(service.get("depends_on"))).as("%s: depends_on", where).contains("zipkin");
			softly.assertThat(map(map(service.get("depends_on")).get("kafka")))
				.as("%s: depends_on kafka (started only once the broker is healthy)", where)
				.containsEntry("condition", "service_healthy");
		});
		softly.assertAll();
	}

	@Test
	void composeRunsOneKraftKafkaNodeOfTheClientsReleaseWithAHealthcheck() throws IOException {
		Map<String, Object> kafka = composeServices().get("kafka");
		assertThat(kafka).as("docker-compose.yml: a kafka service").isNotNull();
		// The clients on this classpath are the release Boot manages (kafka.version).
		String release = org.apache.kafka.common.utils.AppInfoParser.getVersion();
		assertThat(string(kafka.get("image"))).as("docker-compose.yml: kafka's image")
			.isEqualTo("apache/kafka:" + release);
		Map<String, String> environment = environment(kafka.get("environment"));
		assertThat(environment).as("docker-compose.yml: kafka's environment")
			.containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092")
			.containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
			.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
			.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
			.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
			.containsKeys("CLUSTER_ID", "KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_LISTENERS")
			.doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
		assertThat(String.join(" ", strings(map(kafka.get("healthcheck")).get("test"))))
			.as("docker-compose.yml: kafka's healthcheck asks the broker itself")
			.contains("kafka-broker-api-versions.sh", "--bootstrap-server localhost:9092");
		assertThat(strings(kafka.get("ports"))).as("docker-compose.yml: kafka is not published").isEmpty();
	}

	@Test
	void composePublishesOnlyTheGatewayAndTheObservabilityUisOnLoopback() throws IOException {
		Map<String, Map<String, Object>> services = composeServices();
		Map<String, List<String>> published = new TreeMap<>();
		services.forEach((name, service) -> {
			List<String> ports = strings(service.get("ports"));
			if (!ports.isEmpty()) {
				published.put(name, ports);
			}
		});
		assertThat(published.keySet()).as("docker-compose.yml: services with published ports: %s", published)
			.containsExactlyInAnyOrderElementsOf(publishedServices);
		SoftAssertions softly = new SoftAssertions();
		published.forEach((name, ports) -> {
			softly.assertThat(ports)
				.as("docker-compose.yml: %s's ports", name)
				.allMatch((p) -> p.startsWith("127.0.0.1:"));
			for (int management : managementPorts.values()) {
				softly.assertThat(ports)
					.as("docker-compose.yml: %s's ports (management port %s is for inside the network only)", name,
							management)
					.noneMatch((p) -> p.endsWith(":" + management));
			}
		});
		softly.assertAll();
	}

	static Set<String> metricNames(String expr) {
		String names = quoted.matcher(expr).replaceAll(" ");
		names = grafanaVariables.matcher(names).replaceAll(" ");
		names = labelMatchers.matcher(names).replaceAll(" ");
		names = ranges.matcher(names).replaceAll(" ");
		names = labelLists.matcher(names).replaceAll(" ");
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = identifier.matcher(names);
		while (matcher.find()) {
			if (!keywords.contains(matcher.group().toLowerCase())) {
				found.add(matcher.group());
			}
		}
		return found;
	}

	static List<String> unknownMeters(String expr) {
		return metricNames(expr).stream()
			.filter((name) -> knownMeterPrefixes.stream().noneMatch(name::startsWith))
			.toList();
	}

	private String prometheusDatasourceUid() throws IOException {
		String uid = string(prometheusDatasource().get("uid"));
		assertThat(uid).as("%s: uid of the Prometheus datasource (the panels name it)", datasourcesFile).isNotBlank();
		return uid;
	}

	private Map<String, Object> prometheusDatasource() throws IOException {
		List<Map<String, Object>> prometheus = maps(yaml(datasourcesFile).get("datasources")).stream()
			.filter((datasource) -> "prometheus".equals(datasource.get("type")))
			.toList();
		assertThat(prometheus).as("%s: datasources of type prometheus", datasourcesFile).hasSize(1);
		return prometheus.get(0);
	}

	private static String datasourceUid(Object datasource) {
		return string((datasource instanceof Map<?, ?> reference) ? reference.get("uid") : datasource);
	}

	private static List<Map<String, Object>> panelsOutsideRows(List<Map<String, Object>> panels) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (Map<String, Object> panel : panels) {
			if ("row".equals(panel.get("type"))) {
				all.addAll(panelsOutsideRows(maps(panel.get("panels"))));
			}
			else {
				all.add(panel);
			}
		}
		return all;
	}

	private static List<String> targets(Map<String, Object> job) {
		return maps(job.get("static_configs")).stream()
			.flatMap((staticConfig) -> strings(staticConfig.get("targets")).stream())
			.toList();
	}

	private static Map<Object, List<String>> describeTargets(List<Map<String, Object>> jobs) {
		Map<Object, List<String>> described = new LinkedHashMap<>();
		jobs.forEach((job) -> described.put(job.get("job_name"), targets(job)));
		return described;
	}

	private Map<String, Map<String, Object>> composeServices() throws IOException {
		Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));
		assertThat(services).as("docker-compose.yml: services").isNotEmpty();
		Map<String, Map<String, Object>> byName = new TreeMap<>();
		services.forEach((name, service) -> byName.put(name, map(service)));
		return byName;
	}

	/** Compose takes a map or a list of NAME=value. */
	private static Map<String, String> environment(Object environment) {
		Map<String, String> variables = new TreeMap<>();
		if (environment instanceof List<?> list) {
			list.forEach((entry) -> {
				String[] variable = String.valueOf(entry).split("=", 2);
				variables.put(variable[0], (variable.length > 1) ? variable[1] : "");
			});
		}
		else {
			map(environment).forEach((name, value) -> variables.put(name, string(value)));
		}
		return variables;
	}

	/** Compose takes a list of names or a map of name to condition. */
	private static Set<String> dependencies(Object dependsOn) {
		return (dependsOn instanceof List<?>) ? new LinkedHashSet<>(strings(dependsOn)) : map(dependsOn).keySet();
	}

	private Map<String, Object> yaml(String file) throws IOException {
		Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
		assertThat(document).as("%s: a YAML mapping", file).isInstanceOf(Map.class);
		return map(document);
	}

	private Map<String, Object> json(String file) throws Exception {
		Object document = new JSONParser(JSONParser.MODE_RFC4627).parse(read(file));
		assertThat(document).as("%s: a JSON object", file).isInstanceOf(Map.class);
		return map(document);
	}

	private String read(String file) throws IOException {
		Path path = this.root.resolve(file);
		assertThat(path).as("%s in the repository", file).isRegularFile();
		return Files.readString(path);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

	private static List<Map<String, Object>> maps(Object value) {
		return (value instanceof List<?> list) ? list.stream().map((element) -> map(element)).toList() : List.of();
	}

	private static List<String> strings(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(DeploymentFilesTests::string).toList();
		}
		return (value != null) ? List.of(string(value)) : List.of();
	}

	private static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

}
