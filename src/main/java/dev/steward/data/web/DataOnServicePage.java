package dev.steward.data.web;

import java.util.List;
import java.util.Optional;

import dev.steward.common.ServicePagePart;
import dev.steward.data.DataAccess;
import dev.steward.data.DatastoreAccess;
import dev.steward.data.DatastoreEntry;
import dev.steward.data.Datastores;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Data section of a service's page: the datastores it owns, and the datastores it
 * declares it reaches directly, flagged where they belong to another service.
 */
@Component
@Order(500)
class DataOnServicePage implements ServicePagePart {

	private final Datastores datastores;

	private final DataAccess access;

	DataOnServicePage(Datastores datastores, DataAccess access) {
		this.datastores = datastores;
		this.access = access;
	}

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		return Optional.of(new View("service-data",
				new ServiceData(service, this.datastores.ownedBy(service), this.access.ofService(service))));
	}

	/** What the section shows. */
	record ServiceData(String service, List<DatastoreEntry> owned, List<DatastoreAccess> access) {
	}

}
