package dev.steward.slas;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Keyed;
import dev.steward.slas.SlaAgreement.Evaluation;
import dev.steward.slas.internal.AgreementStore.ObjectiveRow;
import dev.steward.slas.internal.BucketStore;
import dev.steward.slas.internal.BucketStore.Counts;
import dev.steward.slas.internal.SloStore;
import org.springframework.stereotype.Component;

/**
 * Measures the objectives of an agreement with the provider's SLI data: each against the
 * provider's SLO of the same indicator (of several, the one with the objective's window,
 * else the first by name), its SLI over the objective's window taken from the running
 * sums; breached when the SLI is below the objective.
 */
@Component
class AgreementEvaluation {

	private final SloStore slos;

	private final BucketStore buckets;

	AgreementEvaluation(SloStore slos, BucketStore buckets) {
		this.slos = slos;
		this.buckets = buckets;
	}

	/** How each objective (in order) stands at {@code now}. */
	List<Evaluation> evaluate(String provider, List<ObjectiveRow> objectives, Instant now) {
		List<SloStore.Row> defined = this.slos.ofService(provider);
		long minute = SloEvaluator.minuteOf(now);
		return objectives.stream().map(objective -> {
			SloIndicator indicator = Keyed.fromKey(SloIndicator.class, objective.indicator()).orElseThrow();
			Optional<SloStore.Row> slo = sloFor(defined, objective);
			if (slo.isEmpty()) {
				return new Evaluation(indicator, objective.objective(), objective.window(), Evaluation.UNMEASURED, null,
						null, 0, 0);
			}
			long id = slo.get().id();
			Counts counts = this.buckets.cumulativeAt(id, minute)
				.minus(this.buckets.cumulativeAt(id, minute - objective.windowMinutes()));
			if (counts.total() == 0) {
				return new Evaluation(indicator, objective.objective(), objective.window(), Evaluation.UNMEASURED,
						slo.get().name(), null, 0, 0);
			}
			double sli = (double) counts.good() / counts.total() * 100;
			return new Evaluation(indicator, objective.objective(), objective.window(),
					sli < objective.objective() ? Evaluation.BREACHED : Evaluation.MET, slo.get().name(), sli,
					counts.good(), counts.total());
		}).toList();
	}

	private static Optional<SloStore.Row> sloFor(List<SloStore.Row> defined, ObjectiveRow objective) {
		List<SloStore.Row> same = defined.stream()
			.filter(slo -> slo.indicator().equals(objective.indicator()))
			.toList();
		return same.stream()
			.filter(slo -> slo.windowMinutes() == objective.windowMinutes())
			.findFirst()
			.or(() -> same.stream().findFirst());
	}

}
