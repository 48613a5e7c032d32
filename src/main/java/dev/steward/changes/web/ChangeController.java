package dev.steward.changes.web;

import java.time.Instant;

import dev.steward.changes.Change;
import dev.steward.changes.ChangeRequest;
import dev.steward.changes.Changes;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of production infrastructure changes. Members of the owning or implementing
 * team move a change along and leads approve it; the changes module checks both, since
 * two teams are involved.
 */
@RestController
class ChangeController {

	private static final String CHANGES = "/api/v1/changes";

	private static final String CHANGE = CHANGES + "/{id}";

	private final Changes changes;

	ChangeController(Changes changes) {
		this.changes = changes;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "body.service", aspect = "infrastructure-changes")
	@PostMapping(CHANGES)
	ResponseEntity<Change> create(@RequestBody ChangeRequest request) {
		Change change = this.changes.create(request);
		return Responses.created(CHANGES + "/" + change.id(), change, change.revision());
	}

	@GetMapping(CHANGES)
	Page<Change> list(@RequestParam(required = false) String service, @RequestParam(required = false) String status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant until,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.changes.changes(service, status, from, until, limit, cursor);
	}

	@GetMapping(CHANGE)
	ResponseEntity<Change> get(@PathVariable long id) {
		return answer(this.changes.change(id));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(CHANGE + "/submit")
	ResponseEntity<Change> submit(@PathVariable long id) {
		return answer(this.changes.submit(id));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(CHANGE + "/approve")
	ResponseEntity<Change> approve(@PathVariable long id) {
		return answer(this.changes.approve(id));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(CHANGE + "/start")
	ResponseEntity<Change> start(@PathVariable long id) {
		return answer(this.changes.start(id));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(CHANGE + "/complete")
	ResponseEntity<Change> complete(@PathVariable long id, @RequestBody(required = false) Note note) {
		return answer(this.changes.complete(id, note == null ? null : note.note()));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(CHANGE + "/fail")
	ResponseEntity<Change> fail(@PathVariable long id, @RequestBody(required = false) Note note) {
		return answer(this.changes.fail(id, note == null ? null : note.note()));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(CHANGE + "/cancel")
	ResponseEntity<Change> cancel(@PathVariable long id, @RequestBody(required = false) Note note) {
		return answer(this.changes.cancel(id, note == null ? null : note.note()));
	}

	private static ResponseEntity<Change> answer(Change change) {
		return Responses.ok(change, change.revision());
	}

	/** Optional body of finishing or cancelling a change: what happened. */
	record Note(String note) {
	}

}
