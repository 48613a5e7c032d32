package dev.steward.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code steward change} against the running server. */
class ChangeCommandTests extends CommandAgainstServerTest {

	private static final Pattern ID = Pattern.compile("^Change (\\d+) of ");

	private String lead;

	private String member;

	private String service;

	private String environment;

	/**
	 * A service of a team with a lead and a member, and an environment of its own (no
	 * other test's window applies).
	 */
	@BeforeEach
	void leadAndMember() {
		String ana = user();
		String lea = user();
		this.service = service(
				team("stream", List.of(Map.of("user", ana, "role", "member"), Map.of("user", lea, "role", "lead"))), 2);
		this.environment = environment("production", false);
		this.member = writeToken(ana);
		this.lead = writeToken(lea);
	}

	private CommandOutput as(String token, String... args) {
		CommandOutput result = stewardAs(token, args);
		assertThat(result.exitCode()).as(result.err()).isZero();
		return result;
	}

	/** Files a database change planned from {@code start} to {@code end}; its id. */
	private String create(Instant start, Instant end, String... more) {
		List<String> args = new ArrayList<>(List.of("change", "create", "--service", this.service, "--category",
				"database", "--risk", "low", "--environment", this.environment, "--description",
				"Add an index on orders.created_at", "--planned-start", start.toString(), "--planned-end",
				end.toString(), "--rollback-plan", "Drop the index", "--zone", "UTC"));
		args.addAll(List.of(more));
		CommandOutput created = as(this.member, args.toArray(String[]::new));
		Matcher matcher = ID.matcher(created.out());
		assertThat(matcher.find()).as(created.out()).isTrue();
		return matcher.group(1);
	}

	@Test
	void aChangeIsFiledSubmittedApprovedStartedAndCompleted() {
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
		Instant end = start.plus(2, ChronoUnit.HOURS);
		String id = create(start, end, "--title", "Index orders by time");
		String headline = "Change " + id + " of " + this.service + " (Index orders by time): ";

		assertThat(as(this.member, "change", "show", "--id", id).out()).startsWith(headline + "draft\n");
		assertThat(as(this.member, "change", "submit", "--id", id).out()).isEqualTo(headline
				+ "submitted\nStill needs a lead of team '"
				+ ok(this.api.get("/api/v1/services/" + this.service)).json().path("owner").asString() + "' (owner)\n");

		CommandOutput notLead = stewardAs(this.member, "change", "approve", "--id", id);
		assertThat(notLead.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(notLead.err()).startsWith("error: Only a lead of team '");

		assertThat(as(this.lead, "change", "approve", "--id", id).out()).isEqualTo(headline + "approved\n");
		assertThat(as(this.member, "change", "start", "--id", id).out()).isEqualTo(headline + "in-progress\n");
		assertThat(as(this.member, "change", "complete", "--id", id, "--note", "Index built in 4 minutes").out())
			.isEqualTo(headline + "completed\n");

		String shown = as(this.member, "change", "show", "--id", id, "--zone", "UTC").out();
		assertThat(shown).startsWith(headline + "completed\n")
			.containsPattern("Category: +database\n")
			.containsPattern("Planned: +" + Pattern.quote(utc(start) + " to " + utc(end)) + "\n")
			.containsPattern("Rollback plan: +Drop the index\n")
			.containsPattern("Approvals: +user-\\S+ \\(owner\\) at ")
			.containsPattern("Outcome: +Index built in 4 minutes\n")
			.contains("\nGate when submitted:\n  Open: " + this.service + " may deploy to " + this.environment)
			.containsPattern("\nTIME \\(UTC\\) +STATUS +ACTOR +DETAIL\n")
			.containsPattern("completed +user-\\S+ +Index built in 4 minutes\n");

		List<String> listed = as(this.member, "change", "list", "--service", this.service, "--status", "completed",
				"--zone", "UTC")
			.out()
			.lines()
			.toList();
		assertThat(listed).hasSize(2);
		assertThat(listed.get(0))
			.matches("ID +STATUS +SERVICE +CATEGORY +RISK +PLANNED START \\(UTC\\) +PLANNED END +TITLE");
		assertThat(listed.get(1)).startsWith(id + " ")
			.contains("completed", "database", "low", utc(start), "Index orders by time");
		assertThat(as(this.member, "change", "list", "--service", this.service, "--status", "in-progress").out())
			.isEqualTo("No changes\n");

		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(as(this.member, "change", "show", "--id", id, "--output", "json").out());
		assertThat(json.path("status").asString()).isEqualTo("completed");
		assertThat(json.path("outcome").asString()).isEqualTo("Index built in 4 minutes");
	}

	@Test
	void submittingIntoAClosedGateIsRefusedWithTheWindowsThatCloseIt() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		Instant freezeEnd = now.plus(3, ChronoUnit.HOURS);
		String freeze = window(this.service, this.environment, "deny", now.plus(1, ChronoUnit.HOURS), freezeEnd,
				"Quarter-end freeze");
		String id = create(now, now.plus(2, ChronoUnit.HOURS));

		CommandOutput refused = stewardAs(this.member, "change", "submit", "--id", id, "--zone", "UTC");
		assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(refused.out()).isEmpty();
		assertThat(refused.err())
			.startsWith("error: The gate of " + this.service + " in " + this.environment + " is closed at ")
			.contains("\nClosed: " + this.service + " may not deploy to " + this.environment + " at "
					+ utc(now.plus(1, ChronoUnit.HOURS)) + "\n")
			.contains("\n  closes: deny window '" + freeze + "' (service:" + this.service + "), active until "
					+ utc(freezeEnd) + ": Quarter-end freeze\n")
			.endsWith("\nOpens at " + utc(freezeEnd) + "\n");
		assertThat(as(this.member, "change", "show", "--id", id).out()).contains("): draft\n");

		String emergency = create(now, now.plus(2, ChronoUnit.HOURS), "--emergency", "The database is out of disk");
		assertThat(as(this.member, "change", "submit", "--id", emergency).out()).contains("): submitted\n");
		assertThat(as(this.member, "change", "cancel", "--id", id, "--note", "After the freeze").out())
			.endsWith("): cancelled\n");
	}

	@Test
	void wrongCommandLines() {
		CommandOutput category = stewardAs(this.member, "change", "create", "--service", this.service, "--category",
				"firewall", "--risk", "low", "--description", "d", "--planned-start", "2027-01-04T09:00:00Z",
				"--planned-end", "2027-01-04T10:00:00Z", "--rollback-plan", "r");
		assertThat(category.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(category.err()).contains(
				"expected one of load-balancer, network, dns, capacity, os-tuning, database, other but was 'firewall'");

		CommandOutput missing = stewardAs(this.member, "change", "create", "--service", this.service);
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(missing.err()).contains("--category", "--rollback-plan");

		CommandOutput unknown = stewardAs(this.member, "change", "submit", "--id", "999999999");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(unknown.err()).isEqualTo("error: No change request with id 999999999\n");
	}

}
