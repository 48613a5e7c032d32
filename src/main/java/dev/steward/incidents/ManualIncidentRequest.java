package dev.steward.incidents;

import java.util.Map;

/** Body of opening an incident by hand. */
public record ManualIncidentRequest(String service, String title, String severity, Map<String, Object> details) {
}
