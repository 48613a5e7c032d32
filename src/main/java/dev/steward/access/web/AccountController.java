package dev.steward.access.web;

import java.time.Instant;
import java.util.List;

import dev.steward.access.CreatedToken;
import dev.steward.access.Credentials;
import dev.steward.access.TokenInfo;
import dev.steward.access.Tokens;
import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.InvalidInput;
import dev.steward.common.Responses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of a user's credentials: password, API tokens and the administrator role. */
@RestController
@RequestMapping("/api/v1/users/{user}")
class AccountController {

	private final Tokens tokens;

	private final Credentials credentials;

	private final Directory directory;

	AccountController(Tokens tokens, Credentials credentials, Directory directory) {
		this.tokens = tokens;
		this.credentials = credentials;
		this.directory = directory;
	}

	@Allow(value = Rule.SELF, from = "user")
	@PostMapping("/tokens")
	ResponseEntity<CreatedToken> createToken(@PathVariable String user, @RequestBody TokenRequest request) {
		CreatedToken token = this.tokens.create(user, request.name(), request.scopes(), request.expiresAt());
		return Responses.created("/api/v1/users/" + user + "/tokens/" + token.id(), token);
	}

	@GetMapping("/tokens")
	Items<TokenInfo> listTokens(@PathVariable String user) {
		return new Items<>(this.tokens.of(user));
	}

	@Allow(value = Rule.SELF, from = "user")
	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revokeToken(@PathVariable String user, @PathVariable String id) {
		this.tokens.revoke(user, id);
		return ResponseEntity.noContent().build();
	}

	@Allow(value = Rule.SELF, from = "user")
	@PutMapping("/password")
	ResponseEntity<Void> setPassword(@PathVariable String user, @RequestBody PasswordRequest request) {
		this.credentials.setPassword(user, request.password());
		return ResponseEntity.noContent().build();
	}

	@Allow(Rule.ADMIN)
	@PutMapping("/admin")
	UserEntry setAdmin(@PathVariable String user, @RequestBody AdminRequest request) {
		if (request.admin() == null) {
			throw InvalidInput.field("admin", "is required");
		}
		return this.directory.setAdmin(user, request.admin());
	}

	/** Body of creating a token. */
	record TokenRequest(String name, List<String> scopes, Instant expiresAt) {
	}

	/** Body of setting a password; never logged or echoed. */
	record PasswordRequest(String password) {

		@Override
		public String toString() {
			return "PasswordRequest[password=***]";
		}

	}

	/** Body of granting or withdrawing the administrator role. */
	record AdminRequest(Boolean admin) {
	}

	/** A bounded list answered as {@code {"items": [...]}}. */
	record Items<T>(List<T> items) {
	}

}
