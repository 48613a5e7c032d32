package dev.steward.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the gate over random sets of one-off and recurring allow and deny windows
 * in zones with and without daylight saving, asked about at random instants (often near a
 * daylight-saving change).
 */
class GateRulesPropertyTests {

	private static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney",
			"Asia/Kolkata");

	/** Daylight-saving changes of 2026 and 2027 in the zones above. */
	private static final List<Instant> CHANGES = List.of(Instant.parse("2026-03-08T07:00:00Z"),
			Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
			Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-04-04T16:00:00Z"),
			Instant.parse("2026-10-03T16:00:00Z"), Instant.parse("2027-03-14T07:00:00Z"),
			Instant.parse("2027-03-28T01:00:00Z"));

	private static final Instant EARLIEST = Instant.parse("2026-01-01T00:00:00Z");

	private static final long TWO_YEARS_IN_MINUTES = Duration.ofDays(730).toMinutes();

	@Property(tries = 200)
	void anActiveOneOffBlackoutAlwaysClosesTheGate(@ForAll("scenarios") Scenario scenario,
			@ForAll("minutes") long before, @ForAll("minutes") long after) {
		DefinedWindow blackout = new DefinedWindow("blackout", WindowScope.COMPANY, WindowKind.DENY,
				Set.of("production"), new WindowTiming.Once(scenario.at().minus(Duration.ofMinutes(before - 1)),
						scenario.at().plus(Duration.ofMinutes(after))),
				null);
		List<DefinedWindow> windows = new ArrayList<>(scenario.windows());
		windows.add(blackout);
		GateRules.Outcome outcome = GateRules.evaluate(windows, scenario.at());
		assertThat(outcome.open()).isFalse();
		assertThat(outcome.reasons()).allSatisfy(reason -> assertThat(reason.effect()).isEqualTo(GateReason.CLOSES))
			.anySatisfy(reason -> assertThat(reason.window()).isEqualTo("blackout"));
		assertThat(outcome.nextChange()).as("not open again before the blackout ends")
			.satisfiesAnyOf(next -> assertThat(next).isNull(),
					next -> assertThat(next).isAfterOrEqualTo(scenario.at().plus(Duration.ofMinutes(after))));
	}

	@Property(tries = 200, maxDiscardRatio = 20)
	void addingAnAllowWindowNeverClosesAGateThatAllowWindowsAlreadyOpen(@ForAll("scenarios") Scenario scenario,
			@ForAll("windows") DefinedWindow existing, @ForAll boolean existingIsActive,
			@ForAll("windows") DefinedWindow added) {
		List<DefinedWindow> windows = new ArrayList<>(scenario.windows());
		windows.add(allow("existing",
				existingIsActive
						? new WindowTiming.Once(scenario.at().minusSeconds(60), scenario.at().plus(Duration.ofHours(1)))
						: existing.timing()));
		Assume.that(GateRules.evaluate(windows, scenario.at()).open());
		windows.add(allow("added", added.timing()));
		assertThat(GateRules.evaluate(windows, scenario.at()).open()).isTrue();
	}

	private static DefinedWindow allow(String name, WindowTiming timing) {
		return new DefinedWindow(name, WindowScope.COMPANY, WindowKind.ALLOW, Set.of("production"), timing, null);
	}

	@Property(tries = 200)
	void theAnswerHoldsUntilTheNextChangeAndFlipsThere(@ForAll("scenarios") Scenario scenario,
			@ForAll("fractions") List<Double> samples) {
		GateRules.Outcome now = GateRules.evaluate(scenario.windows(), scenario.at());
		Instant next = now.nextChange();
		Instant until = next != null ? next : scenario.at().plus(GateRules.HORIZON);
		if (next != null) {
			assertThat(next).isAfter(scenario.at());
			assertThat(GateRules.evaluate(scenario.windows(), next).open()).as("the answer at the next change")
				.isNotEqualTo(now.open());
		}
		List<Instant> between = new ArrayList<>();
		between.add(until.minusMillis(1));
		long span = Duration.between(scenario.at(), until).toMillis();
		samples.forEach(fraction -> between.add(scenario.at().plusMillis((long) (fraction * span))));
		for (Instant instant : between) {
			if (instant.isAfter(scenario.at()) && instant.isBefore(until)) {
				assertThat(GateRules.evaluate(scenario.windows(), instant).open())
					.as("the answer at %s, before the next change %s", instant, next)
					.isEqualTo(now.open());
			}
		}
	}

	@Provide
	Arbitrary<Long> minutes() {
		return Arbitraries.longs().between(1, 60 * 24 * 20);
	}

	@Provide
	Arbitrary<List<Double>> fractions() {
		return Arbitraries.doubles().between(0, 1).list().ofMinSize(4).ofMaxSize(8);
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<Instant> anywhere = Arbitraries.longs()
			.between(0, TWO_YEARS_IN_MINUTES)
			.map(minutes -> EARLIEST.plus(Duration.ofMinutes(minutes)));
		Arbitrary<Instant> nearChange = Combinators
			.combine(Arbitraries.of(CHANGES), Arbitraries.longs().between(-36 * 60, 36 * 60))
			.as((change, minutes) -> change.plus(Duration.ofMinutes(minutes)));
		Arbitrary<Instant> at = Arbitraries.oneOf(anywhere, nearChange);
		return at.flatMap(instant -> windowsAround(instant).list()
			.ofMaxSize(5)
			.map(windows -> new Scenario(named(windows), instant)));
	}

	@Provide
	Arbitrary<DefinedWindow> windows() {
		return windowsAround(EARLIEST.plus(Duration.ofDays(365)));
	}

	/** One-off windows near {@code at} (so they often matter) and recurring ones. */
	private Arbitrary<DefinedWindow> windowsAround(Instant at) {
		Arbitrary<WindowKind> kind = Arbitraries.of(WindowKind.class);
		Arbitrary<WindowTiming> once = Combinators
			.combine(Arbitraries.longs().between(-3 * 24 * 60, 30 * 24 * 60),
					Arbitraries.longs().between(1, 10 * 24 * 60))
			.as((offset, length) -> new WindowTiming.Once(at.plus(Duration.ofMinutes(offset)),
					at.plus(Duration.ofMinutes(offset + length))));
		Arbitrary<WindowTiming> recurring = Combinators.combine(crons(), Arbitraries.of(ZONES), durations())
			.as((cron, zone, duration) -> new WindowTiming.Recurring(CronSchedule.parse(cron), ZoneId.of(zone),
					duration));
		return Combinators.combine(kind, Arbitraries.frequencyOf(Tuple.of(1, once), Tuple.of(2, recurring)))
			.as((k, timing) -> new DefinedWindow("w", WindowScope.COMPANY, k, Set.of("production"), timing, null));
	}

	private Arbitrary<String> crons() {
		Arbitrary<String> minute = Arbitraries.of("0", "30", "15,45", "*/20", "5-10/5");
		Arbitrary<String> hour = Arbitraries.oneOf(Arbitraries.integers().between(0, 23).map(String::valueOf),
				Arbitraries.of("1,2,3", "2-4", "9-17", "*/6", "22,23", "0,12"));
		Arbitrary<String> dayOfMonth = Arbitraries.of("*", "*", "*", "1", "1-7", "15,28");
		Arbitrary<String> month = Arbitraries.of("*", "*", "*", "JAN-JUN", "3,10,11");
		Arbitrary<String> dayOfWeek = Arbitraries.of("*", "*", "MON-FRI", "SAT,SUN", "FRI", "0");
		return Combinators.combine(minute, hour, dayOfMonth, month, dayOfWeek)
			.as((m, h, dom, mon, dow) -> String.join(" ", m, h, dom, mon, dow));
	}

	private Arbitrary<Duration> durations() {
		return Arbitraries.oneOf(Arbitraries.longs().between(1, 48).map(quarters -> Duration.ofMinutes(15 * quarters)),
				Arbitraries.longs().between(1, 4 * 24 * 60).map(Duration::ofMinutes),
				Arbitraries.of(Duration.ofHours(24), Duration.ofHours(1), Duration.ofDays(7)));
	}

	private static List<DefinedWindow> named(List<DefinedWindow> windows) {
		List<DefinedWindow> named = new ArrayList<>();
		for (int i = 0; i < windows.size(); i++) {
			DefinedWindow window = windows.get(i);
			named.add(new DefinedWindow(window.kind().key() + "-" + i, window.scope(), window.kind(),
					window.environments(), window.timing(), window.reason()));
		}
		return named;
	}

	/** Windows that apply, and the instant asked about. */
	record Scenario(List<DefinedWindow> windows, Instant at) {
	}

}
