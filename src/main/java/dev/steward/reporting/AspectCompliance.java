package dev.steward.reporting;

/**
 * How much of the organization covers one aspect of ownership: the share of services (in
 * percent) that pass every scorecard check of the aspect.
 */
public record AspectCompliance(String aspect, String label, double compliance) {
}
