package dev.steward.slas.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SlaAgreementApiTests extends ApiTest {

	private static final String AGREEMENTS = "/api/v1/sla-agreements";

	@Autowired
	TestClock clock;

	private String providerLead;

	private String consumerMember;

	private String consumerOther;

	private String outsider;

	private String provider;

	private String consumer;

	@BeforeEach
	void organization() {
		this.providerLead = user();
		this.consumerMember = user();
		this.consumerOther = user();
		this.outsider = user();
		this.provider = service(team("stream", List.of(Map.of("user", this.providerLead, "role", "lead"))), 2);
		this.consumer = service(team("stream", List.of(Map.of("user", this.consumerMember, "role", "member"),
				Map.of("user", this.consumerOther, "role", "member"))), 2);
		team("stream", List.of(Map.of("user", this.outsider, "role", "lead")));
	}

	@Test
	void theConsumerProposesTheProviderCountersAndTheConsumerAccepts() {
		Reply proposed = created(as(this.consumerMember).post(AGREEMENTS,
				proposal(this.provider, this.consumer, objective("availability", 99.9, "P30D"))));
		long id = proposed.json().path("id").asLong();
		String agreement = AGREEMENTS + "/" + id;
		assertThat(proposed.header("Location")).hasValue(agreement);
		assertThat(proposed.json().path("status").asString()).isEqualTo("proposed");
		assertThat(proposed.json().path("version").asInt()).isEqualTo(1);
		assertThat(proposed.json().path("proposedBy").path("side").asString()).isEqualTo("consumer");
		assertThat(proposed.json().path("proposedBy").path("user").asString()).isEqualTo(this.consumerMember);

		problem(as(this.consumerMember).post(agreement + "/accept", null), 403, null);
		problem(as(this.consumerOther).post(agreement + "/accept", null), 403, null);
		problem(as(this.outsider).post(agreement + "/counter", counter(objective("availability", 99.0, "P30D"))), 403,
				null);

		Reply countered = ok(as(this.providerLead).post(agreement + "/counter",
				counter(objective("availability", 99.5, "P30D"), objective("latency", 99.0, "P7D"))));
		assertThat(countered.json().path("status").asString()).isEqualTo("proposed");
		assertThat(countered.json().path("version").asInt()).isEqualTo(2);
		assertThat(countered.json().path("proposedBy").path("side").asString()).isEqualTo("provider");
		assertThat(countered.json().path("objectives").size()).isEqualTo(2);
		problem(as(this.providerLead).post(agreement + "/accept", null), 403, null);

		Reply accepted = ok(as(this.consumerOther).post(agreement + "/accept", null));
		assertThat(accepted.json().path("status").asString()).isEqualTo("active");
		assertThat(accepted.json().path("version").asInt()).isEqualTo(2);
		assertThat(accepted.json().path("acceptedBy").asString()).isEqualTo(this.consumerOther);
		problem(as(this.providerLead).post(agreement + "/counter", counter(objective("ratio", 95.0, "P1D"))), 409,
				null);

		JsonNode read = ok(this.api.get(agreement)).json();
		assertThat(read.path("history").findValuesAsString("action")).containsExactly("proposed", "countered",
				"accepted");
		assertThat(read.path("history").get(0).path("objectives").get(0).path("objective").asDouble()).isEqualTo(99.9);
		assertThat(read.path("history").get(1).path("side").asString()).isEqualTo("provider");
		assertThat(read.path("history").get(1).path("actor").asString()).isEqualTo(this.providerLead);
		assertThat(read.path("history").get(2).path("side").asString()).isEqualTo("consumer");
		assertThat(read.path("evaluation").findValuesAsString("status")).containsExactly("unmeasured", "unmeasured");
		for (String service : List.of(this.provider, this.consumer)) {
			assertThat(ok(this.api.get(AGREEMENTS + "?service=" + service)).json().path("items").findValues("id"))
				.extracting(JsonNode::asLong)
				.containsExactly(id);
		}
	}

	@Test
	void anAcceptedAgreementSupersedesThePairsActiveOneAndOnlyOneProposalIsOpen() {
		long first = created(this.api.post(AGREEMENTS,
				proposal(this.provider, this.consumer, objective("availability", 99.0, "P30D"))))
			.json()
			.path("id")
			.asLong();
		ok(this.api.post(AGREEMENTS + "/" + first + "/accept", null));
		long second = created(as(this.consumerMember).post(AGREEMENTS,
				proposal(this.provider, this.consumer, objective("availability", 99.5, "P30D"))))
			.json()
			.path("id")
			.asLong();
		problem(as(this.providerLead).post(AGREEMENTS,
				proposal(this.provider, this.consumer, objective("availability", 99.9, "P30D"))), 409, null);
		ok(as(this.providerLead).post(AGREEMENTS + "/" + second + "/accept", null));

		JsonNode superseded = ok(this.api.get(AGREEMENTS + "/" + first)).json();
		assertThat(superseded.path("status").asString()).isEqualTo("superseded");
		assertThat(superseded.path("history").findValuesAsString("action")).containsExactly("proposed", "accepted",
				"superseded");
		assertThat(ok(this.api.get(AGREEMENTS + "?service=" + this.provider + "&status=active")).json()
			.path("items")
			.findValues("id")).extracting(JsonNode::asLong).containsExactly(second);
	}

	@Test
	void eitherSideMayWithdrawButOutsidersMayNot() {
		long id = created(as(this.consumerMember).post(AGREEMENTS,
				proposal(this.provider, this.consumer, objective("ratio", 95.0, "P7D"))))
			.json()
			.path("id")
			.asLong();
		String agreement = AGREEMENTS + "/" + id;
		problem(as(this.outsider).post(agreement + "/withdraw", null), 403, null);
		Reply withdrawn = ok(as(this.providerLead).post(agreement + "/withdraw", Map.of("note", "Not needed")));
		assertThat(withdrawn.json().path("status").asString()).isEqualTo("withdrawn");
		assertThat(withdrawn.json().path("history").get(1).path("note").asString()).isEqualTo("Not needed");
		problem(as(this.consumerOther).post(agreement + "/accept", null), 409, null);
	}

	@Test
	void invalidProposalsAndOutsidersAreRefusedAndNothingIsStored() {
		Map<String, Object> good = objective("availability", 99.9, "P30D");
		problem(this.api.post(AGREEMENTS, proposal(this.provider, this.provider, good)), 400, "consumer");
		problem(this.api.post(AGREEMENTS, proposal("no-such-service", this.consumer, good)), 400, "provider");
		problem(this.api.post(AGREEMENTS, proposal(this.provider, "no-such-service", good)), 400, "consumer");
		problem(this.api.post(AGREEMENTS,
				Map.of("provider", this.provider, "consumer", this.consumer, "objectives", List.of())), 400,
				"objectives");
		problem(this.api.post(AGREEMENTS, proposal(this.provider, this.consumer, objective("speed", 99.9, "P30D"))),
				400, "objectives[0].indicator");
		problem(this.api.post(AGREEMENTS,
				proposal(this.provider, this.consumer, objective("availability", 100.0, "P30D"))), 400,
				"objectives[0].objective");
		problem(this.api.post(AGREEMENTS,
				proposal(this.provider, this.consumer, objective("availability", 99.0, "P365D"))), 400,
				"objectives[0].window");
		problem(this.api.post(AGREEMENTS, proposal(this.provider, this.consumer, good, good)), 400, "objectives[1]");
		problem(as(this.outsider).post(AGREEMENTS, proposal(this.provider, this.consumer, good)), 403, null);
		problem(as(this.consumerMember).post(AGREEMENTS, Map.of("provider", this.provider, "consumer", this.consumer,
				"side", "provider", "objectives", List.of(good))), 403, null);
		assertThat(ok(this.api.get(AGREEMENTS + "?service=" + this.provider)).json().path("items").size()).isZero();
	}

	@Test
	void activeObjectivesAreMeasuredWithTheProvidersSlo() {
		String slos = "/api/v1/services/" + this.provider + "/slos";
		created(this.api.post(slos,
				Map.of("name", "availability", "indicator", "availability", "objective", 99.0, "window", "P30D")));
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		ok(this.api.post(slos + "/availability/samples",
				Map.of("samples", List.of(Map.of("at", minute.toString(), "good", 995, "total", 1000)))));
		long id = created(this.api.post(AGREEMENTS,
				proposal(this.provider, this.consumer, objective("availability", 99.0, "P1D"),
						objective("availability", 99.9, "P30D"), objective("latency", 99.0, "P30D"))))
			.json()
			.path("id")
			.asLong();
		assertThat(ok(this.api.get(AGREEMENTS + "/" + id)).json().has("evaluation")).as("proposals are not measured")
			.isFalse();
		ok(this.api.post(AGREEMENTS + "/" + id + "/accept", null));

		JsonNode evaluation = ok(this.api.get(AGREEMENTS + "/" + id)).json().path("evaluation");
		assertThat(evaluation.findValuesAsString("status")).containsExactly("met", "breached", "unmeasured");
		assertThat(evaluation.get(0).path("slo").asString()).isEqualTo("availability");
		assertThat(evaluation.get(1).path("sli").asDouble()).isCloseTo(99.5, within(0.001));
		assertThat(evaluation.get(1).path("totalEvents").asLong()).isEqualTo(1000);
		assertThat(evaluation.get(2).path("slo").isNull()).isTrue();
	}

	static Map<String, Object> proposal(String provider, String consumer, Object... objectives) {
		return Map.of("provider", provider, "consumer", consumer, "objectives", List.of(objectives));
	}

	static Map<String, Object> counter(Object... objectives) {
		return Map.of("objectives", List.of(objectives));
	}

	static Map<String, Object> objective(String indicator, double objective, String window) {
		return Map.of("indicator", indicator, "objective", objective, "window", window);
	}

	private ApiClient as(String user) {
		Reply token = created(this.api.post("/api/v1/users/" + user + "/tokens",
				Map.of("name", unique("token"), "scopes", List.of("write"))));
		return this.api.withToken(token.json().path("token").asString());
	}

}
