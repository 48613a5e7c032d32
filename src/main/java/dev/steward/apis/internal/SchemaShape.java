package dev.steward.apis.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.media.Schema;

/**
 * What a schema accepts, read the same way from OpenAPI 3.0 ({@code nullable}, boolean
 * exclusive bounds) and 3.1 ({@code type} arrays, numeric exclusive bounds,
 * {@code const}), with its {@code allOf} parts merged in. Empty {@code types} means
 * "unknown": no type comparison is made.
 */
record SchemaShape(Set<String> types, Map<String, Schema<?>> properties, Set<String> required, Set<String> enumValues,
		Bound minimum, Bound maximum, Bound minLength, Bound maxLength, String pattern, Bound minItems, Bound maxItems,
		Schema<?> items, Schema<?> additionalProperties, boolean readOnly, boolean writeOnly, List<Schema> oneOf,
		List<Schema> anyOf) {

	/** A numeric limit, exclusive or not. */
	record Bound(BigDecimal value, boolean exclusive) {

		static Bound of(Number value) {
			return (value != null) ? new Bound(new BigDecimal(value.toString()), false) : null;
		}

		/** Whether this lower bound lets fewer values through than the other. */
		boolean tighterLowerThan(Bound other) {
			int order = this.value.compareTo(other.value);
			return order > 0 || (order == 0 && this.exclusive && !other.exclusive);
		}

		/** Whether this upper bound lets fewer values through than the other. */
		boolean tighterUpperThan(Bound other) {
			int order = this.value.compareTo(other.value);
			return order < 0 || (order == 0 && this.exclusive && !other.exclusive);
		}

		@Override
		public String toString() {
			return this.value.stripTrailingZeros().toPlainString() + (this.exclusive ? " (exclusive)" : "");
		}

	}

	/**
	 * The shape of one schema whose {@code $ref} is already followed, without its
	 * {@code allOf} parts.
	 */
	static SchemaShape of(Schema<?> schema) {
		Set<String> types = new TreeSet<>();
		if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
			types.addAll(schema.getTypes());
		}
		else if (schema.getType() != null) {
			types.add(schema.getType());
		}
		else if (schema.getProperties() != null) {
			types.add("object");
		}
		else if (schema.getItems() != null) {
			types.add("array");
		}
		if (!types.isEmpty() && Boolean.TRUE.equals(schema.getNullable())) {
			types.add("null");
		}
		Map<String, Schema<?>> properties = new LinkedHashMap<>();
		if (schema.getProperties() != null) {
			schema.getProperties().forEach(properties::put);
		}
		Set<String> required = (schema.getRequired() != null) ? new LinkedHashSet<>(schema.getRequired())
				: new LinkedHashSet<>();
		Bound minimum = tighterLower(bound(schema.getMinimum(), schema.getExclusiveMinimum()),
				exclusive(schema.getExclusiveMinimumValue()));
		Bound maximum = tighterUpper(bound(schema.getMaximum(), schema.getExclusiveMaximum()),
				exclusive(schema.getExclusiveMaximumValue()));
		Schema<?> additional = (schema.getAdditionalProperties() instanceof Schema<?> additionalSchema)
				? additionalSchema : null;
		return new SchemaShape(types, properties, required, enumValues(schema), minimum, maximum,
				Bound.of(schema.getMinLength()), Bound.of(schema.getMaxLength()), schema.getPattern(),
				Bound.of(schema.getMinItems()), Bound.of(schema.getMaxItems()), schema.getItems(), additional,
				Boolean.TRUE.equals(schema.getReadOnly()), Boolean.TRUE.equals(schema.getWriteOnly()),
				schema.getOneOf(), schema.getAnyOf());
	}

	/**
	 * This shape with an {@code allOf} part merged in: the first value of each keyword
	 * wins.
	 */
	SchemaShape mergedWith(SchemaShape part) {
		Set<String> mergedTypes = this.types.isEmpty() ? part.types : this.types;
		Map<String, Schema<?>> mergedProperties = new LinkedHashMap<>(this.properties);
		part.properties.forEach(mergedProperties::putIfAbsent);
		Set<String> mergedRequired = new LinkedHashSet<>(this.required);
		mergedRequired.addAll(part.required);
		return new SchemaShape(mergedTypes, mergedProperties, mergedRequired, first(this.enumValues, part.enumValues),
				tighterLower(this.minimum, part.minimum), tighterUpper(this.maximum, part.maximum),
				tighterLower(this.minLength, part.minLength), tighterUpper(this.maxLength, part.maxLength),
				first(this.pattern, part.pattern), tighterLower(this.minItems, part.minItems),
				tighterUpper(this.maxItems, part.maxItems), first(this.items, part.items),
				first(this.additionalProperties, part.additionalProperties), this.readOnly || part.readOnly,
				this.writeOnly || part.writeOnly, first(this.oneOf, part.oneOf), first(this.anyOf, part.anyOf));
	}

	private static Set<String> enumValues(Schema<?> schema) {
		if (schema.getConst() != null) {
			return Set.of(enumValue(schema.getConst()));
		}
		if (schema.getEnum() == null || schema.getEnum().isEmpty()) {
			return null;
		}
		Set<String> values = new LinkedHashSet<>();
		schema.getEnum().forEach((value) -> values.add(enumValue(value)));
		return values;
	}

	private static String enumValue(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(value);
	}

	private static Bound bound(BigDecimal value, Boolean exclusive) {
		return (value != null) ? new Bound(value, Boolean.TRUE.equals(exclusive)) : null;
	}

	private static Bound exclusive(BigDecimal value) {
		return (value != null) ? new Bound(value, true) : null;
	}

	private static Bound tighterLower(Bound one, Bound other) {
		if (one == null || other == null) {
			return (one != null) ? one : other;
		}
		return other.tighterLowerThan(one) ? other : one;
	}

	private static Bound tighterUpper(Bound one, Bound other) {
		if (one == null || other == null) {
			return (one != null) ? one : other;
		}
		return other.tighterUpperThan(one) ? other : one;
	}

	private static <T> T first(T one, T other) {
		return (one != null) ? one : other;
	}

}
