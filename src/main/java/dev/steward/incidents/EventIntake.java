package dev.steward.incidents;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.InvalidInput;
import dev.steward.common.Validation;
import dev.steward.incidents.internal.EventDoorMetrics;
import dev.steward.incidents.internal.EventRateLimiter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The one pipeline behind every event door: authenticates the integration key, applies
 * its rate limit, checks the event and files it into an incident, durably before the door
 * answers.
 */
@Service
public class EventIntake {

	/** The longest dedup key accepted, as PagerDuty's. */
	public static final int MAX_DEDUP_KEY = 255;

	private final IntegrationKeys keys;

	private final Incidents incidents;

	private final ServiceCatalog services;

	private final EventRateLimiter limiter;

	private final EventDoorMetrics metrics;

	EventIntake(IntegrationKeys keys, Incidents incidents, ServiceCatalog services, EventRateLimiter limiter,
			EventDoorMetrics metrics) {
		this.keys = keys;
		this.incidents = incidents;
		this.services = services;
		this.limiter = limiter;
		this.metrics = metrics;
	}

	/**
	 * Files one event sent with {@code routingKey}; field errors name {@code routingKey},
	 * {@code action}, {@code dedupKey}, {@code summary} and {@code severity}.
	 */
	public EventOutcome accept(String routingKey, Event event) {
		IntegrationKey key = this.keys.authenticate(routingKey).orElseThrow(() -> {
			this.metrics.unknownKey();
			return InvalidInput.field("routingKey", "is not an active integration key");
		});
		this.limiter.acquire(key.id());
		check(event);
		ServiceEntry service = this.services.service(key.service());
		String actor = "integration:" + key.name();
		try {
			return this.incidents.ingest(service, event, actor);
		}
		catch (DuplicateKeyException ex) {
			return this.incidents.ingest(service, event, actor);
		}
	}

	private static void check(Event event) {
		Validation validation = new Validation();
		validation.required("action", event.action());
		validation.maxLength("dedupKey", event.dedupKey(), MAX_DEDUP_KEY);
		if (event.action() == EventAction.TRIGGER) {
			validation.required("summary", event.summary());
			validation.required("severity", event.severity());
		}
		else if (event.action() != null) {
			validation.required("dedupKey", event.dedupKey());
		}
		validation.throwIfInvalid();
	}

}
