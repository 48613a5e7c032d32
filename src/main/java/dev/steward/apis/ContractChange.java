package dev.steward.apis;

import java.io.Serializable;

/**
 * One difference between two versions of an API contract: its kind ({@code path-removed},
 * {@code response-enum-widened}, …), where it is (path, operation, parameter or
 * property), what it means in words, and whether it breaks the clients of the older
 * version. Serializable, as a refused form passes it to the next page in the web session.
 */
public record ContractChange(String type, String path, String message, boolean breaking) implements Serializable {
}
