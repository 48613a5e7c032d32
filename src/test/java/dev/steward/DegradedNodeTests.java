package dev.steward;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.steward.ApiClient.Reply;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose mail server is gone stays ready (mail only shows in health); a node whose
 * database is gone answers 503 to readiness but stays live, and is ready again when the
 * database is back.
 */
class DegradedNodeTests {

	/** Makes a suspended connection pool refuse at once instead of blocking. */
	private static final String POOL_THROWS_WHEN_SUSPENDED = "com.zaxxer.hikari.throwIfSuspended";

	@RegisterExtension
	final TestNodes nodes = new TestNodes();

	@Test
	void aMailOutageLeavesTheNodeReadyADatabaseOutageMakesItUnreadyButAlive() {
		ConfigurableApplicationContext node = this.nodes.start("--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + MailInbox.freePort(), "--spring.datasource.hikari.allow-pool-suspension=true",
				"--spring.datasource.hikari.connection-timeout=250");
		ApiClient admin = TestNodes.admin(node);
		ApiClient anonymous = admin.withToken(null);

		Reply health = admin.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(health.json().path("components").path("mail").path("status").asString()).isEqualTo("UNKNOWN");
		assertThat(health.json().path("components").path("mail").path("details").path("reachable").asBoolean(true))
			.isFalse();
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);

		HikariPoolMXBean pool = node.getBean(HikariDataSource.class).getHikariPoolMXBean();
		System.setProperty(POOL_THROWS_WHEN_SUSPENDED, "true");
		pool.suspendPool();
		try {
			Reply readiness = anonymous.get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.json().path("status").asString()).isEqualTo("DOWN");
			assertThat(readiness.json().path("components").path("db").path("status").asString()).isEqualTo("DOWN");
			assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
		}
		finally {
			pool.resumePool();
			System.clearProperty(POOL_THROWS_WHEN_SUSPENDED);
		}
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

}
