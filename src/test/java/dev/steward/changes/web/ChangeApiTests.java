package dev.steward.changes.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	private String ownerLead;

	private String ownerMember;

	private String owner;

	private String service;

	@BeforeEach
	void organization() {
		standardEnvironments();
		this.ownerLead = user();
		this.ownerMember = user();
		this.owner = team("stream", List.of(Map.of("user", this.ownerLead, "role", "lead"),
				Map.of("user", this.ownerMember, "role", "member")));
		this.service = service(this.owner, 2);
	}

	@Test
	void lowRiskChangeOfTheOwningTeamNeedsOneOwnerLead() {
		long id = draft(Map.of("risk", "low"));
		Reply submitted = ok(as(this.ownerMember).post("/api/v1/changes/" + id + "/submit", null));
		assertThat(submitted.json().path("status").asString()).isEqualTo("submitted");
		assertThat(submitted.json().path("gate").path("open").asBoolean()).isTrue();
		assertThat(submitted.json().path("approvalsNeeded").get(0).asString()).contains(this.owner);

		problem(as(this.ownerMember).post("/api/v1/changes/" + id + "/approve", null), 403, null);
		Reply approved = ok(as(this.ownerLead).post("/api/v1/changes/" + id + "/approve", null));
		assertThat(approved.json().path("status").asString()).isEqualTo("approved");
		assertThat(approved.json().path("approvals").get(0).path("approver").asString()).isEqualTo(this.ownerLead);
		assertThat(approved.json().path("approvals").get(0).path("side").asString()).isEqualTo("owner");
	}

	@Test
	void sharedImplementerAndHighRiskNeedBothLeads() {
		String operationsLead = user();
		String operations = team("shared", List.of(Map.of("user", operationsLead, "role", "lead")));
		long id = draft(Map.of("risk", "high", "implementer", operations));
		ok(this.api.post("/api/v1/changes/" + id + "/submit", null));

		Reply first = ok(as(this.ownerLead).post("/api/v1/changes/" + id + "/approve", null));
		assertThat(first.json().path("status").asString()).isEqualTo("submitted");
		assertThat(first.json().path("approvalsNeeded").toString()).contains(operations).contains("implementer");
		problem(as(this.ownerLead).post("/api/v1/changes/" + id + "/approve", null), 409, null);

		Reply second = ok(as(operationsLead).post("/api/v1/changes/" + id + "/approve", null));
		assertThat(second.json().path("status").asString()).isEqualTo("approved");
		assertThat(second.json().path("approvals").findValuesAsString("side")).containsExactly("owner", "implementer");
	}

	@Test
	void highRiskChangeOfTheOwnerNeedsASecondApprover() {
		long id = draft(Map.of("risk", "high"));
		ok(this.api.post("/api/v1/changes/" + id + "/submit", null));
		Reply first = ok(as(this.ownerLead).post("/api/v1/changes/" + id + "/approve", null));
		assertThat(first.json().path("status").asString()).isEqualTo("submitted");
		assertThat(first.json().path("approvalsNeeded").toString()).contains("second approver");
		Reply second = ok(this.api.post("/api/v1/changes/" + id + "/approve", null));
		assertThat(second.json().path("status").asString()).isEqualTo("approved");
	}

	@Test
	void submittingIntoAClosedGateIsRefusedUnlessEmergency() {
		Instant start = this.clock.instant().plus(Duration.ofHours(2));
		created(this.api.post("/api/v1/windows",
				Map.of("name", unique("freeze"), "scope", "service:" + this.service, "kind", "deny", "start",
						start.plus(Duration.ofMinutes(30)).toString(), "end",
						start.plus(Duration.ofHours(5)).toString(), "timeZone", "UTC", "reason", "Peak sale")));
		long id = draft(Map.of("risk", "low"));
		Reply refused = this.api.post("/api/v1/changes/" + id + "/submit", null);
		problem(refused, 409, null);
		assertThat(refused.json().path("gate").path("open").asBoolean()).isFalse();
		assertThat(refused.json().path("gate").path("reasons").get(0).path("reason").asString()).isEqualTo("Peak sale");
		assertThat(ok(this.api.get("/api/v1/changes/" + id)).json().path("status").asString()).isEqualTo("draft");

		Map<String, Object> emergency = new HashMap<>(Map.of("risk", "low"));
		emergency.put("emergency", Map.of("justification", "Certificate expires at noon"));
		long urgent = draft(emergency);
		Reply passed = ok(this.api.post("/api/v1/changes/" + urgent + "/submit", null));
		assertThat(passed.json().path("status").asString()).isEqualTo("submitted");
		assertThat(passed.json().path("gate").path("open").asBoolean()).isFalse();
		assertThat(this.api.get("/api/v1/audit?action=change.emergency-override").body())
			.contains("Certificate expires at noon");
	}

	@Test
	void lifeCycleRunsWithinThePlannedIntervalAndRefusesIllegalSteps() {
		Instant now = this.clock.instant();
		long id = draft(Map.of("risk", "medium", "plannedStart", now.minus(Duration.ofMinutes(1)).toString(),
				"plannedEnd", now.plus(Duration.ofHours(1)).toString()));
		problem(this.api.post("/api/v1/changes/" + id + "/start", null), 409, null);
		ok(this.api.post("/api/v1/changes/" + id + "/submit", null));
		problem(this.api.post("/api/v1/changes/" + id + "/complete", null), 409, null);
		ok(as(this.ownerLead).post("/api/v1/changes/" + id + "/approve", null));
		Reply started = ok(as(this.ownerMember).post("/api/v1/changes/" + id + "/start", null));
		assertThat(started.json().path("status").asString()).isEqualTo("in-progress");
		assertThat(started.json().path("startedAt").isNull()).isFalse();
		problem(this.api.post("/api/v1/changes/" + id + "/cancel", null), 409, null);
		Reply completed = ok(
				this.api.post("/api/v1/changes/" + id + "/complete", Map.of("note", "Pool resized to 12 nodes")));
		assertThat(completed.json().path("status").asString()).isEqualTo("completed");
		assertThat(completed.json().path("outcome").asString()).isEqualTo("Pool resized to 12 nodes");
		assertThat(completed.json().path("history").findValuesAsString("status")).containsExactly("draft", "submitted",
				"approved", "in-progress", "completed");
		assertThat(ok(this.api.get("/api/v1/changes?service=" + this.service)).json().path("items").size())
			.isEqualTo(1);
	}

	@Test
	void startingOutsideThePlannedIntervalIsRefused() {
		long id = draft(Map.of("risk", "low"));
		ok(this.api.post("/api/v1/changes/" + id + "/submit", null));
		ok(as(this.ownerLead).post("/api/v1/changes/" + id + "/approve", null));
		Reply early = this.api.post("/api/v1/changes/" + id + "/start", null);
		problem(early, 409, null);
		assertThat(early.json().path("detail").asString()).contains("planned interval");
		Reply cancelled = ok(this.api.post("/api/v1/changes/" + id + "/cancel", Map.of("note", "Not needed")));
		assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void outsidersMayNeitherFileNorMoveAChange() {
		String outsider = user();
		team("stream", List.of(Map.of("user", outsider, "role", "lead")));
		Map<String, Object> body = body(Map.of("risk", "low"));
		problem(as(outsider).post("/api/v1/changes", body), 403, null);
		long id = draft(Map.of("risk", "low"));
		problem(as(outsider).post("/api/v1/changes/" + id + "/submit", null), 403, null);
		ok(this.api.post("/api/v1/changes/" + id + "/submit", null));
		problem(as(outsider).post("/api/v1/changes/" + id + "/approve", null), 403, null);
	}

	@Test
	void invalidChangesAreRefusedAndNothingIsStored() {
		int before = ok(this.api.get("/api/v1/changes?service=" + this.service)).json().path("items").size();
		Instant now = this.clock.instant();
		problem(this.api.post("/api/v1/changes", body(Map.of("risk", "extreme"))), 400, "risk");
		problem(this.api.post("/api/v1/changes", body(Map.of("risk", "low", "category", "magic"))), 400, "category");
		problem(this.api.post("/api/v1/changes", body(Map.of("risk", "low", "plannedEnd",
				now.plus(Duration.ofMinutes(1)).toString(), "plannedStart", now.plus(Duration.ofHours(1)).toString()))),
				400, "plannedEnd");
		problem(this.api.post("/api/v1/changes", body(Map.of("risk", "low", "plannedStart", "tomorrow"))), 400,
				"plannedStart");
		problem(this.api.post("/api/v1/changes", body(Map.of("risk", "low", "rollbackPlan", ""))), 400, "rollbackPlan");
		problem(this.api.post("/api/v1/changes", body(Map.of("risk", "low", "implementer", "no-such-team"))), 400,
				"implementer");
		problem(this.api.post("/api/v1/changes", body(Map.of("risk", "low", "environment", "no-such-env"))), 400,
				"environment");
		Map<String, Object> emptyEmergency = body(Map.of("risk", "low"));
		emptyEmergency.put("emergency", Map.of());
		problem(this.api.post("/api/v1/changes", emptyEmergency), 400, "emergency.justification");
		problem(this.api.get("/api/v1/changes/987654321"), 404, null);
		assertThat(ok(this.api.get("/api/v1/changes?service=" + this.service)).json().path("items").size())
			.isEqualTo(before);
	}

	private long draft(Map<String, Object> overrides) {
		Reply reply = created(as(this.ownerMember).post("/api/v1/changes", body(overrides)));
		assertThat(reply.json().path("status").asString()).isEqualTo("draft");
		assertThat(reply.json().path("owner").asString()).isEqualTo(this.owner);
		return reply.json().path("id").asLong();
	}

	private Map<String, Object> body(Map<String, Object> overrides) {
		Instant start = this.clock.instant().plus(Duration.ofHours(2));
		Map<String, Object> body = new HashMap<>();
		body.put("service", this.service);
		body.put("title", "Resize the connection pool");
		body.put("category", "capacity");
		body.put("description", "Raise the pool from 8 to 12 nodes");
		body.put("plannedStart", start.toString());
		body.put("plannedEnd", start.plus(Duration.ofHours(1)).toString());
		body.put("rollbackPlan", "Scale back to 8 nodes");
		body.putAll(overrides);
		return body;
	}

	private ApiClient as(String user) {
		Reply token = created(this.api.post("/api/v1/users/" + user + "/tokens",
				Map.of("name", unique("token"), "scopes", List.of("write"))));
		return this.api.withToken(token.json().path("token").asString());
	}

}
