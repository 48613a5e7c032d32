package dev.steward.monitoring.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Forbidden;
import dev.steward.common.FormRefusals;
import dev.steward.common.InvalidInput;
import dev.steward.common.StewardException;
import dev.steward.common.WebPage;
import dev.steward.monitoring.Monitor;
import dev.steward.monitoring.MonitorRequest;
import dev.steward.monitoring.MonitoringReviews;
import dev.steward.monitoring.MonitoringStatus;
import dev.steward.monitoring.Monitors;
import dev.steward.monitoring.ReviewRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a service page's Monitoring section: record a review, add a monitor,
 * remove one. Each answers with the service's page again, where a refusal shows as a
 * message.
 */
@WebPage
class MonitoringForms {

	private static final String BACK_TO_SERVICE = "redirect:/services/{service}";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private final MonitoringReviews reviews;

	private final Monitors monitors;

	private final Directory directory;

	MonitoringForms(MonitoringReviews reviews, Monitors monitors, Directory directory) {
		this.reviews = reviews;
		this.monitors = monitors;
		this.directory = directory;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "monitoring")
	@PostMapping("/services/{service}/monitoring-reviews")
	String review(@PathVariable String service, @RequestParam(required = false) String findings,
			@RequestParam(required = false) List<String> monitorsReviewed, RedirectAttributes redirect) {
		this.reviews.record(service, new ReviewRequest(findings, monitorsReviewed));
		MonitoringStatus status = this.reviews.status(service);
		ZoneId zone = ZoneId.of(this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse("UTC"));
		redirect.addFlashAttribute("notice", "Monitoring review of " + service + " recorded" + (status.nextDue() == null
				? "." : "; the next is due on " + DAY.format(status.nextDue().atZone(zone)) + "."));
		return BACK_TO_SERVICE;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "monitoring")
	@PostMapping("/services/{service}/monitors")
	String add(@PathVariable String service, @RequestParam(required = false) String name,
			@RequestParam(required = false) String title, @RequestParam(required = false) String watches,
			@RequestParam(required = false) String link, @RequestParam(required = false) String slo,
			@RequestParam(required = false) String description, RedirectAttributes redirect) {
		Monitor monitor = this.monitors.add(service, new MonitorRequest(name, title, watches, description, link, slo));
		redirect.addFlashAttribute("notice", "Monitor " + monitor.name() + " added.");
		return BACK_TO_SERVICE;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "monitoring")
	@PostMapping("/services/{service}/monitors/{monitor}/remove")
	String remove(@PathVariable String service, @PathVariable String monitor, RedirectAttributes redirect) {
		this.monitors.remove(service, monitor);
		redirect.addFlashAttribute("notice", "Monitor " + monitor + " removed.");
		return BACK_TO_SERVICE;
	}

	/** Sends a refusal (the access rule's included) back to the service's page. */
	@ExceptionHandler({ Forbidden.class, Conflict.class, InvalidInput.class })
	String refused(StewardException ex, HttpServletRequest request) {
		FormRefusals.flash(ex, request);
		return BACK_TO_SERVICE;
	}

}
