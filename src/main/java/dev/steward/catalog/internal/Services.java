package dev.steward.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.catalog.Lifecycle;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.ServiceFilter;
import dev.steward.common.Keyed;
import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored services; lists, links and tags are kept as JSON text. */
@Repository
public class Services {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> LINKS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Services(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	private ServiceEntry row(ResultSet rs, int n) throws SQLException {
		return new ServiceEntry(rs.getString("name"), rs.getString("title"), rs.getString("description"),
				rs.getString("owner"), rs.getInt("tier"),
				Keyed.fromKey(Lifecycle.class, rs.getString("lifecycle")).orElseThrow(), rs.getString("product"),
				this.json.readValue(rs.getString("responsibilities"), STRINGS),
				this.json.readValue(rs.getString("links"), LINKS), this.json.readValue(rs.getString("tags"), STRINGS),
				Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
	}

	/** The owning team of each of {@code names} that exists, in one query. */
	public Map<String, String> owners(Collection<String> names) {
		if (names.isEmpty()) {
			return Map.of();
		}
		Map<String, String> owners = new HashMap<>();
		this.jdbc.sql("select name, owner from services where name in (:names)")
			.param("names", names)
			.query((RowCallbackHandler) rs -> owners.put(rs.getString("name"), rs.getString("owner")));
		return owners;
	}

	public Optional<ServiceEntry> find(String name) {
		return this.jdbc.sql("select * from services where name = ?").param(name).query(this::row).optional();
	}

	public List<ServiceEntry> page(ServiceFilter filter, String after, int limit) {
		String q = filter.q() == null || filter.q().isBlank() ? null
				: Sql.likeContains(filter.q().trim().toLowerCase(Locale.ROOT));
		return new Where().and("owner = :owner", "owner", filter.owner())
			.and("tier = :tier", "tier", filter.tier())
			.and("product = :product", "product", filter.product())
			.and("lifecycle = :lifecycle", "lifecycle", filter.lifecycle())
			.and("search_text like :q", "q", q)
			.and("name > :after", "after", after)
			.list(this.jdbc, "select * from services", "name", limit, this::row);
	}

	/** The names among {@code names} that no service has. */
	public List<String> missing(Collection<String> names) {
		return Sql.missing(this.jdbc, "services", names);
	}

	public List<String> ownedBy(String team) {
		return this.jdbc.sql("select name from services where owner = ? order by name")
			.param(team)
			.query(String.class)
			.list();
	}

	public List<String> inProduct(String product) {
		return this.jdbc.sql("select name from services where product = ? order by name")
			.param(product)
			.query(String.class)
			.list();
	}

	public void insert(ServiceEntry service) {
		this.jdbc.sql("""
				insert into services (name, title, description, owner, tier, lifecycle, product, responsibilities,
				                      links, tags, created_at, updated_at, search_text, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(service.name(), service.title(), service.description(), service.owner(), service.tier(),
					service.lifecycle().key(), service.product(),
					this.json.writeValueAsString(service.responsibilities()),
					this.json.writeValueAsString(service.links()), this.json.writeValueAsString(service.tags()),
					Sql.timestamp(service.createdAt()), Sql.timestamp(service.updatedAt()), searchText(service))
			.update();
	}

	/**
	 * Updates everything but the owner; answers false when the version moved meanwhile.
	 */
	public boolean update(ServiceEntry service) {
		return this.jdbc.sql("""
				update services set title = ?, description = ?, tier = ?, lifecycle = ?, product = ?,
				       responsibilities = ?, links = ?, tags = ?, updated_at = ?, search_text = ?, version = version + 1
				where name = ? and version = ?""")
			.params(service.title(), service.description(), service.tier(), service.lifecycle().key(),
					service.product(), this.json.writeValueAsString(service.responsibilities()),
					this.json.writeValueAsString(service.links()), this.json.writeValueAsString(service.tags()),
					Sql.timestamp(service.updatedAt()), searchText(service), service.name(), service.version())
			.update() == 1;
	}

	/**
	 * What the service list's search matches: name, title and description, lower-cased.
	 */
	private static String searchText(ServiceEntry service) {
		return (service.name() + " " + service.title() + " "
				+ (service.description() == null ? "" : service.description()))
			.toLowerCase(Locale.ROOT);
	}

	public void changeOwner(String service, String owner, Instant at) {
		this.jdbc.sql("update services set owner = ?, updated_at = ?, version = version + 1 where name = ?")
			.params(owner, Sql.timestamp(at), service)
			.update();
	}

	public void delete(String name) {
		this.jdbc.sql("delete from services where name = ?").param(name).update();
	}

}
