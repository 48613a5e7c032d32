package dev.steward.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The gate's rules, with cases modelled on how Argo CD sync windows and GitLab deploy
 * freezes are documented to behave, and the search for the next change.
 */
class GateRulesTest {

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Cases in the manner of Argo CD's sync windows. */
	@Nested
	class LikeSyncWindows {

		@Test
		void withoutAnyWindowTheGateIsOpenAndStaysOpen() {
			GateRules.Outcome outcome = GateRules.evaluate(List.of(), at("2026-06-01T12:00:00Z"));
			assertThat(outcome.open()).isTrue();
			assertThat(outcome.reasons()).isEmpty();
			assertThat(outcome.nextChange()).isNull();
		}

		@Test
		void aBlackoutWinsOverAnAllowWindowWhenBothAreActive() {
			DefinedWindow allow = daily("business-hours", WindowKind.ALLOW, "0 9 * * *", "PT8H");
			DefinedWindow deny = once("release-freeze", WindowKind.DENY, "2026-06-01T11:00:00Z",
					"2026-06-01T14:00:00Z");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(allow, deny), at("2026-06-01T12:00:00Z"));
			assertThat(outcome.open()).isFalse();
			assertThat(outcome.reasons()).singleElement().satisfies(reason -> {
				assertThat(reason.window()).isEqualTo("release-freeze");
				assertThat(reason.kind()).isEqualTo(WindowKind.DENY);
				assertThat(reason.effect()).isEqualTo(GateReason.CLOSES);
				assertThat(reason.activeUntil()).isEqualTo(at("2026-06-01T14:00:00Z"));
			});
			assertThat(outcome.nextChange()).as("the allow window is still active when the blackout ends")
				.isEqualTo(at("2026-06-01T14:00:00Z"));
		}

		@Test
		void onceAllowWindowsExistTheGateIsClosedWhileNoneIsActive() {
			DefinedWindow nightly = daily("nightly", WindowKind.ALLOW, "0 22 * * *", "PT1H");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(nightly), at("2026-06-01T12:00:00Z"));
			assertThat(outcome.open()).isFalse();
			assertThat(outcome.reasons()).singleElement().satisfies(reason -> {
				assertThat(reason.window()).isEqualTo("nightly");
				assertThat(reason.effect()).isEqualTo(GateReason.INACTIVE);
				assertThat(reason.nextActive()).isEqualTo(at("2026-06-01T22:00:00Z"));
				assertThat(reason.activeUntil()).isNull();
			});
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-01T22:00:00Z"));
		}

		@Test
		void anyOneActiveAllowWindowOpensTheGateAndOnlyActiveOnesAreNamed() {
			DefinedWindow morning = daily("morning", WindowKind.ALLOW, "0 8 * * *", "PT2H");
			DefinedWindow evening = daily("evening", WindowKind.ALLOW, "0 18 * * *", "PT2H");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(morning, evening), at("2026-06-01T19:00:00Z"));
			assertThat(outcome.open()).isTrue();
			assertThat(outcome.reasons()).singleElement().satisfies(reason -> {
				assertThat(reason.window()).isEqualTo("evening");
				assertThat(reason.effect()).isEqualTo(GateReason.OPENS);
				assertThat(reason.activeUntil()).isEqualTo(at("2026-06-01T20:00:00Z"));
			});
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-01T20:00:00Z"));
		}

		@Test
		void whenNoAllowWindowIsActiveEveryOneIsNamedWithItsNextStart() {
			DefinedWindow morning = daily("morning", WindowKind.ALLOW, "0 8 * * *", "PT2H");
			DefinedWindow evening = daily("evening", WindowKind.ALLOW, "0 18 * * *", "PT2H");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(morning, evening), at("2026-06-01T12:00:00Z"));
			assertThat(outcome.open()).isFalse();
			assertThat(outcome.reasons()).extracting(GateReason::window, GateReason::effect, GateReason::nextActive)
				.containsExactly(tuple("morning", GateReason.INACTIVE, at("2026-06-02T08:00:00Z")),
						tuple("evening", GateReason.INACTIVE, at("2026-06-01T18:00:00Z")));
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-01T18:00:00Z"));
		}

		@Test
		void aBlackoutThatIsNotActiveLeavesTheGateOpenUntilItStarts() {
			DefinedWindow deny = daily("nightly-backup", WindowKind.DENY, "0 1 * * *", "PT2H");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(deny), at("2026-06-01T12:00:00Z"));
			assertThat(outcome.open()).isTrue();
			assertThat(outcome.reasons()).as("an inactive blackout decides nothing").isEmpty();
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-02T01:00:00Z"));
		}

		@Test
		void overlappingAllowWindowsKeepTheGateOpenUntilTheLastOneEnds() {
			DefinedWindow first = daily("first", WindowKind.ALLOW, "0 9 * * *", "PT2H");
			DefinedWindow second = daily("second", WindowKind.ALLOW, "0 10 * * *", "PT2H");
			GateRules.Outcome early = GateRules.evaluate(List.of(first, second), at("2026-06-01T09:30:00Z"));
			assertThat(early.open()).isTrue();
			assertThat(early.nextChange()).isEqualTo(at("2026-06-01T12:00:00Z"));
			GateRules.Outcome both = GateRules.evaluate(List.of(first, second), at("2026-06-01T10:30:00Z"));
			assertThat(both.reasons()).extracting(GateReason::window).containsExactly("first", "second");
		}

		@Test
		void overlappingBlackoutsKeepTheGateClosedUntilTheLastOneEnds() {
			DefinedWindow first = once("first", WindowKind.DENY, "2026-06-01T09:00:00Z", "2026-06-01T11:00:00Z");
			DefinedWindow second = once("second", WindowKind.DENY, "2026-06-01T10:00:00Z", "2026-06-01T12:00:00Z");
			GateRules.Outcome early = GateRules.evaluate(List.of(first, second), at("2026-06-01T09:30:00Z"));
			assertThat(early.open()).isFalse();
			assertThat(early.reasons()).extracting(GateReason::window).containsExactly("first");
			assertThat(early.nextChange()).isEqualTo(at("2026-06-01T12:00:00Z"));
			GateRules.Outcome both = GateRules.evaluate(List.of(first, second), at("2026-06-01T10:30:00Z"));
			assertThat(both.reasons()).extracting(GateReason::window, GateReason::activeUntil)
				.containsExactly(tuple("first", at("2026-06-01T11:00:00Z")),
						tuple("second", at("2026-06-01T12:00:00Z")));
		}

		@Test
		void eachReasonCarriesItsWindowsScopeAndReason() {
			DefinedWindow deny = new DefinedWindow("launch", WindowScope.product("payments"), WindowKind.DENY,
					Set.of("production"), new WindowTiming.Once(at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")),
					"Launch day");
			GateReason reason = GateRules.evaluate(List.of(deny), at("2026-06-01T12:00:00Z")).reasons().get(0);
			assertThat(reason.scope()).isEqualTo("product:payments");
			assertThat(reason.reason()).isEqualTo("Launch day");
		}

	}

	/** Cases in the manner of GitLab's deploy freezes. */
	@Nested
	class LikeDeployFreezes {

		/** Friday 23:00 to Monday 07:00, New York time. */
		private final DefinedWindow weekend = recurring("weekend-freeze", WindowKind.DENY, "0 23 * * FRI", NEW_YORK,
				"PT56H");

		@Test
		void aWeekendFreezeStartsOnFridayNightInItsZone() {
			GateRules.Outcome before = GateRules.evaluate(List.of(this.weekend), at("2026-06-05T22:59:00-04:00"));
			assertThat(before.open()).isTrue();
			assertThat(before.nextChange()).isEqualTo(at("2026-06-05T23:00:00-04:00"));
			GateRules.Outcome start = GateRules.evaluate(List.of(this.weekend), at("2026-06-05T23:00:00-04:00"));
			assertThat(start.open()).as("a freeze is active from its first instant").isFalse();
		}

		@Test
		void aWeekendFreezeSpansMidnightAndTheWholeWeekend() {
			for (String instant : List.of("2026-06-06T00:00:00-04:00", "2026-06-06T12:00:00-04:00",
					"2026-06-07T23:59:59-04:00", "2026-06-08T06:59:59-04:00")) {
				GateRules.Outcome outcome = GateRules.evaluate(List.of(this.weekend), at(instant));
				assertThat(outcome.open()).as(instant).isFalse();
				assertThat(outcome.reasons().get(0).activeUntil()).as(instant)
					.isEqualTo(at("2026-06-08T07:00:00-04:00"));
				assertThat(outcome.nextChange()).as(instant).isEqualTo(at("2026-06-08T07:00:00-04:00"));
			}
		}

		@Test
		void atTheExactEndOfAFreezeTheGateIsOpenAgain() {
			GateRules.Outcome outcome = GateRules.evaluate(List.of(this.weekend), at("2026-06-08T07:00:00-04:00"));
			assertThat(outcome.open()).isTrue();
			assertThat(outcome.reasons()).isEmpty();
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-12T23:00:00-04:00"));
		}

		@Test
		void theFreezeFollowsLocalTimeInWinterAndSummer() {
			assertThat(GateRules.evaluate(List.of(this.weekend), at("2027-01-16T03:59:00Z")).open())
				.as("Friday 22:59 EST")
				.isTrue();
			assertThat(GateRules.evaluate(List.of(this.weekend), at("2027-01-16T04:00:00Z")).open())
				.as("Friday 23:00 EST")
				.isFalse();
			assertThat(GateRules.evaluate(List.of(this.weekend), at("2026-07-18T02:59:00Z")).open())
				.as("Friday 22:59 EDT")
				.isTrue();
			assertThat(GateRules.evaluate(List.of(this.weekend), at("2026-07-18T03:00:00Z")).open())
				.as("Friday 23:00 EDT")
				.isFalse();
		}

		@Test
		void aFreezeOverTheSpringChangeLastsItsElapsedDurationSoEndsAnHourLaterOnTheWallClock() {
			// Friday 2026-03-06 23:00 EST plus 56 hours is Monday 08:00 EDT: clocks moved
			// on Sunday
			GateRules.Outcome outcome = GateRules.evaluate(List.of(this.weekend), at("2026-03-07T12:00:00-05:00"));
			assertThat(outcome.open()).isFalse();
			assertThat(outcome.nextChange()).isEqualTo(at("2026-03-09T08:00:00-04:00"));
		}

		@Test
		void aNightlyFreezeAcrossMidnightClosesTheEveningAndTheNextMorning() {
			DefinedWindow nightly = recurring("nightly", WindowKind.DENY, "0 22 * * *", BERLIN, "PT9H");
			assertThat(GateRules.evaluate(List.of(nightly), at("2026-06-01T23:30:00+02:00")).open()).isFalse();
			assertThat(GateRules.evaluate(List.of(nightly), at("2026-06-02T06:59:59+02:00")).open()).isFalse();
			GateRules.Outcome morning = GateRules.evaluate(List.of(nightly), at("2026-06-02T07:00:00+02:00"));
			assertThat(morning.open()).isTrue();
			assertThat(morning.nextChange()).isEqualTo(at("2026-06-02T22:00:00+02:00"));
		}

		@Test
		void aOneOffHolidayFreezeIsHalfOpen() {
			DefinedWindow holidays = once("holidays", WindowKind.DENY, "2026-12-24T00:00:00+01:00",
					"2027-01-02T00:00:00+01:00");
			assertThat(GateRules.evaluate(List.of(holidays), at("2026-12-23T23:59:59+01:00")).open()).isTrue();
			assertThat(GateRules.evaluate(List.of(holidays), at("2026-12-24T00:00:00+01:00")).open()).isFalse();
			assertThat(GateRules.evaluate(List.of(holidays), at("2027-01-01T23:59:59.999+01:00")).open()).isFalse();
			GateRules.Outcome after = GateRules.evaluate(List.of(holidays), at("2027-01-02T00:00:00+01:00"));
			assertThat(after.open()).isTrue();
			assertThat(after.nextChange()).as("a one-off freeze that is over changes nothing").isNull();
		}

	}

	/** Where the answer flips next. */
	@Nested
	class NextChange {

		@Test
		void allowWindowsThatFollowOneAnotherAreOneOpenStretch() {
			DefinedWindow first = once("first", WindowKind.ALLOW, "2026-06-01T09:00:00Z", "2026-06-01T10:00:00Z");
			DefinedWindow second = once("second", WindowKind.ALLOW, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(first, second), at("2026-06-01T09:30:00Z"));
			assertThat(outcome.open()).isTrue();
			assertThat(outcome.reasons().get(0).activeUntil()).isEqualTo(at("2026-06-01T10:00:00Z"));
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-01T11:00:00Z"));
		}

		@Test
		void blackoutsThatFollowOneAnotherAreOneClosedStretch() {
			DefinedWindow first = once("first", WindowKind.DENY, "2026-06-01T12:00:00Z", "2026-06-01T13:00:00Z");
			DefinedWindow second = daily("second", WindowKind.DENY, "0 13 * * *", "PT1H");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(first, second), at("2026-06-01T12:30:00Z"));
			assertThat(outcome.open()).isFalse();
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-01T14:00:00Z"));
		}

		@Test
		void aBlackoutInsideAnAllowWindowSplitsItsOpenTime() {
			DefinedWindow office = daily("office", WindowKind.ALLOW, "0 9 * * *", "PT8H");
			DefinedWindow lunch = daily("lunch", WindowKind.DENY, "0 12 * * *", "PT1H");
			List<DefinedWindow> windows = List.of(office, lunch);
			assertThat(GateRules.evaluate(windows, at("2026-06-01T08:00:00Z")).nextChange())
				.isEqualTo(at("2026-06-01T09:00:00Z"));
			assertThat(GateRules.evaluate(windows, at("2026-06-01T10:00:00Z")).nextChange())
				.isEqualTo(at("2026-06-01T12:00:00Z"));
			assertThat(GateRules.evaluate(windows, at("2026-06-01T12:30:00Z")).nextChange())
				.isEqualTo(at("2026-06-01T13:00:00Z"));
			assertThat(GateRules.evaluate(windows, at("2026-06-01T14:00:00Z")).nextChange())
				.isEqualTo(at("2026-06-01T17:00:00Z"));
		}

		@Test
		void boundariesThatDoNotFlipTheAnswerAreSkipped() {
			// closed by the blackout until 10:00, and then still closed until the allow
			// window at 12:00
			DefinedWindow deny = once("maintenance", WindowKind.DENY, "2026-06-01T09:00:00Z", "2026-06-01T10:00:00Z");
			DefinedWindow allow = daily("noon", WindowKind.ALLOW, "0 12 * * *", "PT1H");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(deny, allow), at("2026-06-01T09:30:00Z"));
			assertThat(outcome.open()).isFalse();
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-01T12:00:00Z"));
		}

		@Test
		void aBlackoutEndingWhereAnAllowWindowStartsOpensTheGateThere() {
			DefinedWindow deny = once("maintenance", WindowKind.DENY, "2026-06-01T09:00:00Z", "2026-06-01T12:00:00Z");
			DefinedWindow allow = daily("noon", WindowKind.ALLOW, "0 12 * * *", "PT1H");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(deny, allow), at("2026-06-01T10:00:00Z"));
			assertThat(outcome.nextChange()).isEqualTo(at("2026-06-01T12:00:00Z"));
			assertThat(GateRules.evaluate(List.of(deny, allow), outcome.nextChange()).open()).isTrue();
		}

		@Test
		void aWindowAlwaysActiveChangesNothingWithinTheYear() {
			DefinedWindow always = daily("always", WindowKind.ALLOW, "0 0 * * *", "PT25H");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(always), at("2026-06-01T12:00:00Z"));
			assertThat(outcome.open()).isTrue();
			assertThat(outcome.nextChange()).isNull();
		}

		@Test
		void aBlackoutEndingLaterThanTheHorizonChangesNothingWithinTheYear() {
			Instant now = at("2026-06-01T12:00:00Z");
			DefinedWindow lasting = new DefinedWindow("long", WindowScope.COMPANY, WindowKind.DENY,
					Set.of("production"), new WindowTiming.Once(now.minusSeconds(60), now.plus(Duration.ofDays(400))),
					null);
			assertThat(GateRules.evaluate(List.of(lasting), now).nextChange()).isNull();
			DefinedWindow shorter = new DefinedWindow("shorter", WindowScope.COMPANY, WindowKind.DENY,
					Set.of("production"), new WindowTiming.Once(now.minusSeconds(60), now.plus(Duration.ofDays(300))),
					null);
			assertThat(GateRules.evaluate(List.of(shorter), now).nextChange())
				.isEqualTo(now.plus(Duration.ofDays(300)));
		}

		@Test
		void theSearchReachesExactly366DaysAhead() {
			Instant now = at("2026-06-01T12:00:00Z");
			Instant edge = now.plus(Duration.ofDays(366));
			assertThat(GateRules.evaluate(List.of(future(edge)), now).nextChange()).isEqualTo(edge);
			assertThat(GateRules.evaluate(List.of(future(edge.plusSeconds(1))), now).nextChange()).isNull();
		}

		@Test
		void anAllowWindowBeyondTheHorizonLeavesTheGateClosedWithNoNextStart() {
			Instant now = at("2026-06-01T12:00:00Z");
			DefinedWindow later = new DefinedWindow("later", WindowScope.COMPANY, WindowKind.ALLOW,
					Set.of("production"),
					new WindowTiming.Once(now.plus(Duration.ofDays(500)), now.plus(Duration.ofDays(501))), null);
			GateRules.Outcome outcome = GateRules.evaluate(List.of(later), now);
			assertThat(outcome.open()).isFalse();
			assertThat(outcome.reasons()).singleElement().satisfies(reason -> {
				assertThat(reason.effect()).isEqualTo(GateReason.INACTIVE);
				assertThat(reason.nextActive()).isNull();
			});
			assertThat(outcome.nextChange()).isNull();
		}

		@Test
		void anAllowWindowThatIsOverKeepsTheGateClosedForGood() {
			DefinedWindow past = once("past", WindowKind.ALLOW, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
			GateRules.Outcome outcome = GateRules.evaluate(List.of(past), at("2026-06-01T12:00:00Z"));
			assertThat(outcome.open()).isFalse();
			assertThat(outcome.nextChange()).isNull();
		}

		@Test
		void theNextChangeFollowsDaylightSavingInTheWindowsZone() {
			DefinedWindow nine = recurring("nine", WindowKind.ALLOW, "0 9 * * *", NEW_YORK, "PT1H");
			// Saturday 2026-03-07 12:00 EST: tomorrow's 09:00 is already EDT
			GateRules.Outcome outcome = GateRules.evaluate(List.of(nine), at("2026-03-07T17:00:00Z"));
			assertThat(outcome.nextChange()).isEqualTo(at("2026-03-08T13:00:00Z"));
		}

		private DefinedWindow future(Instant start) {
			return new DefinedWindow("future", WindowScope.COMPANY, WindowKind.DENY, Set.of("production"),
					new WindowTiming.Once(start, start.plus(Duration.ofHours(1))), null);
		}

	}

	static DefinedWindow once(String name, WindowKind kind, String start, String end) {
		return new DefinedWindow(name, WindowScope.COMPANY, kind, Set.of("production"),
				new WindowTiming.Once(at(start), at(end)), null);
	}

	static DefinedWindow daily(String name, WindowKind kind, String cron, String duration) {
		return recurring(name, kind, cron, UTC, duration);
	}

	static DefinedWindow recurring(String name, WindowKind kind, String cron, ZoneId zone, String duration) {
		return new DefinedWindow(name, WindowScope.COMPANY, kind, Set.of("production"),
				new WindowTiming.Recurring(CronSchedule.parse(cron), zone, Duration.parse(duration)), null);
	}

	static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
