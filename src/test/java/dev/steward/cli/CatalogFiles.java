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

	/**
	 * The files with on-call, and two environments with a recurring window of the ledger
	 * service and a one-off company blackout, written as people write them rather than as
	 * stored (environments out of order, a duration in minutes, times with an offset).
	 */
	static Path writeWithWindows(Path directory, String suffix, int tier) {
		writeWithOnCall(directory, suffix, tier);
		try {
			Files.writeString(directory.resolve("deployments.yaml"), """
					apiVersion: steward.dev/v1
					kind: Environment
					metadata:
					  name: staging-%1$s
					spec:
					  title: Staging
					  kind: non-production
					  order: 50
					---
					apiVersion: steward.dev/v1
					kind: Environment
					metadata:
					  name: production-%1$s
					spec:
					  title: Production
					  kind: production
					  order: 100
					---
					apiVersion: steward.dev/v1
					kind: Window
					metadata:
					  name: ledger-evenings-%1$s
					spec:
					  title: Ledger releases
					  scope: service:ledger-%1$s
					  environments: [staging-%1$s, production-%1$s]
					  kind: allow
					  schedule: "0 18 * * 1-4"
					  duration: PT120M
					  timeZone: Europe/London
					---
					apiVersion: steward.dev/v1
					kind: Window
					metadata:
					  name: holidays-%1$s
					spec:
					  scope: company
					  environments: [production-%1$s]
					  kind: deny
					  start: 2027-12-24T00:00:00+01:00
					  end: 2027-12-27T00:00:00+01:00
					  timeZone: Europe/Berlin
					  reason: Holidays
					""".formatted(suffix));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The files with windows, and two SLOs of the ledger service written as people write
	 * them (windows in days, a whole-number objective): one pushed, one pulled from
	 * Prometheus.
	 */
	static Path writeWithSlos(Path directory, String suffix, int tier) {
		writeWithWindows(directory, suffix, tier);
		try {
			Files.writeString(directory.resolve("slos.yaml"), """
					apiVersion: steward.dev/v1
					kind: SLO
					metadata:
					  name: ledger-%1$s/availability
					spec:
					  title: Ledger answers
					  indicator: availability
					  objective: 99.9
					  window: P30D
					---
					apiVersion: steward.dev/v1
					kind: SLO
					metadata:
					  name: ledger-%1$s/fast-postings
					spec:
					  indicator: latency
					  objective: 99
					  window: P28D
					  latencyThreshold: PT0.25S
					  prometheus:
					    url: http://prometheus.example:9090
					    goodQuery: sum(increase(ledger_postings_bucket{le="0.25"}[$window]))
					    totalQuery: sum(increase(ledger_postings_count[$window]))
					""".formatted(suffix));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The ledger service's contract, version 1.0.0. */
	static final String LEDGER_V1 = """
			openapi: 3.0.3
			info: {title: Ledger, version: 1.0.0}
			paths:
			  /entries/{id}:
			    get:
			      parameters:
			        - {name: id, in: path, required: true, schema: {type: string}}
			      responses:
			        '200': {description: One entry}
			""";

	/**
	 * The files with SLOs, and the ledger service's API and datastore as
	 * {@link #writeApis(Path, String)} writes them.
	 */
	static Path writeWithApis(Path directory, String suffix, int tier) {
		writeWithSlos(directory, suffix, tier);
		return writeApis(directory, suffix);
	}

	/**
	 * The ledger service's API (its contract in a file beside the manifest, consumed by
	 * invoices) and its datastore (a schema in a file, read directly by invoices), beside
	 * the files with on-call that name those services.
	 */
	static Path writeApis(Path directory, String suffix) {
		try {
			Files.createDirectories(directory.resolve("contracts"));
			Files.writeString(directory.resolve("contracts/ledger-1.0.0.yaml"), LEDGER_V1);
			Files.writeString(directory.resolve("contracts/entries-1.sql"),
					"create table entries (id varchar(36) primary key, amount numeric);\n");
			Files.writeString(directory.resolve("interfaces.yaml"), """
					apiVersion: steward.dev/v1
					kind: Api
					metadata:
					  name: ledger-api-%1$s
					spec:
					  service: ledger-%1$s
					  visibility: internal
					  type: openapi
					  description: Ledger entries
					  versions:
					    - version: 1.0.0
					      specFile: contracts/ledger-1.0.0.yaml
					  consumers:
					    - service: invoices-%1$s
					      major: 1
					---
					apiVersion: steward.dev/v1
					kind: Datastore
					metadata:
					  name: ledger-db-%1$s
					spec:
					  owner: ledger-%1$s
					  kind: postgresql
					  classification: confidential
					  pii: false
					  retentionDays: 3650
					  accessPatterns:
					    readsPerSecond: 120
					    writesPerSecond: 15
					  schemas:
					    - name: entries
					      version: "1"
					      appliedAt: 2026-01-05T10:00:00Z
					      documentFile: contracts/entries-1.sql
					  access:
					    - service: invoices-%1$s
					      mode: read
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
