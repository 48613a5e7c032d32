package dev.steward.reporting.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
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
import dev.steward.WebhookReceiver;
import dev.steward.notifications.Delivery;
import dev.steward.notifications.Notifications;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Services with known timelines of incidents, production deployments, on-call pages, SLO
 * counts and SLA agreements: every figure of their service, team, consumer and
 * organization reports is asserted exactly, in JSON and parsed back from CSV.
 */
class ReportApiTests extends ApiTest {

	private static final String REPORTS = "/api/v1/reports";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	TestClock clock;

	@Autowired
	Notifications notifications;

	@Test
	void everyFigureOfAKnownTimelineIsReportedExactly() {
		Provision provision = provision(List.of(user()));
		String team = provision.team();
		String service = provision.service();
		String production = environment("production", false);
		Instant since = start();

		Instant firstCommit = this.clock.instant().minus(Duration.ofHours(2));
		JsonNode first = succeeded(deploy(service, production, "1.0.0", firstCommit));
		this.clock.advance(Duration.ofHours(1));
		JsonNode high = incident(service, "critical");
		this.clock.advance(Duration.ofMinutes(10));
		JsonNode highAcknowledged = act(high, "acknowledge");
		this.clock.advance(Duration.ofMinutes(50));
		JsonNode highResolved = act(high, "resolve");

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
		JsonNode lowAcknowledged = act(low, "acknowledge");
		created(this.api.post("/api/v1/deployments", Map.of("service", service, "environment", production, "version",
				"1.1.2", "emergency", Map.of("justification", "Hotfix for the checkout outage"))));
		this.clock.advance(Duration.ofDays(7));
		Period period = upToNow(since);

		JsonNode report = report("/services/" + service, period);
		assertThat(report.path("service").asString()).isEqualTo(service);
		assertThat(report.path("owner").asString()).isEqualTo(team);
		assertThat(Instant.parse(report.path("since").asString())).isEqualTo(since);
		assertThat(Instant.parse(report.path("until").asString())).isEqualTo(period.until());

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
		double weeks = Duration.between(since, period.until()).toSeconds() / (7.0 * 24 * 3600);
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

		assertThat(serviceCsv(service, period)).isEqualTo(jsonFigures(report));

		JsonNode teamReport = report("/teams/" + team, period);
		assertThat(teamReport.path("incidents")).isEqualTo(incidents);
		assertThat(teamReport.path("dora")).isEqualTo(dora);
		assertThat(teamReport.path("emergencyOverrides").asInt()).isEqualTo(1);
		assertThat(teamReport.path("oncall").path("perPerson").isEmpty()).isTrue();
		List<Map<String, String>> teamRows = csvRows(csv("/teams/" + team, period));
		assertThat(teamRows).extracting(row -> row.get("service"))
			.containsExactlyInAnyOrder(service, provision.consumer());
		Map<String, String> serviceRow = teamRows.stream()
			.filter(row -> row.get("service").equals(service))
			.findFirst()
			.orElseThrow();
		assertThat(serviceRow.get("incidents.mttaSeconds")).isEqualTo(incidents.path("mttaSeconds").asString());
		assertThat(serviceRow.get("dora.changeFailureRate")).isEqualTo(dora.path("changeFailureRate").asString());
		assertThat(serviceRow.get("dora.bands.leadTime")).isEqualTo("elite");

		JsonNode consumers = report("/consumers/" + provision.consumer(), period);
		assertThat(consumers.path("providers")).hasSize(1);
		assertThat(consumers.path("providers").get(0).path("service").asString()).isEqualTo(service);
		assertThat(consumers.path("providers").get(0).path("criticality").asString()).isEqualTo("hard");
		assertThat(consumers.path("providers").get(0).path("incidents")).isEqualTo(incidents);
		assertThat(csvRows(csv("/consumers/" + provision.consumer(), period))).singleElement()
			.satisfies(row -> assertThat(row.get("incidents.total")).isEqualTo("2"));

		JsonNode organization = report("/organization", period);
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
		assertThat(csvRows(csv("/organization", period))).filteredOn(row -> row.get("service").equals(service))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.get("group")).isEqualTo(team);
				assertThat(row.get("incidents.responseSlaBreaches"))
					.isEqualTo(incidents.path("responseSlaBreaches").asString());
				assertThat(row.get("dora.deployments")).isEqualTo("3");
			});
	}

	@Test
	void pagesSlosAndAgreementsOfAKnownTimelineAreReportedExactly() {
		try (WebhookReceiver pager = new WebhookReceiver()) {
			String berlin = pagedUser("Europe/Berlin", pager);
			String newYork = pagedUser("America/New_York", pager);
			Provision provision = provision(List.of(berlin, newYork));
			String service = provision.service();
			pageAtOnce(provision, List.of(berlin, newYork));
			Instant since = start();

			// 14:00 UTC is 15:00 or 16:00 in Berlin and 09:00 or 10:00 in New York, with
			// or
			// without daylight saving time: inside working hours for both
			JsonNode afternoon = pagedIncidentAt(LocalTime.of(14, 0), service, "critical", 2);
			// 21:30 UTC is 22:30 or 23:30 in Berlin, outside its working hours, but 16:30
			// or
			// 17:30 in New York and inside them in UTC as well
			JsonNode evening = pagedIncidentAt(LocalTime.of(21, 30), service, "warning", 2);
			assertThat(afternoon.path("urgency").asString()).isEqualTo("high");
			assertThat(evening.path("urgency").asString()).as("a low-urgency incident pages level 1 too")
				.isEqualTo("low");
			assertThat(pager.requests("/" + berlin)).hasSize(2);
			assertThat(pager.requests("/" + newYork)).hasSize(2);

			// 750 good of 800 events: SLI 750 / 800 = 93.75 %. The budget allows
			// (100 - 87.5) % of 800 = 100 bad events; 50 are spent, so 50 / 100 = 0.5 of
			// it
			// is left and the objective is met. Every burn rate is 0.0625 / 0.125 = 0.5,
			// under every alert's threshold, so the SLO opens no incident.
			String slos = "/api/v1/services/" + service + "/slos";
			created(this.api.post(slos,
					Map.of("name", "availability", "indicator", "availability", "objective", 87.5, "window", "P30D")));
			Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
			ok(this.api.post(slos + "/availability/samples",
					Map.of("samples", List.of(sample(minute.minus(Duration.ofMinutes(2)), 350, 400),
							sample(minute.minus(Duration.ofMinutes(1)), 400, 400)))));
			// the agreement promises 95 % over the same 30 days, which 93.75 % breaches
			long agreement = acceptedAgreement(provision, 95.0);
			this.clock.advance(Duration.ofMinutes(5));
			await().atMost(PATIENCE)
				.alias("the agreement check, due every 5 minutes, records the breach")
				.until(() -> ok(this.api.get("/api/v1/sla-agreements/" + agreement)).json()
					.path("breaches")
					.size() == 1);
			Period period = upToNow(since);

			JsonNode report = report("/services/" + service, period);
			assertThat(report.path("incidents").path("total").asInt()).isEqualTo(2);
			assertThat(report.path("oncall").path("pages").asInt()).as("two incidents paged two people each")
				.isEqualTo(4);
			assertThat(report.path("oncall").path("pagesOutsideHours").asInt())
				.as("only Berlin's evening page; in UTC none would be")
				.isEqualTo(1);
			assertThat(report.path("slos")).singleElement().satisfies(slo -> {
				assertThat(slo.path("name").asString()).isEqualTo("availability");
				assertThat(slo.path("indicator").asString()).isEqualTo("availability");
				assertThat(slo.path("objective").asDouble()).isEqualTo(87.5);
				assertThat(slo.path("sli").asDouble()).isEqualTo(93.75);
				assertThat(slo.path("budgetRemaining").asDouble()).isEqualTo(0.5);
				assertThat(slo.path("met").asBoolean()).isTrue();
			});
			assertThat(report.path("slaAgreements")).singleElement().satisfies(entry -> {
				assertThat(entry.path("id").asLong()).isEqualTo(agreement);
				assertThat(entry.path("provider").asString()).isEqualTo(service);
				assertThat(entry.path("consumer").asString()).isEqualTo(provision.consumer());
				assertThat(entry.path("kept").asBoolean()).isFalse();
				assertThat(entry.path("breaches").asLong()).isEqualTo(1);
			});
			assertThat(serviceCsv(service, period)).isEqualTo(jsonFigures(report))
				.containsEntry("oncall.pages", "4")
				.containsEntry("oncall.pagesOutsideHours", "1")
				.containsEntry("slos.0.sli", "93.75")
				.containsEntry("slos.0.budgetRemaining", "0.5")
				.containsEntry("slos.0.met", "true")
				.containsEntry("slaAgreements.0.kept", "false")
				.containsEntry("slaAgreements.0.breaches", "1");

			JsonNode teamOnCall = report("/teams/" + provision.team(), period).path("oncall");
			assertThat(teamOnCall.path("pages").asInt()).isEqualTo(4);
			assertThat(teamOnCall.path("pagesOutsideHours").asInt()).isEqualTo(1);
			assertThat(teamOnCall.path("perPerson"))
				.extracting(person -> person.path("user").asString(), person -> person.path("pages").asInt(),
						person -> person.path("pagesOutsideHours").asInt())
				.containsExactlyInAnyOrder(tuple(berlin, 2, 1), tuple(newYork, 2, 0));

			assertThat(report("/consumers/" + provision.consumer(), period).path("providers")).singleElement()
				.satisfies(provider -> {
					assertThat(provider.path("service").asString()).isEqualTo(service);
					assertThat(provider.path("slaAgreements")).isEqualTo(report.path("slaAgreements"));
					assertThat(provider.path("slos")).isEqualTo(report.path("slos"));
					assertThat(provider.path("slosMet").asBoolean()).isTrue();
					assertThat(provider.path("availability").asDouble()).isEqualTo(93.75);
				});
		}
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

	/** A team owning a service and a consumer that depends on it (hard). */
	private record Provision(String team, String service, String consumer) {
	}

	/** A report's period, {@code [since, until)}. */
	private record Period(Instant since, Instant until) {

		String query() {
			return "?since=" + this.since + "&until=" + this.until;
		}

	}

	private Provision provision(List<String> members) {
		String team = team("stream", members.stream().map(member -> Map.of("user", member)).toList());
		String service = service(team, 2);
		String consumer = service(team, 3);
		created(this.api.put("/api/v1/services/" + consumer + "/dependencies/" + service,
				Map.of("criticality", "hard")));
		return new Provision(team, service, consumer);
	}

	/** The start of a period that holds everything from now on. */
	private Instant start() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
	}

	/** The period from {@code since} that holds everything up to now. */
	private Period upToNow(Instant since) {
		return new Period(since, this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
	}

	/**
	 * A user in {@code zone} whose only notification rule reaches them at once through a
	 * webhook to {@code pager}, at the path {@code /<user>}.
	 */
	private String pagedUser(String zone, WebhookReceiver pager) {
		String user = user(zone);
		created(this.api.put("/api/v1/users/" + user + "/contact-methods/pager",
				Map.of("type", "webhook", "address", pager.url("/" + user))));
		ok(this.api.put("/api/v1/users/" + user + "/notification-rules",
				Map.of("rules", List.of(Map.of("after", "PT0M", "contactMethod", "pager")))));
		return user;
	}

	/**
	 * Gives the service an escalation policy of one level that pages {@code users} and
	 * never repeats.
	 */
	private void pageAtOnce(Provision provision, List<String> users) {
		String policy = unique("policy");
		created(this.api.post("/api/v1/escalation-policies",
				Map.of("name", policy, "team", provision.team(), "repeat", 0, "levels", List.of(Map.of("delay", "PT30M",
						"targets", users.stream().map(user -> Map.of("type", "user", "name", user)).toList())))));
		ok(this.api.put("/api/v1/services/" + provision.service() + "/escalation-policy", Map.of("policy", policy)));
	}

	/**
	 * Moves the clock to the next {@code time} of day (UTC), opens an incident there,
	 * waits until its {@code pages} are sent — each within half an hour of that time —
	 * and resolves it.
	 */
	private JsonNode pagedIncidentAt(LocalTime time, String service, String severity, int pages) {
		Instant now = this.clock.instant();
		Instant next = now.atOffset(ZoneOffset.UTC).with(time).toInstant();
		this.clock.advance(Duration.between(now, next.isAfter(now) ? next : next.plus(Duration.ofDays(1))));
		JsonNode incident = incident(service, severity);
		await().atMost(PATIENCE)
			.until(() -> this.notifications.deliveries(number(incident))
				.stream()
				.filter(delivery -> delivery.sentAt() != null)
				.count() == pages);
		assertThat(this.notifications.deliveries(number(incident))).hasSize(pages)
			.extracting(delivery -> delivery.sentAt().atOffset(ZoneOffset.UTC).toLocalTime())
			.allSatisfy(sent -> assertThat(sent).isAfterOrEqualTo(time).isBefore(time.plusMinutes(30)));
		act(incident, "resolve");
		return incident;
	}

	private static Map<String, Object> sample(Instant minute, long good, long total) {
		return Map.of("at", minute.toString(), "good", good, "total", total);
	}

	/**
	 * An agreement, accepted, that the service keeps {@code availability} % over 30 days
	 * for its consumer.
	 */
	private long acceptedAgreement(Provision provision, double availability) {
		long id = created(this.api.post("/api/v1/sla-agreements",
				Map.of("provider", provision.service(), "consumer", provision.consumer(), "objectives",
						List.of(Map.of("indicator", "availability", "objective", availability, "window", "P30D")))))
			.json()
			.path("id")
			.asLong();
		assertThat(ok(this.api.post("/api/v1/sla-agreements/" + id + "/accept", null)).json().path("status").asString())
			.isEqualTo("active");
		return id;
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

	/** Acknowledges or resolves the incident; answers it as it is then. */
	private JsonNode act(JsonNode incident, String action) {
		return ok(this.api.post("/api/v1/incidents/" + number(incident) + "/" + action, null)).json();
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

	/** The report at {@code path} below the reports, in JSON. */
	private JsonNode report(String path, Period period) {
		return ok(this.api.get(REPORTS + path + period.query())).json();
	}

	/** The report at {@code path} below the reports, in CSV. */
	private String csv(String path, Period period) {
		Reply reply = ok(this.api.send("GET", REPORTS + path + period.query(), null, Map.of("Accept", "text/csv")));
		assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		return reply.body();
	}

	/** The service's report in CSV as {@code section.figure → value}. */
	private Map<String, String> serviceCsv(String service, Period period) {
		List<List<String>> records = Rfc4180.parse(csv("/services/" + service, period));
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
