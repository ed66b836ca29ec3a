package com.example.platform.support.web;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

/**
 * Wrong JSON types are client mistakes, not values to guess: a number, boolean or float
 * where a string is expected is refused (Boot's
 * {@code spring.jackson.mapper.allow-coercion-of-scalars} covers the other direction).
 * Unknown fields stay ignored, so clients and services can evolve independently (tolerant
 * reader).
 */
public class StrictJsonCustomizer implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.withCoercionConfig(LogicalType.Textual,
				config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
