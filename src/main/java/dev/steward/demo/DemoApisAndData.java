package dev.steward.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.steward.apis.ApiConsumers;
import dev.steward.apis.ApiRequest;
import dev.steward.apis.ApiVersions;
import dev.steward.apis.Apis;
import dev.steward.apis.ConsumerRequest;
import dev.steward.apis.VersionRequest;
import dev.steward.data.AccessPatterns;
import dev.steward.data.AccessRequest;
import dev.steward.data.DataAccess;
import dev.steward.data.DatastoreRequest;
import dev.steward.data.Datastores;
import dev.steward.data.SchemaRequest;
import org.springframework.stereotype.Component;

/**
 * The demo organization's APIs and data: Payments' public API in two majors with the
 * first deprecated, the Ledger's internal API, Search and Identity (with a draft); the
 * datastores of six services with schema histories; and two services that read another
 * service's datastore directly, which Steward shows as violations.
 */
@Component
class DemoApisAndData {

	private final Apis apis;

	private final ApiVersions versions;

	private final ApiConsumers consumers;

	private final Datastores datastores;

	private final DataAccess access;

	private final Clock clock;

	DemoApisAndData(Apis apis, ApiVersions versions, ApiConsumers consumers, Datastores datastores, DataAccess access,
			Clock clock) {
		this.apis = apis;
		this.versions = versions;
		this.consumers = consumers;
		this.datastores = datastores;
		this.access = access;
		this.clock = clock;
	}

	void load() {
		api("payments-api", "payments", "external", "Card payments for merchants");
		publish("payments", "1.0.0", contract("Payments", "1.0.0", List.of("post /authorizations", "get /payments")));
		publish("payments", "1.1.0",
				contract("Payments", "1.1.0", List.of("post /authorizations", "get /payments", "post /refunds")));
		publish("payments", "2.0.0", contract("Payments", "2.0.0", List.of("post /authorizations", "post /refunds")));
		String sunset = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(45).toString();
		this.versions.deprecate("payments", "1.0.0", sunset);
		this.versions.deprecate("payments", "1.1.0", sunset);
		api("ledger", "ledger-entries", "internal", "Double-entry postings and balances");
		publish("ledger-entries", "1.0.0", contract("Ledger", "1.0.0", List.of("post /postings", "get /balances")));
		api("search-api", "search", "external", "Product search");
		publish("search", "1.0.0", contract("Search", "1.0.0", List.of("get /search")));
		publish("search", "1.1.0", contract("Search", "1.1.0", List.of("get /search", "get /suggestions")));
		api("identity-api", "identity", "internal", "Sign-in and sessions");
		publish("identity", "1.0.0", contract("Identity", "1.0.0", List.of("post /sessions", "delete /sessions")));
		this.versions.add("identity", new VersionRequest("1.1.0",
				contract("Identity", "1.1.0", List.of("post /sessions", "delete /sessions", "get /me")), "draft"));
		consume("payments", "checkout-api", 2);
		consume("payments", "payouts", 1);
		consume("ledger-entries", "payments-api", 1);
		consume("ledger-entries", "payouts", 1);
		consume("search", "recommendations", 1);
		consume("identity", "admin-console", 1);

		datastore("payments-db", "payments-api", "postgresql", "restricted", true, 2555,
				new AccessPatterns(900.0, 120.0, "Authorizations by id; refunds by payment"));
		datastore("ledger-db", "ledger", "postgresql", "restricted", false, 3650,
				new AccessPatterns(400.0, 150.0, "Append-only postings; balances by account"));
		datastore("orders-db", "orders", "postgresql", "confidential", true, 1825,
				new AccessPatterns(300.0, 60.0, "Orders by customer and by id"));
		datastore("sessions", "session-store", "redis", "confidential", true, 1,
				new AccessPatterns(5000.0, 800.0, "Session lookups by token"));
		datastore("search-index", "search-api", "elasticsearch", "internal", false, null,
				new AccessPatterns(2500.0, 40.0, "Full-text queries; bulk reindex at night"));
		datastore("checkout-events", "checkout-api", "kafka-topic", "internal", true, 7,
				new AccessPatterns(null, 200.0, "One event per checkout step"));
		schema("ledger-db", "postings", "1", Duration.ofDays(400),
				"create table postings (id bigint primary key, account text not null, amount numeric not null)");
		schema("ledger-db", "postings", "2", Duration.ofDays(90),
				"alter table postings add column currency char(3) not null default 'EUR'");
		schema("orders-db", "orders", "1", Duration.ofDays(200),
				"create table orders (id bigint primary key, customer text not null, total numeric not null)");
		schema("checkout-events", "checkout-step", "1.0.0", Duration.ofDays(30),
				"{\"type\": \"record\", \"name\": \"CheckoutStep\", \"fields\": [{\"name\": \"cart\", \"type\": \"string\"}]}");
		this.access.put("payments-api", "payments-db", new AccessRequest("write", null));
		this.access.put("ledger", "ledger-db", new AccessRequest("write", null));
		this.access.put("fraud-scoring", "payments-db",
				new AccessRequest("read", "Reads authorizations for its nightly model training"));
		this.access.put("payouts", "ledger-db", new AccessRequest("read", "Sums balances for payout runs"));
	}

	private void api(String service, String name, String visibility, String description) {
		this.apis.create(service, new ApiRequest(name, visibility, "openapi", description, null));
	}

	private void publish(String api, String version, String spec) {
		this.versions.add(api, new VersionRequest(version, spec, null));
	}

	private void consume(String api, String service, int major) {
		this.consumers.put(api, service, new ConsumerRequest(major));
	}

	private void datastore(String name, String owner, String kind, String classification, boolean pii,
			Integer retentionDays, AccessPatterns patterns) {
		this.datastores.create(new DatastoreRequest(name, owner, kind, classification, pii, retentionDays,
				"Nightly snapshots kept 35 days; point-in-time recovery for 7 days", patterns, null));
	}

	private void schema(String datastore, String name, String version, Duration ago, String document) {
		this.datastores.addSchema(datastore,
				new SchemaRequest(name, version, document, this.clock.instant().minus(ago).toString()));
	}

	/** A small OpenAPI 3.0 contract with one operation per {@code "method /path"}. */
	private static String contract(String title, String version, List<String> operations) {
		StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo:\n  title: ").append(title)
			.append("\n  version: ")
			.append(version)
			.append("\npaths:\n");
		String lastPath = null;
		for (String operation : operations.stream()
			.sorted((a, b) -> a.split(" ")[1].compareTo(b.split(" ")[1]))
			.toList()) {
			String[] parts = operation.split(" ");
			if (!parts[1].equals(lastPath)) {
				yaml.append("  ").append(parts[1]).append(":\n");
				lastPath = parts[1];
			}
			yaml.append("    ")
				.append(parts[0])
				.append(":\n      summary: ")
				.append(parts[0].toUpperCase())
				.append(' ')
				.append(parts[1])
				.append("\n      responses:\n        '200':\n          description: OK\n");
		}
		return yaml.toString();
	}

}
