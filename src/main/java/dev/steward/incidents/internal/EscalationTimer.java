package dev.steward.incidents.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the escalation step with the durable timers; the step finds
 * {@link Escalation} when it fires, since escalation itself schedules through the timers.
 */
@Configuration(proxyBeanMethods = false)
class EscalationTimer {

	@Bean
	Task<String> incidentEscalationTask(ObjectProvider<Escalation> escalation) {
		return Tasks.oneTime(Escalation.TASK, String.class)
			.execute((instance, context) -> escalation.getObject().fire(instance.getData()));
	}

}
