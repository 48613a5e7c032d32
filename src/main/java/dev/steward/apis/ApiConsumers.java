package dev.steward.apis;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.apis.internal.ConsumerStore;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.InvalidInput;
import dev.steward.common.NotFound;
import dev.steward.common.Upsert;
import dev.steward.common.Violation;
import dev.steward.common.ViolationSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services that consume each API, by major version. A consumer left on a major whose
 * every live version is deprecated and past its sunset is a violation, shown on both the
 * consumer and the API's service.
 */
@Service
@Transactional
public class ApiConsumers implements ViolationSource {

	/** The violation type of a consumer still on a version past its sunset. */
	public static final String PAST_SUNSET = "api-past-sunset";

	private final Apis apis;

	private final ApiVersions versions;

	private final ConsumerStore store;

	private final ServiceCatalog services;

	private final AuditTrail audit;

	private final Clock clock;

	ApiConsumers(Apis apis, ApiVersions versions, ConsumerStore store, ServiceCatalog services, AuditTrail audit,
			Clock clock) {
		this.apis = apis;
		this.versions = versions;
		this.store = store;
		this.services = services;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Consumer> consumers(String api) {
		this.apis.api(api);
		return this.store.ofApi(api);
	}

	@Transactional(readOnly = true)
	public Consumer consumer(String api, String service) {
		this.apis.api(api);
		return this.store.find(api, service).orElseThrow(() -> notFound(api, service));
	}

	/** The APIs a service consumes. */
	@Transactional(readOnly = true)
	public List<Consumer> consumed(String service) {
		this.services.service(service);
		return this.store.ofConsumer(service);
	}

	/**
	 * Records that the service consumes the major of the API; the major must have a
	 * published (or deprecated) version, and an API's own service is not its consumer.
	 */
	public Upsert<Consumer> put(String api, String service, ConsumerRequest request) {
		ApiEntry entry = this.apis.api(api);
		this.services.service(service);
		if (request.major() == null || request.major() < 0) {
			throw InvalidInput.field("major", "is required: the major version the service uses (0 or more)");
		}
		if (service.equals(entry.service())) {
			throw InvalidInput.field("service", "'" + service + "' owns API '" + api + "' and does not consume it");
		}
		if (!this.versions.hasLiveMajor(api, request.major())) {
			throw InvalidInput.field("major",
					"API '" + api + "' has no published version of major " + request.major() + " to consume");
		}
		Instant now = this.clock.instant();
		Optional<Consumer> before = this.store.find(api, service);
		Consumer consumer = new Consumer(api, service, request.major(), before.map(Consumer::createdAt).orElse(now),
				now);
		if (before.isPresent()) {
			this.store.update(consumer);
		}
		else {
			this.store.insert(consumer);
		}
		Consumer stored = this.store.find(api, service).orElseThrow();
		this.audit.record("api.consumer-set", target(api, service), entry.service(), before.orElse(null), stored);
		return new Upsert<>(stored, before.isEmpty());
	}

	public void remove(String api, String service) {
		Consumer before = consumer(api, service);
		this.store.delete(api, service);
		this.audit.record("api.consumer-removed", target(api, service), this.apis.api(api).service(), before, null);
	}

	/**
	 * Consumers whose major has no published version left, only deprecated ones past
	 * their sunset.
	 */
	@Override
	@Transactional(readOnly = true)
	public List<Violation> violations() {
		Map<String, Map<Integer, List<ApiVersion>>> live = this.versions.liveByMajor();
		List<Violation> violations = new ArrayList<>();
		for (Consumer consumer : this.store.all()) {
			List<ApiVersion> ofMajor = live.getOrDefault(consumer.api(), Map.of())
				.getOrDefault(consumer.major(), List.of());
			boolean pastSunset = !ofMajor.isEmpty() && ofMajor.stream().allMatch(ApiVersion::pastSunset);
			if (pastSunset) {
				violations.add(violation(consumer, ofMajor.get(0), live.get(consumer.api())));
			}
		}
		return violations;
	}

	private Violation violation(Consumer consumer, ApiVersion newest, Map<Integer, List<ApiVersion>> majors) {
		String provider = this.apis.api(consumer.api()).service();
		Optional<ApiVersion> successor = majors.entrySet()
			.stream()
			.filter(major -> major.getKey() > consumer.major())
			.flatMap(major -> major.getValue().stream())
			.filter(version -> version.status() == VersionStatus.PUBLISHED)
			.findFirst();
		String detail = consumer.service() + " consumes major " + consumer.major() + " of " + consumer.api()
				+ ", whose newest version " + newest.version() + " passed its sunset on " + newest.sunset()
				+ successor.map(version -> "; move to " + version.version()).orElse("");
		return new Violation(PAST_SUNSET, consumer.service(), provider, consumer.api() + "@" + consumer.major(), detail,
				List.of(consumer.api()), newest.sunset().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private static String target(String api, String service) {
		return Apis.target(api) + "/consumers/" + service;
	}

	private static NotFound notFound(String api, String service) {
		return NotFound.because("Service '" + service + "' is not a consumer of API '" + api + "'");
	}

}
