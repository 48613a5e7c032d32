package dev.steward.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.catalog.Criticality;
import dev.steward.catalog.Dependency;
import dev.steward.common.Keyed;
import dev.steward.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored consumer → provider edges, read together with both ends' tiers. */
@Repository
public class Dependencies {

	private static final String SELECT = """
			select d.*, c.tier as consumer_tier, p.tier as provider_tier
			from dependencies d
			join services c on c.name = d.consumer
			join services p on p.name = d.provider
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	Dependencies(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	private static Dependency row(ResultSet rs, int n) throws SQLException {
		return new Dependency(rs.getString("consumer"), rs.getString("provider"),
				Keyed.fromKey(Criticality.class, rs.getString("criticality")).orElseThrow(), rs.getString("note"),
				rs.getInt("consumer_tier"), rs.getInt("provider_tier"), Sql.instant(rs, "created_at"));
	}

	public Optional<Dependency> find(String consumer, String provider) {
		return this.jdbc.sql(SELECT + "where d.consumer = ? and d.provider = ?")
			.params(consumer, provider)
			.query(Dependencies::row)
			.optional();
	}

	public List<Dependency> of(String consumer) {
		return this.jdbc.sql(SELECT + "where d.consumer = ? order by d.provider")
			.param(consumer)
			.query(Dependencies::row)
			.list();
	}

	/** Every dependency of the criticality, by provider and consumer. */
	public List<Dependency> withCriticality(Criticality criticality) {
		return this.jdbc.sql(SELECT + "where d.criticality = ? order by d.provider, d.consumer")
			.param(criticality.key())
			.query(Dependencies::row)
			.list();
	}

	public List<Dependency> consumersOf(String provider) {
		return this.jdbc.sql(SELECT + "where d.provider = ? order by d.consumer")
			.param(provider)
			.query(Dependencies::row)
			.list();
	}

	/** Inserts or replaces an edge; answers whether it is new. */
	public boolean put(String consumer, String provider, Criticality criticality, String note, Instant at) {
		int updated = this.jdbc
			.sql("update dependencies set criticality = ?, note = ? where consumer = ? and provider = ?")
			.params(criticality.key(), note, consumer, provider)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into dependencies (consumer, provider, criticality, note, created_at)
					values (?, ?, ?, ?, ?)""")
				.params(consumer, provider, criticality.key(), note, Sql.timestamp(at))
				.update();
			return true;
		}
		return false;
	}

	/** Inserts new edges and changes the criticality of existing ones, in batches. */
	public void putAll(String consumer, Map<String, Criticality> added, Map<String, Criticality> changed, Instant at) {
		this.batches.batchUpdate(
				"insert into dependencies (consumer, provider, criticality, created_at) values (?, ?, ?, ?)",
				added.entrySet()
					.stream()
					.map(edge -> new Object[] { consumer, edge.getKey(), edge.getValue().key(), Sql.timestamp(at) })
					.toList());
		this.batches.batchUpdate("update dependencies set criticality = ? where consumer = ? and provider = ?",
				changed.entrySet()
					.stream()
					.map(edge -> new Object[] { edge.getValue().key(), consumer, edge.getKey() })
					.toList());
	}

	public void deleteAll(String consumer, Collection<String> providers) {
		this.batches.batchUpdate("delete from dependencies where consumer = ? and provider = ?",
				providers.stream().map(provider -> new Object[] { consumer, provider }).toList());
	}

	public boolean delete(String consumer, String provider) {
		return this.jdbc.sql("delete from dependencies where consumer = ? and provider = ?")
			.params(consumer, provider)
			.update() == 1;
	}

}
