package dev.steward.slas.internal;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An evaluation pass is timed and counted, and both show on the Prometheus endpoint. */
class SloEvaluationMetricsTests extends ApiTest {

	@Autowired
	SloEvaluationTask.Pass pass;

	@Autowired
	MeterRegistry meters;

	@Test
	void aPassIsTimedAndCountsTheSlosItEvaluated() {
		String service = service(team(), 3);
		created(this.api.post("/api/v1/services/" + service + "/slos",
				Map.of("name", "availability", "indicator", "availability", "objective", 99, "window", "P7D")));
		long before = passes();
		this.pass.run();
		assertThat(passes()).as("passes timed").isGreaterThan(before);
		assertThat(this.meters.get("steward.slo.evaluated").gauge().value()).isGreaterThanOrEqualTo(1);
		String metrics = this.api.withToken(null).get("/actuator/prometheus").body();
		assertThat(metrics).contains("steward_slo_evaluation_seconds_count{result=\"success\"}")
			.contains("steward_slo_evaluation_seconds_sum{result=\"success\"}")
			.contains("steward_slo_evaluated ");
	}

	private long passes() {
		var timer = this.meters.find("steward.slo.evaluation").tag("result", "success").timer();
		return timer == null ? 0 : timer.count();
	}

}
