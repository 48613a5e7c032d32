package dev.steward.incidents.web;

import dev.steward.common.Page;
import dev.steward.incidents.PostmortemEntry;
import dev.steward.incidents.Postmortems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The postmortems across incidents, to find the ones still to write or overdue. */
@RestController
class PostmortemController {

	private final Postmortems postmortems;

	PostmortemController(Postmortems postmortems) {
		this.postmortems = postmortems;
	}

	@GetMapping("/api/v1/postmortems")
	Page<PostmortemEntry> list(@RequestParam(required = false) String service,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.postmortems.postmortems(service, status, overdue, limit, cursor);
	}

}
