package com.example.platform.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway has no domain, so the service layout does not apply; what does: the web
 * filters know nothing of security or wiring, no package cycles, no field injection.
 */
class ApiGatewayArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.example.platform.gateway");

	@Test
	void webFiltersDependOnNeitherSecurityNorWiring() {
		noClasses().that()
			.resideInAPackage("..gateway.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..gateway.security..", "..gateway.config..")
			.check(this.classes);
	}

	@Test
	void hasNoPackageCycles() {
		slices().matching("com.example.platform.gateway.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void usesNoFieldInjection() {
		NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(this.classes);
	}

}
