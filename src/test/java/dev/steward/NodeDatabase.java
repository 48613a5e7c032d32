package dev.steward;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for application instances a test starts: a new database on the
 * PostgreSQL server the suite runs on ({@code SPRING_DATASOURCE_URL}), dropped
 * afterwards, or else an in-memory H2 database.
 */
public record NodeDatabase(String url, String user, String password, String dropOnServer) {

	public static NodeDatabase create() {
		String name = "steward_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String suite = System.getenv("SPRING_DATASOURCE_URL");
		if (suite == null || !suite.startsWith("jdbc:postgresql:")) {
			return new NodeDatabase("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
					"sa", "", null);
		}
		String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
		String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
		execute(suite, user, password, "create database " + name);
		String server = suite.replaceFirst("/[^/?]*(\\?.*)?$", "/");
		return new NodeDatabase(server + name, user, password, suite);
	}

	public void drop() {
		if (this.dropOnServer != null) {
			execute(this.dropOnServer, this.user, this.password,
					"drop database if exists " + this.url.substring(this.url.lastIndexOf('/') + 1) + " with (force)");
		}
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run '" + sql + "' on " + url, ex);
		}
	}

}
