package dev.steward.reporting.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The report pages as HTML, fetched by a signed-in user: every section shows the figures
 * the API reports for the same period, the charts draw one bar per figure, the CSV
 * download is the API's CSV, and bad periods and unknown names answer error pages.
 */
class ReportPagesTests extends ApiTest {

	private static final String REPORTS = "/api/v1/reports";

	private static final ReportPagesText TEXT = ReportPagesText.INSTANCE;

	@Autowired
	TestClock clock;

	@Autowired
	WebApplicationContext context;

	private MockMvc web;

	private String reader;

	@BeforeEach
	void signIn() {
		this.web = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.reader = user();
	}

	@Test
	void theServiceReportShowsEverySectionWithTheApisFiguresAndItsCsvIsTheApisCsv() throws Exception {
		String team = team();
		String service = service(team, 2);
		String production = environment("production", false);
		slo(service, "availability", 0.995);
		slo(service, "quiet", null);
		deploySucceeded(service, production, this.clock.instant().minus(Duration.ofHours(3)));
		long incident = created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "Checkout slow", "severity", "critical")))
			.json()
			.path("number")
			.asLong();
		this.clock.advance(Duration.ofMinutes(10));
		ok(this.api.post("/api/v1/incidents/" + incident + "/acknowledge", null));
		this.clock.advance(Duration.ofMinutes(50));
		ok(this.api.post("/api/v1/incidents/" + incident + "/resolve", null));
		String dates = dates(13);

		String html = page("/reports/services/" + service + dates);
		JsonNode report = ok(this.api.get(REPORTS + "/services/" + service + instants(13))).json();
		assertThat(html).contains("<title>Report of " + service + " · Steward</title>", "id=\"nav-reports\"");
		assertThat(html).containsPattern("id=\"incidents-total\">1<")
			.contains("1 high, 0 low urgency")
			.containsPattern(
					"id=\"incidents-mtta\">" + TEXT.duration(report.at("/incidents/mttaSeconds").asLong()) + "<")
			.containsPattern(
					"id=\"incidents-mttr\">" + TEXT.duration(report.at("/incidents/mttrSeconds").asLong()) + "<");
		assertThat(report.at("/incidents/mttaSeconds").asLong()).isBetween(600L, 610L);
		assertThat(html)
			.contains("data-figure=\"deployments\"><th scope=\"row\">Production deployments</th><td>1</td>");
		assertThat(html).as("each DORA figure with its band as a badge")
			.contains("class=\"status band band-" + report.at("/dora/bands/leadTime").asString() + "\"",
					"class=\"status band band-" + report.at("/dora/bands/deploymentFrequency").asString() + "\"");
		assertThat(report.at("/dora/bands/leadTime").asString()).isEqualTo("elite");

		assertThat(count(html, "<rect class=\"budget-bar ")).as("one bar per SLO with events").isEqualTo(1);
		assertThat(html).contains("data-slo=\"availability\" data-state=\"left\"",
				"data-slo=\"quiet\" data-state=\"no-data\"", ">50 %<", "<td>99.5 %</td>", ">no events<", "role=\"img\"",
				"<title id=\"budget-chart-title\">Error budget left per SLO</title>");
		assertThat(html).contains("id=\"no-agreements\"", "id=\"report-emergency-overrides\">0<",
				"data-status=\"completed\">0<", "id=\"report-review-status\"", "id=\"report-pages\">0<");

		String csvPath = "/reports/services/" + service + "/report.csv" + dates;
		assertThat(html).contains("id=\"download-csv\" href=\"" + csvPath.replace("&", "&amp;") + "\"");
		MockHttpServletResponse csv = fetch(csvPath);
		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment")
			.contains("steward-report-service-" + service + ".csv");
		String apiCsv = ok(this.api.send("GET", REPORTS + "/services/" + service + instants(13), null,
				Map.of("Accept", "text/csv")))
			.body();
		assertThat(csv.getContentAsString()).isEqualTo(apiCsv);
	}

	@Test
	void theTeamConsumerAndOrganizationReportsShowTheirRowsAndTheWeeklyChartsOneBarPerWeek() throws Exception {
		String team = team();
		String provider = service(team, 1);
		String consumer = service(team, 3);
		created(this.api.put("/api/v1/services/" + consumer + "/dependencies/" + provider,
				Map.of("criticality", "hard")));
		slo(provider, "availability", 0.9995);
		created(this.api.post("/api/v1/incidents",
				Map.of("service", provider, "title", "Ledger down", "severity", "critical")));
		String dates = dates(20);

		String teamPage = page("/reports/teams/" + team + dates);
		assertThat(teamPage).contains("<title>Report of team " + team + " · Steward</title>",
				"data-service=\"" + provider + "\"", "data-service=\"" + consumer + "\"", "id=\"no-pages\"",
				"href=\"/reports/teams/" + team + "/report.csv" + dates.replace("&", "&amp;") + "\"");
		assertThat(teamPage).containsPattern("id=\"incidents-total\">1<");

		String consumers = page("/reports/consumers/" + consumer + dates);
		assertThat(consumers).contains("data-provider=\"" + provider + "\"", ">hard<", "99.95 %",
				"class=\"status slos-met status-met\"");
		assertThat(page("/reports/consumers/" + provider + dates)).contains("id=\"no-providers\"");

		String organization = page("/reports/organization" + dates);
		JsonNode report = ok(this.api.get(REPORTS + "/organization" + instants(20))).json();
		int weeks = report.path("weeks").size();
		assertThat(weeks).isBetween(3, 5);
		assertThat(bars(organization, "incidents-chart")).as("all and high urgency, each week").isEqualTo(2 * weeks);
		assertThat(bars(organization, "deployments-chart")).isEqualTo(weeks);
		long measuredWeeks = report.path("weeks")
			.valueStream()
			.filter(week -> !week.path("changeFailureRate").isNull())
			.count();
		assertThat(bars(organization, "change-failure-chart")).as("weeks without deployments have no rate")
			.isEqualTo((int) measuredWeeks);
		assertThat(organization).contains("<title id=\"incidents-chart-title\">Incidents per week</title>",
				"aria-labelledby=\"incidents-chart-title incidents-chart-desc\"", ">ISO week (UTC)<");
		JsonNode lastWeek = report.path("weeks").get(weeks - 1);
		assertThat(tableRow(organization, "incidents-chart", lastWeek.path("week").asString()))
			.as("the chart's numbers as a table")
			.containsExactly(lastWeek.path("incidents").asString(), lastWeek.path("high").asString());
		assertThat(organization).contains("id=\"compliance-table\"", "Service development");
		assertThat(organization).contains("id=\"group-table\"", "id=\"product-table\"", "id=\"tier-table\"",
				"data-key=\"" + team + "\"");
		assertThat(organization)
			.containsPattern("id=\"report-service-count\">" + report.at("/total/services").asInt() + "<");
	}

	@Test
	void badPeriodsAnswer400PagesAndUnknownNames404Pages() throws Exception {
		String service = service(team(), 3);
		MockHttpServletResponse malformed = fetch("/reports/services/" + service + "?since=2026-13-01");
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(malformed.getContentType()).startsWith("text/html");
		assertThat(malformed.getContentAsString()).contains("since: must be a date such as 2026-03-01");
		MockHttpServletResponse reversed = fetch("/reports/organization?since=2026-03-10&until=2026-03-01");
		assertThat(reversed.getStatus()).isEqualTo(400);
		assertThat(reversed.getContentAsString()).contains("since: must be before until");
		assertThat(
				fetch("/reports/teams/" + unique("team") + "/report.csv?since=2025-01-01&until=2026-03-01").getStatus())
			.as("more than 366 days")
			.isEqualTo(400);
		for (String path : List.of("/reports/services/" + unique("svc"), "/reports/teams/" + unique("team"),
				"/reports/consumers/" + unique("svc"), "/reports/services/" + unique("svc") + "/report.csv")) {
			MockHttpServletResponse missing = fetch(path);
			assertThat(missing.getStatus()).as(path).isEqualTo(404);
			assertThat(missing.getContentAsString()).contains("404");
		}
		String defaults = page("/reports/services/" + service);
		LocalDate today = this.clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
		assertThat(defaults).as("the last 30 days")
			.contains("id=\"period-since\" value=\"" + today.minusDays(30) + "\"",
					"id=\"period-until\" value=\"" + today + "\"",
					"href=\"/reports/services/" + service + "/report.csv\"");
	}

	@Test
	void theServiceAndTeamPagesLinkToTheirReports() throws Exception {
		String team = team();
		String service = service(team, 2);
		assertThat(page("/services/" + service)).contains(
				"id=\"service-report\" href=\"/reports/services/" + service + "\"",
				"href=\"/reports/consumers/" + service + "\"");
		assertThat(page("/teams/" + team)).contains("id=\"team-report\" href=\"/reports/teams/" + team + "\"");
		assertThat(page("/services")).contains("id=\"nav-reports\" href=\"/reports/organization\"");
	}

	/** The page at {@code path} as the signed-in reader sees it, asserted 200 HTML. */
	private String page(String path) throws Exception {
		MockHttpServletResponse response = fetch(path);
		assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/html");
		return response.getContentAsString();
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		MockHttpServletResponse response = this.web
			.perform(get(path).with(SecurityMockMvcRequestPostProcessors.user(this.reader)))
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}

	/** The form's query for the {@code days} days up to today (UTC), today included. */
	private String dates(int days) {
		LocalDate today = this.clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
		return "?since=" + today.minusDays(days) + "&until=" + today;
	}

	/** The API's query for the same period as {@link #dates(int)}. */
	private String instants(int days) {
		LocalDate today = this.clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
		return "?since=" + today.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant() + "&until="
				+ today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * An SLO of 99 % with an hour of samples whose good share is {@code good}, or none.
	 */
	private void slo(String service, String name, Double good) {
		String slos = "/api/v1/services/" + service + "/slos";
		created(this.api.post(slos,
				Map.of("name", name, "indicator", "availability", "objective", 99, "window", "P30D")));
		if (good == null) {
			return;
		}
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			samples.add(Map.of("at", minute.minus(Duration.ofMinutes(i)).toString(), "good", Math.round(good * 10_000),
					"total", 10_000));
		}
		ok(this.api.post(slos + "/" + name + "/samples", Map.of("samples", samples)));
	}

	private void deploySucceeded(String service, String environment, Instant commitTime) {
		long id = created(this.api.post("/api/v1/deployments", Map.of("service", service, "environment", environment,
				"version", "1.0.0", "commitTime", commitTime.toString())))
			.json()
			.path("id")
			.asLong();
		ok(this.api.post("/api/v1/deployments/" + id + "/verify", Map.of("passed", true)));
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	/** The bars drawn in the SVG chart {@code id}. */
	private static int bars(String html, String id) {
		return count(svg(html, id), "<rect class=\"bar ");
	}

	private static String svg(String html, String id) {
		Matcher svg = Pattern.compile("(?s)<svg id=\"" + id + "\".*?</svg>").matcher(html);
		assertThat(svg.find()).as("chart " + id).isTrue();
		return svg.group();
	}

	/** The values of one category's row in the table under the chart {@code id}. */
	private static List<String> tableRow(String html, String id, String category) {
		Matcher table = Pattern.compile("(?s)<details class=\"chart-data\" id=\"" + id + "-data\">.*?</details>")
			.matcher(html);
		assertThat(table.find()).isTrue();
		Matcher row = Pattern.compile("(?s)<tr data-category=\"" + category + "\">(.*?)</tr>").matcher(table.group());
		assertThat(row.find()).as("row " + category).isTrue();
		Matcher cells = Pattern.compile("<td>(.*?)</td>").matcher(row.group(1));
		List<String> values = new ArrayList<>();
		while (cells.find()) {
			values.add(cells.group(1));
		}
		return values;
	}

}
