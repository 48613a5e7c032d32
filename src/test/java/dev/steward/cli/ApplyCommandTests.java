package dev.steward.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class ApplyCommandTests extends ApiTest {

	@TempDir
	Path directory;

	private CommandOutput apply(String... extra) {
		String[] args = new String[5 + extra.length];
		System.arraycopy(
				new String[] { "apply", "-f", this.directory.toString(), "--server", "http://127.0.0.1:" + this.port },
				0, args, 0, 5);
		System.arraycopy(extra, 0, args, 5, extra.length);
		return CommandOutput.run(args);
	}

	@Test
	void appliesFilesThenFindsNothingToChange() {
		String suffix = unique("c").substring(2);
		CatalogFiles.write(this.directory, suffix, 2);
		CommandOutput dryRun = apply("--token", ADMIN_TOKEN, "--dry-run");
		assertThat(dryRun.out()).contains("Dry run, nothing changed: 4 to create");
		assertThat(this.api.get("/api/v1/services/invoices-" + suffix).status()).isEqualTo(404);

		CommandOutput first = apply("--token", ADMIN_TOKEN);
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("create    Service  invoices-" + suffix).contains("Applied: 4 to create");

		CatalogFiles.write(this.directory, suffix, 1);
		CommandOutput second = apply("--token", ADMIN_TOKEN);
		assertThat(second.out()).contains("update    Service  invoices-" + suffix)
			.contains("tier")
			.contains("0 to create, 1 to update, 3 unchanged");
	}

	@Test
	void mapsServerRefusalsBackToFileAndLine() throws Exception {
		String suffix = unique("d").substring(2);
		CatalogFiles.write(this.directory, suffix, 2);
		Files.writeString(this.directory.resolve("services.yml"),
				Files.readString(this.directory.resolve("services.yml")).replace("tier: 2", "tier: 9"));
		CommandOutput refused = apply("--token", ADMIN_TOKEN);
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).contains(this.directory.resolve("services.yml") + ":8:3: documents[0].spec.tier");
		assertThat(this.api.get("/api/v1/teams/billing-" + suffix).status()).isEqualTo(404);
	}

	@Test
	void exitsWithThreeWhenRefusedByPolicy() {
		CatalogFiles.write(this.directory, unique("e").substring(2), 2);
		assertThat(apply("--token", "stw_unknown").exitCode()).isEqualTo(1);
		String user = user();
		String token = created(this.api.post("/api/v1/users/" + user + "/tokens",
				java.util.Map.of("name", "ci", "scopes", java.util.List.of("write"))))
			.json()
			.path("token")
			.asString();
		assertThat(apply("--token", token).exitCode()).isEqualTo(3);
	}

	@Test
	void exportWritesFilesThatApplyTakesBackUnchanged(@TempDir Path exported) {
		String suffix = unique("r").substring(2);
		CatalogFiles.writeWithOnCall(this.directory, suffix, 2);
		assertThat(apply("--token", ADMIN_TOKEN).exitCode()).isZero();
		this.api.put("/api/v1/services/invoices-" + suffix + "/responsibilities/databases",
				java.util.Map.of("handledBy", team()));

		CommandOutput export = CommandOutput.run("export", "-o", exported.toString(), "--server",
				"http://127.0.0.1:" + this.port, "--token", ADMIN_TOKEN);
		assertThat(export.exitCode()).as(export.err()).isZero();
		assertThat(exported.resolve("services.yaml")).content()
			.contains("name: invoices-" + suffix)
			.contains("criticality: hard")
			.contains("databases: team-")
			.contains("escalationPolicy: paging-" + suffix);
		assertThat(exported.resolve("schedules.yaml")).content()
			.contains("name: rota-" + suffix)
			.contains("turnLength: P1W")
			.doesNotContain("rotationVirtualStart: '2027-01-04T09:00:00Z'");
		assertThat(exported.resolve("escalation-policies.yaml")).content()
			.contains("name: paging-" + suffix)
			.contains("delay: PT10M");

		CommandOutput again = CommandOutput.run("apply", "-f", exported.toString(), "--server",
				"http://127.0.0.1:" + this.port, "--token", ADMIN_TOKEN, "--dry-run");
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).contains(": 0 to create, 0 to update,");
	}

	@Test
	void sendsContractFilesInlineAndPrintsTheBreakingChangesOfARefusal() throws Exception {
		String suffix = unique("f").substring(2);
		CatalogFiles.writeWithOnCall(this.directory, suffix, 2);
		CatalogFiles.writeApis(this.directory, suffix);
		CommandOutput first = apply("--token", ADMIN_TOKEN);
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("create    Api").contains("version 1.0.0 added");
		assertThat(this.api.get("/api/v1/apis/ledger-api-" + suffix + "/versions/1.0.0").json().path("spec").asString())
			.isEqualTo(CatalogFiles.LEDGER_V1);
		assertThat(this.api.get("/api/v1/datastores/ledger-db-" + suffix + "/schemas/entries/versions/1")
			.json()
			.path("document")
			.asString()).startsWith("create table entries");

		Files.writeString(this.directory.resolve("contracts/ledger-1.1.0.yaml"), """
				openapi: 3.0.3
				info: {title: Ledger, version: 1.1.0}
				paths: {}
				""");
		Path interfaces = this.directory.resolve("interfaces.yaml");
		Files.writeString(interfaces, Files.readString(interfaces).replace("""
				      specFile: contracts/ledger-1.0.0.yaml
				""", """
				      specFile: contracts/ledger-1.0.0.yaml
				    - version: 1.1.0
				      specFile: contracts/ledger-1.1.0.yaml
				"""));
		CommandOutput refused = apply("--token", ADMIN_TOKEN);
		assertThat(refused.exitCode()).isEqualTo(3);
		assertThat(refused.err()).contains("breaking change(s) against version 1.0.0")
			.containsPattern("breaking: .*entries");
		assertThat(this.api.get("/api/v1/apis/ledger-api-" + suffix + "/versions").json().path("items")).hasSize(1);

		Files.delete(this.directory.resolve("contracts/ledger-1.1.0.yaml"));
		CommandOutput unreadable = apply("--token", ADMIN_TOKEN);
		assertThat(unreadable.exitCode()).isEqualTo(1);
		assertThat(unreadable.err()).contains(interfaces + ":14:7: cannot read specFile");
	}

}
