package dev.steward.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.catalog.Membership;
import dev.steward.catalog.Role;
import dev.steward.catalog.TeamEntry;
import dev.steward.catalog.TeamKind;
import dev.steward.common.Keyed;
import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored teams and their memberships. */
@Repository
public class Teams {

	private final JdbcClient jdbc;

	Teams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A team row without its members. */
	public record Row(String name, String title, TeamKind kind, String email, String chat, String parent,
			Instant createdAt, long version) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString("name"), rs.getString("title"),
				Keyed.fromKey(TeamKind.class, rs.getString("kind")).orElseThrow(), rs.getString("email"),
				rs.getString("chat"), rs.getString("parent"), Sql.instant(rs, "created_at"), rs.getLong("version"));
	}

	public Optional<Row> find(String name) {
		return this.jdbc.sql("select * from teams where name = ?").param(name).query(Teams::row).optional();
	}

	public boolean exists(String name) {
		return find(name).isPresent();
	}

	public List<Row> page(String after, int limit) {
		return new Where().and("name > :after", "after", after)
			.list(this.jdbc, "select * from teams", "name", limit, Teams::row);
	}

	public List<Row> all() {
		return this.jdbc.sql("select * from teams order by name").query(Teams::row).list();
	}

	/** Members of the given teams, keyed by team name, leads first. */
	public Map<String, List<TeamEntry.Member>> members(Collection<String> teams) {
		Map<String, List<TeamEntry.Member>> result = new LinkedHashMap<>();
		if (teams.isEmpty()) {
			return result;
		}
		this.jdbc.sql("select * from team_members where team in (:teams) order by team, role, user_name")
			.param("teams", teams)
			.query(rs -> {
				result.computeIfAbsent(rs.getString("team"), key -> new ArrayList<>())
					.add(new TeamEntry.Member(rs.getString("user_name"),
							Keyed.fromKey(Role.class, rs.getString("role")).orElseThrow()));
			});
		return result;
	}

	public List<Membership> membershipsOf(String user) {
		return this.jdbc.sql("select team, role from team_members where user_name = ? order by team")
			.param(user)
			.query((rs, n) -> new Membership(rs.getString("team"),
					Keyed.fromKey(Role.class, rs.getString("role")).orElseThrow()))
			.list();
	}

	public void insert(Row team) {
		this.jdbc.sql("""
				insert into teams (name, title, kind, email, chat, parent, created_at, version)
				values (?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(team.name(), team.title(), team.kind().key(), team.email(), team.chat(), team.parent(),
					Sql.timestamp(team.createdAt()))
			.update();
	}

	public boolean update(Row team) {
		return this.jdbc.sql("""
				update teams set title = ?, kind = ?, email = ?, chat = ?, parent = ?, version = version + 1
				where name = ? and version = ?""")
			.params(team.title(), team.kind().key(), team.email(), team.chat(), team.parent(), team.name(),
					team.version())
			.update() == 1;
	}

	public void touch(String team) {
		this.jdbc.sql("update teams set version = version + 1 where name = ?").param(team).update();
	}

	public void delete(String name) {
		this.jdbc.sql("delete from teams where name = ?").param(name).update();
	}

	public void replaceMembers(String team, List<TeamEntry.Member> members) {
		this.jdbc.sql("delete from team_members where team = ?").param(team).update();
		members.forEach(member -> setMember(team, member.user(), member.role()));
	}

	/** Sets a user's role in a team; answers whether the membership is new. */
	public boolean setMember(String team, String user, Role role) {
		int updated = this.jdbc.sql("update team_members set role = ? where team = ? and user_name = ?")
			.params(role.key(), team, user)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into team_members (team, user_name, role) values (?, ?, ?)")
				.params(team, user, role.key())
				.update();
			return true;
		}
		return false;
	}

	public boolean removeMember(String team, String user) {
		return this.jdbc.sql("delete from team_members where team = ? and user_name = ?")
			.params(team, user)
			.update() == 1;
	}

}
