package dev.steward.apis.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.steward.apis.ContractChange;
import dev.steward.apis.internal.SchemaSite.Flow;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The rules on paths, operations, parameters, request bodies, responses and media types
 * of two contracts; schemas are left to {@link SchemaComparison}. Paths match by shape,
 * so renaming a path variable ({@code /pets/{id}} to {@code /pets/{petId}}) changes
 * nothing.
 */
final class ContractComparison {

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]*)}");

	private final OpenAPI baseApi;

	private final OpenAPI revisionApi;

	private final ContractModel base;

	private final ContractModel revision;

	private final ChangeLog log = new ChangeLog();

	private final SchemaComparison schemas;

	private ContractComparison(OpenAPI baseApi, OpenAPI revisionApi) {
		this.baseApi = baseApi;
		this.revisionApi = revisionApi;
		this.base = new ContractModel(baseApi);
		this.revision = new ContractModel(revisionApi);
		this.schemas = new SchemaComparison(this.base, this.revision, this.log);
	}

	static List<ContractChange> between(OpenAPI base, OpenAPI revision) {
		ContractComparison comparison = new ContractComparison(base, revision);
		comparison.comparePaths();
		return comparison.log.sorted();
	}

	private void comparePaths() {
		Map<String, Map.Entry<String, PathItem>> before = pathsByShape(this.baseApi);
		Map<String, Map.Entry<String, PathItem>> after = pathsByShape(this.revisionApi);
		before.forEach((shape, old) -> {
			Map.Entry<String, PathItem> now = after.get(shape);
			if (now == null) {
				this.log.breaking("path-removed", old.getKey(), "Path " + old.getKey() + " was removed");
			}
			else {
				compareOperations(old.getKey(), old.getValue(), now.getKey(), now.getValue());
			}
		});
		after.forEach((shape, now) -> {
			if (!before.containsKey(shape)) {
				this.log.compatible("path-added", now.getKey(), "Path " + now.getKey() + " was added");
			}
		});
	}

	private static Map<String, Map.Entry<String, PathItem>> pathsByShape(OpenAPI api) {
		Map<String, Map.Entry<String, PathItem>> paths = new LinkedHashMap<>();
		if (api.getPaths() != null) {
			api.getPaths().forEach((path, item) -> {
				if (item != null) {
					paths.put(PATH_VARIABLE.matcher(path).replaceAll("{}"), Map.entry(path, item));
				}
			});
		}
		return paths;
	}

	private void compareOperations(String oldPath, PathItem oldItem, String newPath, PathItem newItem) {
		Map<HttpMethod, Operation> before = oldItem.readOperationsMap();
		Map<HttpMethod, Operation> after = newItem.readOperationsMap();
		before.forEach((method, old) -> {
			Operation now = after.get(method);
			if (now == null) {
				String label = method + " " + oldPath;
				this.log.breaking("operation-removed", label, "Operation " + label + " was removed");
			}
			else {
				String label = method + " " + newPath;
				compareParameters(label, parameters(this.base, oldPath, oldItem, old),
						parameters(this.revision, newPath, newItem, now));
				compareRequestBodies(label, this.base.requestBody(old.getRequestBody()),
						this.revision.requestBody(now.getRequestBody()));
				compareResponses(label, old, now);
			}
		});
		after.forEach((method, now) -> {
			if (!before.containsKey(method)) {
				String label = method + " " + newPath;
				this.log.compatible("operation-added", label, "Operation " + label + " was added");
			}
		});
	}

	/**
	 * The parameters of an operation, those of its path item included, keyed by location
	 * and name (path variables by position, header names in lower case).
	 */
	private static Map<String, Parameter> parameters(ContractModel model, String path, PathItem item,
			Operation operation) {
		List<String> variables = new ArrayList<>();
		Matcher matcher = PATH_VARIABLE.matcher(path);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		List<Parameter> declared = new ArrayList<>();
		if (item.getParameters() != null) {
			declared.addAll(item.getParameters());
		}
		if (operation.getParameters() != null) {
			declared.addAll(operation.getParameters());
		}
		for (Parameter reference : declared) {
			Parameter parameter = model.parameter(reference);
			if (parameter == null || parameter.getName() == null || parameter.getIn() == null) {
				continue;
			}
			String name = switch (parameter.getIn()) {
				case "path" -> variables.contains(parameter.getName()) ? "#" + variables.indexOf(parameter.getName())
						: parameter.getName();
				case "header" -> parameter.getName().toLowerCase(Locale.ROOT);
				default -> parameter.getName();
			};
			parameters.put(parameter.getIn() + " " + name, parameter);
		}
		return parameters;
	}

	private void compareParameters(String operation, Map<String, Parameter> before, Map<String, Parameter> after) {
		before.forEach((key, old) -> {
			Parameter now = after.get(key);
			if (now == null) {
				this.log.compatible("parameter-removed", describe(operation, old),
						"Parameter '" + old.getName() + "' (" + old.getIn() + ") was removed");
				return;
			}
			String path = describe(operation, now);
			String subject = "parameter '" + now.getName() + "' (" + now.getIn() + ")";
			boolean wasRequired = Boolean.TRUE.equals(old.getRequired());
			boolean isRequired = Boolean.TRUE.equals(now.getRequired());
			if (isRequired && !wasRequired) {
				this.log.breaking("parameter-made-required", path, "Optional " + subject + " is now required");
			}
			else if (wasRequired && !isRequired) {
				this.log.compatible("parameter-made-optional", path, "Required " + subject + " is now optional");
			}
			this.schemas.compare(new SchemaSite(path, subject, Flow.REQUEST, true), parameterSchema(old),
					parameterSchema(now));
		});
		after.forEach((key, now) -> {
			if (!before.containsKey(key)) {
				boolean required = Boolean.TRUE.equals(now.getRequired());
				String message = (required ? "A required" : "An optional") + " parameter '" + now.getName() + "' ("
						+ now.getIn() + ") was added";
				if (required) {
					this.log.breaking("required-parameter-added", describe(operation, now), message);
				}
				else {
					this.log.compatible("optional-parameter-added", describe(operation, now), message);
				}
			}
		});
	}

	private static String describe(String operation, Parameter parameter) {
		return operation + " parameter " + parameter.getName() + " (" + parameter.getIn() + ")";
	}

	private static Schema<?> parameterSchema(Parameter parameter) {
		if (parameter.getSchema() != null || parameter.getContent() == null) {
			return parameter.getSchema();
		}
		return parameter.getContent().values().stream().map(MediaType::getSchema).findFirst().orElse(null);
	}

	private void compareRequestBodies(String operation, RequestBody old, RequestBody now) {
		String path = operation + " request body";
		boolean wasRequired = old != null && Boolean.TRUE.equals(old.getRequired());
		boolean isRequired = now != null && Boolean.TRUE.equals(now.getRequired());
		if (old == null && now == null) {
			return;
		}
		if (old == null) {
			if (isRequired) {
				this.log.breaking("required-request-body-added", path, "A required request body was added");
			}
			else {
				this.log.compatible("request-body-added", path, "An optional request body was added");
			}
			return;
		}
		if (now == null) {
			this.log.compatible("request-body-removed", path, "The request body was removed");
			return;
		}
		if (isRequired && !wasRequired) {
			this.log.breaking("request-body-made-required", path, "The request body is now required");
		}
		else if (wasRequired && !isRequired) {
			this.log.compatible("request-body-made-optional", path, "The request body is now optional");
		}
		compareContents(path, "the request body", Flow.REQUEST, old.getContent(), now.getContent());
	}

	private void compareResponses(String operation, Operation old, Operation now) {
		Map<String, ApiResponse> before = (old.getResponses() != null) ? old.getResponses() : Map.of();
		Map<String, ApiResponse> after = (now.getResponses() != null) ? now.getResponses() : Map.of();
		before.forEach((status, response) -> {
			String path = operation + " response " + status;
			ApiResponse replacement = after.get(status);
			if (replacement == null) {
				if (status.startsWith("2")) {
					this.log.breaking("success-status-removed", path, "Success response " + status + " was removed");
				}
				else {
					this.log.compatible("response-status-removed", path, "Response " + status + " was removed");
				}
				return;
			}
			compareContents(path, "response " + status, Flow.RESPONSE, content(this.base.response(response)),
					content(this.revision.response(replacement)));
		});
		after.forEach((status, response) -> {
			if (!before.containsKey(status)) {
				this.log.compatible("response-status-added", operation + " response " + status,
						"Response " + status + " was added");
			}
		});
	}

	private static Content content(ApiResponse response) {
		return (response != null) ? response.getContent() : null;
	}

	private void compareContents(String location, String subject, Flow flow, Content old, Content now) {
		Map<String, MediaType> before = mediaTypes(old);
		Map<String, MediaType> after = mediaTypes(now);
		before.forEach((name, mediaType) -> {
			String path = location + " " + name;
			MediaType replacement = after.get(name);
			if (replacement == null) {
				this.log.breaking("media-type-removed", path, "Media type " + name + " of " + subject + " was removed");
				return;
			}
			this.schemas.compare(new SchemaSite(path, subject + " (" + name + ")", flow, false), mediaType.getSchema(),
					replacement.getSchema());
		});
		after.forEach((name, mediaType) -> {
			if (!before.containsKey(name)) {
				this.log.compatible("media-type-added", location + " " + name,
						"Media type " + name + " of " + subject + " was added");
			}
		});
	}

	private static Map<String, MediaType> mediaTypes(Content content) {
		Map<String, MediaType> mediaTypes = new LinkedHashMap<>();
		if (content != null) {
			content.forEach((name, mediaType) -> mediaTypes.put(name.replace(" ", "").toLowerCase(Locale.ROOT),
					(mediaType != null) ? mediaType : new MediaType()));
		}
		return mediaTypes;
	}

}
