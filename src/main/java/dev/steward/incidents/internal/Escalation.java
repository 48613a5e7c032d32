package dev.steward.incidents.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import dev.steward.oncall.EscalationPolicies;
import dev.steward.oncall.PolicyOnCall;
import dev.steward.oncall.ServiceOnCall.LevelOnCall;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pages an incident through its escalation policy: level 1 at once, then, while nobody
 * acknowledges a high-urgency incident, each next level after the current level's delay,
 * and the whole policy again {@code repeat} times. Each step is a durable timer whose
 * instance id names the incident, level and round, so that a step runs once even with
 * several nodes, and a step re-run after a crash finds its work done and does nothing.
 */
@Component
public class Escalation {

	/** The name of the durable timer task of escalation steps. */
	static final String TASK = "incident-escalation";

	private final IncidentStore store;

	private final Timeline timeline;

	private final EscalationPolicies policies;

	private final Pager pager;

	private final ObjectProvider<SchedulerClient> timers;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Escalation(IncidentStore store, Timeline timeline, EscalationPolicies policies, Pager pager,
			ObjectProvider<SchedulerClient> timers, TransactionTemplate transaction, Clock clock) {
		this.store = store;
		this.timeline = timeline;
		this.policies = policies;
		this.pager = pager;
		this.timers = timers;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Pages one user an incident was reassigned to; no escalation follows. */
	public void pageDirectly(long incident, String user) {
		IncidentStore.Row row = this.store.findForUpdate(incident).orElseThrow();
		this.store.escalate(incident, row.policy(), 0, 0);
		this.store.clearAssignees(incident);
		this.store.assign(incident, user);
		this.pager.pageReassigned(row, user, this.clock.instant());
	}

	/** Runs a step whose timer fired, in its own transaction. */
	void fire(String step) {
		this.transaction.executeWithoutResult(status -> run(Step.parse(step)));
	}

	/** Pages level 1 of a new incident, in the caller's transaction. */
	public void begin(long incident) {
		this.store.find(incident).ifPresent(row -> run(new Step(incident, row.cycle(), 1, 0)));
	}

	/**
	 * Stops paging an incident that was acknowledged or resolved: steps still scheduled
	 * find it no longer triggered, and notifications not yet sent are cancelled.
	 */
	public void halt(long incident) {
		this.store.nextStep(incident).ifPresent(step -> {
			try {
				this.timers.getObject().cancel(TaskInstanceId.of(TASK, step));
			}
			catch (TaskInstanceException ex) {
				// Already running or gone: the step will find the incident no longer
				// triggered.
			}
			this.store.nextStep(incident, null);
		});
		this.pager.cancel(incident);
	}

	private void run(Step step) {
		Optional<IncidentStore.Row> found = this.store.findForUpdate(step.incident());
		if (found.isEmpty() || !"triggered".equals(found.get().status()) || alreadyDone(found.get(), step)) {
			return;
		}
		IncidentStore.Row incident = found.get();
		this.store.nextStep(incident.number(), null);
		if (incident.policy() == null) {
			this.timeline.record(incident.number(), "unassigned", null,
					"Service '" + incident.service() + "' names no escalation policy; nobody was paged", null);
			return;
		}
		Instant now = this.clock.instant();
		Optional<PolicyOnCall> policy = this.policies.levelsOf(incident.policy(), now);
		if (policy.isEmpty() || step.level() > policy.get().levels().size()) {
			this.timeline.record(incident.number(), "unassigned", null,
					"Escalation policy '" + incident.policy() + "' no longer exists; nobody was paged", null);
			return;
		}
		LevelOnCall level = policy.get().levels().get(step.level() - 1);
		this.store.escalate(incident.number(), incident.policy(), step.level(), step.round());
		this.store.clearAssignees(incident.number());
		level.users().forEach(user -> this.store.assign(incident.number(), user));
		boolean first = step.level() == 1 && step.round() == 0;
		this.timeline.record(incident.number(), first ? "assigned" : "escalated", null,
				level.users().isEmpty() ? "Level " + step.level() + " reaches nobody now"
						: "Level " + step.level() + (step.round() > 0 ? ", round " + (step.round() + 1) : "") + ": "
								+ String.join(", ", level.users()),
				Map.of("level", step.level(), "round", step.round(), "users", level.users()));
		for (String user : level.users()) {
			this.pager.page(incident, user, step.level(), step.round());
		}
		if ("high".equals(incident.urgency())) {
			next(step, policy.get()).ifPresent(
					next -> schedule(next, level.users().isEmpty() ? now : now.plus(Duration.parse(level.delay()))));
		}
	}

	/**
	 * A step that ran before (a re-run after a crash) or that escalation moved past; a
	 * new incident is at level 0 until level 1 is paged.
	 */
	private static boolean alreadyDone(IncidentStore.Row incident, Step step) {
		return incident.cycle() != step.cycle() || incident.round() > step.round()
				|| (incident.round() == step.round() && incident.level() >= step.level());
	}

	private static Optional<Step> next(Step step, PolicyOnCall policy) {
		if (step.level() < policy.levels().size()) {
			return Optional.of(new Step(step.incident(), step.cycle(), step.level() + 1, step.round()));
		}
		if (step.round() < policy.repeat()) {
			return Optional.of(new Step(step.incident(), step.cycle(), 1, step.round() + 1));
		}
		return Optional.empty();
	}

	private void schedule(Step step, Instant at) {
		this.timers.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, step.id(), step.data()), at);
	}

	/**
	 * One step of escalation: page {@code level} of round {@code round} of an incident.
	 */
	record Step(long incident, int cycle, int level, int round) {

		static Step parse(String data) {
			List<Long> parts = Arrays.stream(data.split("/")).map(Long::parseLong).toList();
			return new Step(parts.get(0), parts.get(1).intValue(), parts.get(2).intValue(), parts.get(3).intValue());
		}

		String data() {
			return this.incident + "/" + this.cycle + "/" + this.level + "/" + this.round;
		}

		String id() {
			return "incident-" + this.incident + "-cycle-" + this.cycle + "-level-" + this.level + "-round-"
					+ this.round;
		}

	}

}
