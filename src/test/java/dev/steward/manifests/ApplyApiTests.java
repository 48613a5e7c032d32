package dev.steward.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import tools.jackson.databind.JsonNode;

import static dev.steward.manifests.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

class ApplyApiTests extends ApiTest {

	private Reply apply(List<Map<String, Object>> documents, Map<String, Object> options) {
		Map<String, Object> body = new HashMap<>(options);
		body.put("documents", documents);
		return this.api.post("/api/v1/apply", body);
	}

	/**
	 * A small organization: a user, a team led by them, a product and two services with a
	 * dependency.
	 */
	private List<Map<String, Object>> organization(String suffix, String tier) {
		return new ArrayList<>(List.of(
				document("User", "ada-" + suffix,
						Map.of("displayName", "Ada", "email", "ada@example.com", "timeZone", "Europe/London")),
				document("Team", "billing-" + suffix,
						Map.of("title", "Billing", "kind", "stream", "members",
								List.of(Map.of("user", "ada-" + suffix, "role", "lead")))),
				document("Product", "money-" + suffix, Map.of("title", "Money")),
				document("Service", "invoices-" + suffix,
						Map.of("title", "Invoices", "owner", "billing-" + suffix, "tier", Integer.parseInt(tier),
								"product", "money-" + suffix, "dependencies",
								List.of(Map.of("service", "ledger-" + suffix, "criticality", "hard")), "delegations",
								Map.of("databases", "billing-" + suffix))),
				document("Service", "ledger-" + suffix,
						Map.of("title", "Ledger", "owner", "billing-" + suffix, "tier", 1))));
	}

	@Test
	void createsEverythingThenChangesNothingOnTheSecondApply() {
		String suffix = unique("a").substring(2);
		Reply first = ok(apply(organization(suffix, "2"), Map.of()));
		assertThat(first.json().path("plan").findValuesAsString("action")).containsOnly("create").hasSize(5);
		assertThat(first.json().path("summary").path("create").asInt()).isEqualTo(5);
		assertThat(this.api.get("/api/v1/services/invoices-" + suffix + "/dependencies")
			.json()
			.path("items")
			.get(0)
			.path("provider")
			.asString()).isEqualTo("ledger-" + suffix);
		int auditBefore = this.api.get("/api/v1/audit?target=invoices-" + suffix + "&limit=500")
			.json()
			.path("items")
			.size();

		Reply second = ok(apply(organization(suffix, "2"), Map.of()));
		assertThat(second.json().path("plan").findValuesAsString("action")).containsOnly("unchanged");
		assertThat(this.api.get("/api/v1/audit?target=invoices-" + suffix + "&limit=500").json().path("items"))
			.hasSize(auditBefore);
	}

	@Test
	void plansUpdatesWithTheChangedFields() {
		String suffix = unique("b").substring(2);
		ok(apply(organization(suffix, "2"), Map.of()));
		List<Map<String, Object>> changed = organization(suffix, "1");
		changed.set(4, document("Service", "ledger-" + suffix, Map.of("title", "Ledger", "owner", "billing-" + suffix,
				"tier", 1, "dependencies", List.of(Map.of("service", "invoices-" + suffix, "criticality", "soft")))));
		JsonNode plan = ok(apply(changed, Map.of())).json().path("plan");
		JsonNode invoices = plan.get(3);
		assertThat(invoices.path("action").asString()).isEqualTo("update");
		assertThat(invoices.path("changes").findValuesAsString("changes")).isEmpty();
		assertThat(invoices.path("changes").get(0).asString()).isEqualTo("tier");
		assertThat(plan.get(4).path("changes").get(0).asString()).isEqualTo("dependencies");
		assertThat(this.api.get("/api/v1/services/invoices-" + suffix).json().path("tier").asInt()).isEqualTo(1);
	}

	@Test
	void dryRunPlansButStoresNothing() {
		String suffix = unique("c").substring(2);
		Reply reply = ok(apply(organization(suffix, "2"), Map.of("dryRun", true)));
		assertThat(reply.json().path("dryRun").asBoolean()).isTrue();
		assertThat(reply.json().path("summary").path("create").asInt()).isEqualTo(5);
		problem(this.api.get("/api/v1/services/invoices-" + suffix), 404, null);
		problem(this.api.get("/api/v1/teams/billing-" + suffix), 404, null);
	}

	@Test
	void oneInvalidDocumentLeavesTheDatabaseUntouched() {
		String suffix = unique("d").substring(2);
		List<Map<String, Object>> documents = organization(suffix, "2");
		documents.add(document("Service", "broken-" + suffix,
				Map.of("title", "Broken", "owner", "billing-" + suffix, "tier", 9)));
		problem(apply(documents, Map.of()), 400, "documents[5].spec.tier");
		problem(this.api.get("/api/v1/teams/billing-" + suffix), 404, null);
		problem(this.api.get("/api/v1/users/ada-" + suffix), 404, null);
	}

	@Test
	void anInvalidDocumentInABatchOfAThousandLeavesTheDatabaseUntouched() {
		String suffix = unique("h").substring(2);
		List<Map<String, Object>> documents = new ArrayList<>();
		documents.add(document("Team", "bulk-" + suffix, Map.of("title", "Bulk", "kind", "stream")));
		for (int i = 0; i < 998; i++) {
			documents.add(document("Service", "bulk-" + suffix + "-" + i,
					Map.of("title", "Bulk " + i, "owner", "bulk-" + suffix, "tier", 1 + i % 4)));
		}
		documents.add(document("Service", "bulk-" + suffix + "-bad",
				Map.of("title", "Bad", "owner", "bulk-" + suffix, "tier", 1, "lifecycle", "zombie")));
		problem(apply(documents, Map.of()), 400, "documents[999].spec.lifecycle");
		problem(this.api.get("/api/v1/teams/bulk-" + suffix), 404, null);
		problem(this.api.get("/api/v1/services/bulk-" + suffix + "-0"), 404, null);
		assertThat(this.api.get("/api/v1/audit?target=bulk-" + suffix).json().path("items")).isEmpty();
	}

	@Test
	void refusesADependencyOnAnUndeclaredService() {
		String suffix = unique("g").substring(2);
		List<Map<String, Object>> documents = organization(suffix, "2");
		documents.remove(4);
		problem(apply(documents, Map.of()), 400, "documents[3].spec.dependencies");
		problem(this.api.get("/api/v1/services/invoices-" + suffix), 404, null);
	}

	@Test
	void refusesMalformedEnvelopes() {
		Reply reply = apply(
				List.of(Map.of("apiVersion", "v0", "kind", "Gadget", "metadata", Map.of("name", "Bad Name"))),
				Map.of());
		problem(reply, 400, "documents[0].apiVersion");
		assertThat(reply.json().path("errors").findValuesAsString("field")).contains("documents[0].kind",
				"documents[0].metadata.name");
		String suffix = unique("e").substring(2);
		problem(apply(List.of(document("Product", "p-" + suffix, Map.of("title", "P")),
				document("Product", "p-" + suffix, Map.of("title", "P again"))), Map.of()), 400,
				"documents[1].metadata.name");
	}

	@Test
	void ownerChangeNeedsAllowTransferAndIsRecorded() {
		String suffix = unique("f").substring(2);
		ok(apply(organization(suffix, "2"), Map.of()));
		String other = team();
		List<Map<String, Object>> moved = organization(suffix, "2");
		moved.set(4, document("Service", "ledger-" + suffix, Map.of("title", "Ledger", "owner", other, "tier", 1)));
		problem(apply(moved, Map.of()), 409, null);
		assertThat(this.api.get("/api/v1/services/ledger-" + suffix).json().path("owner").asString())
			.isEqualTo("billing-" + suffix);

		JsonNode plan = ok(apply(moved, Map.of("allowTransfer", true))).json().path("plan");
		assertThat(plan.get(4).path("changes").get(0).asString()).isEqualTo("owner");
		assertThat(this.api.get("/api/v1/services/ledger-" + suffix).json().path("owner").asString()).isEqualTo(other);
		JsonNode history = this.api.get("/api/v1/services/ledger-" + suffix + "/ownership-history")
			.json()
			.path("items");
		assertThat(history.get(1).path("toTeam").asString()).isEqualTo(other);
	}

	@Test
	void ownersApplyTheirOwnServicesAndNobodyElses() {
		String suffix = unique("i").substring(2);
		ok(apply(organization(suffix, "2"), Map.of()));
		String token = created(this.api.post("/api/v1/users/ada-" + suffix + "/tokens",
				Map.of("name", "ci", "scopes", List.of("write"))))
			.json()
			.path("token")
			.asString();
		String other = team();
		String foreign = service(other, 3);

		List<Map<String, Object>> mine = organization(suffix, "1");
		mine.add(document("Service", foreign, Map.of("title", "Service " + foreign, "owner", other, "tier", 3)));
		Reply applied = this.api.withToken(token).post("/api/v1/apply", Map.of("documents", mine));
		assertThat(applied.status()).as("own changes, and another team's service left unchanged").isEqualTo(200);
		assertThat(this.api.get("/api/v1/services/invoices-" + suffix).json().path("tier").asInt()).isEqualTo(1);

		mine.set(5, document("Service", foreign, Map.of("title", "Taken over", "owner", other, "tier", 3)));
		Reply refused = this.api.withToken(token).post("/api/v1/apply", Map.of("documents", mine));
		problem(refused, 403, null);
		assertThat(refused.json().path("detail").asString()).startsWith("documents[5]");
		assertThat(this.api.get("/api/v1/services/" + foreign).json().path("title").asString())
			.isEqualTo("Service " + foreign);

		String product = unique("product");
		problem(this.api.withToken(token)
			.post("/api/v1/apply", Map.of("documents", List.of(document("Product", product, Map.of("title", "P"))))),
				403, null);
		String readOnly = created(this.api.post("/api/v1/users/ada-" + suffix + "/tokens",
				Map.of("name", "ro", "scopes", List.of("read"))))
			.json()
			.path("token")
			.asString();
		problem(this.api.withToken(readOnly).post("/api/v1/apply", Map.of("documents", List.of())), 403, null);
	}

}
