package dev.steward.apis;

/**
 * One difference between two versions of an API contract: its kind ({@code path-removed},
 * {@code response-enum-widened}, …), where it is (path, operation, parameter or
 * property), what it means in words, and whether it breaks the clients of the older
 * version.
 */
public record ContractChange(String type, String path, String message, boolean breaking) {
}
