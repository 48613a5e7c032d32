package dev.steward.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.steward.catalog.Aspect;
import dev.steward.common.Cursor;
import dev.steward.common.Keyed;
import dev.steward.common.Page;
import dev.steward.common.Validation;
import org.springframework.stereotype.Service;

/**
 * STOSA scorecards: for each service, checks grouped by the fourteen aspects with the
 * level they earn; rankings of services and teams by level; and the organization's
 * compliance per aspect. Scoring many services reads each kind of fact once for all of
 * them.
 */
@Service
public class Scorecards {

	/** Gold first, then by checks passed, then by name. */
	static final Comparator<ScorecardEntry> RANKING = Comparator
		.comparing(ScorecardEntry::level, Comparator.reverseOrder())
		.thenComparing(ScorecardEntry::passed, Comparator.reverseOrder())
		.thenComparing(ScorecardEntry::service);

	private final ScorecardSources sources;

	private final ScorecardRules rules;

	Scorecards(ScorecardSources sources, ScorecardRules rules) {
		this.sources = sources;
		this.rules = rules;
	}

	/** The scorecard of one service; an unknown service is not found. */
	public ScorecardEntry scorecard(String service) {
		ScorecardFacts facts = this.sources.of(service);
		return this.rules.score(facts.services().get(0), facts);
	}

	/** The scorecard of every service, best first. */
	public List<ScorecardEntry> ranking() {
		ScorecardFacts facts = this.sources.everyService();
		List<ScorecardEntry> entries = new ArrayList<>(facts.services().size());
		facts.services().forEach(service -> entries.add(this.rules.score(service, facts)));
		entries.sort(RANKING);
		return entries;
	}

	/**
	 * A page of the ranking, optionally of one owning team and one level; the cursor is
	 * the position in the ranking.
	 */
	public Page<ScorecardSummary> scorecards(String team, String level, Integer limit, String cursor) {
		Validation validation = new Validation();
		ScorecardLevel wanted = validation.keyed("level", level, ScorecardLevel.class, false);
		validation.throwIfInvalid();
		int size = Cursor.limit(limit);
		long from = cursor == null ? 0 : Cursor.decodeNumber(cursor);
		List<ScorecardSummary> rows = ranking().stream()
			.filter(entry -> team == null || team.equals(entry.team()))
			.filter(entry -> wanted == null || entry.level() == wanted)
			.skip(from)
			.limit(size + 1L)
			.map(ScorecardEntry::summary)
			.toList();
		if (rows.size() <= size) {
			return new Page<>(rows, null);
		}
		return new Page<>(rows.subList(0, size), Cursor.encode(Long.toString(from + size)));
	}

	/** Every team that owns services, with its services per level, best share first. */
	public List<ScorecardTeam> teams() {
		return teams(ranking());
	}

	/** The teams of {@code entries} with their services per level, best share first. */
	public static List<ScorecardTeam> teams(List<ScorecardEntry> entries) {
		Map<String, Map<ScorecardLevel, Integer>> byTeam = new TreeMap<>();
		for (ScorecardEntry entry : entries) {
			byTeam.computeIfAbsent(entry.team(), team -> new EnumMap<>(ScorecardLevel.class))
				.merge(entry.level(), 1, Integer::sum);
		}
		List<ScorecardTeam> teams = new ArrayList<>();
		byTeam.forEach((team, counts) -> {
			int services = counts.values().stream().mapToInt(Integer::intValue).sum();
			int silverOrAbove = counts.entrySet()
				.stream()
				.filter(count -> count.getKey().atLeast(ScorecardLevel.SILVER))
				.mapToInt(Map.Entry::getValue)
				.sum();
			Map<String, Integer> levels = new LinkedHashMap<>();
			for (ScorecardLevel level : ScorecardLevel.values()) {
				levels.put(level.key(), counts.getOrDefault(level, 0));
			}
			teams.add(new ScorecardTeam(team, services, levels, percent(silverOrAbove, services)));
		});
		teams.sort(Comparator.comparing(ScorecardTeam::silverOrAbovePercent, Comparator.reverseOrder())
			.thenComparing(team -> team.levels().get(ScorecardLevel.GOLD.key()), Comparator.reverseOrder())
			.thenComparing(ScorecardTeam::team));
		return teams;
	}

	/**
	 * For each of the fourteen aspects, in order, the share of services (in percent, one
	 * decimal) that pass every check of that aspect now.
	 */
	public List<AspectCompliance> compliance() {
		return complianceByAspect().entrySet()
			.stream()
			.map(entry -> new AspectCompliance(entry.getKey().key(), entry.getKey().label(), entry.getValue()))
			.toList();
	}

	/**
	 * Per aspect, the share (0–100) of services that pass every check of that aspect; 100
	 * for every aspect when there are no services.
	 */
	public Map<Aspect, Double> complianceByAspect() {
		return compliance(ranking());
	}

	static Map<Aspect, Double> compliance(List<ScorecardEntry> entries) {
		Map<Aspect, Integer> failing = new EnumMap<>(Aspect.class);
		for (ScorecardEntry entry : entries) {
			Set<Aspect> failed = EnumSet.noneOf(Aspect.class);
			entry.checks().stream().filter(check -> !check.passed()).forEach(check -> failed.add(check.aspect()));
			failed.forEach(aspect -> failing.merge(aspect, 1, Integer::sum));
		}
		Map<Aspect, Double> compliance = new EnumMap<>(Aspect.class);
		for (Aspect aspect : Aspect.values()) {
			compliance.put(aspect, entries.isEmpty() ? 100.0
					: percent(entries.size() - failing.getOrDefault(aspect, 0), entries.size()));
		}
		return compliance;
	}

	private static double percent(long part, long whole) {
		return Math.round(1000.0 * part / whole) / 10.0;
	}

	/** The keys of the levels, lowest first, for filters. */
	public static List<String> levels() {
		return Keyed.keys(ScorecardLevel.class);
	}

}
