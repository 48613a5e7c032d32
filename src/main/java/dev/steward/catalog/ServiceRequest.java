package dev.steward.catalog;

import java.util.List;
import java.util.Map;

/**
 * Body of registering or fully updating a service; {@code responsibilities} are its
 * business responsibilities as sentences.
 */
public record ServiceRequest(String name, String title, String description, String owner, Integer tier,
		String lifecycle, String product, List<String> responsibilities, Map<String, String> links, List<String> tags) {

	/** The request that would recreate this service, the base of a merge patch. */
	public static ServiceRequest from(ServiceEntry service) {
		return new ServiceRequest(service.name(), service.title(), service.description(), service.owner(),
				service.tier(), service.lifecycle().key(), service.product(), service.responsibilities(),
				service.links(), service.tags());
	}

}
