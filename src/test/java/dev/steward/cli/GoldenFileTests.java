package dev.steward.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.steward.ApiTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans and exports compared with reviewed golden files, on a database of their own so
 * that the export holds exactly what the test applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:golden-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class GoldenFileTests {

	private static final String[] EXPORTED_FILES = { "users.yaml", "teams.yaml", "products.yaml", "services.yaml",
			"schedules.yaml", "escalation-policies.yaml", "environments.yaml", "windows.yaml", "slos.yaml", "apis.yaml",
			"datastores.yaml" };

	@LocalServerPort
	int port;

	@TempDir
	Path directory;

	private CommandOutput steward(String... args) {
		String[] all = new String[args.length + 4];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(new String[] { "--server", "http://127.0.0.1:" + this.port, "--token", ApiTest.ADMIN_TOKEN },
				0, all, args.length, 4);
		CommandOutput result = CommandOutput.run(all);
		assertThat(result.exitCode()).as(result.err()).isZero();
		return result;
	}

	/**
	 * Compares with {@code src/test/resources/golden/<name>}; a difference also writes
	 * the actual text to {@code target/golden-actual/<name>} for review.
	 */
	static void assertGolden(String name, String actual) throws IOException {
		Path golden = Path.of("src/test/resources/golden", name);
		String expected = Files.exists(golden) ? Files.readString(golden) : "";
		if (!expected.equals(actual)) {
			Path review = Path.of("target/golden-actual", name);
			Files.createDirectories(review.getParent());
			Files.writeString(review, actual);
		}
		assertThat(actual).as("golden file " + golden).isEqualTo(expected);
	}

	@Test
	void plansAndExportsMatchTheirGoldenFiles() throws IOException {
		Path catalog = CatalogFiles.writeWithApis(this.directory.resolve("catalog"), "g", 2);
		assertGolden("plan-create.txt", steward("apply", "-f", catalog.toString()).out());
		CatalogFiles.writeWithApis(catalog, "g", 1);
		assertGolden("plan-update.txt", steward("apply", "-f", catalog.toString()).out());
		assertGolden("plan-unchanged.yaml", steward("apply", "-f", catalog.toString(), "--output", "yaml").out());

		Path exported = this.directory.resolve("exported");
		steward("export", "-o", exported.toString());
		for (String file : EXPORTED_FILES) {
			assertGolden("export/" + file, Files.readString(exported.resolve(file)));
		}

		Path nothing = Files.writeString(this.directory.resolve("users-only.yaml"),
				Files.readString(exported.resolve("users.yaml")));
		assertThat(steward("apply", "-f", nothing.toString(), "--prune").out()).contains("13 to delete");
		assertThat(steward("apply", "-f", exported.toString()).out()).contains("13 to create");
		Path again = this.directory.resolve("again");
		steward("export", "-o", again.toString());
		for (String file : EXPORTED_FILES) {
			assertThat(again.resolve(file)).as("round trip of " + file).hasSameTextualContentAs(exported.resolve(file));
		}
	}

}
