package dev.steward.manifests;

import java.util.List;

import dev.steward.common.Keyed;

/**
 * What applying does to one resource: create, update (naming the changed fields), leave
 * unchanged, or delete.
 */
public record PlanItem(String kind, String name, Action action, List<String> changes) {

	/** The kinds of planned change. */
	public enum Action implements Keyed {

		CREATE, UPDATE, UNCHANGED, DELETE

	}

}
