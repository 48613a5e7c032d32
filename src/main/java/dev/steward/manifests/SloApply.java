package dev.steward.manifests;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.steward.access.ChangePermissions;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Allow.Rule;
import dev.steward.common.InvalidInput;
import dev.steward.common.Validation;
import dev.steward.manifests.PlanItem.Action;
import dev.steward.slas.SloEntry;
import dev.steward.slas.SloRequest;
import dev.steward.slas.Slos;
import org.springframework.stereotype.Component;

/**
 * The SLO part of an apply: {@code SLO} documents, named {@code <service>/<slo>} because
 * an SLO's name is unique only within its service, and pruning the SLOs no document
 * declares. Both sides are compared as stored (durations such as {@code P30D} as
 * {@code PT720H}), so that applying an export changes nothing. As on the SLO endpoints,
 * members of the owning team, or of the team the {@code slas} aspect is delegated to, may
 * change them.
 */
@Component
class SloApply {

	static final String SLO = "SLO";

	private final Slos slos;

	private final ServiceCatalog services;

	private final ResourceChanges resources;

	private final ChangePermissions permissions;

	SloApply(Slos slos, ServiceCatalog services, ResourceChanges resources, ChangePermissions permissions) {
		this.slos = slos;
		this.services = services;
		this.resources = resources;
		this.permissions = permissions;
	}

	/** Checks that an SLO document's name is {@code <service>/<slo>}, two slugs. */
	static void validateName(Validation validation, String field, String name) {
		if (validation.required(field, name)
				&& (name.indexOf('/') < 0 || !Validation.isName(service(name)) || !Validation.isName(slo(name)))) {
			validation.error(field, "must be <service>/<slo>, two lower-case slugs, such as checkout/availability");
		}
	}

	/**
	 * Compares the SLO as it would be stored but sends it as declared, so that a refusal
	 * names the field where the document has it.
	 */
	PlanItem applySlo(Manifest document, int index) {
		String service = service(document.name());
		String name = slo(document.name());
		if (!this.services.exists(service)) {
			throw InvalidInput.field("documents[" + index + "].metadata.name",
					"names service '" + service + "', which does not exist and no document declares");
		}
		SloRequest spec = this.resources.spec(document, index, SloRequest.class);
		SloRequest declared = new SloRequest(name, spec.title(), spec.indicator(), spec.objective(), spec.window(),
				spec.latencyThreshold(), spec.description(), spec.prometheus());
		return this.resources.upsert(document,
				() -> this.slos.findSlo(service, name).map(SloRequest::from).map(SloApply::normalized).orElse(null),
				normalized(declared), action -> permit(service), request -> this.slos.create(service, declared),
				request -> this.slos.update(service, name, declared, null));
	}

	/**
	 * Deletes the SLOs no document declares, of every service; they go before the
	 * services.
	 */
	List<PlanItem> prune(Set<String> declared, List<String> services) {
		List<PlanItem> deletions = new ArrayList<>();
		for (String service : services) {
			for (SloEntry slo : this.slos.slos(service)) {
				String name = service + "/" + slo.name();
				if (!declared.contains(name)) {
					permit(service);
					this.slos.delete(service, slo.name(), null);
					deletions.add(new PlanItem(SLO, name, Action.DELETE, List.of()));
				}
			}
		}
		return deletions;
	}

	private void permit(String service) {
		this.permissions.require(Rule.TEAM_MEMBER, "service", service, "slas");
	}

	private static SloRequest normalized(SloRequest request) {
		return new SloRequest(request.name(), request.title(), request.indicator(), request.objective(),
				duration(request.window()), duration(request.latencyThreshold()), request.description(),
				request.prometheus());
	}

	/** A duration as stored ({@code P30D} as {@code PT720H}); text that is none as is. */
	private static String duration(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Duration.parse(text).toString();
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

	private static String service(String name) {
		return name.substring(0, Math.max(name.indexOf('/'), 0));
	}

	private static String slo(String name) {
		return name.substring(name.indexOf('/') + 1);
	}

}
