package dev.steward.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.steward.common.InvalidInput;
import dev.steward.common.JsonPaths;
import dev.steward.common.Page;
import dev.steward.manifests.PlanItem.Action;
import org.springframework.stereotype.Component;

/**
 * What applying every kind shares: reading a document's spec as the kind's create
 * request, and creating or updating one resource only where it differs from what is
 * stored.
 */
@Component
class ResourceChanges {

	/**
	 * Spec fields of a service that are applied after every resource exists, so they are
	 * not part of its create request.
	 */
	static final List<String> RELATIONS = List.of("dependencies", "delegations", "escalationPolicy");

	private final JsonMapper json;

	ResourceChanges(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The document's spec as a request of {@code type}, named by {@code metadata.name}; a
	 * value of the wrong type is refused naming {@code documents[index].spec.<field>}.
	 */
	<R> R spec(Manifest document, int index, Class<R> type) {
		ObjectNode spec = document.spec() == null ? this.json.createObjectNode()
				: ((ObjectNode) document.spec()).deepCopy();
		spec.put("name", document.name());
		spec.remove(RELATIONS);
		try {
			return this.json.treeToValue(spec, type);
		}
		catch (JacksonException ex) {
			throw InvalidInput.field("documents[" + index + "].spec." + JsonPaths.of(ex), "has the wrong type");
		}
	}

	/**
	 * Creates the resource or updates it where it differs, each after {@code permit}
	 * allows that action; the plan names the fields that differ.
	 */
	<R> PlanItem upsert(Manifest document, Supplier<R> current, R desired, Consumer<Action> permit,
			Function<R, ?> create, Function<R, ?> update) {
		R existing = current.get();
		if (existing == null) {
			permit.accept(Action.CREATE);
			create.apply(desired);
			return new PlanItem(document.kind(), document.name(), Action.CREATE, List.of());
		}
		List<String> changes = differences(existing, desired);
		if (changes.isEmpty()) {
			return new PlanItem(document.kind(), document.name(), Action.UNCHANGED, List.of());
		}
		permit.accept(Action.UPDATE);
		update.apply(desired);
		return new PlanItem(document.kind(), document.name(), Action.UPDATE, changes);
	}

	/** The names of every item of a paged listing, page by page. */
	static <T> List<String> names(Function<String, Page<T>> pages, Function<T, String> name) {
		List<String> names = new ArrayList<>();
		String cursor = null;
		do {
			Page<T> page = pages.apply(cursor);
			page.items().forEach(item -> names.add(name.apply(item)));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return names;
	}

	/**
	 * Runs work on one entry of a spec's list, such as {@code versions[2]}, naming that
	 * entry in any field refusal.
	 */
	static <T> T within(String prefix, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (InvalidInput ex) {
			throw InvalidInput.of(ex.errors()
				.stream()
				.map(error -> new InvalidInput.FieldError(
						error.field().startsWith(prefix) ? error.field() : prefix + "." + error.field(),
						error.message()))
				.toList());
		}
	}

	/**
	 * Whether a stored document (a contract, a schema) is the declared one, line endings
	 * and surrounding blanks aside.
	 */
	static boolean sameDocument(String stored, String declared) {
		return stored.replace("\r\n", "\n").strip().equals(declared.replace("\r\n", "\n").strip());
	}

	private List<String> differences(Object current, Object desired) {
		JsonNode before = this.json.valueToTree(current);
		JsonNode after = this.json.valueToTree(desired);
		List<String> changed = new ArrayList<>();
		after.properties().forEach(field -> {
			if (!field.getValue().equals(before.path(field.getKey()))) {
				changed.add(field.getKey());
			}
		});
		return changed;
	}

}
