package dev.steward.apis.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * One parsed contract seen by the comparison: follows its local {@code $ref}s to
 * {@code #/components/...} and remembers the shape of each schema it has read.
 */
final class ContractModel {

	private static final int MAX_REFERENCE_HOPS = 32;

	private final Components components;

	private final Map<Schema<?>, SchemaShape> shapes = new IdentityHashMap<>();

	ContractModel(OpenAPI openApi) {
		this.components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
	}

	/**
	 * The schema a {@code $ref} leads to, or the schema itself (unknown references stay
	 * as they are).
	 */
	Schema<?> schema(Schema<?> schema) {
		return follow(schema, Schema::get$ref, "schemas", this.components.getSchemas());
	}

	Parameter parameter(Parameter parameter) {
		return follow(parameter, Parameter::get$ref, "parameters", this.components.getParameters());
	}

	RequestBody requestBody(RequestBody body) {
		return follow(body, RequestBody::get$ref, "requestBodies", this.components.getRequestBodies());
	}

	ApiResponse response(ApiResponse response) {
		return follow(response, ApiResponse::get$ref, "responses", this.components.getResponses());
	}

	/**
	 * The shape of a schema, its reference followed and its {@code allOf} parts merged.
	 */
	SchemaShape shape(Schema<?> schema) {
		Schema<?> target = schema(schema);
		SchemaShape known = this.shapes.get(target);
		if (known != null) {
			return known;
		}
		// Guards against an allOf that includes itself while the shape is computed.
		this.shapes.put(target, SchemaShape.of(new Schema<>()));
		SchemaShape shape = SchemaShape.of(target);
		if (target.getAllOf() != null) {
			for (Schema<?> part : target.getAllOf()) {
				shape = shape.mergedWith(shape(part));
			}
		}
		this.shapes.put(target, shape);
		return shape;
	}

	/** The name of the component schema a {@code $ref} names, or null. */
	static String referencedName(Schema<?> schema) {
		return (schema != null && schema.get$ref() != null) ? componentName(schema.get$ref(), "schemas") : null;
	}

	private static <T> T follow(T item, Function<T, String> reference, String section, Map<String, T> targets) {
		T current = item;
		for (int hop = 0; hop < MAX_REFERENCE_HOPS && current != null; hop++) {
			String ref = reference.apply(current);
			String name = (ref != null) ? componentName(ref, section) : null;
			T target = (name != null && targets != null) ? targets.get(name) : null;
			if (target == null) {
				return current;
			}
			current = target;
		}
		return current;
	}

	private static String componentName(String ref, String section) {
		String prefix = "#/components/" + section + "/";
		if (!ref.startsWith(prefix)) {
			return null;
		}
		return ref.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
	}

}
