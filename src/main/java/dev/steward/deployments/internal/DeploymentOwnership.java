package dev.steward.deployments.internal;

import java.util.Optional;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.OwnedResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the access rules that a deployment belongs to its service: its owning team acts
 * on it, and a token scoped {@code deploy:<service>} may report its progress.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentOwnership {

	@Bean
	OwnedResources deploymentOwners(DeploymentStore deployments, ServiceCatalog services) {
		return OwnedResources.ofService("deployment",
				id -> parse(id).flatMap(deployments::find).map(DeploymentStore.Row::service),
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
