package dev.steward.incidents.internal;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.OwnedResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the access rules that an incident belongs to the team that owns its service. */
@Configuration(proxyBeanMethods = false)
class IncidentOwnership {

	@Bean
	OwnedResources incidentOwners(IncidentStore incidents, ServiceCatalog services) {
		return OwnedResources.of("incident",
				number -> parse(number).flatMap(incidents::find)
					.flatMap(incident -> services.findService(incident.service()))
					.map(service -> service.owner()));
	}

	private static java.util.Optional<Long> parse(String number) {
		try {
			return java.util.Optional.of(Long.parseLong(number));
		}
		catch (NumberFormatException ex) {
			return java.util.Optional.empty();
		}
	}

}
