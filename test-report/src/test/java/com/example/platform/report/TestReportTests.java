package com.example.platform.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.platform.report.TestReport.Layer;
import com.example.platform.report.TestReport.ModuleFigures;
import com.example.platform.report.TestReport.Ratio;
import com.example.platform.report.TestReport.Tests;

import static org.assertj.core.api.Assertions.assertThat;

class TestReportTests {

	@TempDir
	Path root;

	@Test
	void countsTestsPerLayerFromSurefireAndFailsafeReports() throws IOException {
		Path service = module("order-service");
		suite(service.resolve("target/surefire-reports"), "com.example.platform.order.OrderTests", 30, 0, 0, "0.5");
		suite(service.resolve("target/surefire-reports"), "com.example.platform.order.OrderRulesTests", 7, 1, 0,
				"0.25");
		suite(service.resolve("target/failsafe-reports"), "com.example.platform.order.OrderRepositoryIT", 5, 0, 1,
				"3.0");
		suite(service.resolve("target/failsafe-reports"), "com.example.platform.order.contract.OrderSagaContractIT", 4,
				0, 0, "1,234.5");
		Path e2e = module("e2e-tests");
		suite(e2e.resolve("target/failsafe-reports"), "com.example.platform.e2e.OrderJourneyIT", 6, 0, 0, "12");

		assertThat(TestReport.tests(service)).containsEntry(Layer.UNIT, new Tests(37, 1, 0, 0.75))
			.containsEntry(Layer.INTEGRATION, new Tests(5, 0, 1, 3.0))
			.containsEntry(Layer.CONTRACT, new Tests(4, 0, 0, 1234.5))
			.containsEntry(Layer.END_TO_END, Tests.NONE);
		assertThat(TestReport.tests(e2e)).containsEntry(Layer.END_TO_END, new Tests(6, 0, 0, 12))
			.containsEntry(Layer.INTEGRATION, Tests.NONE);
	}

	@Test
	void sumsLineCoveragePerModuleFromJacocosCsv() throws IOException {
		Path csv = this.root.resolve("jacoco.csv");
		Files.writeString(csv,
				"""
						GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED
						Unit tests/order-service,com.example.platform.order,Order,10,90,1,9,2,18,1,9,0,5
						Unit tests/order-service,com.example.platform.order,OrderService,50,50,5,5,10,10,5,5,2,3
						user-service,com.example.platform.user,UserAccount,0,40,0,0,0,8,0,4,0,4
						""");

		assertThat(TestReport.lineCoverage(csv)).containsEntry("order-service", new Ratio(28, 40))
			.containsEntry("user-service", new Ratio(8, 8))
			.hasSize(2);
		assertThat(TestReport.lineCoverage(this.root.resolve("missing.csv"))).isEmpty();
		assertThat(new Ratio(28, 40).percent()).isEqualTo("70.0 %");
		assertThat(new Ratio(0, 0).percent()).isEqualTo("—");
	}

	@Test
	void scoresMutantsDetectedOfAll() throws IOException {
		Path mutations = this.root.resolve("mutations.xml");
		Files.writeString(mutations, """
				<?xml version="1.0" encoding="UTF-8"?>
				<mutations partial="true">
				<mutation detected='true' status='KILLED'><mutatedClass>a.B</mutatedClass></mutation>
				<mutation detected='true' status='TIMED_OUT'><mutatedClass>a.B</mutatedClass></mutation>
				<mutation detected='false' status='SURVIVED'><mutatedClass>a.B</mutatedClass></mutation>
				<mutation detected='false' status='NO_COVERAGE'><mutatedClass>a.B</mutatedClass></mutation>
				</mutations>
				""");

		assertThat(TestReport.mutation(mutations)).contains(new Ratio(2, 4));
		assertThat(TestReport.mutation(this.root.resolve("none.xml"))).isEmpty();
	}

	@Test
	void pairsTheContractsAProducerVerifiesWithTheConsumerTheyWereWrittenFor() throws IOException {
		Path user = module("user-service");
		contract(user, "order-service/messaging/userRegistered.groovy");
		contract(user, "order-service/checkUser.yml");
		Path payment = module("payment-service");
		contract(payment, "order-service/charge.groovy");
		Path order = module("order-service");
		contract(order, "payment-service/messaging/paymentRequested.groovy");
		module("common");
		Files.writeString(order.resolve("src/test/resources/contracts/README.txt"), "not a contract");

		List<ModuleFigures> modules = new TestReport(this.root).read();

		assertThat(modules).as("not the aggregator, which has nothing to show")
			.extracting(ModuleFigures::name)
			.containsExactly("order-service", "payment-service", "user-service");
		ModuleFigures orderFigures = modules.get(0);
		assertThat(orderFigures.contractsVerified()).containsExactly(java.util.Map.entry("payment-service", 1));
		assertThat(orderFigures.contractsConsumed()).containsEntry("payment-service", 1)
			.containsEntry("user-service", 2)
			.hasSize(2);
	}

	@Test
	void writesAPageWithEveryModuleAndMarksFailedOrSkippedTests() throws IOException {
		Path service = module("payment-service");
		suite(service.resolve("target/surefire-reports"), "com.example.platform.payment.PaymentTests", 12, 0, 0, "1");
		suite(service.resolve("target/failsafe-reports"), "com.example.platform.payment.RefundIT", 3, 0, 1, "9");
		Path coverage = this.root.resolve("target/site/coverage/unit/jacoco.csv");
		Files.createDirectories(coverage.getParent());
		Files.writeString(coverage, """
				GROUP,PACKAGE,CLASS,LINE_MISSED,LINE_COVERED
				payment-service,p,Payment,1,3
				""");
		Path pit = service.resolve("target/pit-reports/mutations.xml");
		Files.createDirectories(pit.getParent());
		Files.writeString(pit, "<mutations><mutation detected='true'/></mutations>");

		TestReport report = new TestReport(this.root);
		List<ModuleFigures> modules = report.read();
		String page = report.html(modules);

		assertThat(page).contains("<td>payment-service</td>")
			.contains("<td>12 (0, 0) 1 s</td>")
			.contains("<span class=\"bad\">3 (0, 1) 9 s</span>")
			.contains("<td>75.0 %</td>")
			.contains("100.0 % (1 of 1)")
			.contains("No Gatling report");
		assertThat(report.summary(modules)).isEqualTo("Tests: 15 run, 0 failed, 1 skipped; modules: 1");
	}

	private Path module(String name) throws IOException {
		Path module = this.root.resolve(name);
		Files.createDirectories(module.resolve("target"));
		Files.writeString(module.resolve("pom.xml"), "<project/>");
		return module;
	}

	private static void suite(Path reports, String name, int tests, int failures, int skipped, String time)
			throws IOException {
		Files.createDirectories(reports);
		Files.writeString(reports.resolve("TEST-" + name + ".xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<testsuite name="%s" time="%s" tests="%d" errors="0" skipped="%d" failures="%d"/>
				""".formatted(name, time, tests, skipped, failures));
	}

	private static void contract(Path module, String path) throws IOException {
		Path file = module.resolve("src/test/resources/contracts").resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "contract");
	}

}
