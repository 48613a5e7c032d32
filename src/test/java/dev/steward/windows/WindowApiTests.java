package dev.steward.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

/**
 * Deployment windows over HTTP. Company-wide windows apply to every service on the shared
 * server, so each test that makes one puts it in a year of its own, far from the others
 * and from now, and asks the gate about that year.
 */
class WindowApiTests extends ApiTest {

	private static final String WINDOWS = "/api/v1/windows";

	@Autowired
	TestClock clock;

	@BeforeEach
	void environments() {
		standardEnvironments();
	}

	@Test
	void aServiceWindowIsCreatedReadListedReplacedPatchedAndDeleted() {
		String service = service(team(), 2);
		String name = unique("win");
		Reply created = created(this.api.post(WINDOWS,
				Map.of("name", name, "title", "Weekday mornings", "scope", "service:" + service, "kind", "allow",
						"schedule", "0 9 * * MON-FRI", "duration", "PT3H", "timeZone", "Europe/Berlin", "reason",
						"Someone is around to watch")));
		assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(name));
		assertThat(created.header("ETag")).isPresent();
		JsonNode window = created.json();
		assertThat(window.path("scope").asString()).isEqualTo("service:" + service);
		assertThat(window.path("kind").asString()).isEqualTo("allow");
		assertThat(window.path("environments").valueStream().map(JsonNode::asString)).as("production by default")
			.containsExactly("production");
		assertThat(window.path("schedule").asString()).isEqualTo("0 9 * * MON-FRI");
		assertThat(window.path("duration").asString()).isEqualTo("PT3H");
		assertThat(window.path("timeZone").asString()).isEqualTo("Europe/Berlin");
		assertThat(window.path("createdBy").asString()).isNotBlank();
		assertThat(window.path("start").isNull()).isTrue();

		Reply read = ok(this.api.get(WINDOWS + "/" + name));
		assertThat(read.json().path("title").asString()).isEqualTo("Weekday mornings");
		String etag = read.header("ETag").orElseThrow();
		assertThat(names("service=" + service)).as("with the company's windows other tests made").contains(name);
		assertThat(names("scope=service:" + service)).containsExactly(name);
		assertThat(ok(this.api.get(WINDOWS + "?scope=service:" + service)).json().path("items")).hasSize(1);

		Map<String, Object> replacement = Map.of("scope", "service:" + service, "kind", "deny", "environments",
				List.of("staging", "production"), "start", "2031-12-24T00:00:00+01:00", "end",
				"2031-12-27T00:00:00+01:00", "timeZone", "Europe/Berlin");
		JsonNode replaced = ok(this.api.send("PUT", WINDOWS + "/" + name, replacement, Map.of("If-Match", etag)))
			.json();
		assertThat(replaced.path("kind").asString()).isEqualTo("deny");
		assertThat(replaced.path("start").asString()).isEqualTo("2031-12-23T23:00:00Z");
		assertThat(replaced.path("end").asString()).isEqualTo("2031-12-26T23:00:00Z");
		assertThat(replaced.path("schedule").isNull()).as("a one-off window has no schedule").isTrue();
		assertThat(replaced.path("title").isNull()).as("a replacement drops what it leaves out").isTrue();
		assertThat(replaced.path("environments").valueStream().map(JsonNode::asString)).containsExactly("production",
				"staging");
		problem(this.api.send("PUT", WINDOWS + "/" + name, replacement, Map.of("If-Match", etag)), 412, null);

		Map<String, Object> toRecurring = new HashMap<>();
		toRecurring.put("start", null);
		toRecurring.put("end", null);
		toRecurring.put("schedule", "@daily");
		toRecurring.put("duration", "PT1H");
		toRecurring.put("reason", "Nightly");
		JsonNode patched = ok(this.api.patch(WINDOWS + "/" + name, toRecurring)).json();
		assertThat(patched.path("schedule").asString()).isEqualTo("@daily");
		assertThat(patched.path("start").isNull()).isTrue();
		assertThat(patched.path("kind").asString()).as("what the patch leaves out stays").isEqualTo("deny");
		assertThat(patched.path("reason").asString()).isEqualTo("Nightly");
		problem(this.api.patch(WINDOWS + "/" + name, Map.of("name", "renamed")), 400, "name");

		assertThat(this.api.delete(WINDOWS + "/" + name).status()).isEqualTo(204);
		problem(this.api.get(WINDOWS + "/" + name), 404, null);
		assertThat(names("service=" + service)).doesNotContain(name);
		problem(this.api.delete(WINDOWS + "/" + name), 404, null);
	}

	@Test
	void aSecondWindowOfTheSameNameIsAConflict() {
		String service = service(team(), 2);
		Map<String, Object> body = oneOff("service:" + service, "deny", "2031-01-01T00:00:00Z", "2031-01-02T00:00:00Z");
		created(this.api.post(WINDOWS, body));
		problem(this.api.post(WINDOWS, body), 409, null);
	}

	@Test
	void everyInvalidWindowIsRefusedWithItsFieldAndNothingIsStored() {
		String service = service(team(), 2);
		String scope = "service:" + service;
		Map<String, Object> good = recurring(scope, "deny", "0 22 * * *", "PT2H");
		refused(with(good, "schedule", "0 25 * * *"), "schedule");
		refused(with(good, "schedule", "every day"), "schedule");
		refused(with(good, "schedule", "0 9 * * MON-FUNDAY"), "schedule");
		refused(with(good, "schedule", "0" + ",0".repeat(100) + " 9 * * *"), "schedule");
		refused(with(good, "schedule", "*/10 * * * *"), "schedule");
		refused(with(good, "schedule", "0 0 30 FEB *"), "schedule");
		refused(with(good, "timeZone", "Mars/Olympus_Mons"), "timeZone");
		refused(with(good, "timeZone", null), "timeZone");
		refused(with(good, "duration", "two hours"), "duration");
		refused(with(good, "duration", "PT0S"), "duration");
		refused(with(good, "duration", "-PT1H"), "duration");
		refused(with(good, "duration", "P400D"), "duration");
		refused(with(good, "duration", null), "duration");
		refused(with(good, "schedule", null), "schedule");
		refused(with(with(good, "start", "2031-01-01T00:00:00Z"), "end", "2031-01-02T00:00:00Z"), "schedule");
		refused(with(with(good, "schedule", null), "duration", null), "schedule");
		Map<String, Object> once = oneOff(scope, "deny", "2031-01-02T00:00:00Z", "2031-01-01T00:00:00Z");
		refused(once, "end");
		refused(with(once, "end", "2031-01-02T00:00:00Z"), "end");
		refused(with(once, "start", "tomorrow"), "start");
		refused(with(once, "start", "2031-01-01T00:00:00"), "start");
		refused(with(once, "end", null), "end");
		refused(with(good, "scope", "product:" + unique("no-such")), "scope");
		refused(with(good, "scope", "service:" + unique("no-such")), "scope");
		refused(with(good, "scope", "team:" + service), "scope");
		refused(with(good, "scope", "service:"), "scope");
		refused(with(good, "scope", "Service:" + service), "scope");
		refused(with(good, "scope", "company:all"), "scope");
		refused(with(good, "scope", null), "scope");
		refused(with(good, "environments", List.of(unique("no-such-env"))), "environments[0]");
		refused(with(good, "environments", List.of("production", "Not A Name")), "environments[1]");
		refused(with(good, "environments", List.of()), "environments");
		refused(with(good, "kind", "maybe"), "kind");
		refused(with(good, "kind", null), "kind");
		refused(with(good, "name", "Not A Name"), "name");
		refused(with(good, "reason", "x".repeat(2001)), "reason");
		assertThat(ok(this.api.get(WINDOWS + "?scope=" + scope)).json().path("items")).as("nothing was stored")
			.isEmpty();
		created(this.api.post(WINDOWS, good));
	}

	@Test
	void theGateAnswersNotFoundForAnUnknownServiceOrEnvironment() {
		String service = service(team(), 2);
		problem(this.api.get("/api/v1/gate?service=" + unique("no-such") + "&environment=production"), 404, null);
		problem(this.api.get("/api/v1/gate?service=" + service + "&environment=" + unique("no-such")), 404, null);
		ok(this.api.get("/api/v1/gate?service=" + service + "&environment=production"));
	}

	@Test
	void withoutWindowsTheGateIsOpenAndSaysNothingChangesWithinAYear() {
		String service = service(team(), 2);
		JsonNode gate = gate(service, "production", "2036-06-01T12:00:00Z");
		assertThat(gate.path("service").asString()).isEqualTo(service);
		assertThat(gate.path("environment").asString()).isEqualTo("production");
		assertThat(gate.path("at").asString()).isEqualTo("2036-06-01T12:00:00Z");
		assertThat(gate.path("open").asBoolean()).isTrue();
		assertThat(gate.path("reasons")).isEmpty();
		assertThat(gate.path("nextChange").isNull()).isTrue();
		assertThat(gate.path("summary").asString()).contains("Open", "does not change within a year");
	}

	@Test
	void theGateNamesTheDecidingWindowsAndWhenItsAnswerNextChanges() {
		String service = service(team(), 2);
		String hours = window(recurring("service:" + service, "allow", "0 9 * * MON-FRI", "PT8H"));
		String lunch = window(
				with(recurring("service:" + service, "deny", "0 12 * * *", "PT1H"), "reason", "Everyone is at lunch"));
		// Wednesday 2036-06-04, Berlin summer time (UTC+2)
		JsonNode morning = gate(service, "production", "2036-06-04T08:00:00Z");
		assertThat(morning.path("open").asBoolean()).isTrue();
		assertThat(morning.path("reasons")).hasSize(1);
		JsonNode opens = morning.path("reasons").get(0);
		assertThat(opens.path("window").asString()).isEqualTo(hours);
		assertThat(opens.path("kind").asString()).isEqualTo("allow");
		assertThat(opens.path("effect").asString()).isEqualTo("opens");
		assertThat(opens.path("scope").asString()).isEqualTo("service:" + service);
		assertThat(opens.path("activeUntil").asString()).isEqualTo("2036-06-04T15:00:00Z");
		assertThat(morning.path("nextChange").asString()).isEqualTo("2036-06-04T10:00:00Z");
		assertThat(morning.path("summary").asString()).contains(hours, "2036-06-04T10:00:00Z");

		JsonNode noon = gate(service, "production", "2036-06-04T10:30:00Z");
		assertThat(noon.path("open").asBoolean()).isFalse();
		JsonNode closes = noon.path("reasons").get(0);
		assertThat(closes.path("window").asString()).isEqualTo(lunch);
		assertThat(closes.path("effect").asString()).isEqualTo("closes");
		assertThat(closes.path("reason").asString()).isEqualTo("Everyone is at lunch");
		assertThat(closes.path("activeUntil").asString()).isEqualTo("2036-06-04T11:00:00Z");
		assertThat(noon.path("nextChange").asString()).isEqualTo("2036-06-04T11:00:00Z");

		JsonNode saturday = gate(service, "production", "2036-06-07T08:00:00Z");
		assertThat(saturday.path("open").asBoolean()).isFalse();
		JsonNode inactive = saturday.path("reasons").get(0);
		assertThat(inactive.path("effect").asString()).isEqualTo("inactive");
		assertThat(inactive.path("nextActive").asString()).isEqualTo("2036-06-09T07:00:00Z");
		assertThat(inactive.has("activeUntil")).isFalse();
		assertThat(saturday.path("nextChange").asString()).as("Monday 09:00 in Berlin")
			.isEqualTo("2036-06-09T07:00:00Z");
		assertThat(saturday.path("summary").asString()).contains("Closed", "only in allow windows");

		JsonNode winter = gate(service, "production", "2036-12-03T07:30:00Z");
		assertThat(winter.path("open").asBoolean()).as("08:30 in Berlin in winter").isFalse();
		assertThat(winter.path("nextChange").asString()).isEqualTo("2036-12-03T08:00:00Z");
	}

	@Test
	void cronTimesAreReadInTheWindowsZoneAtTheInstantAsked() {
		String service = service(team(), 2);
		window(with(recurring("service:" + service, "allow", "0 9 * * *", "PT1H"), "timeZone", "America/New_York"));
		assertThat(gate(service, "production", "2036-07-15T12:59:00Z").path("open").asBoolean()).isFalse();
		assertThat(gate(service, "production", "2036-07-15T13:00:00Z").path("open").asBoolean()).isTrue();
		assertThat(gate(service, "production", "2037-01-15T13:00:00Z").path("open").asBoolean()).isFalse();
		assertThat(gate(service, "production", "2037-01-15T14:00:00Z").path("open").asBoolean()).isTrue();
		assertThat(gate(service, "production", "2037-01-15T15:00:00Z").path("open").asBoolean())
			.as("the end is not part of the window")
			.isFalse();
	}

	@Test
	void aCompanyBlackoutClosesAServiceEvenInsideItsActiveAllowWindow() {
		String service = service(team(), 2);
		window(oneOff("service:" + service, "allow", "2044-02-28T00:00:00Z", "2044-03-04T00:00:00Z"));
		String blackout = window(with(oneOff("company", "deny", "2044-03-01T00:00:00Z", "2044-03-02T00:00:00Z"),
				"reason", "Year-end close"));
		JsonNode before = gate(service, "production", "2044-02-29T12:00:00Z");
		assertThat(before.path("open").asBoolean()).isTrue();
		assertThat(before.path("nextChange").asString()).isEqualTo("2044-03-01T00:00:00Z");
		JsonNode during = gate(service, "production", "2044-03-01T12:00:00Z");
		assertThat(during.path("open").asBoolean()).isFalse();
		assertThat(during.path("reasons")).hasSize(1);
		assertThat(during.path("reasons").get(0).path("window").asString()).isEqualTo(blackout);
		assertThat(during.path("reasons").get(0).path("scope").asString()).isEqualTo("company");
		assertThat(during.path("reasons").get(0).path("effect").asString()).isEqualTo("closes");
		assertThat(during.path("nextChange").asString()).isEqualTo("2044-03-02T00:00:00Z");
		assertThat(during.path("summary").asString()).contains("blackout", blackout);
		assertThat(gate(service, "production", "2044-03-02T00:00:00Z").path("open").asBoolean())
			.as("open again at the blackout's end")
			.isTrue();

		assertThat(this.api.delete(WINDOWS + "/" + blackout).status()).isEqualTo(204);
		assertThat(gate(service, "production", "2044-03-01T12:00:00Z").path("open").asBoolean())
			.as("a deleted blackout closes nothing")
			.isTrue();
	}

	@Test
	void aProductBlackoutAppliesOnlyToThatProductsServices() {
		String product = unique("product");
		created(this.api.post("/api/v1/products", Map.of("name", product, "title", "Payments")));
		String team = team();
		String inProduct = serviceOf(team, product);
		String elsewhere = service(team, 2);
		String blackout = window(oneOff("product:" + product, "deny", "2045-05-01T00:00:00Z", "2045-05-02T00:00:00Z"));
		JsonNode closed = gate(inProduct, "production", "2045-05-01T06:00:00Z");
		assertThat(closed.path("open").asBoolean()).isFalse();
		assertThat(closed.path("reasons").get(0).path("window").asString()).isEqualTo(blackout);
		assertThat(closed.path("reasons").get(0).path("scope").asString()).isEqualTo("product:" + product);
		assertThat(gate(elsewhere, "production", "2045-05-01T06:00:00Z").path("open").asBoolean()).isTrue();
		assertThat(names("service=" + inProduct)).contains(blackout);
		assertThat(names("service=" + elsewhere)).doesNotContain(blackout);
	}

	@Test
	void aServiceAllowWindowCannotOpenWhatAProductBlackoutCloses() {
		String product = unique("product");
		created(this.api.post("/api/v1/products", Map.of("name", product, "title", "Checkout")));
		String service = serviceOf(team(), product);
		window(recurring("service:" + service, "allow", "0 0 * * *", "PT24H"));
		window(oneOff("product:" + product, "deny", "2045-08-01T00:00:00Z", "2045-08-03T00:00:00Z"));
		JsonNode gate = gate(service, "production", "2045-08-02T12:00:00Z");
		assertThat(gate.path("open").asBoolean()).isFalse();
		assertThat(gate.path("reasons").findValuesAsString("effect")).containsOnly("closes");
	}

	@Test
	void aProductionBlackoutLeavesStagingOpen() {
		String service = service(team(), 2);
		window(oneOff("service:" + service, "deny", "2033-03-01T00:00:00Z", "2033-03-02T00:00:00Z"));
		window(with(oneOff("service:" + service, "deny", "2033-04-01T00:00:00Z", "2033-04-02T00:00:00Z"),
				"environments", List.of("staging")));
		assertThat(gate(service, "production", "2033-03-01T12:00:00Z").path("open").asBoolean()).isFalse();
		assertThat(gate(service, "staging", "2033-03-01T12:00:00Z").path("open").asBoolean()).isTrue();
		assertThat(gate(service, "staging", "2033-04-01T12:00:00Z").path("open").asBoolean()).isFalse();
		assertThat(gate(service, "production", "2033-04-01T12:00:00Z").path("open").asBoolean()).isTrue();
		String other = environment("non-production", false);
		assertThat(gate(service, other, "2033-03-01T12:00:00Z").path("open").asBoolean()).isTrue();
	}

	@Test
	void occurrencesListWhenEachWindowIsActiveInTheRange() {
		String service = service(team(), 2);
		String mornings = window(recurring("service:" + service, "allow", "0 9 * * MON-FRI", "PT2H"));
		String freeze = window(oneOff("service:" + service, "deny", "2033-01-05T10:00:00Z", "2033-01-05T12:00:00Z"));
		// Monday 2033-01-03 to Monday 2033-01-10, Berlin winter time (UTC+1)
		JsonNode items = ok(this.api
			.get(WINDOWS + "/occurrences?service=" + service + "&from=2033-01-03T00:00:00Z&until=2033-01-10T00:00:00Z"))
			.json()
			.path("items");
		assertThat(items.findValuesAsString("window")).containsExactly(mornings, mornings, mornings, freeze, mornings,
				mornings);
		assertThat(items.findValuesAsString("start")).containsExactly("2033-01-03T08:00:00Z", "2033-01-04T08:00:00Z",
				"2033-01-05T08:00:00Z", "2033-01-05T10:00:00Z", "2033-01-06T08:00:00Z", "2033-01-07T08:00:00Z");
		assertThat(items.get(0).path("end").asString()).isEqualTo("2033-01-03T10:00:00Z");
		assertThat(items.get(3).path("kind").asString()).isEqualTo("deny");
		assertThat(items.get(3).path("scope").asString()).isEqualTo("service:" + service);
		assertThat(items.get(3).path("environments").valueStream().map(JsonNode::asString))
			.containsExactly("production");

		problem(this.api
			.get(WINDOWS + "/occurrences?service=" + service + "&from=2033-01-10T00:00:00Z&until=2033-01-03T00:00:00Z"),
				400, "until");
		problem(this.api
			.get(WINDOWS + "/occurrences?service=" + service + "&from=2033-01-01T00:00:00Z&until=2035-01-01T00:00:00Z"),
				400, "until");
		problem(this.api.get(WINDOWS + "/occurrences?service=" + unique("no-such")), 404, null);
	}

	@Test
	void theBlackoutFeedCarriesTheBlackoutsAndNotTheAllowWindows() {
		String service = service(team(), 2);
		String weekends = window(recurring("service:" + service, "deny", "0 23 * * FRI", "PT56H"));
		Instant now = this.clock.instant();
		Instant start = now.plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		String launch = window(
				with(oneOff("service:" + service, "deny", start.toString(), start.plus(Duration.ofHours(6)).toString()),
						"reason", "Launch; all hands, no deploys"));
		String mornings = window(recurring("service:" + service, "allow", "0 9 * * *", "PT1H"));
		Reply feed = ok(this.api.get(WINDOWS + "/blackouts.ics?service=" + service));
		assertThat(feed.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
		String text = feed.body().replace("\r\n ", "");
		assertThat(text).startsWith("BEGIN:VCALENDAR").contains("END:VCALENDAR");
		assertThat(text).contains("UID:" + launch + "-" + start.getEpochSecond() + "@steward");
		assertThat(text).contains("DTSTART:"
				+ DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(start));
		assertThat(text).contains("Launch\\; all hands\\, no deploys");
		long weekendEvents = text.lines().filter(line -> line.startsWith("UID:" + weekends + "-")).count();
		assertThat(weekendEvents).as("about 27 weekends in the next half year and the last week").isBetween(26L, 29L);
		assertThat(text).doesNotContain(mornings);
		assertThat(text.lines().filter(line -> line.equals("BEGIN:VEVENT")).count()).isEqualTo(weekendEvents + 1);
	}

	@Test
	void whoMayChangeAWindowDependsOnItsScope() {
		String member = user();
		String outsider = user();
		String team = team("stream", List.of(Map.of("user", member)));
		team("stream", List.of(Map.of("user", outsider)));
		String service = service(team, 2);
		String product = unique("product");
		created(this.api.post("/api/v1/products", Map.of("name", product, "title", "Product")));
		ApiClient asMember = clientOf(member);
		ApiClient asOutsider = clientOf(outsider);
		Map<String, Object> serviceWindow = oneOff("service:" + service, "deny", "2031-02-01T00:00:00Z",
				"2031-02-02T00:00:00Z");

		problem(asOutsider.post(WINDOWS, serviceWindow), 403, null);
		String name = created(asMember.post(WINDOWS, serviceWindow)).json().path("name").asString();
		problem(asOutsider.patch(WINDOWS + "/" + name, Map.of("reason", "mine now")), 403, null);
		problem(asOutsider.delete(WINDOWS + "/" + name), 403, null);
		problem(asMember.patch(WINDOWS + "/" + name, Map.of("scope", "company")), 403, null);
		assertThat(ok(this.api.get(WINDOWS + "/" + name)).json().path("scope").asString())
			.isEqualTo("service:" + service);
		ok(asMember.patch(WINDOWS + "/" + name, Map.of("reason", "Migration")));

		problem(asMember.post(WINDOWS, oneOff("company", "deny", "2049-02-01T00:00:00Z", "2049-02-02T00:00:00Z")), 403,
				null);
		problem(asMember.post(WINDOWS,
				oneOff("product:" + product, "deny", "2049-02-01T00:00:00Z", "2049-02-02T00:00:00Z")), 403, null);
		assertThat(this.api.withToken(null).post(WINDOWS, serviceWindow).status()).isEqualTo(401);
		assertThat(ok(this.api.get(WINDOWS + "?scope=product:" + product)).json().path("items")).isEmpty();
		assertThat(asMember.delete(WINDOWS + "/" + name).status()).isEqualTo(204);
	}

	@Test
	void theTeamThatAcceptedTheDeploymentWindowsAspectMayChangeTheServicesWindows() {
		String releaser = user();
		String owner = team();
		String releaseTeam = team("shared", List.of(Map.of("user", releaser, "role", "lead")));
		String service = service(owner, 2);
		ApiClient asReleaser = clientOf(releaser);
		Map<String, Object> body = oneOff("service:" + service, "deny", "2031-03-01T00:00:00Z", "2031-03-02T00:00:00Z");
		problem(asReleaser.post(WINDOWS, body), 403, null);
		String aspect = "/api/v1/services/" + service + "/responsibilities/deployment-windows";
		ok(this.api.put(aspect, Map.of("handledBy", releaseTeam)));
		problem(asReleaser.post(WINDOWS, body), 403, null);
		ok(asReleaser.post(aspect + "/accept", null));
		created(asReleaser.post(WINDOWS, body));
	}

	@Test
	void windowsAreListedByKindScopeAndServiceAndBadFiltersAreRefused() {
		String product = unique("product");
		created(this.api.post("/api/v1/products", Map.of("name", product, "title", "Search")));
		String service = serviceOf(team(), product);
		String allow = window(recurring("service:" + service, "allow", "0 6 * * *", "PT1H"));
		String deny = window(oneOff("service:" + service, "deny", "2031-04-01T00:00:00Z", "2031-04-02T00:00:00Z"));
		String productDeny = window(
				oneOff("product:" + product, "deny", "2031-05-01T00:00:00Z", "2031-05-02T00:00:00Z"));
		assertThat(names("service=" + service)).contains(allow, deny, productDeny);
		assertThat(names("service=" + service + "&kind=allow")).contains(allow).doesNotContain(deny, productDeny);
		assertThat(
				ok(this.api.get(WINDOWS + "?scope=product:" + product)).json().path("items").findValuesAsString("name"))
			.containsExactly(productDeny);
		JsonNode first = ok(this.api.get(WINDOWS + "?scope=service:" + service + "&limit=1")).json();
		assertThat(first.path("items")).hasSize(1);
		JsonNode second = ok(this.api
			.get(WINDOWS + "?scope=service:" + service + "&limit=1&cursor=" + first.path("nextCursor").asString()))
			.json();
		assertThat(List.of(first.path("items").get(0).path("name").asString(),
				second.path("items").get(0).path("name").asString()))
			.containsExactlyInAnyOrder(allow, deny);
		problem(this.api.get(WINDOWS + "?kind=sometimes"), 400, "kind");
		problem(this.api.get(WINDOWS + "?scope=everything"), 400, "scope");
		problem(this.api.get(WINDOWS + "?service=" + unique("no-such")), 404, null);
	}

	private JsonNode gate(String service, String environment, String at) {
		return ok(this.api.get("/api/v1/gate?service=" + service + "&environment=" + environment + "&at=" + at)).json();
	}

	/** The names of the windows a listing finds, over all its pages. */
	private List<String> names(String query) {
		List<String> names = new java.util.ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = ok(
					this.api.get(WINDOWS + "?limit=100&" + query + (cursor == null ? "" : "&cursor=" + cursor)))
				.json();
			names.addAll(page.path("items").findValuesAsString("name"));
			cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
		}
		while (cursor != null);
		return names;
	}

	private String window(Map<String, Object> body) {
		return created(this.api.post(WINDOWS, body)).json().path("name").asString();
	}

	private void refused(Map<String, Object> body, String field) {
		Reply reply = this.api.post(WINDOWS, body);
		problem(reply, 400, field);
		if (body.get("name") instanceof String name && name.matches("[a-z0-9-]+")) {
			problem(this.api.get(WINDOWS + "/" + name), 404, null);
		}
	}

	private String serviceOf(String owner, String product) {
		String name = unique("svc");
		created(this.api.post("/api/v1/services",
				Map.of("name", name, "title", "Service " + name, "owner", owner, "tier", 2, "product", product)));
		return name;
	}

	private ApiClient clientOf(String user) {
		Reply token = created(this.api.post("/api/v1/users/" + user + "/tokens",
				Map.of("name", "windows", "scopes", List.of("read", "write"))));
		return this.api.withToken(token.json().path("token").asString());
	}

	private static Map<String, Object> recurring(String scope, String kind, String schedule, String duration) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", unique("win"));
		body.put("scope", scope);
		body.put("kind", kind);
		body.put("schedule", schedule);
		body.put("duration", duration);
		body.put("timeZone", "Europe/Berlin");
		return body;
	}

	private static Map<String, Object> oneOff(String scope, String kind, String start, String end) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", unique("win"));
		body.put("scope", scope);
		body.put("kind", kind);
		body.put("start", start);
		body.put("end", end);
		body.put("timeZone", "UTC");
		return body;
	}

	/**
	 * A copy of {@code body} with {@code field} set, or removed when {@code value} is
	 * null.
	 */
	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		if (value == null) {
			copy.remove(field);
		}
		else {
			copy.put(field, value);
		}
		if (!field.equals("name")) {
			copy.put("name", unique("win"));
		}
		return copy;
	}

}
