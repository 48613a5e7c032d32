package dev.steward.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import dev.steward.notifications.Notification;
import org.springframework.stereotype.Component;

/**
 * Renders a notification for a channel when it is planned: an email's subject and plain
 * text, a webhook's JSON document, or a Slack incoming-webhook message (whose buttons
 * only take absolute http and https links; Slack refuses a message with any other).
 */
@Component
public class Messages {

	private static final int SLACK_HEADER_MAX = 150;

	private static final int SLACK_TEXT_MAX = 3000;

	private final JsonMapper json;

	Messages(JsonMapper json) {
		this.json = json;
	}

	/** A rendered message; {@code subject} is for email only. */
	public record Rendered(String subject, String payload) {
	}

	public Rendered render(Notification notification, String channel) {
		return switch (channel) {
			case Addresses.EMAIL -> new Rendered(subject(notification), emailText(notification));
			case Addresses.WEBHOOK -> new Rendered(null, this.json.writeValueAsString(webhook(notification)));
			case Addresses.SLACK -> new Rendered(null, this.json.writeValueAsString(slack(notification)));
			default -> throw new IllegalArgumentException("Unknown channel " + channel);
		};
	}

	/** {@code [Steward] HIGH #42 payments-api: Checkout fails}, on one line. */
	private static String subject(Notification notification) {
		return oneLine("[Steward] " + headline(notification));
	}

	private static String headline(Notification notification) {
		return notification.urgency().toUpperCase(Locale.ROOT) + " #" + notification.incidentNumber() + " "
				+ notification.service() + ": " + notification.title();
	}

	private String emailText(Notification notification) {
		StringBuilder text = new StringBuilder();
		text.append(notification.title()).append("\n\n");
		if (notification.summary() != null && !notification.summary().isBlank()) {
			text.append(notification.summary()).append("\n\n");
		}
		text.append("Incident: #").append(notification.incidentNumber()).append('\n');
		text.append("Service:  ").append(notification.service()).append('\n');
		text.append("Urgency:  ").append(notification.urgency()).append('\n');
		text.append("Status:   ").append(notification.status()).append('\n');
		Map<String, String> details = details(notification);
		if (!details.isEmpty()) {
			text.append("\nDetails:\n");
			details.forEach((name, value) -> text.append("  ").append(name).append(": ").append(value).append('\n'));
		}
		Map<String, String> links = links(notification);
		if (!links.isEmpty()) {
			text.append('\n');
			links.forEach((name, url) -> text.append(label(name)).append(": ").append(url).append('\n'));
		}
		text.append("\n-- \nSent by Steward to ").append(notification.user()).append(".\n");
		return text.toString();
	}

	private static Map<String, Object> webhook(Notification notification) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", "incident.notification");
		body.put("number", notification.incidentNumber());
		body.put("title", notification.title());
		body.put("service", notification.service());
		body.put("urgency", notification.urgency());
		body.put("status", notification.status());
		body.put("summary", notification.summary());
		body.put("user", notification.user());
		body.put("links", links(notification));
		body.put("details", notification.details() == null ? Map.of() : notification.details());
		return body;
	}

	private Map<String, Object> slack(Notification notification) {
		List<Object> blocks = new ArrayList<>();
		blocks
			.add(Map.of("type", "header", "text", plain(truncate(oneLine(headline(notification)), SLACK_HEADER_MAX))));
		if (notification.summary() != null && !notification.summary().isBlank()) {
			blocks.add(Map.of("type", "section", "text", markdown(escape(notification.summary()))));
		}
		blocks.add(Map.of("type", "section", "fields",
				List.of(markdown("*Service*\n" + escape(notification.service())),
						markdown("*Urgency*\n" + escape(notification.urgency())),
						markdown("*Status*\n" + escape(notification.status())),
						markdown("*Incident*\n#" + notification.incidentNumber()))));
		Map<String, String> details = details(notification);
		if (!details.isEmpty()) {
			StringBuilder lines = new StringBuilder();
			details.forEach((name,
					value) -> lines.append('*').append(escape(name)).append("*: ").append(escape(value)).append('\n'));
			blocks.add(Map.of("type", "section", "text", markdown(lines.toString().strip())));
		}
		List<Object> buttons = new ArrayList<>();
		links(notification).forEach((name, url) -> {
			if (Addresses.isHttpUrl(url)) {
				buttons.add(Map.of("type", "button", "text", plain(label(name)), "url", url));
			}
		});
		if (!buttons.isEmpty()) {
			blocks.add(Map.of("type", "actions", "elements", buttons));
		}
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("text", subject(notification));
		message.put("blocks", blocks);
		return message;
	}

	/** The links in name order, {@code acknowledge} before {@code incident}. */
	private static Map<String, String> links(Notification notification) {
		return notification.links() == null ? Map.of() : new TreeMap<>(notification.links());
	}

	/** The details in name order, as text (structured values as JSON). */
	private Map<String, String> details(Notification notification) {
		Map<String, String> details = new TreeMap<>();
		if (notification.details() != null) {
			notification.details()
				.forEach((name, value) -> details.put(name,
						value instanceof String text ? text : this.json.writeValueAsString(value)));
		}
		return details;
	}

	private static Map<String, Object> plain(String text) {
		return Map.of("type", "plain_text", "text", text);
	}

	private static Map<String, Object> markdown(String text) {
		return Map.of("type", "mrkdwn", "text", truncate(text, SLACK_TEXT_MAX));
	}

	/** Slack's three control characters, as its message formatting requires. */
	private static String escape(String text) {
		return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * {@code acknowledge} as {@code Acknowledge}, {@code run-book} as {@code Run book}.
	 */
	private static String label(String name) {
		String words = name.replace('-', ' ').replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ");
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
