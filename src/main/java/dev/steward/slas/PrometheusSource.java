package dev.steward.slas;

/**
 * Where an SLO's counts are pulled from: a Prometheus server's base URL and the PromQL
 * expressions of good and of total events.
 */
public record PrometheusSource(String url, String goodQuery, String totalQuery) {
}
