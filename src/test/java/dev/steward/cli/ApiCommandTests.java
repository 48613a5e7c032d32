package dev.steward.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code steward api} against the running server. */
class ApiCommandTests extends CommandAgainstServerTest {

	private static final String V1 = """
			openapi: 3.0.3
			info: {title: Orders, version: 1.0.0}
			paths:
			  /orders:
			    get:
			      parameters:
			        - {name: limit, in: query, required: false, schema: {type: integer}}
			      responses:
			        '200': {description: The orders}
			""";

	@TempDir
	Path files;

	@Test
	void publishesChecksAndRefusesABreakingVersionWithEachChangeNamed() throws Exception {
		String api = api();
		Path v1 = contract("v1.yaml", V1);
		CommandOutput first = steward("api", "publish", api, "1.0.0", "-f", v1.toString());
		assertThat(first.out()).isEqualTo(api + " 1.0.0: published\n");

		Path compatible = contract("v1.1.yaml",
				V1 + "  /customers:\n    get:\n      responses:\n" + "        '200': {description: The customers}\n");
		CommandOutput dryRun = steward("api", "publish", api, "1.1.0", "-f", compatible.toString(), "--dry-run");
		assertThat(dryRun.out()).isEqualTo("Dry run, nothing stored: " + api + " 1.1.0: published\n"
				+ "Compared with 1.0.0: 1 change(s), none breaking\n  /customers: Path /customers was added (path-added)\n");
		assertThat(this.api.get("/api/v1/apis/" + api + "/versions/1.1.0").status()).isEqualTo(404);

		Path breaking = contract("v1.2.yaml", V1.replace("required: false", "required: true"));
		CommandOutput refused = stewardAs(ADMIN_TOKEN, "api", "publish", api, "1.1.0", "-f", breaking.toString());
		assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(refused.err()).contains("breaking change(s) against version 1.0.0")
			.contains("  breaking: GET /orders parameter limit (query): ")
			.contains("(parameter-made-required)");
		assertThat(stewardAs(ADMIN_TOKEN, "api", "publish", api, "1.1.0", "-f", breaking.toString(), "--dry-run")
			.exitCode()).isEqualTo(ExitCodes.REFUSED);

		steward("api", "publish", api, "2.0.0", "-f", breaking.toString(), "--draft");
		String sunset = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(30).toString();
		assertThat(steward("api", "deprecate", api, "1.0.0", "--sunset", sunset).out())
			.isEqualTo(api + " 1.0.0: deprecated (sunset " + sunset + ")\n");
		assertThat(steward("api", "retire", api, "1.0.0").out())
			.isEqualTo(api + " 1.0.0: retired (sunset " + sunset + ")\n");
		assertThat(steward("api", "versions", api, "--zone", "UTC").out().lines().map(String::strip)).first()
			.isEqualTo("VERSION  STATUS   SUNSET      PUBLISHED");
		assertThat(steward("api", "versions", api).out()).contains("2.0.0", "draft", "1.0.0", "retired", sunset);
	}

	@Test
	void anUnreadableFileOrContractIsAnError() throws Exception {
		String api = api();
		CommandOutput missing = stewardAs(ADMIN_TOKEN, "api", "publish", api, "1.0.0", "-f",
				this.files.resolve("nowhere.yaml").toString());
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(missing.err()).startsWith("error: cannot read the contract file ");
		CommandOutput unreadable = stewardAs(ADMIN_TOKEN, "api", "publish", api, "1.0.0", "-f",
				contract("bad.yaml", "openapi: [3.0").toString());
		assertThat(unreadable.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(unreadable.err()).contains("spec: is not a readable OpenAPI");
	}

	private String api() {
		String name = unique("orders");
		created(this.api.post("/api/v1/services/" + service(team(), 2) + "/apis",
				Map.of("name", name, "visibility", "internal", "type", "openapi")));
		return name;
	}

	private Path contract(String name, String text) throws Exception {
		return Files.writeString(this.files.resolve(name), text);
	}

}
