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
					""".formatted(suffix, tier));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
