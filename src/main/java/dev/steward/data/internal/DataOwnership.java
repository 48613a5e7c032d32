package dev.steward.data.internal;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.OwnedResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the access rules that a datastore belongs to its owning service's team. */
@Configuration(proxyBeanMethods = false)
class DataOwnership {

	@Bean
	OwnedResources datastoreOwners(DatastoreStore datastores, ServiceCatalog services) {
		return OwnedResources.ofService("datastore", name -> datastores.find(name).map(DatastoreStore.Row::owner),
				service -> services.findService(service).map(ServiceEntry::owner));
	}

}
