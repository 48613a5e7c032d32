package dev.steward.reporting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.steward.common.Text;
import dev.steward.common.Validation;
import dev.steward.reporting.ReportPeriod;
import dev.steward.reporting.Reports;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The period of a report page, from the page's form: {@code since} and {@code until} as
 * dates (UTC), {@code until} included, so {@code since=2026-03-01&until=2026-03-31} is
 * March. Either may be left out, as in the API: the period then ends now and starts 30
 * days before its end. Holds what the form shows and the query its links repeat.
 */
record ReportPagesPeriod(ReportPeriod period, LocalDate sinceDate, LocalDate untilDate, String query) {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final String DATE_EXPECTED = "must be a date such as 2026-03-01";

	/** The period the form's {@code since} and {@code until} name (400 when invalid). */
	static ReportPagesPeriod of(String since, String until, Reports reports) {
		String sinceText = Text.blankToNull(since);
		String untilText = Text.blankToNull(until);
		Validation validation = new Validation();
		LocalDate sinceDate = date("since", sinceText, validation);
		LocalDate untilDate = date("until", untilText, validation);
		validation.throwIfInvalid();
		ReportPeriod period = reports.period(sinceDate == null ? null : startOf(sinceDate).toString(),
				untilDate == null ? null : startOf(untilDate.plusDays(1)).toString());
		UriComponentsBuilder query = UriComponentsBuilder.newInstance();
		if (sinceText != null) {
			query.queryParam("since", sinceText);
		}
		if (untilText != null) {
			query.queryParam("until", untilText);
		}
		return new ReportPagesPeriod(period, period.since().atOffset(ZoneOffset.UTC).toLocalDate(),
				period.until().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate(), query.build().toUriString());
	}

	private static LocalDate date(String field, String text, Validation validation) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			validation.error(field, DATE_EXPECTED);
			return null;
		}
	}

	private static Instant startOf(LocalDate date) {
		return date.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The same report as CSV: {@code path} with the page's own period query. */
	String csv(String path) {
		return path + this.query;
	}

	/** The period as the page writes it, to the minute in UTC. */
	public String label() {
		return SHOWN.format(this.period.since()) + " – " + SHOWN.format(this.period.until()) + " UTC";
	}

}
