package dev.steward.reporting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.notifications.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly digests: for every subscription, the team's (or the organization's) report
 * of the last whole ISO week (Monday to Monday, UTC) as a short email, planned through
 * the mail outbox once per user, scope and week, so that a second run of the same week
 * (on this node or another) sends nothing again.
 */
@Service
public class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final DigestSubscriptions subscriptions;

	private final Reports reports;

	private final MailOutbox outbox;

	private final Clock clock;

	private final String baseUrl;

	Digests(DigestSubscriptions subscriptions, Reports reports, MailOutbox outbox, Clock clock,
			@Value("${steward.base-url:http://localhost:8080}") String baseUrl) {
		this.subscriptions = subscriptions;
		this.reports = reports;
		this.outbox = outbox;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * Plans the digests of the last whole week for every subscriber; answers how many
	 * were newly planned.
	 */
	@Transactional
	public int sendLastWeek() {
		ReportPeriod week = lastWeek();
		String name = ReportPeriod.isoWeek(week.since());
		Map<String, Digest> byScope = new HashMap<>();
		int planned = 0;
		for (DigestSubscription subscription : this.subscriptions.all()) {
			Digest digest = byScope.computeIfAbsent(subscription.scope(), scope -> compose(subscription, week, name));
			if (this.outbox.toUser("digest:" + subscription.user() + ":" + subscription.scope() + ":" + name,
					subscription.user(), digest.subject(), digest.body())) {
				planned++;
			}
		}
		if (planned > 0) {
			log.info("Planned {} weekly digest(s) of {}", planned, name);
		}
		return planned;
	}

	/** The ISO week (UTC) before the one that is under way. */
	ReportPeriod lastWeek() {
		LocalDate monday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Instant until = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
		return new ReportPeriod(until.minus(Duration.ofDays(7)), until);
	}

	private Digest compose(DigestSubscription subscription, ReportPeriod week, String name) {
		String period = LocalDate.ofInstant(week.since(), ZoneOffset.UTC) + " to "
				+ LocalDate.ofInstant(week.until(), ZoneOffset.UTC) + " (UTC)";
		String query = "?since=" + week.since() + "&until=" + week.until();
		if (subscription.team() == null) {
			OrganizationReport report = this.reports.organization(week);
			StringBuilder body = new StringBuilder("The organization in ").append(name)
				.append(", ")
				.append(period)
				.append(":\n\n")
				.append(figures(report.total().services() + " services", report.total().incidents(),
						report.total().dora(), report.total().emergencyOverrides()));
			body.append("\nBy group:\n");
			report.byGroup()
				.forEach(group -> body.append("  ")
					.append(group.key())
					.append(": ")
					.append(oneLine(group.incidents(), group.dora()))
					.append('\n'));
			body.append("\nThe whole report: ").append(this.baseUrl).append("/reports/organization").append(query);
			return new Digest("[Steward] Weekly digest of the organization, " + name, body.append('\n').toString());
		}
		TeamReport report = this.reports.team(subscription.team(), week);
		StringBuilder body = new StringBuilder("Team ").append(report.team())
			.append(" in ")
			.append(name)
			.append(", ")
			.append(period)
			.append(":\n\n")
			.append(figures(report.services().size() + " services", report.incidents(), report.dora(),
					report.emergencyOverrides()))
			.append("On call: ")
			.append(report.oncall().pages())
			.append(" page(s), ")
			.append(report.oncall().pagesOutsideHours())
			.append(" outside 08:00-22:00")
			.append(report.oncall().perPerson().isEmpty() ? ""
					: " (" + report.oncall()
						.perPerson()
						.stream()
						.map(person -> person.user() + " " + person.pages())
						.collect(Collectors.joining(", ")) + ")")
			.append("\n\nBy service:\n");
		report.services()
			.forEach(service -> body.append("  ")
				.append(service.service())
				.append(": ")
				.append(oneLine(service.incidents(), service.dora()))
				.append('\n'));
		body.append("\nThe whole report: ")
			.append(this.baseUrl)
			.append("/reports/teams/")
			.append(report.team())
			.append(query);
		return new Digest("[Steward] Weekly digest of " + report.team() + ", " + name, body.append('\n').toString());
	}

	private static String figures(String what, IncidentFigures incidents, DoraFigures dora, int emergencies) {
		return what + "\nIncidents: " + incidents.total() + " (" + incidents.high() + " high, " + incidents.low()
				+ " low); mean time to acknowledge " + duration(incidents.mttaSeconds()) + ", to resolve "
				+ duration(incidents.mttrSeconds()) + "; " + incidents.responseSlaBreaches()
				+ " response-SLA breach(es); " + incidents.postmortemsOverdue() + " postmortem(s) overdue\n"
				+ "Production deployments: " + dora.deployments() + "; lead time "
				+ duration(dora.leadTimeSecondsMedian()) + band(dora.bands().leadTime()) + "; change failure rate "
				+ percent(dora.changeFailureRate()) + band(dora.bands().changeFailureRate()) + "; recovery "
				+ duration(dora.failedDeploymentRecoverySecondsMedian()) + band(dora.bands().failedDeploymentRecovery())
				+ "\nEmergency overrides: " + emergencies + "\n";
	}

	private static String oneLine(IncidentFigures incidents, DoraFigures dora) {
		return incidents.total() + " incident(s) (" + incidents.high() + " high), " + dora.deployments()
				+ " deployment(s), change failure rate " + percent(dora.changeFailureRate());
	}

	private static String band(DoraBand band) {
		return band == null ? "" : " (" + band.key() + ")";
	}

	private static String percent(Double rate) {
		return rate == null ? "-" : Math.round(rate * 100) + " %";
	}

	/**
	 * A duration in whole seconds as people read it: {@code 1h 5m}, {@code 42s}, or
	 * {@code -}.
	 */
	static String duration(Long seconds) {
		if (seconds == null) {
			return "-";
		}
		long days = seconds / 86_400;
		long hours = seconds % 86_400 / 3600;
		long minutes = seconds % 3600 / 60;
		List<String> parts = new ArrayList<>();
		if (days > 0) {
			parts.add(days + "d");
		}
		if (hours > 0) {
			parts.add(hours + "h");
		}
		if (minutes > 0 && days == 0) {
			parts.add(minutes + "m");
		}
		if (parts.isEmpty()) {
			parts.add(seconds % 60 + "s");
		}
		return String.join(" ", parts);
	}

	/** A digest as mailed. */
	private record Digest(String subject, String body) {
	}

}
