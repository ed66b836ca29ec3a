package com.example.platform.order;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import com.example.platform.testing.architecture.ServiceArchitecture;

class ArchitectureTests {

	@Test
	void followsThePlatformLayout() {
		ServiceArchitecture.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.example.platform.order"), "com.example.platform.order");
	}

}
