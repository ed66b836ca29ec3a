package com.example.platform.payment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import com.example.platform.testing.architecture.ServiceArchitecture;

class ArchitectureTests {

	@Test
	void followsThePlatformLayout() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.example.platform.payment");
		ServiceArchitecture.check(classes, "com.example.platform.payment");
	}

}
