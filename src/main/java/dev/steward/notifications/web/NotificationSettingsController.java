package dev.steward.notifications.web;

import java.util.List;
import java.util.Map;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Responses;
import dev.steward.notifications.ContactMethod;
import dev.steward.notifications.ContactMethodRequest;
import dev.steward.notifications.NotificationRules;
import dev.steward.notifications.NotificationSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of a user's contact methods and notification rules. */
@RestController
@RequestMapping("/api/v1/users/{user}")
class NotificationSettingsController {

	private final NotificationSettings settings;

	NotificationSettingsController(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/contact-methods")
	Map<String, List<ContactMethod>> contactMethods(@PathVariable String user) {
		return Map.of("items", this.settings.contactMethods(user));
	}

	@Allow(value = Rule.SELF, from = "user")
	@PutMapping("/contact-methods/{name}")
	ResponseEntity<ContactMethod> putContactMethod(@PathVariable String user, @PathVariable String name,
			@RequestBody ContactMethodRequest request) {
		return Responses.upserted("/api/v1/users/" + user + "/contact-methods/" + name,
				this.settings.setContactMethod(user, name, request));
	}

	@Allow(value = Rule.SELF, from = "user")
	@DeleteMapping("/contact-methods/{name}")
	ResponseEntity<Void> deleteContactMethod(@PathVariable String user, @PathVariable String name) {
		this.settings.deleteContactMethod(user, name);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/notification-rules")
	NotificationRules rules(@PathVariable String user) {
		return this.settings.rules(user);
	}

	@Allow(value = Rule.SELF, from = "user")
	@PutMapping("/notification-rules")
	NotificationRules putRules(@PathVariable String user, @RequestBody NotificationRules request) {
		return this.settings.replaceRules(user, request);
	}

}
