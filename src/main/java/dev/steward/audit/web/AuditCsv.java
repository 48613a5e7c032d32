package dev.steward.audit.web;

import java.util.Arrays;
import java.util.List;

import dev.steward.audit.AuditEntry;
import dev.steward.common.Csv;

/** Renders audit entries as CSV (RFC 4180): one header row, then one row per entry. */
final class AuditCsv {

	static final String MEDIA_TYPE = Csv.MEDIA_TYPE;

	private static final List<String> HEADER = List.of("id", "at", "actor", "tokenId", "clientAddress", "action",
			"target", "service", "before", "after", "hash");

	private AuditCsv() {
	}

	static String render(List<AuditEntry> entries) {
		StringBuilder csv = new StringBuilder(Csv.row(HEADER));
		for (AuditEntry entry : entries) {
			csv.append(Csv.row(Arrays.asList(Long.toString(entry.id()), entry.at().toString(), entry.actor(),
					entry.tokenId(), entry.clientAddress(), entry.action(), entry.target(), entry.service(),
					entry.before() == null ? null : entry.before().toString(),
					entry.after() == null ? null : entry.after().toString(), entry.hash())));
		}
		return csv.toString();
	}

}
