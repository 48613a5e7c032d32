package dev.steward.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.steward.notifications.internal.OutboxMailStore;
import dev.steward.notifications.internal.OutboxMailTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail that is not an incident notification: to a whole team (its own address, else every
 * member's), such as the notice that an API it consumes is deprecated, or to one user,
 * such as a weekly digest. A message is planned in the caller's transaction and sent by a
 * durable timer from any node, once per key, retried with back-off while the mail server
 * does not take it.
 */
@Service
@Transactional
public class MailOutbox {

	private final OutboxMailStore store;

	private final SchedulerClient timers;

	private final Clock clock;

	MailOutbox(OutboxMailStore store, SchedulerClient timers, Clock clock) {
		this.store = store;
		this.timers = timers;
		this.clock = clock;
	}

	/**
	 * Plans the message to {@code team} unless one with {@code key} was planned before;
	 * answers whether it was newly planned.
	 */
	public boolean toTeam(String key, String team, String subject, String body) {
		return plan(key, team, null, subject, body);
	}

	/**
	 * Plans the message to {@code user} unless one with {@code key} was planned before;
	 * answers whether it was newly planned.
	 */
	public boolean toUser(String key, String user, String subject, String body) {
		return plan(key, null, user, subject, body);
	}

	/** The messages planned for the team, newest first. */
	@Transactional(readOnly = true)
	public List<OutboxMessage> messagesToTeam(String team) {
		return this.store.toTeam(team);
	}

	/** The messages planned for the user, newest first. */
	@Transactional(readOnly = true)
	public List<OutboxMessage> messagesToUser(String user) {
		return this.store.toUser(user);
	}

	private boolean plan(String key, String team, String user, String subject, String body) {
		Instant now = this.clock.instant();
		if (!this.store.insert(key, team, user, subject, body, now)) {
			return false;
		}
		this.timers.scheduleIfNotExists(new TaskInstance<Void>(OutboxMailTask.NAME, key), now);
		return true;
	}

}
