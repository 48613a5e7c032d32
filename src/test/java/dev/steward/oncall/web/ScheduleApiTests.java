package dev.steward.oncall.web;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	@Test
	void createsASchedulAndRendersItsFinalScheduleAcrossTheMarchChange() {
		String ana = user();
		String ben = user();
		String team = team();
		String name = unique("sched");
		Reply created = created(this.api.post("/api/v1/schedules",
				Map.of("name", name, "team", team, "timeZone", "Europe/Berlin", "layers",
						List.of(Map.of("start", "2027-03-22T09:00:00+01:00", "rotationVirtualStart",
								"2027-03-22T09:00:00+01:00", "turnLength", "P1W", "users", List.of(ana, ben))))));
		assertThat(created.header("Location")).hasValue("/api/v1/schedules/" + name);
		assertThat(created.header("ETag")).isPresent();
		assertThat(created.json().path("layers").get(0).path("turnLength").asString()).isEqualTo("P1W");

		JsonNode rendered = ok(this.api
			.get("/api/v1/schedules/" + name + "/final?since=2027-03-22T08:00:00Z&until=2027-04-05T07:00:00Z")).json();
		assertThat(rendered.path("entries")).hasSize(2);
		assertThat(rendered.path("entries").get(0).path("user").asString()).isEqualTo(ana);
		assertThat(instant(rendered.path("entries").get(0).path("end"))).isEqualTo("2027-03-29T07:00:00Z");
		assertThat(rendered.path("entries").get(1).path("user").asString()).isEqualTo(ben);
		assertThat(rendered.path("gaps")).isEmpty();
		assertThat(rendered.path("coverage").asDouble()).isEqualTo(1.0);

		assertThat(ok(this.api.get("/api/v1/schedules/" + name + "/oncall?at=2027-03-29T07:00:00Z")).json()
			.path("user")
			.asString()).isEqualTo(ben);
		assertThat(ok(this.api.get("/api/v1/schedules/" + name + "/oncall?at=2027-03-01T00:00:00Z")).json()
			.path("user")
			.isNull()).isTrue();
	}

	@Test
	void anOverrideWinsAndShowsInTheUsersShifts() {
		String ana = user();
		String cover = user();
		String team = team();
		String name = schedule(team, "UTC", "2027-01-01T00:00:00Z", "P1D", List.of(ana));
		Reply override = created(this.api.post("/api/v1/schedules/" + name + "/overrides",
				Map.of("user", cover, "start", "2027-01-02T10:00:00Z", "end", "2027-01-02T12:00:00Z")));
		assertThat(override.json().path("id").asLong()).isPositive();
		JsonNode entries = ok(this.api
			.get("/api/v1/schedules/" + name + "/final?since=2027-01-02T00:00:00Z&until=2027-01-03T00:00:00Z")).json()
			.path("entries");
		assertThat(entries.findValuesAsString("user")).containsExactly(ana, cover, ana);
		JsonNode shifts = ok(this.api
			.get("/api/v1/users/" + cover + "/shifts?since=2027-01-01T00:00:00Z&until=2027-01-10T00:00:00Z")).json()
			.path("items");
		assertThat(shifts).hasSize(1);
		assertThat(shifts.get(0).path("schedule").asString()).isEqualTo(name);

		assertThat(this.api.delete("/api/v1/schedules/" + name + "/overrides/" + override.json().path("id").asLong())
			.status()).isEqualTo(204);
		assertThat(ok(this.api
			.get("/api/v1/schedules/" + name + "/final?since=2027-01-02T00:00:00Z&until=2027-01-03T00:00:00Z")).json()
			.path("entries")
			.findValuesAsString("user")).containsExactly(ana);
	}

	@Test
	void aScheduleWithAGapWithinTwoWeeksIsFlagged() {
		String ana = user();
		String team = team();
		Instant now = this.clock.instant();
		String covered = schedule(team, "UTC", now.minus(Duration.ofDays(1)).toString(), "P1D", List.of(ana));
		String ending = unique("sched");
		created(this.api.post("/api/v1/schedules",
				Map.of("name", ending, "team", team, "timeZone", "UTC", "layers",
						List.of(Map.of("start", now.minus(Duration.ofDays(1)).toString(), "end",
								now.plus(Duration.ofDays(3)).toString(), "turnLength", "P1D", "users",
								List.of(ana))))));
		assertThat(ok(this.api.get("/api/v1/schedules/" + covered)).json().path("gapWarning").asBoolean()).isFalse();
		JsonNode flagged = ok(this.api.get("/api/v1/schedules/" + ending)).json();
		assertThat(flagged.path("gapWarning").asBoolean()).isTrue();
		assertThat(instant(flagged.path("upcomingGaps").get(0).path("start")))
			.isEqualTo(now.plus(Duration.ofDays(3)).toString());
	}

	@Test
	void calendarFeedsParseBackWithStableUids() throws Exception {
		String ana = user();
		String ben = user();
		String team = team();
		Instant now = this.clock.instant();
		String name = schedule(team, "Europe/Berlin", now.minus(Duration.ofDays(2)).toString(), "P1D",
				List.of(ana, ben));
		Reply feed = ok(this.api.get("/api/v1/schedules/" + name + "/calendar.ics"));
		assertThat(feed.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
		Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
		List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
		assertThat(events).hasSizeGreaterThan(50);
		assertThat(events).allSatisfy(event -> {
			assertThat(event.getUid()).isPresent();
			assertThat(event.getDateTimeStart()).isNotNull();
		});
		List<String> uids = events.stream().map(event -> event.getUid().orElseThrow().getValue()).toList();
		assertThat(uids).doesNotHaveDuplicates();
		Calendar again = new CalendarBuilder()
			.build(new StringReader(ok(this.api.get("/api/v1/schedules/" + name + "/calendar.ics")).body()));
		assertThat(again.<VEvent>getComponents(VEvent.VEVENT)
			.stream()
			.map(event -> event.getUid().orElseThrow().getValue())
			.toList()).isEqualTo(uids);

		Calendar mine = new CalendarBuilder()
			.build(new StringReader(ok(this.api.get("/api/v1/users/" + ben + "/calendar.ics")).body()));
		List<VEvent> shifts = mine.getComponents(VEvent.VEVENT);
		assertThat(shifts).isNotEmpty().allSatisfy(event -> assertThat(event.getSummary().getValue()).contains(name));
		assertThat(shifts.size()).isBetween(events.size() / 2 - 1, events.size() / 2 + 1);
	}

	@Test
	void badSchedulesAreRefusedAndNothingIsStored() {
		String ana = user();
		String team = team();
		Map<String, Object> layer = Map.of("start", "2027-01-01T00:00:00Z", "turnLength", "P1D", "users", List.of(ana));
		refused(Map.of("team", team, "timeZone", "Mars/Olympus", "layers", List.of(layer)), "timeZone");
		refused(Map.of("team", team, "timeZone", "UTC", "layers",
				List.of(Map.of("start", "2027-01-01T00:00:00Z", "turnLength", "P1D", "users", List.of("nobody-here")))),
				"layers");
		refused(Map.of("team", team, "timeZone", "UTC", "layers",
				List.of(Map.of("start", "2027-01-01T00:00:00Z", "turnLength", "PT0H", "users", List.of(ana)))),
				"layers[0].turnLength");
		refused(Map.of("team", team, "timeZone", "UTC", "layers",
				List.of(Map.of("start", "2027-01-01T00:00:00Z", "turnLength", "-P1D", "users", List.of(ana)))),
				"layers[0].turnLength");
		refused(Map.of("team", team, "timeZone", "UTC", "layers",
				List.of(Map.of("start", "2027-01-01T00:00:00Z", "turnLength", "P1D", "users", List.of(ana),
						"restrictions",
						List.of(Map.of("type", "daily", "startTimeOfDay", "09:00", "duration", "PT25H"))))),
				"layers[0].restrictions[0].duration");
		refused(Map.of("team", team, "timeZone", "UTC", "layers", List.of(Map.of("start", "2027-01-01T00:00:00Z",
				"turnLength", "P1D", "users", List.of(ana), "restrictions", List.of(Map.of("type", "weekly",
						"startDayOfWeek", 8, "startTimeOfDay", "09:00", "duration", "PT8H"))))),
				"layers[0].restrictions[0].startDayOfWeek");
		refused(Map.of("team", team, "timeZone", "UTC", "layers", List.of()), "layers");
		refused(Map.of("team", team, "timeZone", "UTC", "layers", List.of(Map.of("start", "2027-01-02T00:00:00Z", "end",
				"2027-01-01T00:00:00Z", "turnLength", "P1D", "users", List.of(ana)))), "layers[0].end");
		assertThat(ok(this.api.get("/api/v1/schedules?team=" + team)).json().path("items")).isEmpty();
	}

	@Test
	void overridesEndingBeforeTheyStartOrNamingNobodyAreRefused() {
		String ana = user();
		String name = schedule(team(), "UTC", "2027-01-01T00:00:00Z", "P1D", List.of(ana));
		String overrides = "/api/v1/schedules/" + name + "/overrides";
		problem(this.api.post(overrides,
				Map.of("user", ana, "start", "2027-01-02T12:00:00Z", "end", "2027-01-02T10:00:00Z")), 400, "end");
		problem(this.api.post(overrides,
				Map.of("user", "nobody-here", "start", "2027-01-02T10:00:00Z", "end", "2027-01-02T12:00:00Z")), 400,
				"user");
		problem(this.api.post(overrides, Map.of("user", ana, "start", "not a time", "end", "2027-01-02T12:00:00Z")),
				400, null);
		assertThat(ok(this.api.get(overrides + "?since=2027-01-01T00:00:00Z&until=2027-02-01T00:00:00Z")).json()
			.path("items")).isEmpty();
		problem(this.api
			.get("/api/v1/schedules/" + name + "/final?since=2027-01-02T00:00:00Z&until=2027-01-01T00:00:00Z"), 400,
				"until");
		problem(this.api
			.get("/api/v1/schedules/" + name + "/final?since=2027-01-01T00:00:00Z&until=2029-01-01T00:00:00Z"), 400,
				"until");
	}

	@Test
	void updatesHonourIfMatchAndMergePatch() {
		String ana = user();
		String ben = user();
		String name = schedule(team(), "UTC", "2027-01-01T00:00:00Z", "P1D", List.of(ana));
		Reply current = ok(this.api.get("/api/v1/schedules/" + name));
		Reply stale = this.api.send("PATCH", "/api/v1/schedules/" + name, Map.of("timeZone", "Asia/Tokyo"),
				Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"999\""));
		problem(stale, 412, null);
		Reply patched = this.api.send("PATCH", "/api/v1/schedules/" + name, Map.of("timeZone", "Asia/Tokyo"), Map
			.of("Content-Type", "application/merge-patch+json", "If-Match", current.header("ETag").orElseThrow()));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().path("timeZone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(patched.json().path("layers").get(0).path("users").get(0).asString()).isEqualTo(ana);
		JsonNode replaced = ok(this.api.put("/api/v1/schedules/" + name,
				Map.of("team", patched.json().path("team").asString(), "timeZone", "UTC", "layers",
						List.of(Map.of("start", "2027-01-01T00:00:00Z", "turnLength", "PT8H", "users", List.of(ben))))))
			.json();
		assertThat(replaced.path("layers").get(0).path("users").get(0).asString()).isEqualTo(ben);
		assertThat(this.api.delete("/api/v1/schedules/" + name).status()).isEqualTo(204);
		problem(this.api.get("/api/v1/schedules/" + name), 404, null);
	}

	private void refused(Map<String, Object> body, String field) {
		java.util.Map<String, Object> named = new java.util.HashMap<>(body);
		named.put("name", unique("bad"));
		problem(this.api.post("/api/v1/schedules", named), 400, field);
		problem(this.api.get("/api/v1/schedules/" + named.get("name")), 404, null);
	}

	private String schedule(String team, String zone, String start, String turn, List<String> users) {
		String name = unique("sched");
		created(this.api.post("/api/v1/schedules", Map.of("name", name, "team", team, "timeZone", zone, "layers",
				List.of(Map.of("start", start, "turnLength", turn, "users", users)))));
		return name;
	}

	private static String instant(JsonNode node) {
		return OffsetDateTime.parse(node.asString()).toInstant().toString();
	}

}
