package dev.steward.changes.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.ServiceFilter;
import dev.steward.changes.Change;
import dev.steward.changes.ChangeStatus;
import dev.steward.changes.Changes;
import dev.steward.common.Cursor;
import dev.steward.common.ICalendar;
import dev.steward.common.InvalidInput;
import dev.steward.common.Page;
import dev.steward.common.ReaderTimes;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.environments.Environments;
import dev.steward.windows.WindowOccurrence;
import dev.steward.windows.Windows;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The change calendar: four weeks of deployment windows (blackouts and allow windows) and
 * planned changes, company-wide or for one service, optionally of one environment, in the
 * reader's time zone; and the blackout feed for a signed-in browser, which holds a
 * session rather than the API token the feed under {@code /api/v1} needs.
 */
@WebPage
class CalendarPages {

	/** How many days the calendar shows. */
	static final int DAYS = 28;

	private final Windows windows;

	private final Changes changes;

	private final ServiceCatalog services;

	private final Environments environments;

	private final Directory directory;

	private final Clock clock;

	CalendarPages(Windows windows, Changes changes, ServiceCatalog services, Environments environments,
			Directory directory, Clock clock) {
		this.windows = windows;
		this.changes = changes;
		this.services = services;
		this.environments = environments;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) String service, @RequestParam(required = false) String environment,
			@RequestParam(required = false) String from, Model model) {
		Filter filter = new Filter(Text.blankToNull(service), Text.blankToNull(environment));
		if (filter.service() != null) {
			this.services.service(filter.service());
		}
		if (filter.environment() != null) {
			this.environments.environment(filter.environment());
		}
		ReaderTimes times = ChangePages.times(this.directory, this.clock);
		LocalDate today = times.now().atZone(times.zone()).toLocalDate();
		LocalDate first = firstDay(Text.blankToNull(from), today);
		Instant start = first.atStartOfDay(times.zone()).toInstant();
		Instant end = first.plusDays(DAYS).atStartOfDay(times.zone()).toInstant();
		List<WindowOccurrence> occurrences = this.windows.occurrences(filter.service(), start, end)
			.stream()
			.filter(occurrence -> filter.environment() == null
					|| occurrence.environments().contains(filter.environment()))
			.toList();
		List<Change> planned = plannedChanges(filter, start, end);
		model.addAttribute("filter", filter);
		model.addAttribute("times", times);
		model.addAttribute("calendar", CalendarView.of(first, DAYS, times.zone(), times.now(), occurrences, planned));
		model.addAttribute("first", first);
		model.addAttribute("last", first.plusDays(DAYS - 1));
		model.addAttribute("earlier", first.minusDays(DAYS));
		model.addAttribute("later", first.plusDays(DAYS));
		model.addAttribute("isToday", first.equals(today));
		model.addAttribute("serviceNames", serviceNames());
		model.addAttribute("environments", this.environments.all());
		return "calendar";
	}

	@GetMapping("/calendar/blackouts.ics")
	ResponseEntity<String> blackouts(@RequestParam(required = false) String service) {
		String only = Text.blankToNull(service);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ICalendar.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename((only == null ? "" : only + "-") + "deployment-blackouts.ics")
						.build()
						.toString())
			.body(this.windows.blackoutCalendar(only));
	}

	private static LocalDate firstDay(String from, LocalDate today) {
		if (from == null) {
			return today;
		}
		try {
			return LocalDate.parse(from);
		}
		catch (DateTimeParseException ex) {
			throw InvalidInput.field("from", "must be a date such as 2026-03-02");
		}
	}

	/** Every change (but cancelled ones) planned to overlap the stretch. */
	private List<Change> plannedChanges(Filter filter, Instant start, Instant end) {
		List<Change> planned = new ArrayList<>();
		String cursor = null;
		do {
			Page<Change> page = this.changes.changes(filter.service(), null, start, end, Cursor.MAX_LIMIT, cursor);
			page.items()
				.stream()
				.filter(change -> change.status() != ChangeStatus.CANCELLED)
				.filter(change -> filter.environment() == null || change.environment().equals(filter.environment()))
				.forEach(planned::add);
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return planned;
	}

	/** The names the service picker suggests. */
	private List<String> serviceNames() {
		return this.services.services(ServiceFilter.none(), Cursor.MAX_LIMIT, null)
			.items()
			.stream()
			.map(ServiceEntry::name)
			.toList();
	}

	/** The calendar's filters; {@code null} where a filter is not set. */
	record Filter(String service, String environment) {
	}

}
