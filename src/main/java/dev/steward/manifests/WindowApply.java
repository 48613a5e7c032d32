package dev.steward.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.steward.access.ChangePermissions;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Cursor;
import dev.steward.environments.EnvironmentEntry;
import dev.steward.environments.EnvironmentRequest;
import dev.steward.environments.Environments;
import dev.steward.manifests.PlanItem.Action;
import dev.steward.windows.WindowEntry;
import dev.steward.windows.WindowRequest;
import dev.steward.windows.WindowScope;
import dev.steward.windows.Windows;
import org.springframework.stereotype.Component;

/**
 * The deployment part of an apply: {@code Environment} and {@code Window} documents, and
 * pruning the windows and environments no document declares. Both sides of each
 * comparison are normalized as stored, so that applying an export changes nothing.
 * Environments are an administrator's; the windows module decides itself, by a window's
 * scope, who may change it.
 */
@Component
class WindowApply {

	static final String ENVIRONMENT = "Environment";

	static final String WINDOW = "Window";

	private final Environments environments;

	private final Windows windows;

	private final ResourceChanges resources;

	private final ChangePermissions permissions;

	WindowApply(Environments environments, Windows windows, ResourceChanges resources, ChangePermissions permissions) {
		this.environments = environments;
		this.windows = windows;
		this.resources = resources;
		this.permissions = permissions;
	}

	PlanItem applyEnvironment(Manifest document, int index) {
		String name = document.name();
		EnvironmentRequest desired = this.resources.spec(document, index, EnvironmentRequest.class).normalized();
		return this.resources.upsert(document,
				() -> this.environments.findEnvironment(name).map(EnvironmentRequest::from).orElse(null), desired,
				action -> permitEnvironment(name), this.environments::create,
				request -> this.environments.update(name, request, null));
	}

	/**
	 * Compares the window as it would be stored but sends it as declared, so that a
	 * refusal names the field, such as {@code environments[1]}, where the document has
	 * it. The windows module checks who may create or change it.
	 */
	PlanItem applyWindow(Manifest document, int index) {
		String name = document.name();
		WindowRequest declared = this.resources.spec(document, index, WindowRequest.class);
		return this.resources.upsert(document,
				() -> this.windows.findWindow(name)
					.map(WindowRequest::from)
					.map(WindowRequest::normalized)
					.orElse(null),
				declared.normalized(), action -> {
				}, request -> this.windows.create(declared), request -> this.windows.update(name, declared, null));
	}

	/**
	 * Deletes the windows no document declares; they go first, before the services,
	 * products and environments they name.
	 */
	List<PlanItem> pruneWindows(Set<String> declared) {
		List<PlanItem> deletions = new ArrayList<>();
		for (String window : windowNames(null)) {
			if (!declared.contains(window)) {
				this.windows.delete(window, null);
				deletions.add(new PlanItem(WINDOW, window, Action.DELETE, List.of()));
			}
		}
		return deletions;
	}

	/**
	 * Deletes the environments no document declares; windows are pruned before, and an
	 * environment a declared window (or anything else) still names is refused.
	 */
	List<PlanItem> pruneEnvironments(Set<String> declared) {
		List<PlanItem> deletions = new ArrayList<>();
		for (EnvironmentEntry environment : this.environments.all()) {
			if (!declared.contains(environment.name())) {
				permitEnvironment(environment.name());
				this.environments.delete(environment.name(), null);
				deletions.add(new PlanItem(ENVIRONMENT, environment.name(), Action.DELETE, List.of()));
			}
		}
		return deletions;
	}

	/**
	 * Refuses to prune a service or product ({@code kind} {@code Service} or
	 * {@code Product}) that a declared window still applies to, which would leave the
	 * window naming nothing.
	 */
	void requireNoWindowFor(String kind, String name) {
		WindowScope scope = kind.equals("Service") ? WindowScope.service(name) : WindowScope.product(name);
		List<String> remaining = windowNames(scope);
		if (!remaining.isEmpty()) {
			throw Conflict
				.because(kind + " '" + name + "' is not declared but the deployment windows " + remaining
						+ " still apply to it; declare the " + kind.toLowerCase(Locale.ROOT)
						+ " or give the windows another scope")
				.detail("windows", remaining);
		}
	}

	private List<String> windowNames(WindowScope scope) {
		return ResourceChanges.names(cursor -> this.windows.windows(null, scope == null ? null : scope.toString(), null,
				Cursor.MAX_LIMIT, cursor), WindowEntry::name);
	}

	/** As on the endpoints, only administrators create, change or delete environments. */
	private void permitEnvironment(String name) {
		this.permissions.require(Rule.ADMIN, "environment", name);
	}

}
