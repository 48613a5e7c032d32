package dev.steward.slas.internal;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.slas.SloEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable, cluster-wide recurring work of SLOs: every
 * {@code steward.slos.evaluation-interval} (default 30 s) one node evaluates every SLO,
 * then compacts minute buckets older than the burn-rate windows into hours and drops
 * buckets older than each SLO's window and a day. The evaluator is looked up when the
 * task runs, since it reaches the timers' own client through the incidents it opens.
 */
@Configuration(proxyBeanMethods = false)
class SloEvaluationTask {

	private static final Logger log = LoggerFactory.getLogger(SloEvaluationTask.class);

	/** Minute buckets are kept this long: the longest burn-rate window and an hour. */
	static final Duration MINUTE_RESOLUTION = Duration.ofDays(3).plusHours(1);

	private static final Duration RETENTION_MARGIN = Duration.ofDays(1);

	@Bean
	RecurringTask<Void> sloEvaluation(ObjectProvider<SloEvaluator> evaluator, BucketStore buckets,
			TransactionTemplate transactions, Clock clock,
			@Value("${steward.slos.evaluation-interval:PT30S}") Duration interval) {
		return Tasks.recurring("slo-evaluation", FixedDelay.of(interval)).execute((instance, context) -> {
			long started = System.nanoTime();
			int evaluated = evaluator.getObject().evaluateAll();
			long nowMinute = Math.floorDiv(clock.instant().getEpochSecond(), 60);
			transactions.executeWithoutResult(status -> {
				buckets.compactHours(nowMinute - MINUTE_RESOLUTION.toMinutes());
				buckets.dropExpired(nowMinute, RETENTION_MARGIN.toMinutes());
			});
			log.debug("Evaluated {} SLOs in {} ms", evaluated, (System.nanoTime() - started) / 1_000_000);
		});
	}

}
