package dev.steward.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

	@TempDir
	Path directory;

	@Test
	void acceptsAConsistentSetOfFiles() {
		CatalogFiles.write(this.directory, "x", 2);
		CommandOutput result = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("4 document(s) valid");
	}

	@Test
	void reportsEveryProblemWithFileLineAndColumn() throws Exception {
		CatalogFiles.write(this.directory, "x", 7);
		Path extra = this.directory.resolve("extra.yaml");
		Files.writeString(extra, """
				apiVersion: steward.dev/v1
				kind: Service
				metadata:
				  name: Orphan
				spec:
				  title: Orphan
				  owner: nobody
				  tier: 3
				  delegations:
				    cooking: billing-x
				""");
		CommandOutput result = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.contains(this.directory.resolve("services.yml") + ":8:3: tier must be a number from 1 to 4")
			.contains(extra + ":4:3: metadata.name must be a lower-case slug")
			.contains(extra + ":7:3: refers to Team 'nobody'")
			.contains("unknown aspect 'cooking'");
	}

	@Test
	void checksSchedulesPoliciesAndTheirReferences() throws Exception {
		CatalogFiles.writeWithOnCall(this.directory, "x", 2);
		CommandOutput valid = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(valid.exitCode()).as(valid.err()).isZero();
		assertThat(valid.out()).contains("6 document(s) valid");

		Path oncall = this.directory.resolve("teams/oncall.yaml");
		Files.writeString(oncall,
				Files.readString(oncall)
					.replace("turnLength: P1W", "turnLength: weekly")
					.replace("start: 2027-01-04T09:00:00Z", "start: next monday")
					.replace("metadata:\n  name: rota-x", "metadata:\n  name: rotation-x")
					.replace("delay: PT30M", "delay: half an hour")
					.replace("type: user", "type: robot"));
		Files.writeString(this.directory.resolve("services.yml"),
				Files.readString(this.directory.resolve("services.yml")).replace("paging-x", "pager-x"));
		CommandOutput result = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains(oncall + ":10:7: start must be an RFC 3339 time")
			.contains(oncall + ":11:7: turnLength must be whole minutes or hours")
			.contains("refers to Schedule 'rota-x', which no given file declares")
			.contains("delay must be an ISO-8601 duration")
			.contains("spec.levels[1].targets[0].type must be one of user, schedule")
			.contains("refers to EscalationPolicy 'pager-x'");
	}

	@Test
	void checksEnvironmentsWindowsAndTheirReferences() throws Exception {
		CatalogFiles.writeWithWindows(this.directory, "x", 2);
		CommandOutput valid = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(valid.exitCode()).as(valid.err()).isZero();
		assertThat(valid.out()).contains("10 document(s) valid");

		Path deployments = this.directory.resolve("deployments.yaml");
		Files.writeString(deployments,
				Files.readString(deployments)
					.replace("kind: non-production", "kind: testing")
					.replace("order: 100", "order: 50")
					.replace("scope: service:ledger-x", "scope: service:ledgr-x")
					.replace("[staging-x, production-x]", "[staging-x, prod-x]")
					.replace("0 18 * * 1-4", "0 18 * * 1-8")
					.replace("duration: PT120M", "duration: two hours")
					.replace("  environments: [production-x]\n", "")
					.replace("end: 2027-12-27T00:00:00+01:00", "end: 2027-12-20T00:00:00+01:00")
					.replace("scope: company", "scope: team:billing-x"));
		CommandOutput result = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains(deployments + ":7:3: spec.kind must be one of production, non-production")
			.contains(deployments + ":17:3: order 50 is also the order of Environment 'staging-x'")
			.contains(deployments + ":25:3: refers to Service 'ledgr-x', which no given file declares")
			.contains(deployments + ":26:29: refers to Environment 'prod-x', which no given file declares")
			.contains(
					deployments + ":28:3: schedule is not a five-field cron expression: day of week: 8 is outside 0-7")
			.contains(deployments + ":29:3: duration must be a positive ISO-8601 duration")
			.contains("scope must be company, product:<name> or service:<name>")
			.contains("refers to Environment 'production' (spec.environments leaves it out)")
			.contains("end must be after start");
	}

	@Test
	void checksSlosAndTheirService() throws Exception {
		CatalogFiles.writeWithSlos(this.directory, "x", 2);
		CommandOutput valid = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(valid.exitCode()).as(valid.err()).isZero();
		assertThat(valid.out()).contains("12 document(s) valid");

		Path slos = this.directory.resolve("slos.yaml");
		Files.writeString(slos,
				Files.readString(slos)
					.replace("name: ledger-x/availability", "name: ledgr-x/availability")
					.replace("indicator: availability", "indicator: uptime")
					.replace("objective: 99.9", "objective: 100")
					.replace("window: P28D", "window: P1Y")
					.replace("latencyThreshold: PT0.25S", "latencyThreshold: fast")
					.replace("url: http://prometheus.example:9090", "url: prometheus")
					.replace("    totalQuery: sum(increase(ledger_postings_count[$window]))\n", "") + """
							---
							apiVersion: steward.dev/v1
							kind: SLO
							metadata:
							  name: availability
							spec:
							  indicator: ratio
							  objective: 99
							  window: P30D
							  latencyThreshold: PT1S
							""");
		CommandOutput result = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains(slos + ":4:3: refers to Service 'ledgr-x', which no given file declares")
			.contains(slos + ":7:3: spec.indicator must be one of availability, latency, ratio")
			.contains(slos + ":8:3: objective must be a percentage above 0 and below 100")
			.contains(slos + ":18:3: window must be whole minutes from P1D to P90D")
			.contains(slos + ":19:3: latencyThreshold must be a positive ISO-8601 duration")
			.contains(slos + ":21:5: url must be an http or https URL")
			.contains("spec.prometheus.totalQuery is required")
			.contains("metadata.name of an SLO must be <service>/<slo>")
			.contains("latencyThreshold belongs to latency SLOs only");
	}

	@Test
	void checksApisDatastoresAndTheFilesTheyName() throws Exception {
		CatalogFiles.writeWithApis(this.directory, "x", 2);
		CommandOutput valid = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(valid.exitCode()).as(valid.err()).isZero();
		assertThat(valid.out()).contains("14 document(s) valid");

		Path interfaces = this.directory.resolve("interfaces.yaml");
		Files.writeString(interfaces,
				Files.readString(interfaces)
					.replace("type: openapi", "type: soap")
					.replace("""
							    - version: 1.0.0
							      specFile: contracts/ledger-1.0.0.yaml
							""", """
							    - version: "1.0"
							      specFile: contracts/missing.yaml
							    - version: 2.0.0
							      status: deprecated
							      spec: "openapi: 3.0.3"
							      specFile: contracts/ledger-1.0.0.yaml
							""")
					.replace("major: 1", "major: 1\n    - service: nowhere-x\n      major: 2")
					.replace("classification: confidential", "classification: secret")
					.replace("  pii: false\n", "")
					.replace("mode: read", "mode: admin")
					.replace("documentFile: contracts/entries-1.sql", "document: create table entries ()"));
		CommandOutput result = CommandOutput.run("validate", "-f", this.directory.toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.contains(interfaces + ":8:3: spec.type must be one of openapi, asyncapi, grpc, graphql")
			.contains(interfaces + ":11:7: version must be a semantic version")
			.contains(interfaces + ":12:7: specFile 'contracts/missing.yaml' is no file")
			.contains("spec.versions[1].sunset is required")
			.contains("spec.versions[1] needs exactly one of spec and specFile")
			.contains("refers to Service 'nowhere-x'")
			.contains("major must be the major of a version the API declares")
			.contains("spec.classification must be one of public, internal, confidential, restricted")
			.contains("spec.pii must be true or false")
			.contains("spec.access[0].mode must be one of read, write")
			.doesNotContain("schemas[0]");
	}

	@Test
	void reportsYamlSyntaxErrorsWithoutAStackTrace() throws Exception {
		Path broken = this.directory.resolve("broken.yaml");
		Files.writeString(broken, "apiVersion: steward.dev/v1\nkind: [Service\nmetadata: {name: x}\n");
		CommandOutput result = CommandOutput.run("validate", "-f", broken.toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith(broken + ":").doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void refusesAMissingPathAndAnUnknownOption() {
		assertThat(CommandOutput.run("validate", "-f", this.directory.resolve("nothing").toString()).exitCode())
			.isEqualTo(1);
		assertThat(CommandOutput.run("validate", "--bogus").exitCode()).isEqualTo(2);
	}

}
