package dev.steward.demo;

import java.util.List;
import java.util.Map;

import dev.steward.incidents.Event;
import dev.steward.incidents.EventAction;
import dev.steward.incidents.EventIntake;
import dev.steward.incidents.IncidentEntry;
import dev.steward.incidents.Incidents;
import dev.steward.incidents.IntegrationKeys;
import dev.steward.incidents.ManualIncidentRequest;
import dev.steward.incidents.PostmortemRequest;
import dev.steward.incidents.PostmortemRequest.ActionItemRequest;
import dev.steward.incidents.Postmortems;
import dev.steward.incidents.Severity;
import org.springframework.stereotype.Component;

/**
 * The demo organization's incidents: one paging the Payments team now (from a monitoring
 * event), one acknowledged by Search, one resolved at Checkout with its postmortem in
 * draft, and an integration key per tier-1 service.
 */
@Component
class DemoIncidents {

	private final IntegrationKeys keys;

	private final EventIntake events;

	private final Incidents incidents;

	private final Postmortems postmortems;

	DemoIncidents(IntegrationKeys keys, EventIntake events, Incidents incidents, Postmortems postmortems) {
		this.keys = keys;
		this.events = events;
		this.incidents = incidents;
		this.postmortems = postmortems;
	}

	void load() {
		for (String service : List.of("payments-api", "ledger", "checkout-api", "orders", "identity-api",
				"search-api")) {
			this.keys.create(service, "Prometheus");
		}
		String key = this.keys.create("payments-api", "Alertmanager").key();
		this.events.accept(key,
				new Event(EventAction.TRIGGER, "visa-authorizations", "Card authorizations failing for Visa",
						Severity.CRITICAL, "payments-api-7f9c", Map.of("decline_rate", "38 %", "region", "eu-west-1"),
						List.of(Map.of("href", "https://grafana.northwind.example/d/payments", "text", "Dashboard")),
						"pagerduty"));
		IncidentEntry slowSearch = this.incidents
			.open(new ManualIncidentRequest("search-api", "Search latency p99 above 2 s", "error", Map.of()));
		this.incidents.acknowledge(slowSearch.number());
		IncidentEntry checkout = this.incidents.open(new ManualIncidentRequest("checkout-api",
				"Checkout answering 5xx after deploy", "critical", Map.of("deployment", "checkout-api 4.12.0")));
		this.incidents.resolve(checkout.number());
		this.postmortems.write(checkout.number(),
				new PostmortemRequest("draft", "https://wiki.northwind.example/postmortems/checkout-5xx",
						List.of(new ActionItemRequest("Canary deploys for checkout-api", "julia-santos", null, false),
								new ActionItemRequest("Alert on 5xx ratio per version", "diego-ramirez", null, false))),
				null);
	}

}
