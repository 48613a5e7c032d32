package dev.steward.access.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.steward.access.Scopes;
import dev.steward.access.StewardPrincipal;
import dev.steward.access.TokenInfo;
import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import org.springframework.stereotype.Component;

/** Turns an authenticated token or user into the principal that the rules judge. */
@Component
class Principals {

	private final Directory directory;

	Principals(Directory directory) {
		this.directory = directory;
	}

	StewardPrincipal ofToken(TokenInfo token) {
		if (token.user() == null) {
			return new StewardPrincipal(StewardPrincipal.BOOTSTRAP_ADMIN, true, token.scopes(), token.id());
		}
		boolean admin = token.scopes().contains(Scopes.ADMIN) && this.directory.user(token.user()).admin();
		return new StewardPrincipal(token.user(), admin, token.scopes(), token.id());
	}

	StewardPrincipal ofUser(UserEntry user) {
		Set<String> scopes = new LinkedHashSet<>(Set.of(Scopes.READ, Scopes.WRITE));
		if (user.admin()) {
			scopes.add(Scopes.ADMIN);
		}
		return new StewardPrincipal(user.name(), user.admin(), scopes, null);
	}

}
