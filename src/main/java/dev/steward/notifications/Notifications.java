package dev.steward.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.common.Validation;
import dev.steward.notifications.internal.Addresses;
import dev.steward.notifications.internal.DeliveryStore;
import dev.steward.notifications.internal.DeliveryTask;
import dev.steward.notifications.internal.Messages;
import dev.steward.notifications.internal.SettingsStore.Method;
import dev.steward.notifications.internal.SettingsStore.Rule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies users about incidents: plans one delivery per matching notification rule, each
 * sent once by a durable timer on whichever node picks it, and cancels the ones not yet
 * sent when an incident no longer needs them.
 */
@Service
@Transactional
public class Notifications {

	private static final int BATCH = 1000;

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private static final int MAX_STEP_KEY = 300;

	private final NotificationSettings settings;

	private final DeliveryStore deliveries;

	private final Messages messages;

	private final SchedulerClient timers;

	private final Clock clock;

	Notifications(NotificationSettings settings, DeliveryStore deliveries, Messages messages, SchedulerClient timers,
			Clock clock) {
		this.settings = settings;
		this.deliveries = deliveries;
		this.messages = messages;
		this.timers = timers;
		this.clock = clock;
	}

	/**
	 * Plans the deliveries of one notification step for one user, joining the caller's
	 * transaction.
	 */
	public void notify(Notification notification) {
		check(notification);
		Instant now = this.clock.instant();
		List<Rule> rules = this.settings.effectiveRules(notification.user());
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			if (!rule.matches(notification.urgency())) {
				continue;
			}
			Optional<Method> method = this.settings.contactMethod(notification.user(), rule.contactMethod());
			if (method.isEmpty()) {
				log.warn("Notification rule {} of {} names the missing contact method '{}'", i, notification.user(),
						rule.contactMethod());
				continue;
			}
			plan(notification, notification.stepKey() + "/" + i + "/" + rule.contactMethod(), method.get(),
					now.plus(rule.after()), now);
		}
	}

	/**
	 * Cancels every delivery not yet sent for the incident (acknowledgement stops
	 * paging).
	 */
	public void cancelPending(long incidentNumber) {
		List<String> keys = this.deliveries.lockPending(incidentNumber);
		this.deliveries.cancel(keys);
		for (String key : keys) {
			try {
				this.timers.cancel(new TaskInstance<Void>(DeliveryTask.NAME, key));
			}
			catch (TaskInstanceException ex) {
				// Its timer is gone, firing or removed by the node that just ran it;
				// either way it finds the delivery cancelled.
			}
		}
	}

	/**
	 * Every message sent about any of {@code incidents} (each delivery to a contact
	 * method once), oldest first; queried in batches of {@value #BATCH} incidents.
	 */
	@Transactional(readOnly = true)
	public List<SentPage> sentPages(Collection<Long> incidents) {
		List<Long> numbers = List.copyOf(incidents);
		List<SentPage> pages = new ArrayList<>();
		for (int from = 0; from < numbers.size(); from += BATCH) {
			pages.addAll(this.deliveries.sent(numbers.subList(from, Math.min(numbers.size(), from + BATCH))));
		}
		pages.sort(Comparator.comparing(SentPage::sentAt));
		return pages;
	}

	/** Every delivery planned for the incident, in the order they were planned. */
	@Transactional(readOnly = true)
	public List<Delivery> deliveries(long incidentNumber) {
		return this.deliveries.ofIncident(incidentNumber)
			.stream()
			.map(row -> new Delivery(row.key(), row.incidentNumber(), row.user(), row.contactMethod(), row.channel(),
					Addresses.shown(row.channel(), row.address()), row.status(), row.attempts(), row.dueAt(),
					row.sentAt(), row.lastError(), row.createdAt()))
			.toList();
	}

	private void plan(Notification notification, String key, Method method, Instant due, Instant now) {
		Messages.Rendered message = this.messages.render(notification, method.type());
		boolean planned = this.deliveries.insertIfAbsent(new DeliveryStore.Row(key, notification.incidentNumber(),
				notification.user(), method.name(), method.type(), method.address(), message.subject(),
				message.payload(), due, 0, DeliveryStore.PENDING, null, null, now));
		if (planned) {
			this.timers.scheduleIfNotExists(new TaskInstance<Void>(DeliveryTask.NAME, key), due);
		}
	}

	private void check(Notification notification) {
		Validation validation = new Validation();
		if (validation.required("stepKey", notification.stepKey())) {
			validation.maxLength("stepKey", notification.stepKey(), MAX_STEP_KEY);
		}
		validation.required("service", notification.service());
		validation.required("title", notification.title());
		validation.required("status", notification.status());
		if (validation.required("urgency", notification.urgency())) {
			validation.oneOf("urgency", notification.urgency(), NotificationSettings.URGENCIES);
		}
		validation.name("user", notification.user());
		validation.throwIfInvalid();
	}

}
