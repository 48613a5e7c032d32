package dev.steward.apis;

/** What a client sends to register or change an API. */
public record ApiRequest(String name, String visibility, String type, String description, String documentation) {

	/** The request that would leave {@code api} as it is, for merge patches. */
	public static ApiRequest from(ApiEntry api) {
		return new ApiRequest(api.name(), api.visibility().key(), api.type().key(), api.description(),
				api.documentation());
	}

}
