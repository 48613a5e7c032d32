package dev.steward.manifests;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.steward.access.ChangePermissions;
import dev.steward.common.Allow.Rule;
import dev.steward.common.InvalidInput;
import dev.steward.notifications.ContactMethod;
import dev.steward.notifications.ContactMethodRequest;
import dev.steward.notifications.NotificationRule;
import dev.steward.notifications.NotificationRules;
import dev.steward.notifications.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * A user's {@code contactMethods} and {@code notificationRules} in a {@code User}
 * document. Either field, when present, is converged: declared contact methods are set,
 * undeclared ones removed (the implicit {@code default} stays), the rules replaced. A
 * webhook address written as it is shown (without its secret path, as an export writes
 * it) matches the stored one. Absent fields leave the user's settings alone.
 */
@Component
class NotificationApply {

	private final NotificationSettings settings;

	private final ChangePermissions permissions;

	NotificationApply(NotificationSettings settings, ChangePermissions permissions) {
		this.settings = settings;
		this.permissions = permissions;
	}

	/** Applies a user document's notification settings; answers which of them changed. */
	List<String> apply(Manifest document, int index) {
		JsonNode spec = document.spec();
		String user = document.name();
		List<String> changes = new ArrayList<>();
		if (spec == null) {
			return changes;
		}
		List<String> undeclared = List.of();
		if (spec.has("contactMethods")) {
			Set<String> declared = new LinkedHashSet<>();
			JsonNode methods = spec.path("contactMethods");
			for (int i = 0; i < methods.size(); i++) {
				JsonNode method = methods.get(i);
				String name = method.path("name").asString(null);
				if (name == null || !declared.add(name)) {
					throw InvalidInput.field("documents[" + index + "].spec.contactMethods[" + i + "].name",
							name == null ? "is required" : "declares '" + name + "' a second time");
				}
				ContactMethodRequest request = new ContactMethodRequest(method.path("type").asString(null),
						method.path("address").asString(null));
				if (!this.settings.isAsDeclared(user, name, request)) {
					permit(user);
					this.settings.setContactMethod(user, name, request);
					addOnce(changes, "contactMethods");
				}
			}
			undeclared = this.settings.contactMethods(user)
				.stream()
				.map(ContactMethod::name)
				.filter(name -> !declared.contains(name) && !name.equals(NotificationSettings.DEFAULT))
				.toList();
		}
		if (spec.has("notificationRules")) {
			List<NotificationRule> desired = new ArrayList<>();
			spec.path("notificationRules")
				.forEach(rule -> desired.add(new NotificationRule(normalized(rule.path("after").asString(null)),
						rule.path("contactMethod").asString(null), rule.path("urgency").asString(null))));
			List<NotificationRule> effective = desired.isEmpty() ? NotificationSettings.defaultRules().rules()
					: desired;
			if (!effective.equals(this.settings.rules(user).rules())) {
				permit(user);
				this.settings.replaceRules(user, new NotificationRules(desired));
				changes.add("notificationRules");
			}
		}
		for (String name : undeclared) {
			permit(user);
			this.settings.deleteContactMethod(user, name);
			addOnce(changes, "contactMethods");
		}
		return changes;
	}

	private void permit(String user) {
		this.permissions.require(Rule.SELF, "user", user);
	}

	/** An ISO-8601 duration as the settings store it ({@code PT0M} is {@code PT0S}). */
	private static String normalized(String after) {
		try {
			return after == null ? null : Duration.parse(after).toString();
		}
		catch (DateTimeParseException ex) {
			return after;
		}
	}

	private static void addOnce(List<String> changes, String change) {
		if (!changes.contains(change)) {
			changes.add(change);
		}
	}

}
