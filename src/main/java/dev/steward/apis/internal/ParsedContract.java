package dev.steward.apis.internal;

import io.swagger.v3.oas.models.OpenAPI;

/**
 * An OpenAPI 3.0 or 3.1 document that parsed: its declared version, its title, how many
 * operations it has, and the parsed model the comparison walks.
 */
public record ParsedContract(String openApiVersion, String title, int operationCount, OpenAPI openApi) {
}
