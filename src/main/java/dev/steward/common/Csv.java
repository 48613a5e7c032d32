package dev.steward.common;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; CRLF rows. */
public final class Csv {

	public static final String MEDIA_TYPE = "text/csv";

	private Csv() {
	}

	/** One row, with its CRLF; a {@code null} field is empty. */
	public static String row(List<String> fields) {
		return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
	}

	static String field(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
