package dev.steward.windows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CronScheduleTest {

	/** A Monday. */
	private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

	@Test
	void aPlainExpressionFiresAtItsOneTimeEveryDay() {
		CronSchedule cron = CronSchedule.parse("30 9 * * *");
		assertThat(cron.timesOfDay()).containsExactly(LocalTime.of(9, 30));
		assertThat(week(cron)).hasSize(7);
		assertThat(cron).hasToString("30 9 * * *");
	}

	@Test
	void listsRangesAndStepsCombineIntoSortedTimesOfDay() {
		CronSchedule cron = CronSchedule.parse("0,30 8-10 * * *");
		assertThat(cron.timesOfDay()).containsExactly(LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(9, 0),
				LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 30));
		assertThat(CronSchedule.parse("*/20 */6 * * *").timesOfDay()).containsExactly(LocalTime.of(0, 0),
				LocalTime.of(0, 20), LocalTime.of(0, 40), LocalTime.of(6, 0), LocalTime.of(6, 20), LocalTime.of(6, 40),
				LocalTime.of(12, 0), LocalTime.of(12, 20), LocalTime.of(12, 40), LocalTime.of(18, 0),
				LocalTime.of(18, 20), LocalTime.of(18, 40));
		assertThat(CronSchedule.parse("15 1-10/4 * * *").timesOfDay()).containsExactly(LocalTime.of(1, 15),
				LocalTime.of(5, 15), LocalTime.of(9, 15));
		assertThat(CronSchedule.parse("45 22/1 * * *").timesOfDay()).as("a single value with a step runs to the end")
			.containsExactly(LocalTime.of(22, 45), LocalTime.of(23, 45));
		assertThat(CronSchedule.parse("0 9,9,9 * * *").timesOfDay()).as("repeated values count once")
			.containsExactly(LocalTime.of(9, 0));
	}

	@Test
	void extraWhitespaceBetweenAndAroundFieldsIsIgnored() {
		CronSchedule cron = CronSchedule.parse("  0\t7   * *  1-5 ");
		assertThat(cron.timesOfDay()).containsExactly(LocalTime.of(7, 0));
		assertThat(week(cron)).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
	}

	@Test
	void weekdayNamesAndNumbersMeanTheSameDaysInAnyCase() {
		assertThat(week(CronSchedule.parse("0 0 * * MON-FRI"))).isEqualTo(week(CronSchedule.parse("0 0 * * 1-5")));
		assertThat(week(CronSchedule.parse("0 0 * * sat,Sun"))).containsExactly(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(week(CronSchedule.parse("0 0 * * tue"))).containsExactly(DayOfWeek.TUESDAY);
	}

	@Test
	void sevenAndZeroBothMeanSunday() {
		assertThat(week(CronSchedule.parse("0 0 * * 7"))).containsExactly(DayOfWeek.SUNDAY);
		assertThat(week(CronSchedule.parse("0 0 * * 0"))).containsExactly(DayOfWeek.SUNDAY);
		assertThat(week(CronSchedule.parse("0 0 * * 5-7"))).containsExactly(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY,
				DayOfWeek.SUNDAY);
		assertThat(week(CronSchedule.parse("0 0 * * 0,7"))).containsExactly(DayOfWeek.SUNDAY);
	}

	@Test
	void monthNamesAndNumbersMeanTheSameMonths() {
		CronSchedule byName = CronSchedule.parse("0 0 1 jan,Jul-SEP *");
		CronSchedule byNumber = CronSchedule.parse("0 0 1 1,7-9 *");
		for (Month month : Month.values()) {
			LocalDate first = LocalDate.of(2026, month, 1);
			assertThat(byName.matches(first)).as(month.toString()).isEqualTo(byNumber.matches(first));
		}
		assertThat(byName.matches(LocalDate.of(2026, 1, 1))).isTrue();
		assertThat(byName.matches(LocalDate.of(2026, 8, 1))).isTrue();
		assertThat(byName.matches(LocalDate.of(2026, 8, 2))).isFalse();
		assertThat(byName.matches(LocalDate.of(2026, 10, 1))).isFalse();
	}

	@Test
	void aRestrictedDayOfMonthAloneFiresOnlyOnThoseDays() {
		CronSchedule cron = CronSchedule.parse("0 0 1,15 * *");
		assertThat(cron.matches(LocalDate.of(2026, 2, 1))).isTrue();
		assertThat(cron.matches(LocalDate.of(2026, 2, 15))).isTrue();
		assertThat(cron.matches(LocalDate.of(2026, 2, 16))).isFalse();
		assertThat(CronSchedule.parse("0 0 31 * *").matches(LocalDate.of(2026, 4, 30)))
			.as("a month without day 31 has no occurrence")
			.isFalse();
	}

	@Test
	void whenBothDayFieldsAreRestrictedEitherOneMatching() {
		// the 13th of any month, and also every Friday (not only Friday the 13th)
		CronSchedule cron = CronSchedule.parse("0 0 13 * FRI");
		assertThat(cron.matches(LocalDate.of(2026, 2, 13))).as("Friday the 13th").isTrue();
		assertThat(cron.matches(LocalDate.of(2026, 1, 13))).as("Tuesday the 13th").isTrue();
		assertThat(cron.matches(LocalDate.of(2026, 1, 16))).as("Friday the 16th").isTrue();
		assertThat(cron.matches(LocalDate.of(2026, 1, 14))).as("Wednesday the 14th").isFalse();
	}

	@Test
	void whenOneDayFieldIsAStarBothMustMatch() {
		CronSchedule fridays = CronSchedule.parse("0 0 * * FRI");
		assertThat(fridays.matches(LocalDate.of(2026, 1, 16))).isTrue();
		assertThat(fridays.matches(LocalDate.of(2026, 1, 13))).isFalse();
		// Vixie cron counts a day field that starts with '*' as unrestricted, steps or
		// not
		CronSchedule oddDaysThatAreMondays = CronSchedule.parse("0 0 */2 * MON");
		assertThat(oddDaysThatAreMondays.matches(LocalDate.of(2026, 6, 1))).as("Monday the 1st").isTrue();
		assertThat(oddDaysThatAreMondays.matches(LocalDate.of(2026, 6, 8))).as("Monday the 8th").isFalse();
		assertThat(oddDaysThatAreMondays.matches(LocalDate.of(2026, 6, 3))).as("Wednesday the 3rd").isFalse();
	}

	@Test
	void theDayFieldsAreReadInTheMonthsTheExpressionNames() {
		CronSchedule cron = CronSchedule.parse("0 0 1 DEC MON");
		assertThat(cron.matches(LocalDate.of(2026, 12, 1))).isTrue();
		assertThat(cron.matches(LocalDate.of(2026, 12, 7))).as("a Monday in December").isTrue();
		assertThat(cron.matches(LocalDate.of(2026, 11, 30))).as("a Monday in November").isFalse();
		assertThat(cron.matches(LocalDate.of(2026, 11, 1))).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "@yearly, 0 0 1 1 *", "@annually, 0 0 1 1 *", "@monthly, 0 0 1 * *", "@weekly, 0 0 * * 0",
			"@daily, 0 0 * * *", "@midnight, 0 0 * * *", "@hourly, 0 * * * *", "@DAILY, 0 0 * * *" })
	void macrosStandForTheirFiveFields(String macro, String fields) {
		CronSchedule expanded = CronSchedule.parse(macro);
		CronSchedule written = CronSchedule.parse(fields);
		assertThat(expanded.timesOfDay()).isEqualTo(written.timesOfDay());
		for (LocalDate date = LocalDate.of(2026, 1, 1); date.getYear() == 2026; date = date.plusDays(1)) {
			assertThat(expanded.matches(date)).as(date.toString()).isEqualTo(written.matches(date));
		}
		assertThat(expanded).hasToString(macro);
	}

	@Test
	void macrosHaveTheScheduleTheirNamesPromise() {
		assertThat(CronSchedule.parse("@hourly").timesOfDay()).hasSize(24);
		assertThat(week(CronSchedule.parse("@weekly"))).containsExactly(DayOfWeek.SUNDAY);
		CronSchedule yearly = CronSchedule.parse("@yearly");
		assertThat(yearly.matches(LocalDate.of(2027, 1, 1))).isTrue();
		assertThat(yearly.matches(LocalDate.of(2027, 2, 1))).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "60 * * * *|minute: 60 is outside 0-59", "* 24 * * *|hour: 24 is outside 0-23",
					"0 0 0 * *|day of month: 0 is outside 1-31", "0 0 32 * *|day of month: 32 is outside 1-31",
					"0 0 * 13 *|month: 13 is outside 1-12", "0 0 * 0 *|month: 0 is outside 1-12",
					"0 0 * * 8|day of week: 8 is outside 0-7", "*/0 * * * *|minute: step 0 must be at least 1",
					"0 17-9 * * *|hour: range 17-9 runs backwards", "0 0 * * FRI-MON|day of week: range FRI-MON",
					"0 0 * * FUNDAY|day of week: value 'FUNDAY' is not a number or a name",
					"0 0 * JANUARY *|month: value 'JANUARY' is not a number or a name",
					"x * * * *|minute: value 'x' is not a number", "1,,2 * * * *|minute: value '' is not a number",
					"1-2-3 * * * *|minute: '1-2-3' is not a range", "*/x * * * *|minute: step 'x' is not a number",
					"-5 * * * *|minute: value '' is not a number", "99999 * * * *|minute: value '99999'",
					"0 9 * *|needs five fields (minute hour day-of-month month day-of-week), found 4",
					"0 9 * * * 2026|found 6", "@reboot|'@reboot' is not a known macro", "@every 5m|not a known macro" })
	void badExpressionsAreRefusedNamingTheFieldAndValue(String expression, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedule.parse(expression))
			.withMessageContaining(message);
	}

	@Test
	void anEmptyExpressionIsRefused() {
		Stream.of(null, "", "   ")
			.forEach(blank -> assertThatIllegalArgumentException().isThrownBy(() -> CronSchedule.parse(blank))
				.withMessage("is empty"));
	}

	@Test
	void namesAreAcceptedOnlyInTheirOwnField() {
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedule.parse("0 0 * MON *"))
			.withMessageStartingWith("month:");
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedule.parse("0 0 * * JAN"))
			.withMessageStartingWith("day of week:");
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedule.parse("0 JAN * * *"))
			.withMessageStartingWith("hour:")
			.withMessageNotContaining("name such as");
	}

	/** The weekdays of the week from {@link #MONDAY} on which the expression fires. */
	private static List<DayOfWeek> week(CronSchedule cron) {
		return Stream.iterate(MONDAY, date -> date.plusDays(1))
			.limit(7)
			.filter(cron::matches)
			.map(LocalDate::getDayOfWeek)
			.toList();
	}

}
