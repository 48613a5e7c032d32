package dev.steward.apis.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.steward.apis.internal.SchemaShape.Bound;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The rules on schemas: what a server may no longer refuse in what clients send (requests
 * and parameters) and may no longer change in what clients receive (responses). Walks
 * nested properties, array items, map values and matching {@code oneOf}/{@code anyOf}
 * branches; a recursive schema is walked once per path.
 */
final class SchemaComparison {

	private final ContractModel base;

	private final ContractModel revision;

	private final ChangeLog log;

	private final Set<String> walking = new HashSet<>();

	SchemaComparison(ContractModel base, ContractModel revision, ChangeLog log) {
		this.base = base;
		this.revision = revision;
		this.log = log;
	}

	void compare(SchemaSite site, Schema<?> before, Schema<?> after) {
		walk(site, "", before, after);
	}

	private void walk(SchemaSite site, String pointer, Schema<?> before, Schema<?> after) {
		if (before == null || after == null) {
			return;
		}
		String beforeName = ContractModel.referencedName(before);
		String afterName = ContractModel.referencedName(after);
		String recursionKey = (beforeName != null || afterName != null) ? beforeName + "|" + afterName : null;
		if (recursionKey != null && !this.walking.add(recursionKey)) {
			return;
		}
		try {
			SchemaShape old = this.base.shape(before);
			SchemaShape now = this.revision.shape(after);
			if (!compareTypes(site, pointer, old, now)) {
				return;
			}
			compareEnums(site, pointer, old.enumValues(), now.enumValues());
			if (site.request()) {
				compareConstraints(site, pointer, old, now);
			}
			compareProperties(site, pointer, old, now);
			walk(site, pointer + "[]", old.items(), now.items());
			walk(site, pointer + "{}", old.additionalProperties(), now.additionalProperties());
			compareBranches(site, pointer, old.oneOf(), now.oneOf());
			compareBranches(site, pointer, old.anyOf(), now.anyOf());
		}
		finally {
			if (recursionKey != null) {
				this.walking.remove(recursionKey);
			}
		}
	}

	/**
	 * Reports a type change; false when the types are incompatible and walking deeper
	 * would only add noise.
	 */
	private boolean compareTypes(SchemaSite site, String pointer, SchemaShape old, SchemaShape now) {
		if (old.types().isEmpty() || now.types().isEmpty() || old.types().equals(now.types())) {
			return true;
		}
		String message = site.what(pointer) + " changed type from " + old.types() + " to " + now.types();
		if (site.request()) {
			if (!covers(now.types(), old.types())) {
				this.log.breaking(site.parameter() ? "parameter-type-changed" : "request-property-type-changed",
						site.path(pointer), message);
				return false;
			}
			this.log.compatible("request-type-widened", site.path(pointer), message);
			return true;
		}
		if (!covers(old.types(), now.types())) {
			this.log.breaking("response-property-type-changed", site.path(pointer), message);
			return false;
		}
		this.log.compatible("response-type-narrowed", site.path(pointer), message);
		return true;
	}

	/** Whether every value of the narrower types is a value of the wider ones. */
	private static boolean covers(Set<String> wider, Set<String> narrower) {
		for (String type : narrower) {
			if (!wider.contains(type) && !("integer".equals(type) && wider.contains("number"))) {
				return false;
			}
		}
		return true;
	}

	private void compareEnums(SchemaSite site, String pointer, Set<String> old, Set<String> now) {
		if (Objects.equals(old, now)) {
			return;
		}
		String path = site.path(pointer);
		String what = site.what(pointer);
		Set<String> added = difference(now, old);
		Set<String> removed = difference(old, now);
		boolean widened = old != null && (now == null || !added.isEmpty());
		boolean narrowed = now != null && (old == null || !removed.isEmpty());
		if (site.request()) {
			if (narrowed) {
				this.log.breaking("request-enum-narrowed", path, what
						+ ((old == null) ? " now only accepts " + now : " no longer accepts " + removed) + " (enum)");
			}
			if (widened) {
				this.log.compatible("request-enum-widened", path,
						what + ((now == null) ? " is no longer restricted to " + old : " now also accepts " + added));
			}
			return;
		}
		if (widened) {
			this.log.breaking("response-enum-widened", path, what
					+ ((now == null) ? " is no longer restricted to " + old : " may now also be " + added) + " (enum)");
		}
		if (narrowed) {
			this.log.compatible("response-enum-narrowed", path,
					what + ((old == null) ? " is now restricted to " + now : " is no longer " + removed));
		}
	}

	private static Set<String> difference(Set<String> values, Set<String> minus) {
		Set<String> result = new LinkedHashSet<>((values != null) ? values : Set.of());
		if (minus != null) {
			result.removeAll(minus);
		}
		return result;
	}

	private void compareConstraints(SchemaSite site, String pointer, SchemaShape old, SchemaShape now) {
		compareLimit(site, pointer, "minimum", old.minimum(), now.minimum(), false, "request-range-narrowed");
		compareLimit(site, pointer, "maximum", old.maximum(), now.maximum(), true, "request-range-narrowed");
		compareLimit(site, pointer, "minLength", old.minLength(), now.minLength(), false, "request-min-length-raised");
		compareLimit(site, pointer, "maxLength", old.maxLength(), now.maxLength(), true, "request-max-length-reduced");
		compareLimit(site, pointer, "minItems", old.minItems(), now.minItems(), false, "request-min-items-raised");
		compareLimit(site, pointer, "maxItems", old.maxItems(), now.maxItems(), true, "request-max-items-reduced");
		String path = site.path(pointer);
		if (now.pattern() != null && !now.pattern().equals(old.pattern())) {
			this.log.breaking("request-pattern-added", path, site.what(pointer) + " must now match the pattern '"
					+ now.pattern() + "'" + ((old.pattern() != null) ? " instead of '" + old.pattern() + "'" : ""));
		}
		else if (now.pattern() == null && old.pattern() != null) {
			this.log.compatible("request-constraint-relaxed", path,
					site.what(pointer) + " no longer has to match the pattern '" + old.pattern() + "'");
		}
	}

	/**
	 * Compares a lower ({@code upper == false}) or upper limit: a limit added or moved
	 * inwards refuses values that were accepted.
	 */
	private void compareLimit(SchemaSite site, String pointer, String keyword, Bound old, Bound now, boolean upper,
			String breakingType) {
		if (Objects.equals(old, now)) {
			return;
		}
		String message = site.what(pointer) + ((now == null) ? " no longer has a " + keyword + " (was " + old + ")"
				: " now has " + keyword + " " + now + ((old != null) ? " instead of " + old : " (had none)"));
		boolean tightened = now != null
				&& (old == null || (upper ? now.tighterUpperThan(old) : now.tighterLowerThan(old)));
		if (tightened) {
			this.log.breaking(breakingType, site.path(pointer), message);
		}
		else {
			this.log.compatible("request-constraint-relaxed", site.path(pointer), message);
		}
	}

	private void compareProperties(SchemaSite site, String pointer, SchemaShape old, SchemaShape now) {
		Set<String> names = new LinkedHashSet<>(old.properties().keySet());
		names.addAll(now.properties().keySet());
		names.addAll(old.required());
		names.addAll(now.required());
		for (String name : names) {
			String child = pointer.isEmpty() ? name : pointer + "." + name;
			Schema<?> before = old.properties().get(name);
			Schema<?> after = now.properties().get(name);
			boolean wasPresent = visible(site, this.base, before);
			boolean isPresent = visible(site, this.revision, after);
			boolean wasRequired = old.required().contains(name) && (before == null || wasPresent);
			boolean isRequired = now.required().contains(name) && (after == null || isPresent);
			if (site.request()) {
				compareRequestProperty(site, child, wasPresent, isPresent, wasRequired, isRequired);
			}
			else {
				compareResponseProperty(site, child, wasPresent, isPresent, wasRequired, isRequired);
			}
			if (wasPresent && isPresent) {
				walk(site, child, before, after);
			}
		}
	}

	/**
	 * Whether a property travels in the site's direction (read-only ones are not sent,
	 * write-only ones not received).
	 */
	private static boolean visible(SchemaSite site, ContractModel model, Schema<?> property) {
		if (property == null) {
			return false;
		}
		SchemaShape shape = model.shape(property);
		return site.request() ? !shape.readOnly() : !shape.writeOnly();
	}

	private void compareRequestProperty(SchemaSite site, String child, boolean wasPresent, boolean isPresent,
			boolean wasRequired, boolean isRequired) {
		String path = site.path(child);
		String what = site.what(child);
		if (isRequired && !wasRequired) {
			this.log.breaking("required-request-property-added", path,
					what + (wasPresent ? " is now required" : " was added as a required property"));
		}
		else if (isPresent && !wasPresent) {
			this.log.compatible("request-property-added", path, what + " was added as an optional property");
		}
		if (wasPresent && !isPresent) {
			this.log.compatible("request-property-removed", path, what + " was removed");
		}
		else if (wasRequired && !isRequired) {
			this.log.compatible("request-property-made-optional", path, what + " is now optional");
		}
	}

	private void compareResponseProperty(SchemaSite site, String child, boolean wasPresent, boolean isPresent,
			boolean wasRequired, boolean isRequired) {
		String path = site.path(child);
		String what = site.what(child);
		if (wasPresent && !isPresent) {
			this.log.breaking("response-property-removed", path, what + " was removed");
		}
		else if (wasRequired && !isRequired) {
			this.log.breaking("response-property-made-optional", path, what + " is no longer always present");
		}
		if (isPresent && !wasPresent) {
			this.log.compatible("response-property-added", path, what + " was added");
		}
		else if (isRequired && !wasRequired) {
			this.log.compatible("response-property-made-required", path, what + " is now always present");
		}
	}

	/**
	 * Walks the {@code oneOf}/{@code anyOf} branches that correspond: those naming the
	 * same component schema, or all of them by position when neither side uses
	 * references.
	 */
	private void compareBranches(SchemaSite site, String pointer, List<Schema> old, List<Schema> now) {
		if (old == null || now == null) {
			return;
		}
		boolean byPosition = old.size() == now.size() && old.stream().allMatch((branch) -> branch.get$ref() == null)
				&& now.stream().allMatch((branch) -> branch.get$ref() == null);
		for (int index = 0; index < old.size(); index++) {
			Schema<?> before = old.get(index);
			String name = ContractModel.referencedName(before);
			for (int other = 0; other < now.size(); other++) {
				Schema<?> after = now.get(other);
				boolean corresponds = byPosition ? index == other
						: name != null && name.equals(ContractModel.referencedName(after));
				if (corresponds) {
					walk(site, pointer, before, after);
				}
			}
		}
	}

}
