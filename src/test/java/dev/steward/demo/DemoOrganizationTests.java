package dev.steward.demo;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient;
import dev.steward.ApiTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo organization loads through the module APIs and shows every capability. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "steward.demo=true",
				"spring.datasource.url=jdbc:h2:mem:demo-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=" })
class DemoOrganizationTests {

	@LocalServerPort
	int port;

	@Test
	void everyServiceHasSomeoneToPageAndTheBusinessHoursScheduleIsFlagged() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port, ApiTest.ADMIN_TOKEN);
		JsonNode services = api.get("/api/v1/services?limit=100").json().path("items");
		assertThat(services).hasSize(18);
		JsonNode onCall = api.get("/api/v1/oncall").json().path("items");
		assertThat(onCall).hasSize(18);
		onCall.forEach(
				service -> assertThat(service.path("levels").get(1).path("users")).as(service.toString()).isNotEmpty());
		assertThat(api.get("/api/v1/schedules/payments-primary/oncall").json().path("user").asString())
			.isIn("elena-petrova", "farah-haddad", "marco-rossi", "ben-carter");
		assertThat(api.get("/api/v1/schedules/search-business-hours").json().path("gapWarning").asBoolean()).isTrue();
		assertThat(
				api.get("/api/v1/escalation-policies/search-discovery-escalation").json().path("flagged").asBoolean())
			.isTrue();
		assertThat(api.get("/api/v1/escalation-policies/payments-escalation").json().path("flagged").asBoolean())
			.isFalse();
		JsonNode incidents = api.get("/api/v1/incidents").json().path("items");
		assertThat(incidents.valueStream().map(incident -> incident.path("status").asString()))
			.containsExactlyInAnyOrder("triggered", "acknowledged", "resolved");
		JsonNode paging = api.get("/api/v1/incidents?service=payments-api").json().path("items").get(0);
		assertThat(paging.path("assignees")).isNotEmpty();
		assertThat(api.get("/api/v1/postmortems?service=checkout-api")
			.json()
			.path("items")
			.get(0)
			.path("status")
			.asString()).isEqualTo("draft");
	}

	@Test
	void deploymentsChangesAndWindowsShowEveryState() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port, ApiTest.ADMIN_TOKEN);
		assertThat(api.get("/api/v1/environments").json().path("items").findValuesAsString("name"))
			.containsExactly("development", "staging", "production");
		JsonNode search = api.get("/api/v1/deployments?service=search-api&environment=production").json();
		JsonNode rollout = search.path("items").get(0);
		assertThat(rollout.path("status").asString()).isEqualTo("in-progress");
		assertThat(rollout.path("rollbackTarget").asString()).isEqualTo("7.3.0");
		assertThat(rollout.path("nodes").valueStream().map(node -> node.path("status").asString()))
			.containsExactly("updated", "updating", "pending", "pending");
		JsonNode checkout = api.get("/api/v1/services/checkout-api/instances/production").json();
		assertThat(checkout.path("currentVersion").asString()).isEqualTo("4.11.3");
		assertThat(api.get("/api/v1/deployments?service=checkout-api&status=rolled-back").json().path("items"))
			.hasSize(1);
		assertThat(api.get("/api/v1/changes")
			.json()
			.path("items")
			.valueStream()
			.map(change -> change.path("status").asString()))
			.containsExactlyInAnyOrder("approved", "submitted", "draft");
		assertThat(api.get("/api/v1/windows?service=payments-api")
			.json()
			.path("items")
			.valueStream()
			.map(window -> window.path("name").asString()))
			.containsExactly("month-end-settlement", "weekend-freeze", "year-end-freeze");
		assertThat(api.get("/api/v1/gate?service=checkout-api&environment=production").json().path("reasons"))
			.isNotEmpty();
	}

	@Test
	void slosHaveCountsAndNoneIsAlerting() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port, ApiTest.ADMIN_TOKEN);
		JsonNode payments = api.get("/api/v1/services/payments-api/slos/availability").json();
		assertThat(payments.path("totalEvents").asLong()).isEqualTo(360 * 12_000);
		assertThat(payments.path("errorBudget").path("remaining").asDouble()).isPositive();
		JsonNode checkout = api.get("/api/v1/services/checkout-api/slos/latency").json();
		assertThat(checkout.path("latencyThreshold").asString()).isEqualTo("PT0.4S");
		assertThat(checkout.path("burnRates").path("PT1H").asDouble()).isPositive();
		assertThat(checkout.path("alert").asString()).isEqualTo("none");
		assertThat(api.get("/api/v1/services/search-api/slos/availability").json().path("sli").isNull()).isTrue();
		JsonNode monitoring = api.get("/api/v1/services/payments-api/monitoring").json();
		assertThat(monitoring.path("monitors").size()).isEqualTo(2);
		assertThat(monitoring.path("lastReview").isNull()).isFalse();
	}

	@Test
	void apisHaveVersionsAndConsumersAndTwoServicesReachIntoAnothersData() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port, ApiTest.ADMIN_TOKEN);
		JsonNode payments = api.get("/api/v1/apis/payments/versions").json().path("items");
		assertThat(payments.findValuesAsString("version")).containsExactly("2.0.0", "1.1.0", "1.0.0");
		assertThat(payments.findValuesAsString("status")).containsExactly("published", "deprecated", "deprecated");
		assertThat(payments.get(0).path("changes").findValuesAsString("type")).contains("path-removed");
		assertThat(api.get("/api/v1/apis/payments/consumers").json().path("items").size()).isEqualTo(2);
		assertThat(api.get("/api/v1/apis/identity/versions/1.1.0").json().path("status").asString()).isEqualTo("draft");
		JsonNode violations = api.get("/api/v1/violations").json().path("items");
		assertThat(violations.findValuesAsString("service")).containsExactly("fraud-scoring", "payouts");
		assertThat(violations.findValuesAsString("type")).containsOnly("data-direct-access");
		assertThat(api.get("/api/v1/datastores/ledger-db").json().path("operatedBy").asString())
			.isEqualTo("database-reliability");
		assertThat(api.get("/api/v1/datastores/ledger-db/schemas?name=postings")
			.json()
			.path("items")
			.findValuesAsString("version")).containsExactly("2", "1");
	}

}
