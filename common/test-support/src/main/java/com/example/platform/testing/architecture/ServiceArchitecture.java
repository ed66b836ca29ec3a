package com.example.platform.testing.architecture;

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package map every service follows (see {@code ARCHITECTURE.md}). Directly under the
 * service's root package there are two kinds of packages:
 * <ul>
 * <li><b>adapters</b>, named by what they connect: {@code api} (inbound HTTP),
 * {@code client} (outbound HTTP), {@code persistence} (SQL stores), {@code scheduling}
 * (timers), {@code messaging} (the broker), {@code security} (token issuing and checking)
 * and {@code config} (wiring);</li>
 * <li><b>concepts</b>, every other package: a part of the domain with its model, its
 * application service and the ports it needs ({@code ordering}, {@code payments}, ...).
 * </li>
 * </ul>
 * Concepts depend on no adapter and on no web, SQL, scheduling or messaging type;
 * {@code api} reaches no outbound adapter; no package cycles; no field injection.
 */
public final class ServiceArchitecture {

	/** The adapter packages, relative to a service's root package. */
	public static final String[] ADAPTERS = { "api", "client", "persistence", "scheduling", "messaging", "security",
			"config" };

	/** Technical types a concept must not touch: they belong in an adapter. */
	static final String[] INFRASTRUCTURE = { "org.springframework.web..", "org.springframework.http..",
			"jakarta.servlet..", "org.springframework.jdbc..", "java.sql..", "org.springframework.scheduling..",
			"org.springframework.kafka..", "org.apache.kafka..", "org.springframework.security.web.." };

	private ServiceArchitecture() {
	}

	/**
	 * Checks the rules against a service's classes.
	 * @param classes the service's production classes
	 * @param basePackage the service's root package, e.g.
	 * {@code com.example.platform.order}
	 */
	public static void check(JavaClasses classes, String basePackage) {
		for (ArchRule rule : rules(basePackage)) {
			rule.check(classes);
		}
	}

	static ArchRule[] rules(String basePackage) {
		String[] adapters = Arrays.stream(ADAPTERS)
			.map(adapter -> basePackage + "." + adapter + "..")
			.toArray(String[]::new);
		ArchRule conceptsDependOnNoAdapter = noClasses().that()
			.resideInAPackage(basePackage + ".*..")
			.and()
			.resideOutsideOfPackages(adapters)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(adapters)
			.because("the concepts are the centre: adapters depend on them, never the reverse");
		ArchRule conceptsUseNoInfrastructure = noClasses().that()
			.resideInAPackage(basePackage + ".*..")
			.and()
			.resideOutsideOfPackages(adapters)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(INFRASTRUCTURE)
			.because("web, SQL, scheduling and messaging types belong in adapter packages");
		ArchRule apiReachesNoOutboundAdapter = noClasses().that()
			.resideInAPackage(basePackage + ".api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(basePackage + ".client..", basePackage + ".persistence..",
					basePackage + ".scheduling..", basePackage + ".messaging..")
			.because("controllers call application services, which reach the outside through their ports");
		return new ArchRule[] { conceptsDependOnNoAdapter, conceptsUseNoInfrastructure, apiReachesNoOutboundAdapter,
				slices().matching(basePackage + ".(*)..").should().beFreeOfCycles(),
				NO_CLASSES_SHOULD_USE_FIELD_INJECTION };
	}

}
