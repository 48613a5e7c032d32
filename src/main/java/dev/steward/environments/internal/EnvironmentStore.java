package dev.steward.environments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored environments, ordered by their place in the promotion order. */
@Repository
public class EnvironmentStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("name"), rs.getString("title"),
			rs.getString("kind"), rs.getInt("position"), rs.getBoolean("promotion_required"),
			rs.getString("description"), Sql.instant(rs, "created_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	EnvironmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String name) {
		return this.jdbc.sql("select * from environments where name = ?").param(name).query(ROW).optional();
	}

	public List<Row> all() {
		return this.jdbc.sql("select * from environments order by position").query(ROW).list();
	}

	public List<Row> page(Integer afterPosition, int limit) {
		return new Where().and("position > :after", "after", afterPosition)
			.list(this.jdbc, "select * from environments", "position", limit, ROW);
	}

	public Optional<String> atPosition(int position) {
		return this.jdbc.sql("select name from environments where position = ?")
			.param(position)
			.query(String.class)
			.optional();
	}

	public void insert(Row row) {
		this.jdbc.sql("""
				insert into environments (name, title, kind, position, promotion_required, description, created_at,
				version) values (?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(row.name(), row.title(), row.kind(), row.position(), row.promotionRequired(), row.description(),
					Sql.timestamp(row.createdAt()))
			.update();
	}

	public boolean update(Row row) {
		return this.jdbc.sql("""
				update environments set title = ?, kind = ?, position = ?, promotion_required = ?, description = ?,
				version = version + 1 where name = ? and version = ?""")
			.params(row.title(), row.kind(), row.position(), row.promotionRequired(), row.description(), row.name(),
					row.version())
			.update() == 1;
	}

	public void delete(String name) {
		this.jdbc.sql("delete from environments where name = ?").param(name).update();
	}

	/** An environment as stored; {@code position} is its place in the promotion order. */
	public record Row(String name, String title, String kind, int position, boolean promotionRequired,
			String description, Instant createdAt, long version) {
	}

}
