package dev.steward.audit.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.steward.audit.AuditEntry;

/** Renders audit entries as CSV (RFC 4180): one header row, then one row per entry. */
final class AuditCsv {

	static final String MEDIA_TYPE = "text/csv";

	private static final String HEADER = "id,at,actor,tokenId,clientAddress,action,target,service,before,after,hash";

	private AuditCsv() {
	}

	static String render(List<AuditEntry> entries) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (AuditEntry entry : entries) {
			csv.append(Stream
				.of(Long.toString(entry.id()), entry.at().toString(), entry.actor(), entry.tokenId(),
						entry.clientAddress(), entry.action(), entry.target(), entry.service(),
						entry.before() == null ? null : entry.before().toString(),
						entry.after() == null ? null : entry.after().toString(), entry.hash())
				.map(AuditCsv::field)
				.collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	private static String field(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
