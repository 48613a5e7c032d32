package dev.steward.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Records the {@link NotificationSent} and {@link NotificationFailed} events of one
 * incident while it is attached to a running application.
 */
final class NotificationEvents implements ApplicationListener<ApplicationEvent>, AutoCloseable {

	private final long incidentNumber;

	private final ConfigurableApplicationContext context;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	NotificationEvents(ConfigurableApplicationContext context, long incidentNumber) {
		this.context = context;
		this.incidentNumber = incidentNumber;
		context.addApplicationListener(this);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof PayloadApplicationEvent<?> published
				&& ((published.getPayload() instanceof NotificationSent sent
						&& sent.incidentNumber() == this.incidentNumber)
						|| (published.getPayload() instanceof NotificationFailed failed
								&& failed.incidentNumber() == this.incidentNumber))) {
			this.events.add(published.getPayload());
		}
	}

	List<Object> all() {
		return List.copyOf(this.events);
	}

	@Override
	public void close() {
		this.context.removeApplicationListener(this);
	}

}
