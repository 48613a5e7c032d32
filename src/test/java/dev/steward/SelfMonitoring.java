package dev.steward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steward's own alert rules and Grafana dashboard as shipped in {@code deploy/}, read for
 * the tests that check them.
 */
final class SelfMonitoring {

	static final Path PROMETHEUS = Path.of("deploy/prometheus");

	static final Path RULES = PROMETHEUS.resolve("steward-alerts.yml");

	static final Path RULE_TESTS = PROMETHEUS.resolve("steward-alerts.test.yml");

	static final Path DASHBOARD = Path.of("deploy/grafana/steward-dashboard.json");

	/** Series that Prometheus makes itself, not Steward. */
	private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

	private SelfMonitoring() {
	}

	/** Every rule of every group, alerts and recording rules alike. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> rules() {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) yaml(RULES).get("groups")) {
			rules.addAll((List<Map<String, Object>>) group.get("rules"));
		}
		return rules;
	}

	static List<Map<String, Object>> alerts() {
		return rules().stream().filter(rule -> rule.containsKey("alert")).toList();
	}

	static Map<String, Object> yaml(Path file) {
		return new Yaml().load(read(file));
	}

	static JsonNode dashboard() {
		return JsonMapper.builder().build().readTree(read(DASHBOARD));
	}

	/** The panels of the dashboard that show data (rows left out). */
	static List<JsonNode> panels() {
		return StreamSupport.stream(dashboard().path("panels").spliterator(), false)
			.filter(panel -> !"row".equals(panel.path("type").asString()))
			.toList();
	}

	/** Every query of the dashboard: its panels' and its template variables'. */
	static List<String> dashboardQueries() {
		List<String> queries = new ArrayList<>();
		panels().forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asString())));
		dashboard().path("templating").path("list").forEach(variable -> {
			if ("query".equals(variable.path("type").asString())) {
				queries.add(variable.path("query").path("query").asString());
			}
		});
		return queries;
	}

	/** The metrics Steward must export for the rules to work, recording rules aside. */
	static Set<String> readByRules() {
		Set<String> names = new TreeSet<>();
		rules().forEach(rule -> names.addAll(PromQl.metricNames((String) rule.get("expr"))));
		rules().stream().filter(rule -> rule.containsKey("record")).forEach(rule -> names.remove(rule.get("record")));
		names.removeAll(PROMETHEUS_SERIES);
		return names;
	}

	/** The metrics the dashboard reads. */
	static Set<String> readByDashboard() {
		Set<String> names = new TreeSet<>();
		dashboardQueries().forEach(query -> names.addAll(PromQl.metricNames(query)));
		return names;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
