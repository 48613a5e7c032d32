package dev.steward.bench.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.steward.oncall.FinalSchedule;
import dev.steward.oncall.Layer;
import dev.steward.oncall.Restriction;
import dev.steward.oncall.ScheduleRenderer;
import dev.steward.oncall.Shift;
import dev.steward.oncall.TurnLength;

/**
 * The schedule the benchmarks render: five layers of 20 users each in Europe/Berlin over
 * the calendar year 2027 (both daylight-saving changes included), with weekly, daily and
 * 12-hour turns, restricted layers, a layer that ends and a dozen overrides.
 *
 * <ol>
 * <li>{@code primary}: weekly turns handing off Monday 10:00, around the clock.</li>
 * <li>{@code weekend}: daily turns, only Saturday 08:00 to Monday 08:00.</li>
 * <li>{@code migration}: 12-hour turns from 1 April to 1 July 2027 (the layer ends).</li>
 * <li>{@code business-hours}: weekly turns, only Monday to Friday 09:00–17:00.</li>
 * <li>{@code nights}: daily turns from 1 February 2027, only 22:00 to 07:00.</li>
 * </ol>
 *
 * Run {@code main} to print what the final schedule looks like.
 */
public record YearOfOnCall(ZoneId zone, List<Layer> layers, List<Shift> overrides, Instant since, Instant until) {

	public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	public static YearOfOnCall create() {
		List<Layer> layers = List.of(
				layer("primary", "2026-06-01T10:00", null, "2026-06-01T10:00", "P1W", 0, List.of()),
				layer("weekend", "2026-01-03T08:00", null, "2026-01-03T08:00", "P1D", 3,
						List.of(Restriction.weekly(DayOfWeek.SATURDAY, LocalTime.of(8, 0), Duration.ofDays(2)))),
				layer("migration", "2027-04-01T08:00", "2027-07-01T08:00", "2027-04-01T08:00", "PT12H", 7, List.of()),
				layer("business-hours", "2026-01-05T09:00", null, "2026-01-05T09:00", "P1W", 11, businessHours()),
				layer("nights", "2027-02-01T22:00", null, "2027-01-04T22:00", "P1D", 15,
						List.of(Restriction.daily(LocalTime.of(22, 0), Duration.ofHours(9)))));
		List<Shift> overrides = List.of(override("user-03", "2027-01-06T00:00", "2027-01-07T12:00"),
				override("user-17", "2027-02-14T18:00", "2027-02-15T08:00"),
				override("user-08", "2027-03-27T20:00", "2027-03-29T09:00"),
				override("user-12", "2027-03-28T01:00", "2027-03-28T04:00"),
				override("user-01", "2027-04-18T09:00", "2027-04-21T09:00"),
				override("user-20", "2027-05-30T12:00", "2027-05-30T14:00"),
				override("user-05", "2027-07-04T00:00", "2027-07-11T00:00"),
				override("user-09", "2027-07-08T09:00", "2027-07-08T17:00"),
				override("user-14", "2027-08-15T22:00", "2027-08-16T07:00"),
				override("user-02", "2027-10-30T18:00", "2027-11-01T09:00"),
				override("user-11", "2027-12-24T00:00", "2027-12-27T00:00"),
				override("user-16", "2027-12-31T17:00", "2028-01-01T00:00"));
		return new YearOfOnCall(BERLIN, layers, overrides, local("2027-01-01T00:00"), local("2028-01-01T00:00"));
	}

	public FinalSchedule render() {
		return ScheduleRenderer.render(this.zone, this.layers, this.overrides, this.since, this.until);
	}

	public String onCallAt(Instant at) {
		return ScheduleRenderer.onCallAt(this.zone, this.layers, this.overrides, at);
	}

	public static void main(String[] args) {
		YearOfOnCall schedule = create();
		FinalSchedule rendered = schedule.render();
		int shifts = 0;
		for (Layer layer : schedule.layers()) {
			shifts += ScheduleRenderer.layerShifts(layer, schedule.zone(), schedule.since(), schedule.until()).size();
		}
		System.out.printf("Schedule: %d layers x 20 users, %d overrides, %s, %s to %s%n", schedule.layers().size(),
				schedule.overrides().size(), schedule.zone(), schedule.since(), schedule.until());
		System.out.printf("Layer shifts: %d; final entries: %d; gaps: %d; coverage: %.4f%n", shifts,
				rendered.entries().size(), rendered.gaps().size(), rendered.coverage());
	}

	private static List<Restriction> businessHours() {
		List<Restriction> restrictions = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			restrictions.add(Restriction.weekly(day, LocalTime.of(9, 0), Duration.ofHours(8)));
		}
		return restrictions;
	}

	/**
	 * A layer of all 20 users, its rotation starting with user number {@code first + 1}.
	 */
	private static Layer layer(String name, String start, String end, String virtualStart, String turn, int first,
			List<Restriction> restrictions) {
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			users.add("user-%02d".formatted((first + i) % 20 + 1));
		}
		return new Layer(name, local(start), (end != null) ? local(end) : null, local(virtualStart),
				TurnLength.parse(turn).orElseThrow(), users, restrictions);
	}

	private static Shift override(String user, String start, String end) {
		return new Shift(user, local(start), local(end));
	}

	private static Instant local(String text) {
		return LocalDateTime.parse(text).atZone(BERLIN).toInstant();
	}

}
