package dev.steward.slas.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.slas.SloPulls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable, cluster-wide pull of SLO counts from Prometheus: every
 * {@code steward.slos.pull-interval} (default 1 min) one node pulls every SLO with a
 * {@code prometheus} source. The pulls are looked up when the task runs, since they reach
 * the timers' own client through the incidents an evaluation opens.
 */
@Configuration(proxyBeanMethods = false)
class SloPullTask {

	private static final Logger log = LoggerFactory.getLogger(SloPullTask.class);

	@Bean
	RecurringTask<Void> sloPull(ObjectProvider<SloPulls> pulls,
			@Value("${steward.slos.pull-interval:PT1M}") Duration interval) {
		return Tasks.recurring("slo-pull", FixedDelay.of(interval)).execute((instance, context) -> {
			long started = System.nanoTime();
			int pulled = pulls.getObject().pullAll();
			log.debug("Pulled {} SLOs in {} ms", pulled, (System.nanoTime() - started) / 1_000_000);
		});
	}

}
