package dev.steward.reporting.web;

import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Csv;
import dev.steward.reporting.ConsumerReport;
import dev.steward.reporting.OrganizationReport;
import dev.steward.reporting.Reports;
import dev.steward.reporting.ServiceReport;
import dev.steward.reporting.TeamReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports over HTTP: JSON by default, CSV for {@code Accept: text/csv}; each takes a
 * period as {@code since}/{@code until}.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsController {

	static final String CSV = Csv.MEDIA_TYPE + ";charset=UTF-8";

	private final Reports reports;

	private final JsonMapper json;

	ReportsController(Reports reports, JsonMapper json) {
		this.reports = reports;
		this.json = json;
	}

	@GetMapping(path = "/services/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
	ServiceReport service(@PathVariable String service, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		return this.reports.service(service, this.reports.period(since, until));
	}

	@GetMapping(path = "/services/{service}", produces = CSV)
	String serviceCsv(@PathVariable String service, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		return ReportCsv.figures(service(service, since, until), this.json);
	}

	@GetMapping(path = "/teams/{team}", produces = MediaType.APPLICATION_JSON_VALUE)
	TeamReport team(@PathVariable String team, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		return this.reports.team(team, this.reports.period(since, until));
	}

	@GetMapping(path = "/teams/{team}", produces = CSV)
	String teamCsv(@PathVariable String team, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		return ReportCsv.rows(team(team, since, until).services(), this.json);
	}

	@GetMapping(path = "/consumers/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
	ConsumerReport consumers(@PathVariable String service, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		return this.reports.consumers(service, this.reports.period(since, until));
	}

	@GetMapping(path = "/consumers/{service}", produces = CSV)
	String consumersCsv(@PathVariable String service, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		return ReportCsv.rows(consumers(service, since, until).providers(), this.json);
	}

	@GetMapping(path = "/organization", produces = MediaType.APPLICATION_JSON_VALUE)
	OrganizationReport organization(@RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		return this.reports.organization(this.reports.period(since, until));
	}

	@GetMapping(path = "/organization", produces = CSV)
	String organizationCsv(@RequestParam(required = false) String since, @RequestParam(required = false) String until) {
		return ReportCsv.rows(this.reports.organizationRows(this.reports.period(since, until)), this.json);
	}

}
