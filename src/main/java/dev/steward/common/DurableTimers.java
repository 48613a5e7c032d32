package dev.steward.common;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable timers shared by every module: a db-scheduler {@link Scheduler} over the
 * application's database runs every {@link Task} bean when its instances fall due, on any
 * node and on one node only per instance. Modules schedule through the
 * {@link SchedulerClient} bean, which joins the caller's transaction, so a timer exists
 * exactly when the change that planned it commits; a {@link RecurringTask} bean (work
 * done every so often, such as reminders) is planned when the scheduler starts. The
 * scheduler runs while the application does (it is rebuilt when a stopped application
 * starts again), polls every {@code steward.timers.polling-interval} with
 * {@code steward.timers.threads} threads, reads time from the application's
 * {@link Clock}, stores task data as JSON and measures every run ({@link TimerMetrics}).
 * A node marks the timers it runs alive every {@code steward.timers.heartbeat-interval};
 * timers of a node that missed {@code steward.timers.missed-heartbeats-limit} heartbeats
 * (it died) are run again by another.
 * <p>
 * Stopping happens while the web server drains its requests, in the same shutdown phase:
 * the scheduler picks no new timer (the due ones it had fetched but not yet picked stay
 * free for other nodes), gives the running ones {@code steward.timers.shutdown-max-wait},
 * interrupts those still running and waits as long again; a timer that outlives that
 * keeps its pick and is run again by another node when its heartbeats are missed.
 */
@Configuration(proxyBeanMethods = false)
public class DurableTimers implements SmartLifecycle {

	private final DataSource dataSource;

	private final ObjectProvider<Task<?>> tasks;

	private final Clock clock;

	private final JsonMapper json;

	private final Duration pollingInterval;

	private final int threads;

	private final Duration heartbeatInterval;

	private final int missedHeartbeatsLimit;

	private final Duration shutdownMaxWait;

	private final TimerMetrics metrics;

	private volatile Scheduler running;

	DurableTimers(DataSource dataSource, ObjectProvider<Task<?>> tasks, Clock clock, JsonMapper json,
			@Value("${steward.timers.polling-interval:PT0.25S}") Duration pollingInterval,
			@Value("${steward.timers.threads:4}") int threads,
			@Value("${steward.timers.heartbeat-interval:PT5S}") Duration heartbeatInterval,
			@Value("${steward.timers.missed-heartbeats-limit:6}") int missedHeartbeatsLimit,
			@Value("${steward.timers.shutdown-max-wait:PT10S}") Duration shutdownMaxWait, TimerMetrics metrics) {
		this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
		this.tasks = tasks;
		this.clock = clock;
		this.json = json;
		this.pollingInterval = pollingInterval;
		this.threads = threads;
		this.heartbeatInterval = heartbeatInterval;
		this.missedHeartbeatsLimit = missedHeartbeatsLimit;
		this.shutdownMaxWait = shutdownMaxWait;
		this.metrics = metrics;
	}

	/**
	 * The client modules schedule and cancel timers with: a scheduler with the same
	 * settings that is never started, so only its client side is used.
	 */
	@Bean
	SchedulerClient durableTimerClient() {
		return scheduler();
	}

	@Override
	public void start() {
		Scheduler scheduler = scheduler();
		this.metrics.register(this.tasks.orderedStream().map(Task::getName).toList());
		scheduler.start();
		this.running = scheduler;
	}

	/** Stops fetching due timers and waits for the ones running to finish. */
	@Override
	public void stop() {
		Scheduler scheduler = takeRunning();
		if (scheduler != null) {
			scheduler.stop();
		}
	}

	/**
	 * Stops as {@link #stop()} does, on a thread of its own, so that the web server
	 * drains its requests meanwhile.
	 */
	@Override
	public void stop(Runnable callback) {
		Scheduler scheduler = takeRunning();
		if (scheduler == null) {
			callback.run();
			return;
		}
		Thread.ofPlatform().name("durable-timers-stop").start(() -> {
			try {
				scheduler.stop();
			}
			finally {
				callback.run();
			}
		});
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/** The phase in which the web server stops gracefully. */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
	}

	private Scheduler takeRunning() {
		Scheduler scheduler = this.running;
		this.running = null;
		return scheduler;
	}

	/**
	 * A scheduler for every task bean; the recurring ones are start tasks, so that
	 * starting the scheduler plans their first run unless a node already did.
	 */
	private Scheduler scheduler() {
		List<Task<?>> all = this.tasks.orderedStream().toList();
		List<RecurringTask<?>> recurring = all.stream()
			.filter(RecurringTask.class::isInstance)
			.<RecurringTask<?>>map(RecurringTask.class::cast)
			.toList();
		return Scheduler.create(this.dataSource, all.stream().filter(task -> !(task instanceof RecurringTask)).toList())
			.startTasks(recurring)
			.tableName("scheduled_tasks")
			.clock(this.clock::instant)
			.serializer(new JsonTaskData(this.json))
			.pollingInterval(this.pollingInterval)
			.threads(this.threads)
			.schedulerName(new SchedulerName.Fixed(nodeName()))
			.heartbeatInterval(this.heartbeatInterval)
			.missedHeartbeatsLimit(this.missedHeartbeatsLimit)
			.shutdownMaxWait(this.shutdownMaxWait)
			.addExecutionInterceptor(this.metrics)
			.build();
	}

	/**
	 * This node in {@code scheduled_tasks.picked_by}: its host name and process id, so
	 * that several nodes on one host (or with one name) can be told apart.
	 */
	static String nodeName() {
		return new SchedulerName.Hostname().getName() + "/" + ProcessHandle.current().pid();
	}

	/** Task data as JSON through the application's mapper; no data is stored as null. */
	static final class JsonTaskData implements Serializer {

		private final JsonMapper json;

		JsonTaskData(JsonMapper json) {
			this.json = json;
		}

		@Override
		public byte[] serialize(Object data) {
			return data == null ? null : this.json.writeValueAsBytes(data);
		}

		@Override
		public <T> T deserialize(Class<T> type, byte[] data) {
			return data == null ? null : this.json.readValue(data, type);
		}

	}

}
