package dev.steward.slas.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.common.Histograms;
import dev.steward.slas.SloEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable, cluster-wide recurring work of SLOs: every
 * {@code steward.slos.evaluation-interval} (default 30 s) one node evaluates every SLO,
 * and once an hour compacts minute buckets older than the burn-rate windows into hours
 * and drops buckets older than each SLO's window and a day. The evaluator is looked up
 * when the task runs, since it reaches the timers' own client through the incidents it
 * opens. Each pass is timed as {@code steward.slo.evaluation} (tag {@code result}), the
 * compaction and expiry after it as {@code steward.slo.maintenance}, and
 * {@code steward.slo.evaluated} tells how many SLOs the last pass evaluated.
 */
@Configuration(proxyBeanMethods = false)
class SloEvaluationTask {

	/** Minute buckets are kept this long: the longest burn-rate window and an hour. */
	static final Duration MINUTE_RESOLUTION = Duration.ofDays(3).plusHours(1);

	private static final Duration RETENTION_MARGIN = Duration.ofDays(1);

	/** Histogram buckets of both timers, around the target of a pass under 5 s. */
	private static final Duration[] PASS_BUCKETS = { Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
			Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30) };

	@Bean
	Pass sloEvaluationPass(ObjectProvider<SloEvaluator> evaluator, BucketStore buckets,
			TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
		return new Pass(evaluator, buckets, transactions, clock, meters);
	}

	@Bean
	RecurringTask<Void> sloEvaluation(Pass pass,
			@Value("${steward.slos.evaluation-interval:PT30S}") Duration interval) {
		return Tasks.recurring("slo-evaluation", FixedDelay.of(interval)).execute((instance, context) -> pass.run());
	}

	/** One pass of the task: evaluation, then compaction and expiry, each timed. */
	static class Pass {

		private static final Logger log = LoggerFactory.getLogger(SloEvaluationTask.class);

		private static final String EVALUATION = "steward.slo.evaluation";

		private static final String MAINTENANCE = "steward.slo.maintenance";

		private static final Map<String, String> DESCRIPTIONS = Map.of(EVALUATION, "One evaluation pass over every SLO",
				MAINTENANCE, "Compaction of minute buckets into hours and expiry of old buckets");

		private final ObjectProvider<SloEvaluator> evaluator;

		private final BucketStore buckets;

		private final TransactionTemplate transactions;

		private final Clock clock;

		private final MeterRegistry meters;

		private final AtomicInteger evaluated = new AtomicInteger();

		/**
		 * The hour this node last compacted and expired buckets in: both move by whole
		 * hours (compaction) or within a day's margin (expiry), so once an hour is
		 * enough.
		 */
		private final AtomicLong maintainedHour = new AtomicLong(Long.MIN_VALUE);

		Pass(ObjectProvider<SloEvaluator> evaluator, BucketStore buckets, TransactionTemplate transactions, Clock clock,
				MeterRegistry meters) {
			this.evaluator = evaluator;
			this.buckets = buckets;
			this.transactions = transactions;
			this.clock = clock;
			this.meters = meters;
			Gauge.builder("steward.slo.evaluated", this.evaluated, AtomicInteger::get)
				.description("SLOs evaluated by the last evaluation pass")
				.register(meters);
			for (String name : DESCRIPTIONS.keySet()) {
				timer(name, "success");
				timer(name, "failure");
			}
		}

		void run() {
			long started = System.nanoTime();
			this.evaluated.set(timed(EVALUATION, () -> this.evaluator.getObject().evaluateAll()));
			long nowMinute = Math.floorDiv(this.clock.instant().getEpochSecond(), 60);
			long hour = Math.floorDiv(nowMinute, 60);
			if (this.maintainedHour.get() != hour) {
				timed(MAINTENANCE, () -> this.transactions.execute(status -> {
					this.buckets.compactHours(nowMinute - MINUTE_RESOLUTION.toMinutes());
					return this.buckets.dropExpired(nowMinute, RETENTION_MARGIN.toMinutes());
				}));
				this.maintainedHour.set(hour);
			}
			log.debug("Evaluated {} SLOs in {} ms", this.evaluated.get(), (System.nanoTime() - started) / 1_000_000);
		}

		private <T> T timed(String name, Supplier<T> work) {
			long started = System.nanoTime();
			String result = "failure";
			try {
				T value = work.get();
				result = "success";
				return value;
			}
			finally {
				timer(name, result).record(Duration.ofNanos(System.nanoTime() - started));
			}
		}

		private Timer timer(String name, String result) {
			return Histograms.timer(this.meters, name, DESCRIPTIONS.get(name), PASS_BUCKETS, "result", result);
		}

	}

}
