package dev.steward.catalog.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.catalog.UserRequest;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of users. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final Directory directory;

	private final JsonMapper json;

	UserController(Directory directory, JsonMapper json) {
		this.directory = directory;
		this.json = json;
	}

	@Allow(Rule.ADMIN)
	@PostMapping
	ResponseEntity<UserEntry> create(@RequestBody UserRequest request) {
		UserEntry user = this.directory.createUser(request);
		return Responses.created("/api/v1/users/" + user.name(), user, user.version());
	}

	@GetMapping
	Page<UserEntry> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.directory.users(limit, cursor);
	}

	@GetMapping("/{user}")
	ResponseEntity<UserEntry> get(@PathVariable String user) {
		UserEntry entry = this.directory.user(user);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.SELF, from = "user")
	@PutMapping("/{user}")
	ResponseEntity<UserEntry> put(@PathVariable String user, @RequestBody UserRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		UserEntry entry = this.directory.updateUser(user, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.SELF, from = "user")
	@PatchMapping(path = "/{user}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<UserEntry> patch(@PathVariable String user, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		UserRequest request = MergePatch.apply(this.json, UserRequest.from(this.directory.user(user)), patch,
				UserRequest.class);
		return put(user, request, ifMatch);
	}

}
