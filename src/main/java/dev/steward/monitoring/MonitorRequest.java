package dev.steward.monitoring;

/**
 * Body of adding or replacing a monitor; {@code link} is an http or https URL and
 * {@code slo} the name of an SLO of the service.
 */
public record MonitorRequest(String name, String title, String watches, String description, String link, String slo) {
}
