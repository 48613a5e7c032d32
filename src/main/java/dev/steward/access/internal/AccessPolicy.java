package dev.steward.access.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.steward.access.StewardPrincipal;
import dev.steward.catalog.Aspect;
import dev.steward.catalog.DelegationStatus;
import dev.steward.catalog.Directory;
import dev.steward.catalog.Membership;
import dev.steward.catalog.Responsibility;
import dev.steward.catalog.Role;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.Transfer;
import dev.steward.common.Allow;
import dev.steward.common.Forbidden;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.OwnedResources;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may change what: admins may do anything their token's
 * scopes allow; everyone else what the endpoint's {@link Allow} rule grants them by
 * ownership of the resource.
 */
@Component
public class AccessPolicy {

	private final Directory directory;

	private final ServiceCatalog services;

	private final Map<String, OwnedResources> owners;

	AccessPolicy(Directory directory, ServiceCatalog services, List<OwnedResources> owners) {
		this.directory = directory;
		this.services = services;
		this.owners = owners.stream().collect(Collectors.toMap(OwnedResources::kind, Function.identity()));
	}

	/** Throws {@link Forbidden} unless the principal may read. */
	void checkRead(StewardPrincipal principal) {
		if (!principal.mayRead()) {
			throw Forbidden.because("This token's scopes do not allow reading");
		}
	}

	/**
	 * Throws {@link Forbidden} unless the rule lets the principal make this change;
	 * {@code values} resolves the names the rule refers to (path variables, body fields).
	 * A resource that does not exist is left to the handler to refuse, also for a token
	 * whose narrow scope (such as {@code deploy:<service>}) could have named it.
	 */
	public void checkChange(StewardPrincipal principal, Allow rule, Function<String, String> values) {
		String resource = rule.from().isEmpty() ? null : values.apply(rule.from());
		boolean narrowScope = !rule.scope().isEmpty() && resource != null
				&& scopeSubject(rule.resource(), resource).map(subject -> principal.hasScopeFor(rule.scope(), subject))
					.orElseGet(
							() -> principal.scopes().stream().anyMatch(scope -> scope.startsWith(rule.scope() + ":")));
		if (!principal.mayWrite() && !narrowScope) {
			throw Forbidden.because("This token's scopes do not allow changes");
		}
		if (principal.admin()) {
			return;
		}
		boolean allowed = switch (rule.value()) {
			case SIGNED_IN, INTEGRATION_KEY -> true;
			case ADMIN -> false;
			case SELF -> principal.name().equals(resource);
			case TEAM_MEMBER -> owningTeam(rule.resource(), resource)
				.map(team -> isMember(principal, team, false) || handlesAspect(principal, rule, resource))
				.orElse(true);
			case TEAM_LEAD ->
				owningTeam(rule.resource(), resource).map(team -> isMember(principal, team, true)).orElse(true);
			case DELEGATED_TEAM -> delegatedTeam(values.apply("service"), values.apply("aspect"))
				.map(team -> isMember(principal, team, false))
				.orElse(true);
			case RECEIVING_TEAM ->
				receivingTeam(values.apply("service"), values.apply("id")).map(team -> isMember(principal, team, false))
					.orElse(true);
		};
		if (!allowed) {
			throw Forbidden.because(explain(rule, resource));
		}
	}

	private Optional<String> scopeSubject(String kind, String name) {
		OwnedResources owned = this.owners.get(kind);
		return owned == null ? Optional.of(name) : owned.scopeSubject(name);
	}

	private Optional<String> owningTeam(String kind, String name) {
		OwnedResources owned = this.owners.get(kind);
		if (owned == null) {
			throw new IllegalStateException("No module tells who owns resources of kind '" + kind + "'");
		}
		return name == null ? Optional.empty() : owned.owningTeam(name);
	}

	private boolean isMember(StewardPrincipal principal, String team, boolean lead) {
		for (Membership membership : this.directory.memberships(principal.name())) {
			if (membership.team().equals(team) && (!lead || membership.role() == Role.LEAD)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the principal belongs to the team that accepted the rule's aspect of the
	 * service the resource is, or belongs to.
	 */
	private boolean handlesAspect(StewardPrincipal principal, Allow rule, String resource) {
		if (rule.aspect().isEmpty()) {
			return false;
		}
		String service = "service".equals(rule.resource()) ? resource
				: this.owners.get(rule.resource()).scopeSubject(resource).orElse(null);
		return responsibility(service, rule.aspect()).filter(row -> row.status() == DelegationStatus.ACCEPTED)
			.map(row -> isMember(principal, row.handledBy(), false))
			.orElse(false);
	}

	private Optional<String> delegatedTeam(String service, String aspect) {
		return responsibility(service, aspect).filter(row -> row.status() != DelegationStatus.OWNER)
			.map(Responsibility::handledBy);
	}

	private Optional<Responsibility> responsibility(String service, String aspectKey) {
		Optional<Aspect> aspect = Keyed.fromKey(Aspect.class, aspectKey);
		if (service == null || aspect.isEmpty() || !this.services.exists(service)) {
			return Optional.empty();
		}
		return Optional.of(this.services.responsibilities(service).get(aspect.get().ordinal()));
	}

	private Optional<String> receivingTeam(String service, String id) {
		try {
			return Optional.of(this.services.transfer(service, id)).map(Transfer::toTeam);
		}
		catch (NotFound ex) {
			return Optional.empty();
		}
	}

	private static String explain(Allow rule, String resource) {
		String subject = resource == null ? "this resource" : "'" + resource + "'";
		return switch (rule.value()) {
			case ADMIN -> "Only an organization administrator may do this";
			case SELF -> "Only " + subject + " themself or an administrator may do this";
			case TEAM_MEMBER -> "Only members of the team that owns " + subject
					+ (rule.aspect().isEmpty() ? "" : " (or of the team that accepted its " + rule.aspect() + ")")
					+ " may do this";
			case TEAM_LEAD -> "Only a lead of the team that owns " + subject + " may do this";
			case DELEGATED_TEAM -> "Only the team this aspect is delegated to may accept or decline it";
			case RECEIVING_TEAM -> "Only the receiving team may accept or decline this transfer";
			case SIGNED_IN, INTEGRATION_KEY -> "Signing in is required";
		};
	}

}
