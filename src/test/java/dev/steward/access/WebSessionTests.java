package dev.steward.access;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Web sessions are rows of the database; what a node cannot read of them it forgets. */
class WebSessionTests extends ApiTest {

	private static final String PASSWORD = "a stored session";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSessionIsARowOfItsUserAndAnUnreadableOneSignsThePersonOutRatherThanFailing() throws Exception {
		String user = user();
		assertThat(this.api.put("/api/v1/users/" + user + "/password", Map.of("password", PASSWORD)).status())
			.isEqualTo(204);
		WebSignIn web = new WebSignIn("http://127.0.0.1:" + this.port);
		assertThat(WebSignIn.location(web.signIn(user, PASSWORD))).endsWith("/services");
		assertThat(web.get("/services").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(user)
			.query(Long.class)
			.single()).isEqualTo(1);

		int spoiled = this.jdbc.sql("""
				update spring_session_attributes set attribute_bytes = ? where session_primary_id in
				  (select primary_id from spring_session where principal_name = ?)""")
			.params(new byte[] { 1, 2, 3 }, user)
			.update();
		assertThat(spoiled).isPositive();
		assertThat(WebSignIn.location(web.get("/services"))).endsWith("/login");
	}

}
