package dev.steward.reporting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.steward.catalog.Dependency;
import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.ServiceFilter;
import dev.steward.catalog.TeamEntry;
import dev.steward.common.Cursor;
import dev.steward.common.Page;
import dev.steward.monitoring.MonitoringReviews;
import dev.steward.monitoring.MonitoringStatus;
import dev.steward.slas.SlaAgreement;
import dev.steward.slas.SlaAgreements;
import dev.steward.slas.SloEntry;
import dev.steward.slas.SloIndicator;
import dev.steward.slas.SloStatus;
import dev.steward.slas.Slos;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of SPEC §12: a service's, a team's, a consumer's and the organization's
 * operational health over a period, each gathered with a fixed number of bulk queries per
 * module.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

	/** The roll-up key of services without a product. */
	static final String NONE = "none";

	private final ReportSources sources;

	private final ServiceCatalog catalog;

	private final Directory directory;

	private final Slos slos;

	private final SlaAgreements agreements;

	private final MonitoringReviews monitoring;

	private final Scorecards scorecards;

	private final Clock clock;

	Reports(ReportSources sources, ServiceCatalog catalog, Directory directory, Slos slos, SlaAgreements agreements,
			MonitoringReviews monitoring, Scorecards scorecards, Clock clock) {
		this.scorecards = scorecards;
		this.sources = sources;
		this.catalog = catalog;
		this.directory = directory;
		this.slos = slos;
		this.agreements = agreements;
		this.monitoring = monitoring;
		this.clock = clock;
	}

	/** The period the query parameters name, validated (400 when invalid). */
	public ReportPeriod period(String since, String until) {
		return ReportPeriod.of(since, until, this.clock);
	}

	public ServiceReport service(String name, ReportPeriod period) {
		ServiceEntry service = this.catalog.service(name);
		ReportTally tally = this.sources.gather(List.of(name), period, false, true).of(name);
		MonitoringStatus reviews = this.monitoring.status(name);
		return new ServiceReport(name, service.owner(), period.since(), period.until(), tally.incidentFigures(),
				tally.doraFigures(period), slos(name), agreements(name, period, Objects::nonNull),
				tally.changesByStatus(), tally.emergencyOverrides(),
				new ServiceReport.MonitoringReviews(reviews.lastReview() == null ? null : reviews.lastReview().at(),
						reviews.nextDue(), reviews.overdue()),
				tally.onCall());
	}

	public TeamReport team(String name, ReportPeriod period) {
		TeamEntry team = this.directory.team(name);
		List<ServiceEntry> services = services(new ServiceFilter(name, null, null, null, null));
		ReportSources.Tallies tallies = this.sources.gather(services.stream().map(ServiceEntry::name).toList(), period,
				false, true);
		ReportTally total = tallies.total();
		OnCallLoad load = total.onCall();
		List<TeamReport.Person> people = total.pagesByUser()
			.entrySet()
			.stream()
			.map(entry -> new TeamReport.Person(entry.getKey(), entry.getValue().pages(),
					entry.getValue().pagesOutsideHours()))
			.toList();
		String group = team.parent() != null ? team.parent() : team.name();
		return new TeamReport(name, period.since(), period.until(), total.incidentFigures(), total.doraFigures(period),
				total.changesByStatus(), total.emergencyOverrides(),
				new TeamReport.OnCall(load.pages(), load.pagesOutsideHours(), people),
				services.stream().map(service -> figures(service, group, tallies.of(service.name()), period)).toList());
	}

	public ConsumerReport consumers(String name, ReportPeriod period) {
		this.catalog.service(name);
		List<Dependency> dependencies = this.catalog.dependencies(name);
		ReportSources.Tallies tallies = this.sources.gather(dependencies.stream().map(Dependency::provider).toList(),
				period, false, false);
		List<ConsumerReport.Provider> providers = new ArrayList<>();
		for (Dependency dependency : dependencies) {
			String provider = dependency.provider();
			List<ServiceReport.Slo> providerSlos = slos(provider);
			Boolean met = providerSlos.stream().map(ServiceReport.Slo::met).anyMatch(Objects::isNull) ? null
					: providerSlos.stream().allMatch(ServiceReport.Slo::met);
			Double availability = providerSlos.stream()
				.filter(slo -> slo.indicator() == SloIndicator.AVAILABILITY && slo.sli() != null)
				.map(ServiceReport.Slo::sli)
				.min(Comparator.naturalOrder())
				.orElse(null);
			providers.add(new ConsumerReport.Provider(provider, this.catalog.service(provider).owner(),
					dependency.criticality(), tallies.of(provider).incidentFigures(), met, availability, providerSlos,
					agreements(provider, period,
							agreement -> name.equals(agreement.provider()) || name.equals(agreement.consumer()))));
		}
		return new ConsumerReport(name, period.since(), period.until(), providers);
	}

	public OrganizationReport organization(ReportPeriod period) {
		return organization(period, this.sources.gather(null, period, true, false), services(ServiceFilter.none()));
	}

	/** One row per service of the organization, for the CSV form of its report. */
	public List<ServiceFigures> organizationRows(ReportPeriod period) {
		ReportSources.Tallies tallies = this.sources.gather(null, period, false, false);
		Map<String, String> groups = groups();
		return services(ServiceFilter.none()).stream()
			.map(service -> figures(service, groups.get(service.owner()), tallies.of(service.name()), period))
			.toList();
	}

	private OrganizationReport organization(ReportPeriod period, ReportSources.Tallies tallies,
			List<ServiceEntry> services) {
		Map<String, String> groups = groups();
		return new OrganizationReport(period.since(), period.until(),
				rollUps(services, tallies, period, service -> "all").get(0),
				rollUps(services, tallies, period, service -> groups.getOrDefault(service.owner(), service.owner())),
				rollUps(services, tallies, period, service -> service.product() == null ? NONE : service.product()),
				rollUps(services, tallies, period, service -> Integer.toString(service.tier())),
				period.isoWeeks().stream().map(week -> {
					ReportTally tally = tallies.byWeek().getOrDefault(week, new ReportTally());
					IncidentFigures incidents = tally.incidentFigures();
					DoraFigures dora = tally.doraFigures(period);
					return new OrganizationReport.Week(week, incidents.total(), incidents.high(), dora.deployments(),
							dora.changeFailureRate());
				}).toList(), this.scorecards.compliance());
	}

	private static List<OrganizationReport.RollUp> rollUps(List<ServiceEntry> services, ReportSources.Tallies tallies,
			ReportPeriod period, Function<ServiceEntry, String> key) {
		Map<String, List<ServiceEntry>> byKey = services.stream()
			.collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
		return byKey.entrySet().stream().map(entry -> {
			ReportTally tally = entry.getValue()
				.stream()
				.map(service -> tallies.of(service.name()))
				.reduce(new ReportTally(), ReportTally::add);
			return new OrganizationReport.RollUp(entry.getKey(), entry.getValue().size(), tally.incidentFigures(),
					tally.doraFigures(period), tally.emergencyOverrides());
		}).toList();
	}

	/** The parent group of each team: its parent, or the team itself at the top. */
	private Map<String, String> groups() {
		return this.directory.allTeams()
			.stream()
			.collect(Collectors.toMap(TeamEntry::name, team -> team.parent() != null ? team.parent() : team.name()));
	}

	/**
	 * The services {@code filter} selects, by name, read in pages of the largest size.
	 */
	private List<ServiceEntry> services(ServiceFilter filter) {
		List<ServiceEntry> services = new ArrayList<>();
		String cursor = null;
		do {
			Page<ServiceEntry> page = this.catalog.services(filter, Cursor.MAX_LIMIT, cursor);
			services.addAll(page.items());
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return services;
	}

	private static ServiceFigures figures(ServiceEntry service, String group, ReportTally tally, ReportPeriod period) {
		return new ServiceFigures(service.name(), service.owner(), group,
				service.product() == null ? NONE : service.product(), service.tier(), tally.incidentFigures(),
				tally.doraFigures(period), tally.emergencyOverrides());
	}

	private List<ServiceReport.Slo> slos(String service) {
		List<ServiceReport.Slo> figures = new ArrayList<>();
		for (SloEntry slo : this.slos.slos(service)) {
			SloStatus status = this.slos.status(service, slo.name());
			SloStatus.ErrorBudget budget = status.errorBudget();
			figures.add(new ServiceReport.Slo(slo.name(), slo.indicator(), slo.objective(), status.sli(),
					budget == null ? null : budget.remainingRatio(),
					status.sli() == null || budget == null ? null : budget.remaining() >= 0));
		}
		return figures;
	}

	private List<ServiceReport.Agreement> agreements(String service, ReportPeriod period,
			Predicate<SlaAgreement> which) {
		Map<Long, Long> breaches = this.agreements.breachCounts(service, period.since(), period.until());
		return this.agreements.agreements(service, "active", Cursor.MAX_LIMIT, null)
			.items()
			.stream()
			.filter(which)
			.map(agreement -> {
				long count = breaches.getOrDefault(agreement.id(), 0L);
				return new ServiceReport.Agreement(agreement.id(), agreement.provider(), agreement.consumer(),
						count == 0, count);
			})
			.toList();
	}

}
