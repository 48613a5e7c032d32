package dev.steward.apis.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.steward.apis.ContractChange;

/**
 * The changes found while comparing two contracts, listed breaking first, then by path,
 * type and message, without duplicates.
 */
final class ChangeLog {

	private static final Comparator<ContractChange> ORDER = Comparator
		.comparing((ContractChange change) -> !change.breaking())
		.thenComparing(ContractChange::path)
		.thenComparing(ContractChange::type)
		.thenComparing(ContractChange::message);

	private final List<ContractChange> changes = new ArrayList<>();

	void breaking(String type, String path, String message) {
		this.changes.add(new ContractChange(type, path, message, true));
	}

	void compatible(String type, String path, String message) {
		this.changes.add(new ContractChange(type, path, message, false));
	}

	List<ContractChange> sorted() {
		return this.changes.stream().distinct().sorted(ORDER).toList();
	}

}
