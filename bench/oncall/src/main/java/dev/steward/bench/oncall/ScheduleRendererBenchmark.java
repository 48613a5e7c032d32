package dev.steward.bench.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.steward.oncall.FinalSchedule;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Average time of the final schedule of {@link YearOfOnCall} (five layers of 20 users
 * over one year; target: under 20 ms) and of one {@code onCallAt} question, asked in turn
 * about 1,024 fixed instants spread over the same year.
 */
@BenchmarkMode(Mode.AverageTime)
@State(Scope.Thread)
public class ScheduleRendererBenchmark {

	private static final int INSTANTS = 1024;

	private YearOfOnCall schedule;

	private Instant[] instants;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.schedule = YearOfOnCall.create();
		FinalSchedule rendered = this.schedule.render();
		if (rendered.entries().size() < 1000 || rendered.coverage() < 0.99) {
			throw new IllegalStateException("Unexpected final schedule: " + rendered.entries().size()
					+ " entries, coverage " + rendered.coverage());
		}
		long seconds = Duration.between(this.schedule.since(), this.schedule.until()).getSeconds();
		SplittableRandom random = new SplittableRandom(42);
		this.instants = new Instant[INSTANTS];
		for (int i = 0; i < INSTANTS; i++) {
			this.instants[i] = this.schedule.since().plusSeconds(random.nextLong(seconds));
		}
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public FinalSchedule renderOneYear() {
		return this.schedule.render();
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public String onCallAt() {
		Instant at = this.instants[this.next];
		this.next = (this.next + 1) & (INSTANTS - 1);
		return this.schedule.onCallAt(at);
	}

}
