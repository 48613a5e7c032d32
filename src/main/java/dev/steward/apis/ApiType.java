package dev.steward.apis;

import dev.steward.common.Keyed;

/**
 * The kind of contract an API is described by; only OpenAPI contracts are compared for
 * breaking changes.
 */
public enum ApiType implements Keyed {

	OPENAPI, ASYNCAPI, GRPC, GRAPHQL

}
