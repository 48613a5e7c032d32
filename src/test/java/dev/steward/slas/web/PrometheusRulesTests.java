package dev.steward.slas.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.Promtool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus rules export, checked by the real {@code promtool} where Debian's
 * {@code prometheus} package is installed.
 */
class PrometheusRulesTests extends ApiTest {

	private String service;

	private String slos;

	@BeforeEach
	void service() {
		this.service = service(team(), 2);
		this.slos = "/api/v1/services/" + this.service + "/slos";
		created(this.api.post(this.slos,
				slo("availability", 99.9, "P30D",
						"sum(increase(http_requests_total{job=\"api\",code!~\"5..\"}[$window]))",
						"sum(increase(http_requests_total{job=\"api\"}[$window]))")));
		created(this.api.post(this.slos,
				slo("checkout", 99.5, "P28D", "checkout_ok_total{job=\"api\"}", "checkout_total{job=\"api\"}")));
		created(this.api.post(this.slos, slo("pushed", 99.0, "P7D", null, null)));
	}

	@Test
	void rulesRecordErrorRatiosPerWindowAndAlertOnTheFourBurnRates() {
		Reply reply = ok(
				this.api.send("GET", this.slos + "/prometheus-rules", null, Map.of("Accept", "application/yaml")));
		assertThat(reply.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
		assertThat(reply.body()).contains("# SLO pushed skipped");
		List<Map<String, Object>> groups = groups(reply.body());
		assertThat(groups).extracting(group -> group.get("name"))
			.containsExactly("steward/" + this.service + "/availability", "steward/" + this.service + "/checkout");
		List<Map<String, Object>> rules = rules(groups.get(1));
		assertThat(rules).filteredOn(rule -> rule.containsKey("record"))
			.extracting(rule -> rule.get("record"))
			.containsExactly("steward_slo:error_ratio:5m", "steward_slo:error_ratio:30m", "steward_slo:error_ratio:1h",
					"steward_slo:error_ratio:2h", "steward_slo:error_ratio:6h", "steward_slo:error_ratio:1d",
					"steward_slo:error_ratio:3d", "steward_slo:error_ratio:28d",
					"steward_slo:error_budget_remaining:ratio");
		assertThat(rules.get(0).get("expr")).isEqualTo(
				"1 - (sum(increase(checkout_ok_total{job=\"api\"}[5m]))) / (sum(increase(checkout_total{job=\"api\"}[5m])))");
		assertThat(rules.get(0).get("labels")).isEqualTo(Map.of("service", this.service, "slo", "checkout"));
		List<Map<String, Object>> alerts = rules.stream().filter(rule -> rule.containsKey("alert")).toList();
		assertThat(alerts).hasSize(4);
		assertThat(alerts).extracting(alert -> (Object) ((Map<?, ?>) alert.get("labels")).get("severity"))
			.containsExactly("page", "page", "ticket", "ticket");
		// 28 days scale the thresholds of 30 days by 28/30: 14.4 becomes 13.44, 1 becomes
		// 0.9333…
		assertThat(alerts.get(0).get("expr")).isEqualTo("steward_slo:error_ratio:1h{service=\"" + this.service
				+ "\",slo=\"checkout\"} > (13.44 * 0.005) and steward_slo:error_ratio:5m{service=\"" + this.service
				+ "\",slo=\"checkout\"} > (13.44 * 0.005)");
		assertThat((String) alerts.get(3).get("expr")).contains("> (0.9333333333 * 0.005)");
		assertThat(((Map<?, ?>) alerts.get(0).get("annotations")).get("summary").toString()).contains("checkout",
				"13.44");
		assertThat(rules(groups.get(0)).get(0).get("expr")).isEqualTo(
				"1 - (sum(increase(http_requests_total{job=\"api\",code!~\"5..\"}[5m]))) / (sum(increase(http_requests_total{job=\"api\"}[5m])))");
		Reply text = ok(this.api.send("GET", this.slos + "/prometheus-rules", null, Map.of("Accept", "text/yaml")));
		assertThat(text.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/yaml"));
		assertThat(text.body()).isEqualTo(reply.body());
	}

	@Test
	void promtoolAcceptsTheRules(@TempDir Path directory) throws Exception {
		Reply reply = ok(
				this.api.send("GET", this.slos + "/prometheus-rules", null, Map.of("Accept", "application/yaml")));
		Files.writeString(directory.resolve("steward-rules.yaml"), reply.body());
		// two SLOs with PromQL, each 8 error ratios, the remaining budget and 4 alerts
		assertThat(Promtool.succeeds(directory, "check", "rules", "steward-rules.yaml"))
			.contains("SUCCESS: 26 rules found");
	}

	@Test
	void queriesMustTakeAWindow() {
		problem(this.api.post(this.slos, slo("rated", 99.9, "P30D", "sum(rate(ok_total[5m]))", "total")), 400,
				"prometheus.goodQuery");
		problem(this.api.post(this.slos, slo("rated", 99.9, "P30D", "ok_total", "sum(total)")), 400,
				"prometheus.totalQuery");
		Reply list = ok(this.api.get(this.slos));
		assertThat(list.json().path("items").size()).isEqualTo(3);
		assertThat(list.json().path("items").get(1).path("prometheus").path("totalQuery").asString())
			.isEqualTo("checkout_total{job=\"api\"}");
	}

	@Test
	void aServiceWithoutSlosHasNoGroups() {
		String other = service(team(), 3);
		Reply reply = ok(this.api.get("/api/v1/services/" + other + "/slos/prometheus-rules"));
		assertThat(groups(reply.body())).isEmpty();
		problem(this.api.get("/api/v1/services/no-such-service/slos/prometheus-rules"), 404, null);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> groups(String yaml) {
		return (List<Map<String, Object>>) new Yaml().<Map<String, Object>>load(yaml).get("groups");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules(Map<String, Object> group) {
		return (List<Map<String, Object>>) group.get("rules");
	}

	private static Map<String, Object> slo(String name, double objective, String window, String good, String total) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("indicator", "availability");
		body.put("objective", objective);
		body.put("window", window);
		if (good != null) {
			body.put("prometheus",
					Map.of("url", "http://prometheus.example:9090", "goodQuery", good, "totalQuery", total));
		}
		return body;
	}

}
