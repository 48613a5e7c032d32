package dev.steward;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration keeps the schema usable by the release before it, so that the nodes of
 * a cluster can be upgraded one at a time (docs/operations.md, "Upgrades"): applied one
 * by one to an empty database, no migration drops or renames a table or column, changes a
 * column's type or narrows it, makes an existing column required, or adds a required
 * column without a default to an existing table. Runs on the database the suite runs on
 * (H2, or the PostgreSQL of {@code SPRING_DATASOURCE_URL} in a schema of its own).
 */
class MigrationCompatibilityTests {

	/**
	 * Breaks made before the first release, when no older node could meet them: V5 gave
	 * every service a required search text in one step.
	 */
	private static final List<String> BEFORE_THE_FIRST_RELEASE = List
		.of("V5 adds the required column services.search_text without a default");

	@Test
	void everyMigrationOnlyExpandsTheSchemaOfTheOneBefore() throws SQLException {
		try (Database database = Database.fresh()) {
			Flyway all = database.flyway(MigrationVersion.LATEST);
			List<MigrationVersion> versions = new ArrayList<>();
			for (MigrationInfo migration : all.info().pending()) {
				versions.add(migration.getVersion());
			}
			assertThat(versions).hasSizeGreaterThan(20);
			Map<String, Column> before = Map.of();
			List<String> problems = new ArrayList<>();
			for (MigrationVersion version : versions) {
				database.flyway(version).migrate();
				Map<String, Column> after = database.columns();
				problems.addAll(breaks(version, before, after));
				before = after;
			}
			assertThat(problems).containsExactlyElementsOf(BEFORE_THE_FIRST_RELEASE);
		}
	}

	/**
	 * What {@code version} changed in a way the release before it could not live with.
	 */
	static List<String> breaks(MigrationVersion version, Map<String, Column> before, Map<String, Column> after) {
		List<String> problems = new ArrayList<>();
		before.forEach((name, old) -> {
			Column now = after.get(name);
			if (now == null) {
				problems.add("V" + version + " removes or renames " + name);
			}
			else if (!now.type().equals(old.type()) || now.length() < old.length()) {
				problems.add("V" + version + " changes the type of " + name + " from " + old + " to " + now);
			}
			else if (old.nullable() && !now.nullable()) {
				problems.add("V" + version + " makes the existing column " + name + " required");
			}
		});
		after.forEach((name, now) -> {
			boolean existingTable = before.keySet().stream().anyMatch(old -> old.startsWith(now.table() + "."));
			if (!before.containsKey(name) && existingTable && !now.nullable() && !now.defaulted()) {
				problems.add("V" + version + " adds the required column " + name + " without a default");
			}
		});
		return problems;
	}

	@Test
	void theRulesRefuseWhatAnOlderReleaseCouldNotLiveWith() {
		MigrationVersion version = MigrationVersion.fromVersion("99");
		Map<String, Column> before = Map.of("t.a", new Column("t", "character varying", 200, true, false), "t.b",
				new Column("t", "integer", 0, true, false));
		assertThat(breaks(version, before, Map.of("t.a", new Column("t", "character varying", 100, true, false))))
			.containsExactlyInAnyOrder(
					"V99 changes the type of t.a from character varying(200) to character varying(100)",
					"V99 removes or renames t.b");
		assertThat(breaks(version, before, Map.of("t.a", new Column("t", "character varying", 200, false, false), "t.b",
				new Column("t", "integer", 0, true, false), "t.c", new Column("t", "integer", 0, false, false))))
			.containsExactlyInAnyOrder("V99 makes the existing column t.a required",
					"V99 adds the required column t.c without a default");
		assertThat(breaks(version, before,
				Map.of("t.a", new Column("t", "character varying", 300, true, false), "t.b",
						new Column("t", "integer", 0, true, false), "t.c", new Column("t", "integer", 0, false, true),
						"u.d", new Column("u", "integer", 0, false, false))))
			.isEmpty();
	}

	/** A column as the information schema describes it. */
	record Column(String table, String type, long length, boolean nullable, boolean defaulted) {

		@Override
		public String toString() {
			return this.length > 0 ? this.type + "(" + this.length + ")" : this.type;
		}

	}

	/**
	 * An empty database for the migrations: an in-memory H2 database, or a new schema in
	 * the PostgreSQL database the suite runs on (dropped afterwards).
	 */
	private record Database(String url, String user, String password, String schema,
			String vendor) implements AutoCloseable {

		static Database fresh() {
			String url = System.getenv("SPRING_DATASOURCE_URL");
			String id = "migrations_" + UUID.randomUUID().toString().replace("-", "");
			if (url != null && url.startsWith("jdbc:postgresql:")) {
				String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
				String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
				return new Database(url, user, password, id, "postgresql");
			}
			return new Database("jdbc:h2:mem:" + id + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa",
					"", "public", "h2");
		}

		Flyway flyway(MigrationVersion target) {
			return Flyway.configure()
				.dataSource(this.url, this.user, this.password)
				.schemas(this.schema)
				.locations("classpath:db/migration", "classpath:db/vendor/" + this.vendor)
				.target(target)
				.load();
		}

		/**
		 * Every column of the schema's tables but Flyway's own, by {@code table.column}.
		 */
		Map<String, Column> columns() throws SQLException {
			Map<String, Column> columns = new TreeMap<>();
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
					var statement = connection.prepareStatement("""
							select table_name, column_name, data_type, character_maximum_length, is_nullable,
							       column_default
							from information_schema.columns
							where lower(table_schema) = ? and table_name <> 'flyway_schema_history'""")) {
				statement.setString(1, this.schema);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						String table = rows.getString(1).toLowerCase(Locale.ROOT);
						columns.put(table + "." + rows.getString(2).toLowerCase(Locale.ROOT),
								new Column(table, rows.getString(3).toLowerCase(Locale.ROOT), rows.getLong(4),
										"YES".equals(rows.getString(5)), rows.getString(6) != null));
					}
				}
			}
			return columns;
		}

		@Override
		public void close() throws SQLException {
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute("h2".equals(this.vendor) ? "shutdown" : "drop schema " + this.schema + " cascade");
			}
		}

	}

}
