package dev.steward.slas.web;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.ReaderTimes;
import dev.steward.common.WebPage;
import dev.steward.slas.BurnRateRules;
import dev.steward.slas.SampleCoverage;
import dev.steward.slas.SloEntry;
import dev.steward.slas.SloStatus;
import dev.steward.slas.Slos;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page of one SLO: its definition, SLI and error budget, the burn rates against the
 * thresholds of the alert rules, the alert it is in, the budget burn-down over its window
 * and how well counts have been arriving. Read-only: SLOs are defined through the API.
 */
@WebPage
class SloPages {

	/** The burn-down's points: one every 6 hours over 30 days. */
	static final int BURN_DOWN_POINTS = 121;

	/** The recent periods whose sample coverage the page shows. */
	static final List<Duration> COVERAGE = List.of(Duration.ofDays(1), Duration.ofDays(3));

	private final Slos slos;

	private final Directory directory;

	private final Clock clock;

	SloPages(Slos slos, Directory directory, Clock clock) {
		this.slos = slos;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/services/{service}/slos/{slo}")
	String slo(@PathVariable String service, @PathVariable String slo, Model model) {
		SloEntry entry = this.slos.slo(service, slo);
		SloStatus status = this.slos.status(service, slo);
		ReaderTimes times = ReaderTimes.of(
				this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				this.clock.instant());
		Duration window = Duration.parse(status.window());
		Map<Duration, Double> rates = new HashMap<>();
		status.burnRates().forEach((key, rate) -> rates.put(Duration.parse(key), rate));
		List<BurnRateRules.Rule> firing = BurnRateRules.firing(rates, window);
		model.addAttribute("slo", entry);
		model.addAttribute("summary", new SloSummary(status));
		model.addAttribute("budget", new Budget(status.errorBudget()));
		model.addAttribute("burnRates",
				BurnRateRules.WINDOWS.stream()
					.map(burnWindow -> BurnRateRow.of(burnWindow, rates, window, firing))
					.toList());
		model.addAttribute("rules",
				BurnRateRules.RULES.stream().map(rule -> RuleRow.of(rule, rates, window, firing)).toList());
		model.addAttribute("chart", BurnDownChart.of(this.slos.burnDown(service, slo, BURN_DOWN_POINTS), times));
		model.addAttribute("coverage",
				COVERAGE.stream().map(period -> new Coverage(this.slos.coverage(service, slo, period))).toList());
		model.addAttribute("times", times);
		return "slo";
	}

	/** The error budget as the page writes it, in events. */
	record Budget(SloStatus.ErrorBudget budget) {

		public String total() {
			return SloText.number(this.budget.total(), 1);
		}

		public String consumed() {
			return SloText.number(this.budget.consumed(), 0);
		}

		public String remaining() {
			return SloText.number(this.budget.remaining(), 1);
		}

		public String ratio() {
			return this.budget.remainingRatio() == null ? "—" : SloText.percent(this.budget.remainingRatio() * 100, 1);
		}

		public boolean overspent() {
			return this.budget.remaining() < 0;
		}

	}

	/** A sample coverage as the page writes it. */
	record Coverage(SampleCoverage coverage) {

		public String period() {
			return "last " + SloText.duration(this.coverage.period(), false).replace("1 day", "24 hours");
		}

		public String share() {
			return SloText.percent(this.coverage.ratio() * 100, 1);
		}

	}

}
