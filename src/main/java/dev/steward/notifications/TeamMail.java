package dev.steward.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.steward.notifications.internal.TeamMailStore;
import dev.steward.notifications.internal.TeamMailTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail to a whole team (its own address, else every member's), such as the notice that an
 * API it consumes is deprecated. A message is planned in the caller's transaction and
 * sent by a durable timer from any node, once per key, retried with back-off while the
 * mail server does not take it.
 */
@Service
@Transactional
public class TeamMail {

	private final TeamMailStore store;

	private final SchedulerClient timers;

	private final Clock clock;

	TeamMail(TeamMailStore store, SchedulerClient timers, Clock clock) {
		this.store = store;
		this.timers = timers;
		this.clock = clock;
	}

	/**
	 * Plans the message to {@code team} unless one with {@code key} was planned before;
	 * answers whether it was newly planned.
	 */
	public boolean send(String key, String team, String subject, String body) {
		Instant now = this.clock.instant();
		if (!this.store.insert(key, team, subject, body, now)) {
			return false;
		}
		this.timers.scheduleIfNotExists(new TaskInstance<Void>(TeamMailTask.NAME, key), now);
		return true;
	}

	/** The messages planned for the team, newest first. */
	@Transactional(readOnly = true)
	public List<TeamMessage> messages(String team) {
		return this.store.ofTeam(team);
	}

}
