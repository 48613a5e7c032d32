package dev.steward.catalog;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A team with its members; {@code warnings} names soft rules it breaks, such as STOSA's
 * team size of about three to eight engineers.
 */
public record TeamEntry(String name, String title, TeamKind kind, String email, String chat, String parent,
		List<Member> members, List<String> warnings, Instant createdAt, @JsonIgnore long version) {

	/** The smallest and largest team STOSA recommends. */
	public static final int MIN_SIZE = 3;

	public static final int MAX_SIZE = 8;

	/** One membership of a user in a team. */
	public record Member(String user, Role role) {
	}

}
