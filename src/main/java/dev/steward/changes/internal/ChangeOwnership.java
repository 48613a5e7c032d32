package dev.steward.changes.internal;

import java.util.Optional;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.OwnedResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the access rules that a change request belongs to its service's owning team. */
@Configuration(proxyBeanMethods = false)
class ChangeOwnership {

	@Bean
	OwnedResources changeOwners(ChangeStore changes, ServiceCatalog services) {
		return OwnedResources.ofService("change", id -> parse(id).flatMap(changes::find).map(ChangeStore.Row::service),
				service -> services.findService(service).map(ServiceEntry::owner));
	}

	private static Optional<Long> parse(String id) {
		try {
			return Optional.of(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
