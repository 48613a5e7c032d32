package dev.steward;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules and the dashboard Steward ships for watching itself: promtool accepts
 * the rules and passes their unit tests, every alert is shown to fire and to stay quiet,
 * explains itself and points at its runbook, and the dashboard is templated by data
 * source and node and asks Prometheus only valid queries.
 */
class SelfMonitoringRulesTests {

	private static final Path METRICS_DOC = Path.of("docs/metrics.md");

	@Test
	void promtoolAcceptsTheRules() throws Exception {
		String output = Promtool.succeeds(SelfMonitoring.PROMETHEUS, "check", "rules",
				SelfMonitoring.RULES.getFileName().toString());
		assertThat(output).contains("SUCCESS: " + SelfMonitoring.rules().size() + " rules found");
	}

	@Test
	void promtoolPassesTheUnitTestsOfTheRules() throws Exception {
		String output = Promtool.succeeds(SelfMonitoring.PROMETHEUS, "test", "rules",
				SelfMonitoring.RULE_TESTS.getFileName().toString());
		assertThat(output).contains("SUCCESS");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertIsTestedFiringAndQuiet() {
		Set<String> firing = new HashSet<>();
		Set<String> quiet = new HashSet<>();
		for (Map<String, Object> test : (List<Map<String, Object>>) SelfMonitoring.yaml(SelfMonitoring.RULE_TESTS)
			.get("tests")) {
			for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
				List<?> expected = (List<?>) check.get("exp_alerts");
				(expected == null || expected.isEmpty() ? quiet : firing).add((String) check.get("alertname"));
			}
		}
		Set<String> alerts = SelfMonitoring.alerts()
			.stream()
			.map(alert -> (String) alert.get("alert"))
			.collect(Collectors.toSet());
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(10)
			.contains("StewardNodeDown", "StewardNodesMissing", "StewardNotificationBacklog",
					"StewardNotificationFailures", "StewardSchedulerLag", "StewardEventsRejectedSurge");
		assertThat(firing).as("alerts tested firing").containsExactlyInAnyOrderElementsOf(alerts);
		assertThat(quiet).as("alerts tested quiet").containsExactlyInAnyOrderElementsOf(alerts);
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertWaitsCarriesASeverityAndExplainsItselfWithARunbookSection() throws Exception {
		Set<String> sections = Files.readAllLines(METRICS_DOC)
			.stream()
			.filter(line -> line.startsWith("#"))
			.map(SelfMonitoringRulesTests::anchor)
			.collect(Collectors.toSet());
		for (Map<String, Object> alert : SelfMonitoring.alerts()) {
			String name = (String) alert.get("alert");
			assertThat((String) alert.get("for")).as(name + " for").matches("\\d+[smh]");
			assertThat(((Map<String, String>) alert.get("labels")).get("severity")).as(name + " severity")
				.isIn("page", "ticket");
			Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
			assertThat(annotations.get("summary")).as(name + " summary").isNotBlank();
			assertThat(annotations.get("description")).as(name + " description").isNotBlank();
			assertThat(annotations.get("runbook")).as(name + " runbook")
				.isEqualTo("docs/metrics.md#" + name.toLowerCase(Locale.ROOT));
			assertThat(sections).as("sections of " + METRICS_DOC).contains(name.toLowerCase(Locale.ROOT));
		}
	}

	@Test
	void theDashboardIsTemplatedByDataSourceAndNode() {
		JsonNode dashboard = SelfMonitoring.dashboard();
		assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
		Map<String, JsonNode> variables = new HashMap<>();
		dashboard.path("templating")
			.path("list")
			.forEach(variable -> variables.put(variable.path("name").asString(), variable));
		assertThat(variables.get("datasource").path("type").asString()).isEqualTo("datasource");
		assertThat(variables.get("datasource").path("query").asString()).isEqualTo("prometheus");
		assertThat(variables.get("instance").path("type").asString()).isEqualTo("query");
		assertThat(variables.get("instance").path("datasource").path("uid").asString()).isEqualTo("${datasource}");
		List<JsonNode> panels = SelfMonitoring.panels();
		assertThat(panels).hasSizeGreaterThanOrEqualTo(8);
		Set<Integer> ids = new HashSet<>();
		for (JsonNode panel : panels) {
			String title = panel.path("title").asString();
			assertThat(ids.add(panel.path("id").asInt())).as(title + " has an id of its own").isTrue();
			assertThat(panel.path("description").asString()).as(title).isNotBlank();
			assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo("${datasource}");
			assertThat(panel.path("targets").size()).as(title).isPositive();
			panel.path("targets").forEach(target -> {
				assertThat(target.path("datasource").path("uid").asString()).as(title).isEqualTo("${datasource}");
				assertThat(target.path("expr").asString()).as(title).contains("instance=~\"$instance\"");
			});
		}
	}

	@Test
	void theDashboardAsksOnlyQueriesPrometheusParses(@TempDir Path directory) throws Exception {
		List<Map<String, String>> rules = new ArrayList<>();
		for (String query : SelfMonitoring.dashboardQueries()) {
			if (!query.startsWith("label_values(")) {
				rules.add(Map.of("record", "steward:dashboard:query" + rules.size(), "expr",
						query.replace("$__rate_interval", "5m").replace("$instance", ".*")));
			}
		}
		Files.writeString(directory.resolve("dashboard.yml"),
				new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
		assertThat(Promtool.succeeds(directory, "check", "rules", "dashboard.yml"))
			.contains("SUCCESS: " + rules.size() + " rules found");
	}

	/** The anchor GitHub gives a Markdown heading. */
	private static String anchor(String heading) {
		return heading.replaceFirst("^#+\\s*", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9 _-]", "")
			.replace(' ', '-');
	}

}
