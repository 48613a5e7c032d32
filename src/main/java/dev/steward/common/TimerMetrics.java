package dev.steward.common;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Metrics of the durable timers (ADR 0005), per task: how late each run started after its
 * instance fell due ({@code steward.timers.lag}), how long it ran
 * ({@code steward.timers.run}, tag {@code result}), and, read from the timer table, how
 * many instances are due and not picked by any node ({@code steward.timers.due}) and for
 * how long the oldest of them has been due ({@code steward.timers.due.oldest}).
 */
@Component
class TimerMetrics implements ExecutionInterceptor {

	/** Lag buckets: a due timer normally starts within a polling interval. */
	private static final Duration[] LAG_BUCKETS = { Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
			Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5) };

	private final MeterRegistry meters;

	private final GaugeReadings readings;

	private final JdbcClient jdbc;

	private final Clock clock;

	TimerMetrics(MeterRegistry meters, GaugeReadings readings, JdbcClient jdbc, Clock clock) {
		this.meters = meters;
		this.readings = readings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Registers every meter of {@code tasks}, so that each shows from the start. */
	void register(Collection<String> tasks) {
		for (String task : tasks) {
			lag(task);
			run(task, "success");
			run(task, "failure");
		}
		this.readings.backlog("steward.timers.due", "timer instances", "task", tasks, this::due);
	}

	@Override
	public CompletionHandler<?> execute(TaskInstance<?> instance, ExecutionContext context, ExecutionChain chain) {
		String task = instance.getTaskName();
		lag(task).record(Duration.between(context.getExecution().executionTime, this.clock.instant()));
		long started = System.nanoTime();
		String result = "failure";
		try {
			CompletionHandler<?> completion = chain.proceed(instance, context);
			result = "success";
			return completion;
		}
		finally {
			run(task, result).record(Duration.ofNanos(System.nanoTime() - started));
		}
	}

	private Map<String, GaugeReadings.Backlog> due() {
		return GaugeReadings.backlogs(this.jdbc.sql("""
				select task_name as backlog_key, count(*) as due, min(execution_time) as oldest_due
				from scheduled_tasks where picked = false and execution_time <= ? group by task_name""")
			.param(Sql.timestamp(this.clock.instant())));
	}

	private Timer lag(String task) {
		return Histograms.timer(this.meters, "steward.timers.lag",
				"How late a durable timer started after its instance fell due", LAG_BUCKETS, "task", task);
	}

	private Timer run(String task, String result) {
		return Timer.builder("steward.timers.run")
			.description("How long a run of a durable timer took")
			.tag("task", task)
			.tag("result", result)
			.register(this.meters);
	}

}
