package dev.steward.reporting.web;

import java.util.List;
import java.util.Map;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Responses;
import dev.steward.reporting.DigestSubscription;
import dev.steward.reporting.DigestSubscriptions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of weekly digest subscriptions: each user subscribes (and unsubscribes)
 * themself; administrators may do it for anyone.
 */
@RestController
class DigestSubscriptionController {

	private static final String SUBSCRIPTIONS = "/api/v1/users/{user}/digest-subscriptions";

	private final DigestSubscriptions subscriptions;

	DigestSubscriptionController(DigestSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping(SUBSCRIPTIONS)
	Map<String, List<DigestSubscription>> list(@PathVariable String user) {
		return Map.of("items", this.subscriptions.ofUser(user));
	}

	@Allow(value = Rule.SELF, from = "user")
	@PutMapping(SUBSCRIPTIONS + "/{scope}")
	ResponseEntity<DigestSubscription> subscribe(@PathVariable String user, @PathVariable String scope) {
		return Responses.upserted("/api/v1/users/" + user + "/digest-subscriptions/" + scope,
				this.subscriptions.subscribe(user, scope));
	}

	@Allow(value = Rule.SELF, from = "user")
	@DeleteMapping(SUBSCRIPTIONS + "/{scope}")
	ResponseEntity<Void> unsubscribe(@PathVariable String user, @PathVariable String scope) {
		this.subscriptions.unsubscribe(user, scope);
		return ResponseEntity.noContent().build();
	}

}
