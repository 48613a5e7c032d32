package dev.steward.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import dev.steward.monitoring.MonitoringReview;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored monitoring reviews; the names of the monitors reviewed are kept as a JSON list.
 */
@Repository
public class ReviewStore {

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReviewStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	private MonitoringReview row(ResultSet rs, int n) throws SQLException {
		return new MonitoringReview(rs.getLong("id"), rs.getString("service"), rs.getString("reviewer"),
				Sql.instant(rs, "at"), rs.getString("findings"),
				this.json.readValue(rs.getString("monitors_reviewed"), NAMES));
	}

	public long insert(MonitoringReview review) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into monitoring_reviews (service, reviewer, at, findings, monitors_reviewed)
				values (?, ?, ?, ?, ?)""")
			.params(review.service(), review.reviewer(), Sql.timestamp(review.at()), review.findings(),
					this.json.writeValueAsString(review.monitorsReviewed()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<MonitoringReview> find(long id) {
		return this.jdbc.sql("select * from monitoring_reviews where id = ?").param(id).query(this::row).optional();
	}

	/** The service's reviews, newest first. */
	public List<MonitoringReview> page(String service, Long before, int limit) {
		return new Where().and("service = :service", "service", service)
			.and("id < :before", "before", before)
			.list(this.jdbc, "select * from monitoring_reviews", "id desc", limit, this::row);
	}

	public Optional<MonitoringReview> last(String service) {
		return page(service, null, 1).stream().findFirst();
	}

	/** The latest review of every service that has one, by service. */
	public Map<String, MonitoringReview> lastOfEach() {
		return this.jdbc.sql("""
				select * from monitoring_reviews
				where id in (select max(id) from monitoring_reviews group by service)""")
			.query(this::row)
			.list()
			.stream()
			.collect(Collectors.toMap(MonitoringReview::service, Function.identity()));
	}

}
