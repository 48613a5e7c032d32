package dev.steward.apis.internal;

import java.util.List;
import java.util.Optional;

import dev.steward.apis.Consumer;
import dev.steward.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which services consume which major version of which API. */
@Repository
public class ConsumerStore {

	private static final RowMapper<Consumer> ROW = (rs, n) -> new Consumer(rs.getString("api"),
			rs.getString("consumer"), rs.getInt("major"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));

	private final JdbcClient jdbc;

	ConsumerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Consumer> find(String api, String service) {
		return this.jdbc.sql("select * from api_consumers where api = ? and consumer = ?")
			.params(api, service)
			.query(ROW)
			.optional();
	}

	public List<Consumer> ofApi(String api) {
		return this.jdbc.sql("select * from api_consumers where api = ? order by consumer")
			.param(api)
			.query(ROW)
			.list();
	}

	public List<Consumer> ofMajor(String api, int major) {
		return this.jdbc.sql("select * from api_consumers where api = ? and major = ? order by consumer")
			.params(api, major)
			.query(ROW)
			.list();
	}

	/** The APIs a service consumes. */
	public List<Consumer> ofConsumer(String service) {
		return this.jdbc.sql("select * from api_consumers where consumer = ? order by api")
			.param(service)
			.query(ROW)
			.list();
	}

	public List<Consumer> all() {
		return this.jdbc.sql("select * from api_consumers order by api, consumer").query(ROW).list();
	}

	public void insert(Consumer consumer) {
		this.jdbc.sql("insert into api_consumers (api, consumer, major, created_at, updated_at) values (?, ?, ?, ?, ?)")
			.params(consumer.api(), consumer.service(), consumer.major(), Sql.timestamp(consumer.createdAt()),
					Sql.timestamp(consumer.updatedAt()))
			.update();
	}

	public void update(Consumer consumer) {
		this.jdbc.sql("update api_consumers set major = ?, updated_at = ? where api = ? and consumer = ?")
			.params(consumer.major(), Sql.timestamp(consumer.updatedAt()), consumer.api(), consumer.service())
			.update();
	}

	public boolean delete(String api, String service) {
		return this.jdbc.sql("delete from api_consumers where api = ? and consumer = ?")
			.params(api, service)
			.update() > 0;
	}

}
