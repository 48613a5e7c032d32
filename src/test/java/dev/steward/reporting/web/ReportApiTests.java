package dev.steward.reporting.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service with a known timeline of incidents and production deployments: every figure
 * of its service, team, consumer and organization reports is asserted exactly, in JSON
 * and parsed back from CSV.
 */
class ReportApiTests extends ApiTest {

	private static final String REPORTS = "/api/v1/reports";

	@Autowired
	TestClock clock;

	@Test
	void everyFigureOfAKnownTimelineIsReportedExactly() {
		String member = user();
		String team = team("stream", List.of(Map.of("user", member)));
		String service = service(team, 2);
		String consumer = service(team, 3);
		created(this.api.put("/api/v1/services/" + consumer + "/dependencies/" + service,
				Map.of("criticality", "hard")));
		String production = environment("production", false);
		Instant since = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);

		Instant firstCommit = this.clock.instant().minus(Duration.ofHours(2));
		JsonNode first = succeeded(deploy(service, production, "1.0.0", firstCommit));
		this.clock.advance(Duration.ofHours(1));
		JsonNode high = incident(service, "critical");
		this.clock.advance(Duration.ofMinutes(10));
		JsonNode highAcknowledged = ok(this.api.post("/api/v1/incidents/" + number(high) + "/acknowledge", null))
			.json();
		this.clock.advance(Duration.ofMinutes(50));
		JsonNode highResolved = ok(this.api.post("/api/v1/incidents/" + number(high) + "/resolve", null)).json();

		this.clock.advance(Duration.ofDays(2));
		Instant secondCommit = this.clock.instant().minus(Duration.ofDays(1));
		JsonNode second = ok(
				this.api.post("/api/v1/deployments/" + deploy(service, production, "1.1.0", secondCommit) + "/verify",
						Map.of("passed", false)))
			.json();
		this.clock.advance(Duration.ofMinutes(30));
		Instant thirdCommit = this.clock.instant().minus(Duration.ofHours(3));
		JsonNode third = succeeded(deploy(service, production, "1.1.1", thirdCommit));
		JsonNode low = incident(service, "info");
		this.clock.advance(Duration.ofMinutes(5));
		JsonNode lowAcknowledged = ok(this.api.post("/api/v1/incidents/" + number(low) + "/acknowledge", null)).json();
		created(this.api.post("/api/v1/deployments", Map.of("service", service, "environment", production, "version",
				"1.1.2", "emergency", Map.of("justification", "Hotfix for the checkout outage"))));
		this.clock.advance(Duration.ofDays(7));
		Instant until = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		String period = "?since=" + since + "&until=" + until;

		JsonNode report = ok(this.api.get(REPORTS + "/services/" + service + period)).json();
		assertThat(report.path("service").asString()).isEqualTo(service);
		assertThat(report.path("owner").asString()).isEqualTo(team);
		assertThat(Instant.parse(report.path("since").asString())).isEqualTo(since);
		assertThat(Instant.parse(report.path("until").asString())).isEqualTo(until);

		JsonNode incidents = report.path("incidents");
		assertThat(high.path("urgency").asString()).isEqualTo("high");
		assertThat(low.path("urgency").asString()).isEqualTo("low");
		assertThat(incidents.path("total").asInt()).isEqualTo(2);
		assertThat(incidents.path("high").asInt()).isEqualTo(1);
		assertThat(incidents.path("low").asInt()).isEqualTo(1);
		long highToAcknowledge = millisBetween(high, "createdAt", highAcknowledged, "acknowledgedAt");
		long lowToAcknowledge = millisBetween(low, "createdAt", lowAcknowledged, "acknowledgedAt");
		assertThat(highToAcknowledge).isBetween(600_000L, 610_000L);
		assertThat(incidents.path("mttaSeconds").asLong())
			.isEqualTo(Math.round((highToAcknowledge + lowToAcknowledge) / 2.0 / 1000));
		assertThat(incidents.path("mttrSeconds").asLong())
			.isEqualTo(Math.round(millisBetween(high, "createdAt", highResolved, "resolvedAt") / 1000.0));
		assertThat(incidents.path("responseSlaBreaches").asInt()).isEqualTo(breaches(high) + breaches(low));
		assertThat(breaches(low)).as("the low incident is still open after a week").isEqualTo(1);
		assertThat(incidents.path("postmortemsOverdue").asInt()).as("due five days after the resolution").isEqualTo(1);

		JsonNode dora = report.path("dora");
		assertThat(dora.path("deployments").asInt()).as("the emergency deployment has no outcome yet").isEqualTo(3);
		double weeks = Duration.between(since, until).toSeconds() / (7.0 * 24 * 3600);
		assertThat(dora.path("deploymentFrequencyPerWeek").asDouble()).isEqualTo(3 / weeks);
		long firstLead = Duration.between(firstCommit, Instant.parse(first.path("finishedAt").asString())).toMillis();
		long thirdLead = Duration.between(thirdCommit, Instant.parse(third.path("finishedAt").asString())).toMillis();
		assertThat(dora.path("leadTimeSecondsMedian").asLong())
			.isEqualTo(Math.round((firstLead + thirdLead) / 2.0 / 1000));
		assertThat(dora.path("changeFailureRate").asDouble())
			.as("the second failed, the first was followed by a high-urgency incident within 24 h")
			.isEqualTo(2 / 3.0);
		assertThat(dora.path("failedDeploymentRecoverySecondsMedian").asLong())
			.as("from the failure to the next successful deployment")
			.isEqualTo(
					Math.round(Duration
						.between(Instant.parse(second.path("finishedAt").asString()),
								Instant.parse(third.path("finishedAt").asString()))
						.toMillis() / 1000.0));
		assertThat(dora.path("bands").path("deploymentFrequency").asString()).as("about 2.2 a week").isEqualTo("high");
		assertThat(dora.path("bands").path("leadTime").asString()).as("2 h and 3 h: median under a day")
			.isEqualTo("elite");
		assertThat(dora.path("bands").path("changeFailureRate").asString()).isEqualTo("low");
		assertThat(dora.path("bands").path("failedDeploymentRecovery").asString()).isEqualTo("elite");

		assertThat(report.path("slos").isEmpty()).isTrue();
		assertThat(report.path("slaAgreements").isEmpty()).isTrue();
		assertThat(report.path("changes").path("completed").asInt()).isZero();
		assertThat(report.path("changes").size()).as("every status").isEqualTo(7);
		assertThat(report.path("emergencyOverrides").asInt()).isEqualTo(1);
		assertThat(report.path("monitoringReviews").path("last").isNull()).isTrue();
		assertThat(report.path("monitoringReviews").path("overdue").asBoolean()).isFalse();
		assertThat(report.path("oncall").path("pages").asInt()).as("the service names no escalation policy").isZero();

		assertThat(csvFigures(csv(REPORTS + "/services/" + service + period))).isEqualTo(jsonFigures(report));

		JsonNode teamReport = ok(this.api.get(REPORTS + "/teams/" + team + period)).json();
		assertThat(teamReport.path("incidents")).isEqualTo(incidents);
		assertThat(teamReport.path("dora")).isEqualTo(dora);
		assertThat(teamReport.path("emergencyOverrides").asInt()).isEqualTo(1);
		assertThat(teamReport.path("oncall").path("perPerson").isEmpty()).isTrue();
		List<Map<String, String>> teamRows = csvRows(csv(REPORTS + "/teams/" + team + period));
		assertThat(teamRows).extracting(row -> row.get("service")).containsExactlyInAnyOrder(service, consumer);
		Map<String, String> serviceRow = teamRows.stream()
			.filter(row -> row.get("service").equals(service))
			.findFirst()
			.orElseThrow();
		assertThat(serviceRow.get("incidents.mttaSeconds")).isEqualTo(incidents.path("mttaSeconds").asString());
		assertThat(serviceRow.get("dora.changeFailureRate")).isEqualTo(dora.path("changeFailureRate").asString());
		assertThat(serviceRow.get("dora.bands.leadTime")).isEqualTo("elite");

		JsonNode consumers = ok(this.api.get(REPORTS + "/consumers/" + consumer + period)).json();
		assertThat(consumers.path("providers")).hasSize(1);
		assertThat(consumers.path("providers").get(0).path("service").asString()).isEqualTo(service);
		assertThat(consumers.path("providers").get(0).path("criticality").asString()).isEqualTo("hard");
		assertThat(consumers.path("providers").get(0).path("incidents")).isEqualTo(incidents);
		assertThat(csvRows(csv(REPORTS + "/consumers/" + consumer + period))).singleElement()
			.satisfies(row -> assertThat(row.get("incidents.total")).isEqualTo("2"));

		JsonNode organization = ok(this.api.get(REPORTS + "/organization" + period)).json();
		JsonNode group = organization.path("byGroup")
			.valueStream()
			.filter(rollUp -> rollUp.path("key").asString().equals(team))
			.findFirst()
			.orElseThrow();
		assertThat(group.path("services").asInt()).isEqualTo(2);
		assertThat(group.path("incidents")).isEqualTo(incidents);
		assertThat(group.path("dora")).isEqualTo(dora);
		assertThat(organization.path("weeks").valueStream().mapToInt(week -> week.path("incidents").asInt()).sum())
			.isEqualTo(organization.path("total").path("incidents").path("total").asInt());
		assertThat(csvRows(csv(REPORTS + "/organization" + period)))
			.filteredOn(row -> row.get("service").equals(service))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.get("group")).isEqualTo(team);
				assertThat(row.get("incidents.responseSlaBreaches"))
					.isEqualTo(incidents.path("responseSlaBreaches").asString());
				assertThat(row.get("dora.deployments")).isEqualTo("3");
			});
	}

	@Test
	void refusesABadPeriodAndAnswers404ForWhatIsNotThere() {
		String service = service(team(), 3);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		problem(this.api.get(REPORTS + "/services/" + service + "?since=" + now + "&until=" + now), 400, "since");
		problem(this.api
			.get(REPORTS + "/services/" + service + "?since=" + now.minus(Duration.ofDays(367)) + "&until=" + now), 400,
				"since");
		problem(this.api.get(REPORTS + "/organization?until=yesterday"), 400, "until");
		problem(this.api.get(REPORTS + "/teams/" + unique("team") + "?since=" + now.plusSeconds(5)), 400, "since");
		problem(this.api.get(REPORTS + "/services/" + unique("svc")), 404, null);
		problem(this.api.get(REPORTS + "/teams/" + unique("team")), 404, null);
		problem(this.api.get(REPORTS + "/consumers/" + unique("svc")), 404, null);
		JsonNode defaults = ok(this.api.get(REPORTS + "/services/" + service)).json();
		assertThat(Duration.between(Instant.parse(defaults.path("since").asString()),
				Instant.parse(defaults.path("until").asString())))
			.isEqualTo(Duration.ofDays(30));
	}

	private long deploy(String service, String environment, String version, Instant commitTime) {
		return created(this.api.post("/api/v1/deployments", Map.of("service", service, "environment", environment,
				"version", version, "commitTime", commitTime.toString())))
			.json()
			.path("id")
			.asLong();
	}

	private JsonNode succeeded(long deployment) {
		return ok(this.api.post("/api/v1/deployments/" + deployment + "/verify", Map.of("passed", true))).json();
	}

	private JsonNode incident(String service, String severity) {
		return created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "Trouble", "severity", severity)))
			.json();
	}

	private static long number(JsonNode incident) {
		return incident.path("number").asLong();
	}

	private int breaches(JsonNode incident) {
		JsonNode sla = ok(this.api.get("/api/v1/incidents/" + number(incident))).json().path("responseSla");
		return sla.path("ackBreached").asBoolean() || sla.path("resolveBreached").asBoolean() ? 1 : 0;
	}

	private static long millisBetween(JsonNode from, String fromField, JsonNode to, String toField) {
		return Duration
			.between(Instant.parse(from.path(fromField).asString()), Instant.parse(to.path(toField).asString()))
			.toMillis();
	}

	private String csv(String path) {
		Reply reply = ok(this.api.send("GET", path, null, Map.of("Accept", "text/csv")));
		assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		return reply.body();
	}

	/** The single-service CSV as {@code section.figure → value}. */
	private static Map<String, String> csvFigures(String csv) {
		List<List<String>> records = Rfc4180.parse(csv);
		assertThat(records.get(0)).containsExactly("section", "figure", "value");
		Map<String, String> figures = new LinkedHashMap<>();
		records.subList(1, records.size())
			.forEach(record -> figures.put(record.get(0) + "." + record.get(1), record.get(2)));
		return figures;
	}

	/**
	 * Every scalar of the JSON report by dotted path, top-level scalars under "report".
	 */
	private static Map<String, String> jsonFigures(JsonNode report) {
		Map<String, String> figures = new LinkedHashMap<>();
		report.properties().forEach(field -> {
			if (field.getValue().isContainer()) {
				collect(field.getKey(), field.getValue(), figures);
			}
			else {
				figures.put("report." + field.getKey(), field.getValue().asString());
			}
		});
		return figures;
	}

	private static void collect(String path, JsonNode node, Map<String, String> figures) {
		if (node.isObject()) {
			node.properties().forEach(field -> collect(path + "." + field.getKey(), field.getValue(), figures));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(path + "." + i, node.get(i), figures);
			}
		}
		else {
			figures.put(path, node.isNull() ? "" : node.asString());
		}
	}

	/** A CSV with a header row as one map per row. */
	private static List<Map<String, String>> csvRows(String csv) {
		List<List<String>> records = Rfc4180.parse(csv);
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> record : records.subList(1, records.size())) {
			assertThat(record).hasSameSizeAs(header);
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), record.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

}
