package com.example.platform.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link Gateway} of the {@link PlatformUnderTest}, started on first use
 * and closed (every process stopped) when the whole test run ends.
 */
final class PlatformExtension implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Gateway.class || type == PlatformUnderTest.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		PlatformUnderTest platform = context.getRoot()
			.getStore(ExtensionContext.Namespace.create(PlatformExtension.class))
			.computeIfAbsent(PlatformUnderTest.class, key -> PlatformUnderTest.start(), PlatformUnderTest.class);
		return (parameter.getParameter().getType() == Gateway.class) ? new Gateway(platform.gateway()) : platform;
	}

}
