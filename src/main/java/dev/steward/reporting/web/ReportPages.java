package dev.steward.reporting.web;

import java.time.Clock;
import java.util.List;
import java.util.function.ToIntFunction;

import tools.jackson.databind.json.JsonMapper;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.Csv;
import dev.steward.common.CurrentActor;
import dev.steward.common.ReaderTimes;
import dev.steward.common.WebPage;
import dev.steward.reporting.ConsumerReport;
import dev.steward.reporting.OrganizationReport;
import dev.steward.reporting.Reports;
import dev.steward.reporting.ServiceReport;
import dev.steward.reporting.TeamReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report pages: a service's, a team's, a consumer's and the organization's report
 * over the period the page's form names, with server-rendered SVG charts whose numbers
 * are also tables, and each report's CSV to download (the same CSV the API answers for
 * {@code Accept: text/csv}).
 */
@WebPage
class ReportPages {

	private static final String CSV = Csv.MEDIA_TYPE + ";charset=UTF-8";

	private static final String CSV_FILE = "/report.csv";

	private final Reports reports;

	private final Directory directory;

	private final JsonMapper json;

	private final Clock clock;

	ReportPages(Reports reports, Directory directory, JsonMapper json, Clock clock) {
		this.reports = reports;
		this.directory = directory;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/reports/services/{service}")
	String service(@PathVariable String service, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until, Model model) {
		ReportPagesPeriod period = ReportPagesPeriod.of(since, until, this.reports);
		ServiceReport report = this.reports.service(service, period.period());
		model.addAttribute("report", report);
		model.addAttribute("budgets", BudgetChart.of(report.slos()));
		model.addAttribute("times", readerTimes());
		return page(model, period, "/reports/services/" + service, "report-service");
	}

	@GetMapping("/reports/teams/{team}")
	String team(@PathVariable String team, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until, Model model) {
		ReportPagesPeriod period = ReportPagesPeriod.of(since, until, this.reports);
		TeamReport report = this.reports.team(team, period.period());
		List<TeamReport.Person> people = report.oncall().perPerson();
		model.addAttribute("report", report);
		model.addAttribute("load", BarChart.of("oncall-load-chart", "Pages per person", "paged person", "pages",
				BarChart.Format.COUNT, people.stream().map(TeamReport.Person::user).toList(),
				List.of(series("pages", "pages", people, TeamReport.Person::pages),
						series("outside 08:00–22:00", "outside-hours", people, TeamReport.Person::pagesOutsideHours))));
		return page(model, period, "/reports/teams/" + team, "report-team");
	}

	@GetMapping("/reports/consumers/{service}")
	String consumers(@PathVariable String service, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until, Model model) {
		ReportPagesPeriod period = ReportPagesPeriod.of(since, until, this.reports);
		model.addAttribute("report", this.reports.consumers(service, period.period()));
		return page(model, period, "/reports/consumers/" + service, "report-consumers");
	}

	@GetMapping("/reports/organization")
	String organization(@RequestParam(required = false) String since, @RequestParam(required = false) String until,
			Model model) {
		ReportPagesPeriod period = ReportPagesPeriod.of(since, until, this.reports);
		OrganizationReport report = this.reports.organization(period.period());
		List<OrganizationReport.Week> weeks = report.weeks();
		List<String> labels = weeks.stream().map(OrganizationReport.Week::week).toList();
		model.addAttribute("report", report);
		model.addAttribute("compliance", report.compliance());
		model.addAttribute("trends", List.of(
				BarChart.of("incidents-chart", "Incidents per week", "ISO week (UTC)", "incidents",
						BarChart.Format.COUNT, labels,
						List.of(series("all incidents", "incidents", weeks, OrganizationReport.Week::incidents),
								series("high urgency", "high", weeks, OrganizationReport.Week::high))),
				BarChart.of("deployments-chart", "Production deployments per week", "ISO week (UTC)", "deployments",
						BarChart.Format.COUNT, labels,
						List.of(series("deployments", "deployments", weeks, OrganizationReport.Week::deployments))),
				BarChart.of("change-failure-chart", "Change failure rate per week", "ISO week (UTC)",
						"failed deployments", BarChart.Format.SHARE, labels,
						List.of(new BarChart.Series("change failure rate", "failure-rate",
								weeks.stream().map(OrganizationReport.Week::changeFailureRate).toList())))));
		return page(model, period, "/reports/organization", "report-organization");
	}

	@GetMapping("/reports/services/{service}" + CSV_FILE)
	ResponseEntity<String> serviceCsv(@PathVariable String service, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		ReportPagesPeriod period = ReportPagesPeriod.of(since, until, this.reports);
		return csv("service-" + service, ReportCsv.figures(this.reports.service(service, period.period()), this.json));
	}

	@GetMapping("/reports/teams/{team}" + CSV_FILE)
	ResponseEntity<String> teamCsv(@PathVariable String team, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		ReportPagesPeriod period = ReportPagesPeriod.of(since, until, this.reports);
		return csv("team-" + team, ReportCsv.rows(this.reports.team(team, period.period()).services(), this.json));
	}

	@GetMapping("/reports/consumers/{service}" + CSV_FILE)
	ResponseEntity<String> consumersCsv(@PathVariable String service, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		ReportPagesPeriod period = ReportPagesPeriod.of(since, until, this.reports);
		ConsumerReport report = this.reports.consumers(service, period.period());
		return csv("consumers-" + service, ReportCsv.rows(report.providers(), this.json));
	}

	@GetMapping("/reports/organization" + CSV_FILE)
	ResponseEntity<String> organizationCsv(@RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		ReportPagesPeriod period = ReportPagesPeriod.of(since, until, this.reports);
		return csv("organization", ReportCsv.rows(this.reports.organizationRows(period.period()), this.json));
	}

	private static String page(Model model, ReportPagesPeriod period, String path, String template) {
		model.addAttribute("period", period);
		model.addAttribute("pagePath", path);
		model.addAttribute("csvPath", period.csv(path + CSV_FILE));
		model.addAttribute("text", ReportPagesText.INSTANCE);
		return template;
	}

	private static <T> BarChart.Series series(String name, String cssClass, List<T> items, ToIntFunction<T> value) {
		return new BarChart.Series(name, cssClass, items.stream().map(item -> value.applyAsInt(item)).toList());
	}

	private ReaderTimes readerTimes() {
		return ReaderTimes.of(this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				this.clock.instant());
	}

	private static ResponseEntity<String> csv(String name, String body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("steward-report-" + name + ".csv").build().toString())
			.body(body);
	}

}
