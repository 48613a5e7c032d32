package dev.steward.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code steward gate check} against the running server. */
class GateCommandTests extends CommandAgainstServerTest {

	private String service;

	private String environment;

	/**
	 * A service and an environment of its own, so that no other test's window applies.
	 */
	@BeforeEach
	void serviceAndEnvironment() {
		this.service = service(team(), 2);
		this.environment = environment("production", false);
	}

	@Test
	void anOpenGateExitsZero() {
		CommandOutput open = steward("gate", "check", "--service", this.service, "--environment", this.environment,
				"--at", "2027-01-04T10:00:00+01:00", "--zone", "UTC");
		assertThat(open.out()).isEqualTo("Open: " + this.service + " may deploy to " + this.environment
				+ " at 2027-01-04 09:00 +00:00\n  no deployment window applies\nStays open for at least a year\n");
	}

	@Test
	void aBlackoutClosesTheGateExitsThreeAndTellsWhenItOpens() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		Instant end = now.plus(2, ChronoUnit.HOURS);
		String freeze = window(this.service, this.environment, "deny", now.minus(1, ChronoUnit.HOURS), end,
				"Quarter-end freeze");

		CommandOutput closed = stewardAs(ADMIN_TOKEN, "gate", "check", "--service", this.service, "--environment",
				this.environment, "--zone", "UTC");
		assertThat(closed.exitCode()).as(closed.err()).isEqualTo(ExitCodes.REFUSED);
		List<String> lines = closed.out().lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0))
			.startsWith("Closed: " + this.service + " may not deploy to " + this.environment + " at ");
		assertThat(lines.get(1)).isEqualTo("  closes: deny window '" + freeze + "' (service:" + this.service
				+ "), active until " + utc(end) + ": Quarter-end freeze");
		assertThat(lines.get(2)).isEqualTo("Opens at " + utc(end));

		String berlin = TIME.format(end.atZone(ZoneId.of("Europe/Berlin")));
		assertThat(stewardAs(ADMIN_TOKEN, "gate", "check", "--service", this.service, "--environment", this.environment,
				"--zone", "Europe/Berlin")
			.out()).endsWith("Opens at " + berlin + "\n");

		CommandOutput json = stewardAs(ADMIN_TOKEN, "gate", "check", "--service", this.service, "--environment",
				this.environment, "--output", "json");
		assertThat(json.exitCode()).isEqualTo(ExitCodes.REFUSED);
		JsonNode answer = JsonMapper.builder().build().readTree(json.out());
		assertThat(answer.path("open").asBoolean()).isFalse();
		assertThat(answer.path("service").asString()).isEqualTo(this.service);
		assertThat(answer.path("reasons").get(0).path("window").asString()).isEqualTo(freeze);
		assertThat(answer.path("reasons").get(0).path("effect").asString()).isEqualTo("closes");
		assertThat(Instant.parse(answer.path("nextChange").asString())).isEqualTo(end);

		CommandOutput later = steward("gate", "check", "--service", this.service, "--environment", this.environment,
				"--at", end.plus(1, ChronoUnit.MINUTES).toString(), "--zone", "UTC");
		assertThat(later.out()).startsWith("Open: ").contains("no deployment window applies");
	}

	@Test
	void anInactiveAllowWindowKeepsItClosedUntilTheWindowBegins() {
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(3, ChronoUnit.HOURS);
		Instant end = start.plus(1, ChronoUnit.HOURS);
		String allow = window(this.service, this.environment, "allow", start, end, "Weekday mornings");
		CommandOutput closed = stewardAs(ADMIN_TOKEN, "gate", "check", "--service", this.service, "--environment",
				this.environment, "--zone", "UTC");
		assertThat(closed.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(closed.out()).contains("  inactive: allow window '" + allow + "' (service:" + this.service
				+ "), next active " + utc(start) + ": Weekday mornings\nOpens at " + utc(start) + "\n");

		CommandOutput inside = steward("gate", "check", "--service", this.service, "--environment", this.environment,
				"--at", start.toString(), "--zone", "UTC");
		assertThat(inside.out())
			.contains("  opens: allow window '" + allow + "' (service:" + this.service + "), active until " + utc(end))
			.endsWith("Closes at " + utc(end) + "\n");
	}

	@Test
	void unknownServiceOrEnvironmentIsAnError() {
		CommandOutput service = stewardAs(ADMIN_TOKEN, "gate", "check", "--service", unique("svc"), "--environment",
				this.environment);
		assertThat(service.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(service.err()).startsWith("error: ");
		assertThat(service.out()).isEmpty();

		CommandOutput environment = stewardAs(ADMIN_TOKEN, "gate", "check", "--service", this.service, "--environment",
				unique("env"));
		assertThat(environment.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(environment.err()).startsWith("error: ");

		CommandOutput missing = stewardAs(ADMIN_TOKEN, "gate", "check", "--service", this.service);
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(missing.err()).contains("--environment");
	}

}
