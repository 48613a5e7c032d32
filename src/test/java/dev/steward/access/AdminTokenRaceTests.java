package dev.steward.access;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import dev.steward.access.internal.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes started at once with the same STEWARD_BOOTSTRAP_TOKEN: the one that stores the
 * admin token second, after its own check found none, starts anyway and adds nothing.
 */
class AdminTokenRaceTests extends ApiTest {

	@Autowired
	ApiTokens tokens;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNodeThatStoresTheConfiguredTokenSecondAddsNoToken() {
		AdminTokenBootstrap secondNode = new AdminTokenBootstrap(this.tokens, this.clock, ADMIN_TOKEN,
				Path.of("unused"));
		long before = bootstrapTokens();

		assertThat(secondNode.store(ADMIN_TOKEN)).isFalse();

		assertThat(bootstrapTokens()).isEqualTo(before).isEqualTo(1);
		assertThat(secondNode.generatedToken()).isEmpty();
		assertThat(this.api.get("/api/v1/services").status()).isEqualTo(200);
	}

	private long bootstrapTokens() {
		return this.jdbc.sql("select count(*) from api_tokens where user_name is null and name = 'bootstrap'")
			.query(Long.class)
			.single();
	}

}
