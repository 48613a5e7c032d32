package dev.steward.catalog;

import java.util.List;

/**
 * Body of creating or fully updating a team; {@code members}, when present, replaces the
 * membership.
 */
public record TeamRequest(String name, String title, String kind, String email, String chat, String parent,
		List<MemberRequest> members) {

	/** The request that would recreate this team, the base of a merge patch. */
	public static TeamRequest from(TeamEntry team) {
		return new TeamRequest(team.name(), team.title(), team.kind().key(), team.email(), team.chat(), team.parent(),
				team.members().stream().map(member -> new MemberRequest(member.user(), member.role().key())).toList());
	}

	/** One member of a team request. */
	public record MemberRequest(String user, String role) {
	}

}
