package dev.steward.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.steward.audit.AuditQuery;
import dev.steward.audit.AuditTrail;
import dev.steward.common.Cursor;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page: filter by target, actor and date, page through, export as CSV. */
@WebPage
class AuditPages {

	private final AuditTrail audit;

	AuditPages(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String target, @RequestParam(required = false) String actor,
			@RequestParam(required = false) LocalDate since, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) boolean verify, Model model) {
		AuditQuery query = query(target, actor, since);
		model.addAttribute("query", query);
		model.addAttribute("since", since);
		model.addAttribute("page", this.audit.find(query, Cursor.DEFAULT_LIMIT, cursor));
		if (verify) {
			model.addAttribute("verification", this.audit.verify());
		}
		return "audit";
	}

	@GetMapping("/audit.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String target,
			@RequestParam(required = false) String actor, @RequestParam(required = false) LocalDate since) {
		return ResponseEntity.ok()
			.header("Content-Type", AuditCsv.MEDIA_TYPE + ";charset=UTF-8")
			.header("Content-Disposition", "attachment; filename=\"steward-audit.csv\"")
			.body(AuditCsv.render(this.audit.find(query(target, actor, since), Cursor.MAX_LIMIT, null).items()));
	}

	private static AuditQuery query(String target, String actor, LocalDate since) {
		Instant from = since == null ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant();
		return new AuditQuery(Text.blankToNull(target), Text.blankToNull(actor), from);
	}

}
