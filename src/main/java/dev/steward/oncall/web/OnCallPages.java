package dev.steward.oncall.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Page;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.oncall.EscalationPolicies;
import dev.steward.oncall.OnCallSchedules;
import dev.steward.oncall.ScheduleEntry;
import dev.steward.oncall.ServiceOnCall;
import dev.steward.oncall.ServiceOnCall.LevelOnCall;
import dev.steward.oncall.ServiceOnCall.TargetOnCall;
import dev.steward.oncall.UserShift;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The on-call overview: who is on call now for every service with an escalation policy
 * and in every schedule (optionally of one team), and the signed-in user's shifts of the
 * next two weeks.
 */
@WebPage
class OnCallPages {

	private final OnCallSchedules schedules;

	private final EscalationPolicies policies;

	private final ServiceCatalog catalog;

	private final Directory directory;

	private final Clock clock;

	OnCallPages(OnCallSchedules schedules, EscalationPolicies policies, ServiceCatalog catalog, Directory directory,
			Clock clock) {
		this.schedules = schedules;
		this.policies = policies;
		this.catalog = catalog;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/oncall")
	String overview(@RequestParam(required = false) String team, Model model) {
		String onlyTeam = Text.blankToNull(team);
		if (onlyTeam != null) {
			this.directory.team(onlyTeam);
		}
		Instant now = this.clock.instant();
		model.addAttribute("team", onlyTeam);
		model.addAttribute("teams", this.directory.allTeams());
		model.addAttribute("services", services(onlyTeam, now));
		model.addAttribute("schedulesByTeam", schedulesByTeam(onlyTeam, now));
		Optional<UserEntry> me = this.directory.findUser(CurrentActor.name());
		model.addAttribute("me", me.orElse(null));
		model.addAttribute("myShifts", me.map(user -> myShifts(user, now)).orElse(List.of()));
		return "oncall";
	}

	private List<ServiceRow> services(String onlyTeam, Instant now) {
		return this.policies.onCallEverywhere(now)
			.stream()
			.map(onCall -> ServiceRow.of(this.catalog.service(onCall.service()), onCall))
			.filter(row -> onlyTeam == null || row.owner().equals(onlyTeam))
			.sorted(Comparator.comparing(ServiceRow::name))
			.toList();
	}

	/** The schedules with who is on call in each now, by team name. */
	private Map<String, List<ScheduleRow>> schedulesByTeam(String onlyTeam, Instant now) {
		return allSchedules(onlyTeam).stream()
			.map(schedule -> new ScheduleRow(schedule, this.schedules.onCall(schedule.name(), now).orElse(null)))
			.collect(Collectors.groupingBy(row -> row.schedule().team(), TreeMap::new, Collectors.toList()));
	}

	private List<ScheduleEntry> allSchedules(String onlyTeam) {
		List<ScheduleEntry> all = new ArrayList<>();
		String cursor = null;
		do {
			Page<ScheduleEntry> page = this.schedules.schedules(onlyTeam, Cursor.MAX_LIMIT, cursor);
			all.addAll(page.items());
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return all;
	}

	private List<ShiftRow> myShifts(UserEntry user, Instant now) {
		ZoneId zone = ZoneId.of(user.timeZone());
		return this.schedules.shifts(user.name(), now, now.plus(OnCallSchedules.GAP_HORIZON))
			.stream()
			.map(shift -> new ShiftRow(shift, TimeText.span(shift.start(), shift.end(), zone)))
			.toList();
	}

	/**
	 * A service and whom the first level of its policy reaches now, with the schedules
	 * that level goes through.
	 */
	record ServiceRow(String name, String title, String owner, String policy, List<String> onCall,
			List<TargetOnCall> schedules) {

		static ServiceRow of(ServiceEntry service, ServiceOnCall onCall) {
			Optional<LevelOnCall> first = onCall.levels().stream().findFirst();
			List<TargetOnCall> viaSchedules = first
				.map(level -> level.targets().stream().filter(target -> target.type().equals("schedule")).toList())
				.orElse(List.of());
			return new ServiceRow(service.name(), service.title(), service.owner(), onCall.policy(),
					first.map(LevelOnCall::users).orElse(List.of()), viaSchedules);
		}

	}

	/** A schedule and who is on call in it now ({@code null} in a gap). */
	record ScheduleRow(ScheduleEntry schedule, String onCall) {
	}

	/** One of the signed-in user's shifts, its time told in the user's own zone. */
	record ShiftRow(UserShift shift, String when) {
	}

}
