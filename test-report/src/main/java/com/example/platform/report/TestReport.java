package com.example.platform.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One page that shows how strong the test suite is, per module and per layer: tests run
 * and their time (Surefire and Failsafe reports), line coverage (the JaCoCo CSVs this
 * module's build writes per layer), mutation score (PIT), contracts verified and
 * consumed, and where the Gatling reports are. It reads what the build left under each
 * module's {@code target/} and writes {@code target/site/test-report.html} at the
 * repository root. Only the JDK: {@code .ci/run} runs it again as a source file at its
 * end, when PIT and Gatling have added their results.
 */
public final class TestReport {

	/** The test layers, in the page's order. */
	enum Layer {

		UNIT("unit"), CONTRACT("contract"), INTEGRATION("integration"), END_TO_END("end-to-end");

		private final String label;

		Layer(String label) {
			this.label = label;
		}

	}

	/**
	 * The coverage reports, one per layer (contract tests run with the integration
	 * tests).
	 */
	static final List<String> COVERAGE_LAYERS = List.of("unit", "integration", "e2e", "all");

	private final Path root;

	TestReport(Path root) {
		this.root = root;
	}

	/**
	 * @param args the repository root (default: the working directory)
	 * @throws IOException if the page cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path root = Path.of((args.length > 0) ? args[0] : ".").toAbsolutePath().normalize();
		TestReport report = new TestReport(root);
		List<ModuleFigures> modules = report.read();
		Path page = root.resolve("target/site/test-report.html");
		Files.createDirectories(page.getParent());
		Files.writeString(page, report.html(modules));
		System.out.println(report.summary(modules));
		System.out.println("Test report: " + page);
	}

	/** Tests of one layer in one module. */
	record Tests(int run, int failed, int skipped, double seconds) {

		static final Tests NONE = new Tests(0, 0, 0, 0);

		Tests plus(Tests other) {
			return new Tests(this.run + other.run, this.failed + other.failed, this.skipped + other.skipped,
					this.seconds + other.seconds);
		}

	}

	/** Covered and total of something countable (lines, branches, mutants). */
	record Ratio(long covered, long total) {

		String percent() {
			return (this.total == 0) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100.0 * this.covered / this.total);
		}

	}

	/**
	 * What one module's tests did.
	 *
	 * @param name the module's directory name (its artifactId)
	 * @param tests per layer
	 * @param lineCoverage per coverage layer ({@link #COVERAGE_LAYERS})
	 * @param mutation PIT's killed and total mutants, when PIT ran
	 * @param contractsVerified contract definitions this module verifies, by consumer
	 * @param contractsConsumed contract definitions written for this module by producers,
	 * by producer
	 */
	record ModuleFigures(String name, Map<Layer, Tests> tests, Map<String, Ratio> lineCoverage,
			Optional<Ratio> mutation, Map<String, Integer> contractsVerified, Map<String, Integer> contractsConsumed) {

		/**
		 * @return whether there is nothing to show (an aggregator, a module not built)
		 */
		boolean isEmpty() {
			return this.tests.values().stream().allMatch(Tests.NONE::equals) && this.lineCoverage.isEmpty()
					&& this.mutation.isEmpty() && this.contractsVerified.isEmpty() && this.contractsConsumed.isEmpty();
		}

	}

	/**
	 * @return the figures of every module that has a {@code target/}, in directory order
	 */
	List<ModuleFigures> read() {
		List<Path> modules = modules();
		Map<String, Map<String, Ratio>> coverage = new TreeMap<>();
		for (String layer : COVERAGE_LAYERS) {
			Path csv = this.root.resolve("target/site/coverage/" + layer + "/jacoco.csv");
			lineCoverage(csv).forEach((module, ratio) -> coverage.computeIfAbsent(module, name -> new LinkedHashMap<>())
				.put(layer, ratio));
		}
		Map<String, Map<String, Integer>> verified = new TreeMap<>();
		for (Path module : modules) {
			verified.put(name(module), contracts(module));
		}
		List<ModuleFigures> figures = new ArrayList<>();
		for (Path module : modules) {
			String name = name(module);
			Map<String, Integer> consumed = new TreeMap<>();
			verified.forEach((producer, byConsumer) -> {
				Integer count = byConsumer.get(name);
				if (count != null) {
					consumed.put(producer, count);
				}
			});
			ModuleFigures moduleFigures = new ModuleFigures(name, tests(module), coverage.getOrDefault(name, Map.of()),
					mutation(module.resolve("target/pit-reports/mutations.xml")), verified.get(name), consumed);
			if (!moduleFigures.isEmpty()) {
				figures.add(moduleFigures);
			}
		}
		return figures;
	}

	private List<Path> modules() {
		List<Path> modules = new ArrayList<>();
		collectModules(this.root, modules);
		return modules;
	}

	private static void collectModules(Path directory, List<Path> modules) {
		try (Stream<Path> children = Files.list(directory)) {
			for (Path child : children.sorted().toList()) {
				if (Files.isRegularFile(child.resolve("pom.xml")) && !child.getFileName().toString().startsWith(".")) {
					if (Files.isDirectory(child.resolve("target"))) {
						modules.add(child);
					}
					collectModules(child, modules);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(Path module) {
		return module.getFileName().toString();
	}

	/**
	 * Surefire's reports are unit tests; Failsafe's are end-to-end tests in
	 * {@code e2e-tests}, contract tests in a {@code .contract.} package, integration
	 * tests otherwise.
	 */
	static Map<Layer, Tests> tests(Path module) {
		Map<Layer, Tests> byLayer = new LinkedHashMap<>();
		for (Layer layer : Layer.values()) {
			byLayer.put(layer, Tests.NONE);
		}
		boolean endToEnd = name(module).equals("e2e-tests");
		for (Element suite : suites(module.resolve("target/surefire-reports"))) {
			byLayer.merge(Layer.UNIT, figures(suite), Tests::plus);
		}
		for (Element suite : suites(module.resolve("target/failsafe-reports"))) {
			Layer layer = endToEnd ? Layer.END_TO_END
					: suite.getAttribute("name").contains(".contract.") ? Layer.CONTRACT : Layer.INTEGRATION;
			byLayer.merge(layer, figures(suite), Tests::plus);
		}
		return byLayer;
	}

	private static Tests figures(Element suite) {
		return new Tests(count(suite, "tests"), count(suite, "failures") + count(suite, "errors"),
				count(suite, "skipped"), Double.parseDouble(suite.getAttribute("time").replace(",", "")));
	}

	private static int count(Element suite, String attribute) {
		String value = suite.getAttribute(attribute);
		return value.isEmpty() ? 0 : Integer.parseInt(value);
	}

	private static List<Element> suites(Path reports) {
		if (!Files.isDirectory(reports)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(reports)) {
			return files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))
				.sorted()
				.map(file -> parse(file).getDocumentElement())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param csv JaCoCo's CSV report (columns GROUP, PACKAGE, CLASS, then missed and
	 * covered per counter; an aggregate's group names the report, then the module)
	 * @return covered and total lines per group (module), none if there is no report
	 */
	static Map<String, Ratio> lineCoverage(Path csv) {
		Map<String, Ratio> byModule = new TreeMap<>();
		if (!Files.isRegularFile(csv)) {
			return byModule;
		}
		try {
			List<String> lines = Files.readAllLines(csv);
			List<String> header = List.of(lines.get(0).split(","));
			int group = header.indexOf("GROUP");
			int missed = header.indexOf("LINE_MISSED");
			int covered = header.indexOf("LINE_COVERED");
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.split(",");
				long lineCovered = Long.parseLong(cells[covered]);
				long lineTotal = lineCovered + Long.parseLong(cells[missed]);
				// An aggregate report's group is "<report title>/<module>".
				String module = cells[group].substring(cells[group].lastIndexOf('/') + 1);
				byModule.merge(module, new Ratio(lineCovered, lineTotal),
						(a, b) -> new Ratio(a.covered() + b.covered(), a.total() + b.total()));
			}
			return byModule;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param mutations PIT's XML report
	 * @return mutants detected (killed or timed out) of all, if PIT ran
	 */
	static Optional<Ratio> mutation(Path mutations) {
		if (!Files.isRegularFile(mutations)) {
			return Optional.empty();
		}
		NodeList all = parse(mutations).getElementsByTagName("mutation");
		long detected = 0;
		for (int i = 0; i < all.getLength(); i++) {
			if ("true".equals(((Element) all.item(i)).getAttribute("detected"))) {
				detected++;
			}
		}
		return Optional.of(new Ratio(detected, all.getLength()));
	}

	/**
	 * @return the contract definitions under {@code src/test/resources/contracts}, by
	 * consumer (the directory below it)
	 */
	static Map<String, Integer> contracts(Path module) {
		Path contracts = module.resolve("src/test/resources/contracts");
		Map<String, Integer> byConsumer = new TreeMap<>();
		if (!Files.isDirectory(contracts)) {
			return byConsumer;
		}
		try (Stream<Path> files = Files.walk(contracts)) {
			files.filter(Files::isRegularFile)
				.filter(file -> file.getFileName().toString().matches(".*\\.(groovy|yml|yaml)"))
				.forEach(file -> byConsumer.merge(contracts.relativize(file).getName(0).toString(), 1, Integer::sum));
			return byConsumer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static org.w3c.dom.Document parse(Path file) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			return builder.parse(file.toFile());
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param modules the figures
	 * @return a few lines for the build's log
	 */
	String summary(List<ModuleFigures> modules) {
		Tests total = Tests.NONE;
		for (ModuleFigures module : modules) {
			for (Tests tests : module.tests().values()) {
				total = total.plus(tests);
			}
		}
		return "Tests: %d run, %d failed, %d skipped; modules: %d".formatted(total.run(), total.failed(),
				total.skipped(), modules.size());
	}

	/**
	 * @param modules the figures
	 * @return the page
	 */
	String html(List<ModuleFigures> modules) {
		StringBuilder page = new StringBuilder();
		page.append(
				"""
						<!DOCTYPE html>
						<html lang="en"><head><meta charset="utf-8"><title>Test report</title>
						<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}
						th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}
						.bad{color:#b00;font-weight:bold}</style></head><body>
						<h1>Test report</h1>
						<p>Per module and layer: tests run (failed, skipped) and their time; line coverage per layer
						(<a href="coverage/all/index.html">all layers</a>, <a href="coverage/unit/index.html">unit</a>,
						<a href="coverage/integration/index.html">integration and contract</a>,
						<a href="coverage/e2e/index.html">end-to-end</a>); the mutation score of the business rules (PIT).</p>
						""");
		page.append("<h2>Tests</h2><table><tr><th>module</th>");
		for (Layer layer : Layer.values()) {
			page.append("<th>").append(layer.label).append("</th>");
		}
		page.append("<th>line coverage: unit</th><th>integration</th><th>end-to-end</th><th>all layers</th>")
			.append("<th>mutation score</th></tr>\n");
		Map<Layer, Tests> totals = new LinkedHashMap<>();
		for (ModuleFigures module : modules) {
			page.append("<tr><td>").append(escape(module.name())).append("</td>");
			for (Layer layer : Layer.values()) {
				Tests tests = module.tests().get(layer);
				totals.merge(layer, tests, Tests::plus);
				page.append("<td>").append(cell(tests)).append("</td>");
			}
			for (String layer : COVERAGE_LAYERS) {
				Ratio ratio = module.lineCoverage().get(layer);
				page.append("<td>").append((ratio != null) ? ratio.percent() : "—").append("</td>");
			}
			page.append("<td>")
				.append(module.mutation()
					.map(ratio -> ratio.percent() + " (" + ratio.covered() + " of " + ratio.total() + ")")
					.orElse("—"))
				.append("</td></tr>\n");
		}
		page.append("<tr><th>all</th>");
		for (Layer layer : Layer.values()) {
			page.append("<th>").append(cell(totals.getOrDefault(layer, Tests.NONE))).append("</th>");
		}
		page.append("<th colspan=\"5\"></th></tr></table>\n");
		page.append("<h2>Contracts</h2><table><tr><th>module</th><th>verifies (as producer)</th>")
			.append("<th>consumes (written for it by producers)</th></tr>\n");
		for (ModuleFigures module : modules) {
			if (module.contractsVerified().isEmpty() && module.contractsConsumed().isEmpty()) {
				continue;
			}
			page.append("<tr><td>")
				.append(escape(module.name()))
				.append("</td><td>")
				.append(contractList(module.contractsVerified(), "for"))
				.append("</td><td>")
				.append(contractList(module.contractsConsumed(), "from"))
				.append("</td></tr>\n");
		}
		page.append("</table>\n<h2>Performance</h2><p>");
		List<Path> gatling = gatlingReports();
		if (gatling.isEmpty()) {
			page.append("No Gatling report in this build (CI runs the smoke and capacity stage after the tests).");
		}
		else {
			for (Path report : gatling) {
				String link = this.root.resolve("target/site").relativize(report.resolve("index.html")).toString();
				page.append("<a href=\"")
					.append(escape(link))
					.append("\">")
					.append(escape(report.getFileName().toString()))
					.append("</a><br>");
			}
		}
		page.append("</p></body></html>\n");
		return page.toString();
	}

	private List<Path> gatlingReports() {
		Path gatling = this.root.resolve("performance-tests/target/gatling");
		if (!Files.isDirectory(gatling)) {
			return List.of();
		}
		try (Stream<Path> reports = Files.list(gatling)) {
			return reports.filter(report -> Files.isRegularFile(report.resolve("index.html"))).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String cell(Tests tests) {
		if (tests.run() == 0) {
			return "—";
		}
		String text = String.format(Locale.ROOT, "%d (%d, %d) %.0f s", tests.run(), tests.failed(), tests.skipped(),
				tests.seconds());
		return (tests.failed() > 0 || tests.skipped() > 0) ? "<span class=\"bad\">" + text + "</span>" : text;
	}

	private static String contractList(Map<String, Integer> contracts, String preposition) {
		if (contracts.isEmpty()) {
			return "—";
		}
		List<String> parts = new ArrayList<>();
		contracts.forEach((other, count) -> parts.add(count + " " + preposition + " " + escape(other)));
		return String.join(", ", parts);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
