package dev.steward.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without STEWARD_BOOTSTRAP_TOKEN, the first start generates the admin token and writes
 * it, private, to the data dir.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "steward.bootstrap-token=",
		"spring.datasource.url=jdbc:h2:mem:bootstrap-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class AdminTokenBootstrapTests {

	private static final Path DATA_DIR = temporaryDirectory();

	@LocalServerPort
	int port;

	@Autowired
	AdminTokenBootstrap bootstrap;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("steward.data-dir", DATA_DIR::toString);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("steward-bootstrap");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void generatesPrivateAdminTokenFileThatAuthenticates() throws IOException {
		Path file = DATA_DIR.resolve("admin-token");
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String token = Files.readString(file).trim();
		assertThat(token).startsWith("stw_").hasSizeGreaterThanOrEqualTo(4 + 43);
		assertThat(this.bootstrap.generatedToken()).hasValue(token);

		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port, token);
		assertThat(api.get("/api/v1/services").status()).isEqualTo(200);
		assertThat(api.withToken("stw_" + "x".repeat(43)).get("/api/v1/services").status()).isEqualTo(401);
	}

}
