package dev.steward.incidents.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.steward.incidents.Severity;
import dev.steward.incidents.Urgency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable rules of incidents: which tier and severity make a high-urgency
 * incident ({@code steward.incidents.high-urgency}, pairs {@code tier:severity}), the
 * response SLAs per tier and urgency
 * ({@code steward.incidents.response-sla.<tier>-<urgency>
 * = <acknowledge within>/<resolve within>}), and how many events one integration key may
 * send per minute.
 */
@Component
public class IncidentSettings {

	private static final Map<String, String> DEFAULT_SLAS = Map.of("1-high", "PT5M/PT4H", "1-low", "PT1H/P1D", "2-high",
			"PT15M/PT8H", "2-low", "PT4H/P3D", "3-high", "PT30M/P1D", "3-low", "P1D/P7D", "4-high", "PT1H/P3D", "4-low",
			"P3D/P14D");

	private final Set<String> highUrgency;

	private final Map<String, Sla> slas = new HashMap<>();

	private final int eventsPerMinutePerKey;

	IncidentSettings(
			@Value("${steward.incidents.high-urgency:1:critical,1:error,2:critical,2:error,3:critical}") List<String> highUrgency,
			@Value("#{${steward.incidents.response-sla:{:}}}") Map<String, String> responseSlas,
			@Value("${steward.incidents.events-per-minute-per-key:6000}") int eventsPerMinutePerKey) {
		this.highUrgency = Set.copyOf(highUrgency);
		Map<String, String> merged = new HashMap<>(DEFAULT_SLAS);
		merged.putAll(responseSlas);
		merged.forEach((key, value) -> {
			String[] limits = value.split("/");
			if (limits.length != 2) {
				throw new IllegalArgumentException(
						"steward.incidents.response-sla." + key + " must be <acknowledge within>/<resolve within>");
			}
			this.slas.put(key, new Sla(Duration.parse(limits[0]), Duration.parse(limits[1])));
		});
		this.eventsPerMinutePerKey = eventsPerMinutePerKey;
	}

	/** The urgency of an incident of a service of {@code tier} with {@code severity}. */
	public Urgency urgency(int tier, Severity severity) {
		return this.highUrgency.contains(tier + ":" + severity.key()) ? Urgency.HIGH : Urgency.LOW;
	}

	/** How soon an incident must be acknowledged and resolved. */
	public Sla sla(int tier, Urgency urgency) {
		return this.slas.get(tier + "-" + urgency.key());
	}

	public int eventsPerMinutePerKey() {
		return this.eventsPerMinutePerKey;
	}

	/** Time to acknowledge and time to resolve. */
	public record Sla(Duration acknowledgeWithin, Duration resolveWithin) {
	}

}
