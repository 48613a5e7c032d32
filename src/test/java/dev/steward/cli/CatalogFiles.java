package dev.steward.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small catalog repository (a team's files) for command tests. */
final class CatalogFiles {

	private CatalogFiles() {
	}

	static Path write(Path directory, String suffix, int tier) {
		return write(directory, suffix, tier, "");
	}

	/**
	 * The same files, and a schedule and an escalation policy of the team, which the
	 * ledger service names.
	 */
	static Path writeWithOnCall(Path directory, String suffix, int tier) {
		write(directory, suffix, tier, "  escalationPolicy: paging-" + suffix + "\n");
		try {
			Files.writeString(directory.resolve("teams/oncall.yaml"), """
					apiVersion: steward.dev/v1
					kind: Schedule
					metadata:
					  name: rota-%1$s
					spec:
					  title: Billing rota
					  team: billing-%1$s
					  timeZone: Europe/London
					  layers:
					    - start: 2027-01-04T09:00:00Z
					      turnLength: P1W
					      users: [ada-%1$s]
					      restrictions:
					        - type: weekly
					          startDayOfWeek: 1
					          startTimeOfDay: "09:00"
					          duration: P5D
					---
					apiVersion: steward.dev/v1
					kind: EscalationPolicy
					metadata:
					  name: paging-%1$s
					spec:
					  team: billing-%1$s
					  levels:
					    - delay: PT10M
					      targets:
					        - type: schedule
					          name: rota-%1$s
					    - delay: PT30M
					      targets:
					        - type: user
					          name: ada-%1$s
					""".formatted(suffix));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path write(Path directory, String suffix, int tier, String ledgerExtra) {
		try {
			Files.createDirectories(directory.resolve("teams"));
			Files.writeString(directory.resolve("teams/billing.yaml"), """
					apiVersion: steward.dev/v1
					kind: User
					metadata:
					  name: ada-%1$s
					spec:
					  displayName: Ada
					  email: ada@example.com
					  timeZone: Europe/London
					---
					apiVersion: steward.dev/v1
					kind: Team
					metadata:
					  name: billing-%1$s
					spec:
					  title: Billing
					  kind: stream
					  members:
					    - user: ada-%1$s
					      role: lead
					""".formatted(suffix));
			Files.writeString(directory.resolve("services.yml"), """
					apiVersion: steward.dev/v1
					kind: Service
					metadata:
					  name: invoices-%1$s
					spec:
					  title: Invoices
					  owner: billing-%1$s
					  tier: %2$d
					  dependencies:
					    - service: ledger-%1$s
					      criticality: hard
					---
					apiVersion: steward.dev/v1
					kind: Service
					metadata:
					  name: ledger-%1$s
					spec:
					  title: Ledger
					  owner: billing-%1$s
					  tier: 1
					%3$s""".formatted(suffix, tier, ledgerExtra));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
