package dev.steward.catalog.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.catalog.ProductEntry;
import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored products. */
@Repository
public class Products {

	private static final RowMapper<ProductEntry> ROW = (rs, n) -> new ProductEntry(rs.getString("name"),
			rs.getString("title"), rs.getString("description"), Sql.instant(rs, "created_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ProductEntry> find(String name) {
		return this.jdbc.sql("select * from products where name = ?").param(name).query(ROW).optional();
	}

	public boolean exists(String name) {
		return find(name).isPresent();
	}

	public List<ProductEntry> page(String after, int limit) {
		return new Where().and("name > :after", "after", after)
			.list(this.jdbc, "select * from products", "name", limit, ROW);
	}

	public void insert(String name, String title, String description, Instant at) {
		this.jdbc.sql("insert into products (name, title, description, created_at, version) values (?, ?, ?, ?, 1)")
			.params(name, title, description, Sql.timestamp(at))
			.update();
	}

	public boolean update(String name, long version, String title, String description) {
		return this.jdbc.sql("""
				update products set title = ?, description = ?, version = version + 1
				where name = ? and version = ?""").params(title, description, name, version).update() == 1;
	}

	public void delete(String name) {
		this.jdbc.sql("delete from products where name = ?").param(name).update();
	}

}
