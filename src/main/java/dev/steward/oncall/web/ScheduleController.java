package dev.steward.oncall.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.oncall.CalendarFeed;
import dev.steward.oncall.FinalSchedule;
import dev.steward.oncall.OnCallSchedules;
import dev.steward.oncall.OverrideRequest;
import dev.steward.oncall.ScheduleEntry;
import dev.steward.oncall.ScheduleOverride;
import dev.steward.oncall.ScheduleRequest;
import dev.steward.oncall.ScheduleTimeline;
import dev.steward.oncall.UserShift;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of schedules, their overrides, final schedule and calendar feeds. */
@RestController
class ScheduleController {

	private static final String SCHEDULES = "/api/v1/schedules";

	private final OnCallSchedules schedules;

	private final JsonMapper json;

	ScheduleController(OnCallSchedules schedules, JsonMapper json) {
		this.schedules = schedules;
		this.json = json;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "team", from = "body.team")
	@PostMapping(SCHEDULES)
	ResponseEntity<ScheduleEntry> create(@RequestBody ScheduleRequest request) {
		ScheduleEntry schedule = this.schedules.create(request);
		return Responses.created(SCHEDULES + "/" + schedule.name(), schedule, schedule.version());
	}

	@GetMapping(SCHEDULES)
	Page<ScheduleEntry> list(@RequestParam(required = false) String team, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.schedules.schedules(team, limit, cursor);
	}

	@GetMapping(SCHEDULES + "/{schedule}")
	ResponseEntity<ScheduleEntry> get(@PathVariable String schedule) {
		ScheduleEntry entry = this.schedules.schedule(schedule);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "schedule", from = "schedule")
	@PutMapping(SCHEDULES + "/{schedule}")
	ResponseEntity<ScheduleEntry> put(@PathVariable String schedule, @RequestBody ScheduleRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		ScheduleEntry entry = this.schedules.update(schedule, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "schedule", from = "schedule")
	@PatchMapping(path = SCHEDULES + "/{schedule}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<ScheduleEntry> patch(@PathVariable String schedule, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		ScheduleRequest request = MergePatch.apply(this.json, ScheduleRequest.from(this.schedules.schedule(schedule)),
				patch, ScheduleRequest.class);
		return put(schedule, request, ifMatch);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "schedule", from = "schedule")
	@DeleteMapping(SCHEDULES + "/{schedule}")
	ResponseEntity<Void> delete(@PathVariable String schedule,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.schedules.delete(schedule, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(SCHEDULES + "/{schedule}/final")
	FinalSchedule finalSchedule(@PathVariable String schedule, @RequestParam(required = false) Instant since,
			@RequestParam(required = false) Instant until) {
		return this.schedules.finalSchedule(schedule, since, until);
	}

	@GetMapping(SCHEDULES + "/{schedule}/timeline")
	ScheduleTimeline timeline(@PathVariable String schedule, @RequestParam(required = false) Instant since,
			@RequestParam(required = false) Instant until) {
		return this.schedules.timeline(schedule, since, until);
	}

	@GetMapping(SCHEDULES + "/{schedule}/oncall")
	Map<String, Object> onCall(@PathVariable String schedule, @RequestParam(required = false) Instant at) {
		Map<String, Object> answer = new HashMap<>();
		answer.put("user", this.schedules.onCall(schedule, at).orElse(null));
		return answer;
	}

	@GetMapping(SCHEDULES + "/{schedule}/overrides")
	Map<String, List<ScheduleOverride>> overrides(@PathVariable String schedule,
			@RequestParam(required = false) Instant since, @RequestParam(required = false) Instant until) {
		return Map.of("items", this.schedules.overrides(schedule, since, until));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "schedule", from = "schedule")
	@PostMapping(SCHEDULES + "/{schedule}/overrides")
	ResponseEntity<ScheduleOverride> addOverride(@PathVariable String schedule, @RequestBody OverrideRequest request) {
		ScheduleOverride created = this.schedules.addOverride(schedule, request);
		return Responses.created(SCHEDULES + "/" + schedule + "/overrides/" + created.id(), created);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "schedule", from = "schedule")
	@DeleteMapping(SCHEDULES + "/{schedule}/overrides/{id}")
	ResponseEntity<Void> removeOverride(@PathVariable String schedule, @PathVariable long id) {
		this.schedules.removeOverride(schedule, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = SCHEDULES + "/{schedule}/calendar.ics", produces = CalendarFeed.MEDIA_TYPE)
	String scheduleCalendar(@PathVariable String schedule) {
		return this.schedules.scheduleCalendar(schedule);
	}

	@GetMapping(path = "/api/v1/users/{user}/calendar.ics", produces = CalendarFeed.MEDIA_TYPE)
	String userCalendar(@PathVariable String user) {
		return this.schedules.userCalendar(user);
	}

	@GetMapping("/api/v1/users/{user}/shifts")
	Map<String, List<UserShift>> shifts(@PathVariable String user, @RequestParam(required = false) Instant since,
			@RequestParam(required = false) Instant until) {
		return Map.of("items", this.schedules.shifts(user, since, until));
	}

}
