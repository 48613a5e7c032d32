package dev.steward.reporting.internal;

import java.time.ZoneId;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;

import dev.steward.reporting.Digests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable timer that plans the weekly digests on
 * {@code steward.reports.digest-schedule} (a six-field cron: second, minute, hour, day of
 * month, month, day of week; default Mondays at 07:00) in
 * {@code steward.reports.digest-zone} (default UTC); one node runs it at a time.
 */
@Configuration(proxyBeanMethods = false)
class DigestTimer {

	/** The task name in {@code scheduled_tasks}. */
	static final String TASK = "weekly-digests";

	@Bean
	RecurringTask<Void> weeklyDigests(ObjectProvider<Digests> digests,
			@Value("${steward.reports.digest-schedule:0 0 7 * * MON}") String schedule,
			@Value("${steward.reports.digest-zone:UTC}") ZoneId zone) {
		return Tasks.recurring(TASK, new CronSchedule(schedule, zone)).execute((instance, context) -> {
			digests.getObject().sendLastWeek();
		});
	}

}
