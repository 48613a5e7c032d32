package dev.steward.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.internal.Services;
import dev.steward.catalog.internal.Teams;
import dev.steward.catalog.internal.Transfers;
import dev.steward.catalog.internal.Users;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Upsert;
import dev.steward.common.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people and teams of the organization: users, teams and team membership. */
@Service
@Transactional
public class Directory {

	private final Users users;

	private final Teams teams;

	private final Services services;

	private final Transfers transfers;

	private final AuditTrail audit;

	private final Clock clock;

	Directory(Users users, Teams teams, Services services, Transfers transfers, AuditTrail audit, Clock clock) {
		this.users = users;
		this.teams = teams;
		this.services = services;
		this.transfers = transfers;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public UserEntry user(String name) {
		return findUser(name).orElseThrow(() -> NotFound.of("user", name));
	}

	@Transactional(readOnly = true)
	public Optional<UserEntry> findUser(String name) {
		return this.users.find(name);
	}

	/** The names among {@code names} that are no user, in their given order. */
	@Transactional(readOnly = true)
	public List<String> missingUsers(Collection<String> names) {
		return names.isEmpty() ? List.of() : this.users.missing(names);
	}

	@Transactional(readOnly = true)
	public Page<UserEntry> users(Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		return Page.of(this.users.page(Cursor.decode(cursor), size + 1), size, UserEntry::name);
	}

	public UserEntry createUser(UserRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		validateUser(validation, request);
		validation.throwIfInvalid();
		if (this.users.exists(request.name())) {
			throw Conflict.duplicate("user", request.name());
		}
		this.users.insert(request.name(), request.displayName(), request.email(), request.timeZone(), now());
		UserEntry created = user(request.name());
		this.audit.record("user.created", created.name(), null, null, created);
		return created;
	}

	public UserEntry updateUser(String name, UserRequest request, String ifMatch) {
		UserEntry before = user(name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		validateUser(validation, request);
		validation.throwIfInvalid();
		if (!this.users.update(name, before.version(), request.displayName(), request.email(), request.timeZone())) {
			throw PreconditionFailed.concurrentUpdate();
		}
		UserEntry after = user(name);
		this.audit.record("user.updated", name, null, before, after);
		return after;
	}

	/** Grants or withdraws the organization-administrator role. */
	public UserEntry setAdmin(String name, boolean admin) {
		UserEntry before = user(name);
		this.users.setAdmin(name, admin);
		UserEntry after = user(name);
		this.audit.record(admin ? "user.admin.granted" : "user.admin.withdrawn", name, null, before, after);
		return after;
	}

	/** The teams a user belongs to, with the user's role in each. */
	@Transactional(readOnly = true)
	public List<Membership> memberships(String user) {
		return this.teams.membershipsOf(user);
	}

	private static void validateUser(Validation validation, UserRequest request) {
		validation.required("displayName", request.displayName());
		validation.maxLength("displayName", request.displayName(), 200);
		if (validation.required("email", request.email())) {
			validation.email("email", request.email());
		}
		validation.zone("timeZone", request.timeZone());
	}

	@Transactional(readOnly = true)
	public TeamEntry team(String name) {
		return findTeam(name).orElseThrow(() -> NotFound.of("team", name));
	}

	@Transactional(readOnly = true)
	public Optional<TeamEntry> findTeam(String name) {
		return this.teams.find(name)
			.map(row -> entry(row, this.teams.members(List.of(name)).getOrDefault(name, List.of())));
	}

	/**
	 * Where mail to a team goes: the team's own address, else its members' (in the order
	 * the team lists them); empty for an unknown team or one nobody can be mailed at.
	 */
	@Transactional(readOnly = true)
	public List<String> mailAddresses(String team) {
		TeamEntry entry = findTeam(team).orElse(null);
		if (entry == null) {
			return List.of();
		}
		if (entry.email() != null && !entry.email().isBlank()) {
			return List.of(entry.email());
		}
		return entry.members()
			.stream()
			.map(member -> findUser(member.user()).map(UserEntry::email).orElse(null))
			.filter(email -> email != null && !email.isBlank())
			.distinct()
			.toList();
	}

	@Transactional(readOnly = true)
	public Page<TeamEntry> teams(Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		List<Teams.Row> rows = this.teams.page(Cursor.decode(cursor), size + 1);
		Map<String, List<TeamEntry.Member>> members = this.teams.members(rows.stream().map(Teams.Row::name).toList());
		return Page.of(rows, size, Teams.Row::name).map(row -> entry(row, members.getOrDefault(row.name(), List.of())));
	}

	/** Names and titles of all teams, for pickers and filters. */
	@Transactional(readOnly = true)
	public List<TeamEntry> allTeams() {
		return this.teams.all().stream().map(row -> entry(row, List.of())).toList();
	}

	public TeamEntry createTeam(TeamRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		List<TeamEntry.Member> members = validateTeam(validation, request);
		validation.throwIfInvalid();
		if (this.teams.exists(request.name())) {
			throw Conflict.duplicate("team", request.name());
		}
		this.teams.insert(row(request, now(), 0));
		this.teams.replaceMembers(request.name(), members);
		TeamEntry created = team(request.name());
		this.audit.record("team.created", created.name(), null, null, created);
		return created;
	}

	public TeamEntry updateTeam(String name, TeamRequest request, String ifMatch) {
		TeamEntry before = team(name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		List<TeamEntry.Member> members = validateTeam(validation, request);
		validation.throwIfInvalid();
		if (!this.teams.update(row(new TeamRequest(name, request.title(), request.kind(), request.email(),
				request.chat(), request.parent(), request.members()), before.createdAt(), before.version()))) {
			throw PreconditionFailed.concurrentUpdate();
		}
		if (request.members() != null) {
			this.teams.replaceMembers(name, members);
		}
		TeamEntry after = team(name);
		this.audit.record("team.updated", name, null, before, after);
		return after;
	}

	public void deleteTeam(String name, String ifMatch) {
		TeamEntry before = team(name);
		ETags.check(ifMatch, before.version());
		List<String> owned = this.services.ownedBy(name);
		if (!owned.isEmpty()) {
			throw Conflict
				.because("Team '" + name + "' still owns " + owned.size()
						+ " service(s); transfer them before deleting the team")
				.detail("services", owned);
		}
		this.transfers.cancelPendingTo(name, CurrentActor.name(), now());
		this.teams.delete(name);
		this.audit.record("team.deleted", name, null, before, null);
	}

	public Upsert<TeamEntry.Member> setMember(String team, String user, String role) {
		TeamEntry before = team(team);
		user(user);
		Validation validation = new Validation();
		if (validation.required("role", role)) {
			validation.oneOf("role", role, Keyed.keys(Role.class));
		}
		validation.throwIfInvalid();
		Role parsed = Keyed.fromKey(Role.class, role).orElseThrow();
		boolean created = this.teams.setMember(team, user, parsed);
		this.teams.touch(team);
		this.audit.record("team.member.set", team + "/members/" + user, null, before.members(), team(team).members());
		return new Upsert<>(new TeamEntry.Member(user, parsed), created);
	}

	public void removeMember(String team, String user) {
		TeamEntry before = team(team);
		if (!this.teams.removeMember(team, user)) {
			throw NotFound.because("User '" + user + "' is not a member of team '" + team + "'");
		}
		this.teams.touch(team);
		this.audit.record("team.member.removed", team + "/members/" + user, null, before.members(),
				team(team).members());
	}

	private List<TeamEntry.Member> validateTeam(Validation validation, TeamRequest request) {
		validation.required("title", request.title());
		validation.maxLength("title", request.title(), 200);
		if (validation.required("kind", request.kind())) {
			validation.oneOf("kind", request.kind(), Keyed.keys(TeamKind.class));
		}
		validation.email("email", request.email());
		validation.maxLength("chat", request.chat(), 200);
		validation.optionalName("parent", request.parent());
		List<TeamEntry.Member> members = new ArrayList<>();
		if (request.members() == null) {
			return members;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < request.members().size(); i++) {
			TeamRequest.MemberRequest member = request.members().get(i);
			String field = "members[" + i + "]";
			if (member == null || !validation.required(field + ".user", member.user())) {
				continue;
			}
			if (!seen.add(member.user())) {
				validation.error(field + ".user", "lists '" + member.user() + "' twice");
			}
			else if (!this.users.exists(member.user())) {
				validation.error(field + ".user", "no user named '" + member.user() + "'");
			}
			String role = member.role() == null ? Role.MEMBER.key() : member.role();
			validation.oneOf(field + ".role", role, Keyed.keys(Role.class));
			Keyed.fromKey(Role.class, role)
				.ifPresent(parsed -> members.add(new TeamEntry.Member(member.user(), parsed)));
		}
		return members;
	}

	private static Teams.Row row(TeamRequest request, Instant createdAt, long version) {
		return new Teams.Row(request.name(), request.title(),
				Keyed.fromKey(TeamKind.class, request.kind()).orElseThrow(), request.email(), request.chat(),
				request.parent(), createdAt, version);
	}

	private static TeamEntry entry(Teams.Row row, List<TeamEntry.Member> members) {
		List<String> warnings = new ArrayList<>();
		if (row.kind() == TeamKind.STREAM && !members.isEmpty()
				&& (members.size() < TeamEntry.MIN_SIZE || members.size() > TeamEntry.MAX_SIZE)) {
			warnings.add("STOSA teams have about " + TeamEntry.MIN_SIZE + "–" + TeamEntry.MAX_SIZE
					+ " engineers; this team has " + members.size());
		}
		return new TeamEntry(row.name(), row.title(), row.kind(), row.email(), row.chat(), row.parent(), members,
				warnings, row.createdAt(), row.version());
	}

	private Instant now() {
		return this.clock.instant();
	}

}
