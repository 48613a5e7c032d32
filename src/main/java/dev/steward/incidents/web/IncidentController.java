package dev.steward.incidents.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.incidents.AlertEntry;
import dev.steward.incidents.IncidentEntry;
import dev.steward.incidents.Incidents;
import dev.steward.incidents.ManualIncidentRequest;
import dev.steward.incidents.PostmortemEntry;
import dev.steward.incidents.PostmortemRequest;
import dev.steward.incidents.Postmortems;
import dev.steward.incidents.ReassignRequest;
import dev.steward.incidents.TimelineEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of incidents: list, one incident, its timeline, and what people do to it. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

	private final Incidents incidents;

	private final Postmortems postmortems;

	IncidentController(Incidents incidents, Postmortems postmortems) {
		this.incidents = incidents;
		this.postmortems = postmortems;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "body.service", aspect = "incident-response")
	@PostMapping
	ResponseEntity<IncidentEntry> open(@RequestBody ManualIncidentRequest request) {
		IncidentEntry incident = this.incidents.open(request);
		return Responses.created("/api/v1/incidents/" + incident.number(), incident, incident.version());
	}

	@GetMapping
	Page<IncidentEntry> list(@RequestParam(required = false) String service,
			@RequestParam(required = false) String status, @RequestParam(required = false) String urgency,
			@RequestParam(required = false) Instant since, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.incidents.incidents(service, status, urgency, since, limit, cursor);
	}

	@GetMapping("/{number}")
	ResponseEntity<IncidentEntry> get(@PathVariable long number) {
		IncidentEntry incident = this.incidents.incident(number);
		return Responses.ok(incident, incident.version());
	}

	@GetMapping("/{number}/timeline")
	Map<String, List<TimelineEntry>> timeline(@PathVariable long number) {
		return Map.of("items", this.incidents.timeline(number));
	}

	@GetMapping("/{number}/alerts")
	Map<String, List<AlertEntry>> alerts(@PathVariable long number) {
		return Map.of("items", this.incidents.alerts(number));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PostMapping("/{number}/acknowledge")
	IncidentEntry acknowledge(@PathVariable long number) {
		return this.incidents.acknowledge(number);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PostMapping("/{number}/resolve")
	IncidentEntry resolve(@PathVariable long number) {
		return this.incidents.resolve(number);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PostMapping("/{number}/reassign")
	IncidentEntry reassign(@PathVariable long number, @RequestBody ReassignRequest request) {
		return this.incidents.reassign(number, request);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PostMapping("/{number}/notes")
	ResponseEntity<TimelineEntry> note(@PathVariable long number, @RequestBody NoteRequest request) {
		TimelineEntry note = this.incidents.note(number, request.text());
		return Responses.created("/api/v1/incidents/" + number + "/timeline", note);
	}

	@GetMapping("/{number}/postmortem")
	ResponseEntity<PostmortemEntry> postmortem(@PathVariable long number) {
		PostmortemEntry postmortem = this.postmortems.postmortem(number);
		return Responses.ok(postmortem, postmortem.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PutMapping("/{number}/postmortem")
	ResponseEntity<PostmortemEntry> writePostmortem(@PathVariable long number, @RequestBody PostmortemRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		PostmortemEntry postmortem = this.postmortems.write(number, request, ifMatch);
		return Responses.ok(postmortem, postmortem.version());
	}

	/** Body of adding a note. */
	record NoteRequest(String text) {
	}

}
