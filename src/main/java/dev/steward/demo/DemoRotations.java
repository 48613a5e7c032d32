package dev.steward.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.steward.oncall.EscalationPolicies;
import dev.steward.oncall.EscalationPolicyRequest;
import dev.steward.oncall.EscalationPolicyRequest.Level;
import dev.steward.oncall.EscalationPolicyRequest.Target;
import dev.steward.oncall.LayerSpec;
import dev.steward.oncall.LayerSpec.RestrictionSpec;
import dev.steward.oncall.OnCallSchedules;
import dev.steward.oncall.OverrideRequest;
import dev.steward.oncall.ScheduleRequest;
import dev.steward.oncall.ServicePolicyRequest;
import org.springframework.stereotype.Component;

/**
 * The demo organization's on-call: a schedule per team (weekly, daily and 12-hour
 * rotations, a follow-the-sun evening layer, a business-hours-only schedule that shows
 * gap warnings), an escalation policy per team, and each service naming its team's
 * policy.
 */
@Component
class DemoRotations {

	private final OnCallSchedules schedules;

	private final EscalationPolicies policies;

	private final Clock clock;

	DemoRotations(OnCallSchedules schedules, EscalationPolicies policies, Clock clock) {
		this.schedules = schedules;
		this.policies = policies;
		this.clock = clock;
	}

	/** Creates the schedules and policies and names a policy for each service. */
	void load(Map<String, String> ownerByService) {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		schedule("payments-primary", "payments", berlin, weekly(berlin, "elena-petrova", "farah-haddad", "marco-rossi"),
				new LayerSpec("Americas evenings", mondayNine(berlin), null, mondayNine(berlin), "P1W",
						List.of("ben-carter"), List.of(new RestrictionSpec("daily", "18:00", "PT6H", null))));
		schedule("payments-secondary", "payments", berlin,
				weekly(berlin, "marco-rossi", "elena-petrova", "ben-carter"));
		ZoneId chicago = ZoneId.of("America/Chicago");
		schedule("checkout-primary", "checkout", chicago,
				new LayerSpec("Daily", mondayNine(chicago), null, mondayNine(chicago), "P1D",
						List.of("julia-santos", "diego-ramirez", "rosa-jimenez", "sam-oconnor"), List.of()));
		ZoneId kolkata = ZoneId.of("Asia/Kolkata");
		schedule("identity-primary", "identity", kolkata, weekly(kolkata, "kiran-rao", "priya-nair", "hana-sato"));
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		schedule("search-business-hours", "search-discovery", shanghai,
				new LayerSpec("Working days", mondayNine(shanghai), null, mondayNine(shanghai), "P1W",
						List.of("chen-wei", "quinn-taylor", "amara-okafor"),
						Arrays.stream(DayOfWeek.values())
							.filter(day -> day.getValue() <= 5)
							.map(day -> new RestrictionSpec("weekly", "09:00", "PT9H", day.getValue()))
							.toList()));
		ZoneId london = ZoneId.of("Europe/London");
		schedule("platform-ops-primary", "platform-ops", london, new LayerSpec("Twelve-hour shifts", mondayNine(london),
				null, mondayNine(london), "PT12H", List.of("gustav-lind", "isaac-mensah", "tomas-novak"), List.of()));
		schedule("database-reliability-primary", "database-reliability", berlin,
				weekly(berlin, "nadia-ivanova", "omar-farouk", "lena-muller"));
		Instant tomorrow = this.clock.instant().plus(Duration.ofDays(1));
		this.schedules.addOverride("identity-primary",
				new OverrideRequest("hana-sato", tomorrow, tomorrow.plus(Duration.ofHours(4))));

		policy("payments-escalation", "payments", "schedule:payments-primary", "schedule:payments-secondary",
				"user:elena-petrova");
		policy("checkout-escalation", "checkout", "schedule:checkout-primary", "user:julia-santos");
		policy("identity-escalation", "identity", "schedule:identity-primary", "user:kiran-rao");
		policy("search-discovery-escalation", "search-discovery", "schedule:search-business-hours", "user:chen-wei");
		policy("platform-ops-escalation", "platform-ops", "schedule:platform-ops-primary", "user:gustav-lind");
		policy("database-reliability-escalation", "database-reliability", "schedule:database-reliability-primary",
				"user:nadia-ivanova");
		ownerByService.forEach(
				(service, owner) -> this.policies.assign(service, new ServicePolicyRequest(owner + "-escalation")));
	}

	private void schedule(String name, String team, ZoneId zone, LayerSpec... layers) {
		this.schedules.create(new ScheduleRequest(name, null, null, team, zone.getId(), List.of(layers)));
	}

	/**
	 * A policy whose levels page the targets in order, each written {@code type:name}.
	 */
	private void policy(String name, String team, String... levels) {
		List<Level> escalation = new ArrayList<>();
		for (String level : levels) {
			String[] target = level.split(":");
			escalation
				.add(new Level(escalation.isEmpty() ? "PT15M" : "PT30M", List.of(new Target(target[0], target[1]))));
		}
		this.policies.create(new EscalationPolicyRequest(name, null, null, team, 1, escalation));
	}

	private LayerSpec weekly(ZoneId zone, String... users) {
		return new LayerSpec("Weekly", mondayNine(zone), null, mondayNine(zone), "P1W", List.of(users), List.of());
	}

	/** 09:00 on the Monday four weeks before this week's, in the zone. */
	private Instant mondayNine(ZoneId zone) {
		LocalDate monday = LocalDate.now(this.clock.withZone(zone))
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.minusWeeks(4);
		return monday.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
	}

}
