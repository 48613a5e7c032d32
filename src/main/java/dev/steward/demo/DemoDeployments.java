package dev.steward.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dev.steward.access.StewardPrincipal;
import dev.steward.changes.ChangeRequest;
import dev.steward.changes.Changes;
import dev.steward.deployments.DeploymentRequest;
import dev.steward.deployments.Deployments;
import dev.steward.deployments.InstanceRequest;
import dev.steward.deployments.ServiceInstances;
import dev.steward.deployments.VerificationRequest;
import dev.steward.deployments.VerificationRequest.Check;
import dev.steward.environments.EnvironmentRequest;
import dev.steward.environments.Environments;
import dev.steward.windows.WindowRequest;
import dev.steward.windows.Windows;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo organization's environments, instances, deployment history (a promotion
 * through staging, a rollback at Checkout, a rollout under way at Search), change
 * requests in several states, and its windows: a company weekend freeze and year-end
 * freeze, Payments' month-end settlement blackout and Checkout's weekday allow window.
 * Each step acts as the person who would take it.
 */
@Component
class DemoDeployments {

	private static final String ADMIN = StewardPrincipal.BOOTSTRAP_ADMIN;

	private final Environments environments;

	private final ServiceInstances instances;

	private final Deployments deployments;

	private final Changes changes;

	private final Windows windows;

	private final Clock clock;

	DemoDeployments(Environments environments, ServiceInstances instances, Deployments deployments, Changes changes,
			Windows windows, Clock clock) {
		this.environments = environments;
		this.instances = instances;
		this.deployments = deployments;
		this.changes = changes;
		this.windows = windows;
		this.clock = clock;
	}

	void load() {
		as(ADMIN, () -> {
			this.environments.create(new EnvironmentRequest("development", "Development", "non-production", 10, null,
					"Shared integration environment"));
			this.environments.create(new EnvironmentRequest("staging", "Staging", "non-production", 50, null,
					"Production-like, with anonymized data"));
			this.environments.create(new EnvironmentRequest("production", "Production", "production", 100, null,
					"Serves customers in eu-west-1 and us-east-1"));
		});
		instances();
		history();
		changeRequests();
		windows();
	}

	private void instances() {
		as(ADMIN, () -> {
			for (String service : List.of("payments-api", "checkout-api", "search-api", "orders")) {
				this.instances.put(service, "staging", new InstanceRequest(
						"https://" + service + ".staging.northwind.example", "eu-west-1", nodes(service, 2)));
				this.instances.put(service, "production", new InstanceRequest(
						"https://" + service + ".northwind.example", "eu-west-1", nodes(service, 4)));
			}
		});
	}

	/**
	 * Deployments are made before the windows exist, so that the gate lets them through.
	 */
	private void history() {
		Instant now = this.clock.instant();
		promote("payments-api", "2.14.0", "9f2c4e1", now.minus(Duration.ofDays(2)), "elena-petrova");
		promote("checkout-api", "4.11.3", "51ab7d0", now.minus(Duration.ofDays(6)), "julia-santos");
		promote("checkout-api", "4.12.0", "c3d90aa", now.minus(Duration.ofDays(1)), "julia-santos");
		as("diego-ramirez", () -> {
			long failed = this.deployments.deployments("checkout-api", "production", "succeeded", 1, null)
				.items()
				.get(0)
				.id();
			this.deployments.rollback(failed, "5xx ratio above 4 % after the rollout");
			this.deployments.rolledBack(failed);
		});
		promote("search-api", "7.3.0", "e77a410", now.minus(Duration.ofHours(5)), "chen-wei");
		as("chen-wei", () -> {
			long staging = rollOut("search-api", "staging", "7.4.0", "0aa51f3", now.minus(Duration.ofHours(3)));
			verify(staging, true);
			long production = rollOut("search-api", "production", "7.4.0", "0aa51f3", now.minus(Duration.ofHours(3)));
			List<String> nodes = this.instances.instance("search-api", "production").nodes();
			this.deployments.node(production, nodes.get(0), "updating");
			this.deployments.node(production, nodes.get(0), "updated");
			this.deployments.node(production, nodes.get(1), "updating");
		});
	}

	private void changeRequests() {
		Instant now = this.clock.instant();
		LocalDate tuesday = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
		Instant tuesdayMorning = tuesday.atTime(LocalTime.of(6, 0)).toInstant(ZoneOffset.UTC);
		long upgrade = create("elena-petrova",
				new ChangeRequest("ledger", "PostgreSQL 15 → 16 for the ledger", "database",
						"Major version upgrade of the ledger cluster with pg_upgrade --link", "high",
						"database-reliability", "production", tuesdayMorning.toString(),
						tuesdayMorning.plus(Duration.ofHours(2)).toString(),
						"Fail back to the untouched replica promoted before the upgrade", null));
		as("elena-petrova", () -> {
			this.changes.submit(upgrade);
			this.changes.approve(upgrade);
		});
		as("nadia-ivanova", () -> this.changes.approve(upgrade));
		Instant thursday = tuesdayMorning.plus(Duration.ofDays(2)).plus(Duration.ofHours(8));
		long loadBalancer = create("julia-santos",
				new ChangeRequest("checkout-api", "Move checkout to the new load balancer", "load-balancer",
						"Switch checkout-api from the classic to the application load balancer", "medium",
						"platform-ops", "production", thursday.toString(),
						thursday.plus(Duration.ofHours(1)).toString(),
						"Point DNS back at the classic load balancer (TTL 60 s)", null));
		as("julia-santos", () -> {
			this.changes.submit(loadBalancer);
			this.changes.approve(loadBalancer);
		});
		create("chen-wei",
				new ChangeRequest("search-api", "More memory for the search nodes", "capacity",
						"Resize search nodes from 16 to 32 GiB", "low", null, "production",
						thursday.plus(Duration.ofDays(1)).toString(),
						thursday.plus(Duration.ofDays(1).plusHours(1)).toString(), "Resize back to 16 GiB", null));
	}

	private void windows() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate freezeStart = LocalDate.of(today.getYear(), 12, 18);
		if (today.isAfter(LocalDate.of(today.getYear(), 12, 31).minusDays(5))) {
			freezeStart = freezeStart.plusYears(1);
		}
		String start = freezeStart.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime().toString();
		String end = freezeStart.plusDays(17).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime().toString();
		as(ADMIN, () -> {
			this.windows.create(new WindowRequest("weekend-freeze", "Weekend freeze", "company", null, "deny",
					"0 18 * * 5", "P2DT14H", null, null, "Europe/Berlin",
					"No production deployments from Friday 18:00 to Monday 08:00 Berlin time"));
			this.windows.create(
					new WindowRequest("year-end-freeze", "Year-end freeze", "company", List.of("staging", "production"),
							"deny", null, null, start, end, "UTC", "Peak season and year-end closing"));
			this.windows.create(new WindowRequest("month-end-settlement", "Month-end settlement",
					"product:payments-platform", null, "deny", "0 0 1 * *", "P1D", null, null, "UTC",
					"Settlement runs on the first of each month"));
		});
		as("julia-santos",
				() -> this.windows.create(new WindowRequest("checkout-weekdays", "Checkout deploy hours",
						"service:checkout-api", null, "allow", "0 9 * * 1-4", "PT7H", null, null, "America/New_York",
						"Deploy Monday to Thursday, 09:00–16:00 New York, when the team is around")));
	}

	private void promote(String service, String version, String commit, Instant commitTime, String by) {
		as(by, () -> {
			for (String environment : List.of("staging", "production")) {
				verify(rollOut(service, environment, version, commit, commitTime), true);
			}
		});
	}

	private long rollOut(String service, String environment, String version, String commit, Instant commitTime) {
		return this.deployments
			.request(new DeploymentRequest(service, environment, version, commit, commitTime.toString(), "rolling", 1,
					null, null))
			.id();
	}

	private void verify(long deployment, boolean passed) {
		this.deployments.verify(deployment, new VerificationRequest(passed,
				List.of(new Check("smoke tests", passed, null), new Check("error ratio under 1 %", passed, null))));
	}

	private long create(String by, ChangeRequest request) {
		long[] id = new long[1];
		as(by, () -> id[0] = this.changes.create(request).id());
		return id[0];
	}

	private static List<String> nodes(String service, int count) {
		return IntStream.rangeClosed(1, count).mapToObj(i -> service + "-" + i).toList();
	}

	/**
	 * Runs {@code step} as {@code user} would through the API (an administrator for the
	 * bootstrap name).
	 */
	private static void as(String user, Runnable step) {
		boolean admin = ADMIN.equals(user);
		StewardPrincipal principal = new StewardPrincipal(user, admin, Set.of(admin ? "admin" : "write"), null);
		Authentication previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
		try {
			step.run();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

}
