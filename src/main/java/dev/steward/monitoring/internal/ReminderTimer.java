package dev.steward.monitoring.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.steward.monitoring.MonitoringReminders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable timer that sends the reminders of overdue monitoring reviews every
 * {@code steward.monitoring.reminder-interval} (default an hour) after the last run
 * ended; one node runs it at a time.
 */
@Configuration(proxyBeanMethods = false)
class ReminderTimer {

	/** The task name in {@code scheduled_tasks}. */
	static final String TASK = "monitoring-review-reminders";

	@Bean
	RecurringTask<Void> monitoringReviewReminders(MonitoringReminders reminders,
			@Value("${steward.monitoring.reminder-interval:PT1H}") Duration interval) {
		if (!interval.isPositive()) {
			throw new IllegalStateException("steward.monitoring.reminder-interval must be a positive duration");
		}
		return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> reminders.sendDue());
	}

}
