package dev.steward.audit.web;

import java.time.Instant;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditQuery;
import dev.steward.audit.AuditTrail;
import dev.steward.audit.ChainVerification;
import dev.steward.common.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only HTTP access to the audit log; no endpoint edits or deletes entries. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping
	Page<AuditEntry> list(@RequestParam(required = false) String target, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Instant since, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.audit.find(new AuditQuery(target, actor, since), limit, cursor);
	}

	@GetMapping(produces = AuditCsv.MEDIA_TYPE)
	String csv(@RequestParam(required = false) String target, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Instant since, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return AuditCsv.render(list(target, actor, since, limit, cursor).items());
	}

	@GetMapping("/verify")
	ChainVerification verify() {
		return this.audit.verify();
	}

}
