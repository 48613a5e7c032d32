package dev.steward;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric names of PromQL expressions, without functions, labels, keywords or numbers.
 */
class PromQlTests {

	@Test
	void findsTheMetricsBehindFunctionsGroupingsAndMatchers() {
		assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (door, le) (rate(steward_events_ingest_seconds_"
				+ "bucket{instance=~\"$instance\", door!=\"x{y}\"}[$__rate_interval]))) > 0.25"))
			.containsExactly("steward_events_ingest_seconds_bucket");
		assertThat(PromQl.metricNames("sum by (channel) (rate(a_total{outcome=~\"retry|failed\"}[15m])) / "
				+ "sum without (kind) (rate(b_total[15m] offset 5m)) > 1e3 and on (channel) c > bool +Inf"))
			.containsExactly("a_total", "b_total", "c");
	}

	@Test
	void keepsRecordingRulesAndPlainSelectors() {
		assertThat(PromQl.metricNames("(count(up{job=\"steward\"} == 1) or vector(0)) < steward:nodes:expected"))
			.containsExactly("steward:nodes:expected", "up");
	}

	@Test
	void readsTheMetricOfALabelValuesQuery() {
		assertThat(PromQl.metricNames("label_values(steward_events_received_total, instance)"))
			.containsExactly("steward_events_received_total");
	}

}
