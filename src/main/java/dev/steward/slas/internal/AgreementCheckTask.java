package dev.steward.slas.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.slas.SlaBreachCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable, cluster-wide recurring check of SLA agreements: every
 * {@code steward.slas.agreement-check-interval} (default 5 min) one node checks every
 * active agreement against its provider's SLI data, recording breaches and mailing both
 * owning teams when one starts.
 */
@Configuration(proxyBeanMethods = false)
class AgreementCheckTask {

	private static final Logger log = LoggerFactory.getLogger(AgreementCheckTask.class);

	@Bean
	RecurringTask<Void> slaAgreementCheck(ObjectProvider<SlaBreachCheck> check,
			@Value("${steward.slas.agreement-check-interval:PT5M}") Duration interval) {
		return Tasks.recurring("sla-agreement-check", FixedDelay.of(interval)).execute((instance, context) -> {
			int started = check.getObject().checkAll();
			log.debug("Checked SLA agreements; {} breaches started", started);
		});
	}

}
