package dev.steward.oncall.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.catalog.Directory;
import dev.steward.catalog.TeamEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.WebPage;
import dev.steward.oncall.OnCallSchedules;
import dev.steward.oncall.ScheduleEntry;
import dev.steward.oncall.ScheduleOverride;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page of one schedule: who is on call now, a timeline of the next two weeks, its
 * overrides and, for members of its team, the forms that add overrides.
 */
@WebPage
class SchedulePages {

	/** How long an override entered on the page lasts unless its end is changed. */
	private static final Duration SUGGESTED_OVERRIDE = Duration.ofHours(4);

	private final OnCallSchedules schedules;

	private final Directory directory;

	private final Clock clock;

	SchedulePages(OnCallSchedules schedules, Directory directory, Clock clock) {
		this.schedules = schedules;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/schedules/{name}")
	String schedule(@PathVariable String name, HttpServletRequest request, Model model) {
		ScheduleEntry schedule = this.schedules.schedule(name);
		ZoneId zone = ZoneId.of(schedule.timeZone());
		Instant now = this.clock.instant();
		Instant until = now.plus(OnCallSchedules.GAP_HORIZON);
		model.addAttribute("schedule", schedule);
		TeamEntry team = this.directory.team(schedule.team());
		model.addAttribute("team", team);
		model.addAttribute("onCallNow", this.schedules.onCall(name, now).orElse(null));
		model.addAttribute("gaps",
				schedule.upcomingGaps().stream().map(gap -> TimeText.span(gap.start(), gap.end(), zone)).toList());
		model.addAttribute("timeline", TimelineView.of(this.schedules.timeline(name, now, until), zone));
		model.addAttribute("overrides",
				this.schedules.overrides(name, now, until)
					.stream()
					.map(override -> OverrideRow.of(override, zone))
					.toList());
		model.addAttribute("me", CurrentActor.name());
		boolean canChange = canChange(schedule.team(), request);
		model.addAttribute("canChange", canChange);
		if (canChange) {
			Instant nextHour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
			model.addAttribute("users", likelyCover(schedule, team));
			model.addAttribute("suggestedStart", TimeText.inputValue(nextHour, zone));
			model.addAttribute("suggestedEnd", TimeText.inputValue(nextHour.plus(SUGGESTED_OVERRIDE), zone));
		}
		return "schedule";
	}

	/**
	 * The people most likely to cover a shift, offered as suggestions: the team's members
	 * and everyone the layers name; any other user can still be typed in.
	 */
	private static List<String> likelyCover(ScheduleEntry schedule, TeamEntry team) {
		Set<String> users = new TreeSet<>();
		team.members().forEach(member -> users.add(member.user()));
		schedule.layers().forEach(layer -> users.addAll(layer.users()));
		return List.copyOf(users);
	}

	/** Whether the signed-in user may change the schedule: an admin or a team member. */
	private boolean canChange(String team, HttpServletRequest request) {
		return request.isUserInRole("ADMIN") || this.directory.memberships(CurrentActor.name())
			.stream()
			.anyMatch(membership -> membership.team().equals(team));
	}

	/** An override as the page lists it, its time told in the schedule's zone. */
	record OverrideRow(long id, String user, String when, String createdBy) {

		static OverrideRow of(ScheduleOverride override, ZoneId zone) {
			return new OverrideRow(override.id(), override.user(),
					TimeText.span(override.start(), override.end(), zone), override.createdBy());
		}

	}

}
