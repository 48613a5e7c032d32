package dev.steward.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code steward import openslo} on a reviewed fixture: the SLOs and the report of what
 * was not mapped match their golden files, and the SLOs pass {@code steward validate}
 * with a catalog that declares their service.
 */
class OpenSloImportTest {

	private static final String FIXTURE = "src/test/resources/openslo/shop.yaml";

	@TempDir
	Path directory;

	@Test
	void convertsRollingRatioObjectivesAndReportsTheRest() throws Exception {
		Path output = this.directory.resolve("slos");
		CommandOutput result = CommandOutput.run("import", "openslo", "-f", FIXTURE, "-o", output.toString());
		assertThat(result.exitCode()).as(result.err()).isZero();
		String wrote = "wrote 4 document(s) to " + output.resolve("slos.yaml") + "\n";
		assertThat(result.out()).contains(wrote);
		GoldenFileTests.assertGolden("openslo/slos.yaml", Files.readString(output.resolve("slos.yaml")));
		GoldenFileTests.assertGolden("openslo/report.txt",
				result.out().substring(result.out().indexOf(wrote) + wrote.length()));

		Path catalog = this.directory.resolve("catalog.yaml");
		Files.writeString(catalog, """
				apiVersion: steward.dev/v1
				kind: Team
				metadata:
				  name: shop
				spec:
				  title: Shop
				  kind: stream
				---
				apiVersion: steward.dev/v1
				kind: Service
				metadata:
				  name: checkout
				spec:
				  title: Checkout
				  owner: shop
				  tier: 2
				""");
		CommandOutput valid = CommandOutput.run("validate", "-f", catalog.toString(), output.toString());
		assertThat(valid.exitCode()).as(valid.err()).isZero();
		assertThat(valid.out()).contains("6 document(s) valid");
	}

	@Test
	void aPrometheusSourceWithoutUrlIsReportedAndLeftForValidateToCatch() throws Exception {
		Path input = Files.writeString(this.directory.resolve("api.yaml"), """
				apiVersion: openslo/v1
				kind: SLO
				metadata:
				  name: api-ok
				spec:
				  service: api
				  indicator:
				    metadata:
				      name: api-ratio
				    spec:
				      ratioMetric:
				        counter: false
				        good: {metricSource: {type: Prometheus, spec: {query: good}}}
				        total: {metricSource: {type: Prometheus, spec: {query: total}}}
				  timeWindow: [{duration: 30d, isRolling: true}]
				  budgetingMethod: Occurrences
				  objectives: [{target: 0.999}]
				""");
		Path output = this.directory.resolve("out");
		CommandOutput result = CommandOutput.run("import", "openslo", "-f", input.toString(), "-o", output.toString());
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains(input + ":13:16: unmapped: SLO api-ok/spec.indicator.spec.ratioMetric.good"
				+ ".metricSource: no Prometheus URL");
		assertThat(Files.readString(output.resolve("slos.yaml"))).contains("name: api/api-ok")
			.contains("objective: 99.9\n")
			.contains("window: P30D")
			.contains("goodQuery: good");
		CommandOutput checked = CommandOutput.run("validate", "-f", output.toString());
		assertThat(checked.err()).contains("spec.prometheus.url is required");
	}

}
