package dev.steward.oncall.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.CurrentActor;
import dev.steward.common.Forbidden;
import dev.steward.common.FormRefusals;
import dev.steward.common.InvalidInput;
import dev.steward.common.StewardException;
import dev.steward.common.Validation;
import dev.steward.common.WebPage;
import dev.steward.oncall.OnCallSchedules;
import dev.steward.oncall.OverrideRequest;
import dev.steward.oncall.ScheduleOverride;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The schedule page's forms that add and remove overrides. Each answers with the schedule
 * page again; a refused or invalid change shows there as a message rather than as an
 * error page.
 */
@WebPage
class OverrideForms {

	private static final String BACK_TO_SCHEDULE = "redirect:/schedules/{schedule}";

	private final OnCallSchedules schedules;

	private final Clock clock;

	OverrideForms(OnCallSchedules schedules, Clock clock) {
		this.schedules = schedules;
		this.clock = clock;
	}

	/**
	 * "Take this shift": the signed-in user covers what is left of a stretch of the final
	 * schedule (or of a gap in it) from now on.
	 */
	@Allow(value = Rule.TEAM_MEMBER, resource = "schedule", from = "schedule")
	@PostMapping("/schedules/{schedule}/take")
	String take(@PathVariable String schedule, @RequestParam Instant start, @RequestParam Instant end,
			RedirectAttributes redirect) {
		Instant now = this.clock.instant();
		Instant from = start.isAfter(now) ? start : now;
		if (!end.isAfter(from)) {
			throw InvalidInput.field("shift", "is already over");
		}
		add(schedule, zone(schedule), new OverrideRequest(CurrentActor.name(), from, end), redirect);
		return BACK_TO_SCHEDULE;
	}

	/** "Add override": any user, from and to local times in the schedule's zone. */
	@Allow(value = Rule.TEAM_MEMBER, resource = "schedule", from = "schedule")
	@PostMapping("/schedules/{schedule}/overrides")
	String addOverride(@PathVariable String schedule, @RequestParam(required = false) String user,
			@RequestParam(required = false) String start, @RequestParam(required = false) String end,
			RedirectAttributes redirect) {
		ZoneId zone = zone(schedule);
		Validation validation = new Validation();
		Instant from = TimeText.parseInput(validation, "start", start, zone);
		Instant to = TimeText.parseInput(validation, "end", end, zone);
		validation.throwIfInvalid();
		add(schedule, zone, new OverrideRequest(user, from, to), redirect);
		return BACK_TO_SCHEDULE;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "schedule", from = "schedule")
	@PostMapping("/schedules/{schedule}/overrides/{id}/remove")
	String removeOverride(@PathVariable String schedule, @PathVariable long id, RedirectAttributes redirect) {
		this.schedules.removeOverride(schedule, id);
		redirect.addFlashAttribute("notice", "Override removed.");
		return BACK_TO_SCHEDULE;
	}

	/**
	 * Sends a refusal (the access rule's included) back to the schedule page as messages.
	 */
	@ExceptionHandler({ Forbidden.class, InvalidInput.class })
	String refused(StewardException ex, HttpServletRequest request) {
		FormRefusals.flash(ex, request);
		return BACK_TO_SCHEDULE;
	}

	private void add(String schedule, ZoneId zone, OverrideRequest request, RedirectAttributes redirect) {
		ScheduleOverride created = this.schedules.addOverride(schedule, request);
		redirect.addFlashAttribute("notice",
				created.user() + " is on call " + TimeText.spanInZone(created.start(), created.end(), zone) + ".");
	}

	private ZoneId zone(String schedule) {
		return ZoneId.of(this.schedules.schedule(schedule).timeZone());
	}

}
