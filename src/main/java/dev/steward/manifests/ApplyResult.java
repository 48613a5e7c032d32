package dev.steward.manifests;

import java.util.List;
import java.util.Map;

/** The plan of an apply (carried out unless {@code dryRun}) with a count per action. */
public record ApplyResult(boolean dryRun, List<PlanItem> plan, Map<String, Long> summary) {
}
