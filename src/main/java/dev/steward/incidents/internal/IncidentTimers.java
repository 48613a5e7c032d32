package dev.steward.incidents.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the incidents' durable timers: escalation steps, response-SLA checks and
 * acknowledgement timeouts. Each finds its handler when it fires, since the handlers
 * themselves schedule through the timers.
 */
@Configuration(proxyBeanMethods = false)
class IncidentTimers {

	@Bean
	Task<String> incidentEscalationTask(ObjectProvider<Escalation> escalation) {
		return Tasks.oneTime(Escalation.TASK, String.class)
			.execute((instance, context) -> escalation.getObject().fire(instance.getData()));
	}

	@Bean
	Task<String> incidentResponseSlaTask(ObjectProvider<ResponseWatch> watch) {
		return Tasks.oneTime(ResponseWatch.SLA_TASK, String.class)
			.execute((instance, context) -> watch.getObject().checkSla(instance.getData()));
	}

	@Bean
	Task<String> incidentAcknowledgementTimeoutTask(ObjectProvider<ResponseWatch> watch) {
		return Tasks.oneTime(ResponseWatch.ACK_TIMEOUT_TASK, String.class)
			.execute((instance, context) -> watch.getObject().acknowledgementTimedOut(instance.getData()));
	}

}
