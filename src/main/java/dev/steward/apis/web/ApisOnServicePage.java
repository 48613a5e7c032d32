package dev.steward.apis.web;

import java.util.List;
import java.util.Optional;

import dev.steward.apis.ApiConsumers;
import dev.steward.apis.ApiEntry;
import dev.steward.apis.ApiType;
import dev.steward.apis.ApiVersions;
import dev.steward.apis.ApiVisibility;
import dev.steward.apis.Apis;
import dev.steward.apis.Consumer;
import dev.steward.common.Keyed;
import dev.steward.common.ServicePagePart;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The APIs section of a service's page: the APIs it exposes with their newest version,
 * the APIs it consumes with the major it uses and whether that major is past its sunset,
 * and for the owning team the form that registers an API.
 */
@Component
@Order(400)
class ApisOnServicePage implements ServicePagePart {

	private final Apis apis;

	private final ApiVersions versions;

	private final ApiConsumers consumers;

	private final ApiDesignPermission permission;

	ApisOnServicePage(Apis apis, ApiVersions versions, ApiConsumers consumers, ApiDesignPermission permission) {
		this.apis = apis;
		this.versions = versions;
		this.consumers = consumers;
		this.permission = permission;
	}

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		List<ConsumedApi> consumed = this.consumers.consumed(service)
			.stream()
			.map(consumer -> new ConsumedApi(consumer,
					MajorStanding.of(consumer.major(), this.versions.versions(consumer.api()))))
			.toList();
		return Optional.of(new View("service-apis", new ServiceApis(service, this.apis.ofService(service), consumed,
				this.permission.ofService(service), Keyed.keys(ApiType.class), Keyed.keys(ApiVisibility.class))));
	}

	/** What the section shows. */
	record ServiceApis(String service, List<ApiEntry> exposed, List<ConsumedApi> consumed, boolean mayRegister,
			List<String> types, List<String> visibilities) {
	}

	/** An API the service consumes, and where the major it uses stands. */
	record ConsumedApi(Consumer consumer, MajorStanding standing) {
	}

}
