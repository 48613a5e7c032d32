package dev.steward.windows;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.steward.common.Keyed;
import dev.steward.windows.internal.WindowStore;
import dev.steward.windows.internal.WindowStore.Row;
import org.springframework.stereotype.Component;

/**
 * Every window, parsed and grouped by scope, held in memory for the gate. One primary-key
 * read of the windows' revision per question tells whether the copy is current, so a
 * window changed through any node applies on every node at once.
 */
@Component
class WindowIndex {

	private final WindowStore store;

	private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

	WindowIndex(WindowStore store) {
		this.store = store;
	}

	/** The windows of the given scopes that apply to {@code environment}. */
	List<DefinedWindow> applicable(List<WindowScope> scopes, String environment) {
		long revision = this.store.revision();
		Snapshot current = this.snapshot;
		if (current.revision() != revision) {
			current = new Snapshot(revision,
					this.store.all()
						.stream()
						.map(WindowIndex::define)
						.collect(Collectors.groupingBy(DefinedWindow::scope)));
			this.snapshot = current;
		}
		Map<WindowScope, List<DefinedWindow>> byScope = current.byScope();
		return scopes.stream()
			.flatMap(scope -> byScope.getOrDefault(scope, List.of()).stream())
			.filter(window -> window.appliesTo(environment))
			.toList();
	}

	static DefinedWindow define(Row row) {
		WindowTiming timing = row.schedule() != null ? new WindowTiming.Recurring(CronSchedule.parse(row.schedule()),
				ZoneId.of(row.timeZone()), Duration.parse(row.duration()))
				: new WindowTiming.Once(row.start(), row.end());
		return new DefinedWindow(row.name(), WindowScope.parse(row.scope()).orElseThrow(),
				Keyed.fromKey(WindowKind.class, row.kind()).orElseThrow(), new LinkedHashSet<>(row.environments()),
				timing, row.reason());
	}

	private record Snapshot(long revision, Map<WindowScope, List<DefinedWindow>> byScope) {

		Snapshot {
			byScope = new HashMap<>(byScope);
		}

	}

}
