package dev.steward.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.steward.common.Validation;
import dev.steward.oncall.LayerSpec.RestrictionSpec;

/**
 * Checks layers as clients write them and turns them into the renderer's {@link Layer}s.
 */
final class LayerDefinitions {

	static final int MAX_LAYERS = 20;

	static final int MAX_USERS_PER_LAYER = 100;

	private static final Pattern TIME_OF_DAY = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

	private LayerDefinitions() {
	}

	/** Records every problem of the layers in {@code validation}. */
	static void check(Validation validation, List<LayerSpec> layers) {
		if (layers == null || layers.isEmpty()) {
			validation.error("layers", "must have at least one layer");
			return;
		}
		if (layers.size() > MAX_LAYERS) {
			validation.error("layers", "must have at most " + MAX_LAYERS + " layers");
			return;
		}
		for (int i = 0; i < layers.size(); i++) {
			String field = "layers[" + i + "]";
			LayerSpec layer = layers.get(i);
			if (layer == null) {
				validation.error(field, "is empty");
				continue;
			}
			validation.maxLength(field + ".name", layer.name(), 200);
			validation.required(field + ".start", layer.start());
			if (layer.start() != null && layer.end() != null && !layer.end().isAfter(layer.start())) {
				validation.error(field + ".end", "must be after start");
			}
			if (validation.required(field + ".turnLength", layer.turnLength())
					&& TurnLength.parse(layer.turnLength()).isEmpty()) {
				validation.error(field + ".turnLength",
						"must be a positive ISO-8601 duration of whole minutes or hours (PT12H) or of days or weeks "
								+ "(P1D, P1W), at most a year");
			}
			checkUsers(validation, field + ".users", layer.users());
			List<RestrictionSpec> restrictions = layer.restrictions() == null ? List.of() : layer.restrictions();
			for (int r = 0; r < restrictions.size(); r++) {
				checkRestriction(validation, field + ".restrictions[" + r + "]", restrictions.get(r));
			}
		}
	}

	private static void checkUsers(Validation validation, String field, List<String> users) {
		if (users == null || users.isEmpty()) {
			validation.error(field, "must name at least one user");
			return;
		}
		if (users.size() > MAX_USERS_PER_LAYER) {
			validation.error(field, "must name at most " + MAX_USERS_PER_LAYER + " users");
		}
		for (int u = 0; u < users.size(); u++) {
			validation.name(field + "[" + u + "]", users.get(u));
		}
	}

	private static void checkRestriction(Validation validation, String field, RestrictionSpec restriction) {
		if (restriction == null) {
			validation.error(field, "is empty");
			return;
		}
		if (!validation.required(field + ".type", restriction.type())) {
			return;
		}
		validation.oneOf(field + ".type", restriction.type(), List.of("daily", "weekly"));
		if (validation.required(field + ".startTimeOfDay", restriction.startTimeOfDay())
				&& !TIME_OF_DAY.matcher(restriction.startTimeOfDay()).matches()) {
			validation.error(field + ".startTimeOfDay", "must be a local time HH:mm");
		}
		boolean weekly = "weekly".equals(restriction.type());
		if (weekly && validation.required(field + ".startDayOfWeek", restriction.startDayOfWeek())) {
			validation.range(field + ".startDayOfWeek", restriction.startDayOfWeek(), 1, 7);
		}
		if (validation.required(field + ".duration", restriction.duration())) {
			Optional<Duration> duration = duration(restriction.duration());
			Duration period = weekly ? Duration.ofDays(7) : Duration.ofDays(1);
			if (duration.isEmpty() || !duration.get().isPositive()) {
				validation.error(field + ".duration", "must be a positive ISO-8601 duration such as PT8H");
			}
			else if (duration.get().compareTo(period) > 0) {
				validation.error(field + ".duration",
						"must not be longer than its period (" + (weekly ? "a week" : "a day") + ")");
			}
		}
	}

	/** The distinct users the layers name, in order of appearance. */
	static Set<String> users(List<LayerSpec> layers) {
		Set<String> users = new LinkedHashSet<>();
		layers.forEach(layer -> users.addAll(layer.users()));
		return users;
	}

	/** The renderer's layers of valid, normalized specs. */
	static List<Layer> layers(List<LayerSpec> specs) {
		List<Layer> layers = new ArrayList<>();
		for (LayerSpec spec : specs) {
			List<Restriction> restrictions = spec.restrictions().stream().map(LayerDefinitions::restriction).toList();
			layers.add(new Layer(spec.name(), spec.start(), spec.end(), spec.rotationVirtualStart(),
					TurnLength.parse(spec.turnLength()).orElseThrow(), spec.users(), restrictions));
		}
		return layers;
	}

	private static Restriction restriction(RestrictionSpec spec) {
		LocalTime start = LocalTime.parse(spec.startTimeOfDay());
		Duration duration = Duration.parse(spec.duration());
		return "weekly".equals(spec.type()) ? Restriction.weekly(DayOfWeek.of(spec.startDayOfWeek()), start, duration)
				: Restriction.daily(start, duration);
	}

	private static Optional<Duration> duration(String text) {
		try {
			return Optional.of(Duration.parse(text));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
