package dev.steward.oncall.web;

import dev.steward.common.CurrentActor;
import dev.steward.common.WebPage;
import dev.steward.oncall.CalendarFeed;
import dev.steward.oncall.OnCallSchedules;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The iCalendar feeds for a signed-in browser, which holds a session rather than the API
 * token that the feeds under {@code /api/v1} need.
 */
@WebPage
class CalendarDownloads {

	private final OnCallSchedules schedules;

	CalendarDownloads(OnCallSchedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping("/oncall/my-shifts.ics")
	ResponseEntity<String> myShifts() {
		String user = CurrentActor.name();
		return download(user + "-on-call.ics", this.schedules.userCalendar(user));
	}

	@GetMapping("/schedules/{name}/calendar.ics")
	ResponseEntity<String> schedule(@PathVariable String name) {
		return download(name + ".ics", this.schedules.scheduleCalendar(name));
	}

	private static ResponseEntity<String> download(String filename, String feed) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(CalendarFeed.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(feed);
	}

}
