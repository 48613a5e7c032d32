package dev.steward.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the {@code where} clause of a filtered query from optional filters: a filter
 * whose value is {@code null} is left out, so no untyped null reaches the database.
 */
public final class Where {

	private final List<String> clauses = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** Adds {@code clause} (which names {@code :param}) when {@code value} is present. */
	public Where and(String clause, String param, Object value) {
		if (value != null) {
			this.clauses.add(clause);
			this.params.put(param, value);
		}
		return this;
	}

	/** Adds {@code clause}, which names each of {@code params}. */
	public Where and(String clause, Map<String, ?> params) {
		this.clauses.add(clause);
		this.params.putAll(params);
		return this;
	}

	/**
	 * Runs {@code select} with these filters, ordered by {@code orderBy}, returning at
	 * most {@code limit} rows.
	 */
	public <T> List<T> list(JdbcClient jdbc, String select, String orderBy, int limit, RowMapper<T> mapper) {
		String where = this.clauses.isEmpty() ? "" : " where " + String.join(" and ", this.clauses);
		return jdbc.sql(select + where + " order by " + orderBy + " limit " + limit)
			.params(this.params)
			.query(mapper)
			.list();
	}

}
