package dev.steward.windows.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Page;
import dev.steward.common.ReaderTimes;
import dev.steward.common.ServicePagePart;
import dev.steward.environments.EnvironmentEntry;
import dev.steward.environments.Environments;
import dev.steward.windows.Gate;
import dev.steward.windows.GateDecision;
import dev.steward.windows.GateReason;
import dev.steward.windows.WindowEntry;
import dev.steward.windows.Windows;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The banner at the top of a service's page: whether the gate lets the service deploy now
 * to each production environment and to each environment that a window applying to it
 * names, why, and when that changes.
 */
@Component
@Order(100)
class GateBanner implements ServicePagePart {

	private final Gate gate;

	private final Windows windows;

	private final Environments environments;

	private final Directory directory;

	private final Clock clock;

	GateBanner(Gate gate, Windows windows, Environments environments, Directory directory, Clock clock) {
		this.gate = gate;
		this.windows = windows;
		this.environments = environments;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public Place place() {
		return Place.BANNER;
	}

	@Override
	public Optional<View> view(String service) {
		Set<String> named = namedByWindows(service);
		ReaderTimes times = ReaderTimes.of(
				this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				this.clock.instant());
		List<EnvironmentGate> gates = this.environments.all()
			.stream()
			.filter(environment -> environment.production() || named.contains(environment.name()))
			.map(environment -> EnvironmentGate.of(environment,
					this.gate.decide(service, environment.name(), times.now()), times))
			.toList();
		if (gates.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new View("gate", new Banner(service, gates, times)));
	}

	/** The environments named by the windows that apply to the service. */
	private Set<String> namedByWindows(String service) {
		Set<String> named = new TreeSet<>();
		String cursor = null;
		do {
			Page<WindowEntry> page = this.windows.windows(service, null, null, Cursor.MAX_LIMIT, cursor);
			page.items().forEach(window -> named.addAll(window.environments()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return named;
	}

	/** The banner: the gate of each environment shown, in promotion order. */
	record Banner(String service, List<EnvironmentGate> gates, ReaderTimes times) {

		public boolean anyClosed() {
			return this.gates.stream().anyMatch(gate -> !gate.decision().open());
		}

	}

	/**
	 * The gate of one environment: the decision, what it means in words and when it
	 * changes, told in the reader's zone.
	 */
	record EnvironmentGate(EnvironmentEntry environment, GateDecision decision, String meaning, String change) {

		static EnvironmentGate of(EnvironmentEntry environment, GateDecision decision, ReaderTimes times) {
			return new EnvironmentGate(environment, decision, meaning(decision), change(decision, times));
		}

		private static String meaning(GateDecision decision) {
			List<GateReason> reasons = decision.reasons();
			if (reasons.isEmpty()) {
				return "No deployment window applies now";
			}
			String names = reasons.stream()
				.map(reason -> "'" + reason.window() + "' (" + reason.scope() + ")"
						+ (reason.reason() == null ? "" : ": " + reason.reason()))
				.collect(Collectors.joining("; "));
			return switch (reasons.get(0).effect()) {
				case GateReason.CLOSES -> "Closed by blackout " + names;
				case GateReason.OPENS -> "Open in allow window " + names;
				default -> "Deploys only in allow windows, none active now: " + names;
			};
		}

		private static String change(GateDecision decision, ReaderTimes times) {
			if (decision.nextChange() == null) {
				return "Does not change within a year";
			}
			List<String> parts = new ArrayList<>();
			parts.add(decision.open() ? "Closes" : "Opens");
			parts.add(times.day(decision.nextChange()));
			parts.add("(" + times.relative(decision.nextChange()) + ")");
			return String.join(" ", parts);
		}

	}

}
