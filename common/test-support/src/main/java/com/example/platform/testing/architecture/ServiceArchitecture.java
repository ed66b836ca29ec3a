package com.example.platform.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout every service follows: {@code domain} depends on nothing outward,
 * {@code api} does not reach for {@code client}, no package cycles, no field injection.
 */
public final class ServiceArchitecture {

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
		return new ArchRule[] {
				noClasses().that()
					.resideInAPackage(basePackage + ".domain..")
					.should()
					.dependOnClassesThat()
					.resideInAnyPackage(basePackage + ".api..", basePackage + ".client..", basePackage + ".config..",
							basePackage + ".security..")
					.because("the domain is the centre: adapters depend on it, never the reverse"),
				noClasses().that()
					.resideInAPackage(basePackage + ".api..")
					.should()
					.dependOnClassesThat()
					.resideInAPackage(basePackage + ".client..")
					.because("controllers talk to the domain, which reaches other services through its ports"),
				slices().matching(basePackage + ".(*)..").should().beFreeOfCycles(),
				NO_CLASSES_SHOULD_USE_FIELD_INJECTION };
	}

}
