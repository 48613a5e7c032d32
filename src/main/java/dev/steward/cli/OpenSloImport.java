package dev.steward.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.steward.common.Validation;

import static dev.steward.cli.DescriptorFields.list;
import static dev.steward.cli.DescriptorFields.map;
import static dev.steward.cli.DescriptorFields.text;

/**
 * Converts OpenSLO v1 documents to Steward {@code SLO} documents: each objective of an
 * {@code SLO} with a rolling time window and a {@code ratioMetric} indicator (inline or a
 * referenced {@code SLI}) becomes a {@code ratio} SLO of {@code spec.service}, pulled
 * from Prometheus where both good and total are Prometheus queries. Everything else is
 * reported as {@code unmapped: <document>/<path>: <why>}, with where it stands.
 */
final class OpenSloImport {

	static final String API_VERSION = "openslo/v1";

	private static final Pattern DURATION = Pattern.compile("^(\\d+)([smhdwMQY])$");

	private static final Duration MIN_WINDOW = Duration.ofDays(1);

	private static final Duration MAX_WINDOW = Duration.ofDays(90);

	private final List<ManifestFiles.Document> slos = new ArrayList<>();

	private final Map<String, ManifestFiles.Document> slis = new LinkedHashMap<>();

	private final Map<String, ManifestFiles.Document> dataSources = new LinkedHashMap<>();

	/** The fields each document read so far had mapped. */
	private final Map<ManifestFiles.Document, Set<String>> used = new IdentityHashMap<>();

	private final Map<String, Map<String, Object>> converted = new LinkedHashMap<>();

	private final List<String> report = new ArrayList<>();

	/** Takes one OpenSLO document; SLOs are converted once every document is read. */
	void read(ManifestFiles.Document document) {
		String kind = text(document.content(), "kind");
		String name = text(document.content(), "metadata.name");
		if (!API_VERSION.equals(text(document.content(), "apiVersion"))) {
			note(document, "apiVersion", "skipped " + kind + " '" + name + "': apiVersion is not " + API_VERSION);
			return;
		}
		switch (String.valueOf(kind)) {
			case "SLO" -> this.slos.add(document);
			case "SLI" -> this.slis.put(name, document);
			case "DataSource" -> this.dataSources.put(name, document);
			case "Service" -> note(document, "kind", "skipped Service '" + name
					+ "': Steward services are declared as Service documents of the catalog; SLOs name them");
			default -> note(document, "kind",
					"skipped " + kind + " '" + name + "': Steward has no such kind (it alerts on burn rates itself)");
		}
	}

	/** The converted SLOs by file name, after every document was read. */
	Map<String, List<Map<String, Object>>> documents() {
		this.slos.forEach(this::convert);
		this.slis.forEach((name, sli) -> {
			if (!this.used.containsKey(sli)) {
				note(sli, "metadata.name", "skipped SLI '" + name + "': no SLO refers to it");
			}
		});
		this.used.entrySet()
			.stream()
			.sorted(Comparator
				.comparing((Map.Entry<ManifestFiles.Document, Set<String>> entry) -> entry.getKey().file())
				.thenComparingInt(entry -> entry.getKey().start().getLine()))
			.forEach(entry -> DescriptorFields.unused(entry.getKey().content(), "", entry.getValue())
				.forEach(path -> unmapped(entry.getKey(), path, "Steward has no such field")));
		return Map.of("slos.yaml",
				this.converted.entrySet()
					.stream()
					.map(entry -> ManifestWriter.document("SLO", entry.getKey(), entry.getValue()))
					.toList());
	}

	List<String> report() {
		return this.report;
	}

	private void convert(ManifestFiles.Document slo) {
		Map<String, Object> content = slo.content();
		Map<String, Object> spec = map(content, "spec");
		String name = slug(slo, text(content, "metadata.name"));
		String service = slug(slo, text(spec, "service"));
		if (name == null || service == null) {
			unmapped(slo, service == null ? "spec.service" : "metadata.name",
					"a Steward SLO needs a name and a service; SLO skipped");
			return;
		}
		String window = window(slo, spec);
		Map<String, Object> indicator = window == null ? null : indicator(slo, spec);
		if (indicator == null) {
			this.used.remove(slo);
			return;
		}
		Set<String> fields = used(slo);
		fields.addAll(List.of("apiVersion", "kind", "metadata.name", "spec.service"));
		if (spec.get("budgetingMethod") != null && !"Occurrences".equals(text(spec, "budgetingMethod"))) {
			unmapped(slo, "spec.budgetingMethod",
					"Steward budgets by occurrences (good among total events); " + "converted as Occurrences");
		}
		fields.add("spec.budgetingMethod");
		String title = text(content, "metadata.displayName");
		String description = text(spec, "description");
		fields.add("metadata.displayName");
		fields.add("spec.description");
		List<Object> objectives = list(spec, "objectives");
		if (objectives.isEmpty()) {
			unmapped(slo, "spec", "no objectives; SLO skipped");
		}
		for (int i = 0; i < objectives.size(); i++) {
			String path = "spec.objectives[" + i + "]";
			@SuppressWarnings("unchecked")
			Map<String, Object> objective = objectives.get(i) instanceof Map<?, ?> map ? (Map<String, Object>) map
					: Map.of();
			Double percent = percent(objective);
			if (percent == null) {
				unmapped(slo, path, "no target or targetPercent; objective skipped");
				continue;
			}
			fields.add(path + (objective.get("targetPercent") != null ? ".targetPercent" : ".target"));
			fields.add(path + ".displayName");
			String objectiveName = text(objective, "displayName");
			String sloName = objectives.size() == 1 ? name : name + "-"
					+ (objectiveName == null ? String.valueOf(i + 1) : DescriptorFields.slug(objectiveName));
			Map<String, Object> converted = new LinkedHashMap<>();
			String objectiveTitle = objectives.size() == 1 || objectiveName == null ? title
					: (title == null ? name : title) + ": " + objectiveName;
			putIfPresent(converted, "title", objectiveTitle);
			converted.put("indicator", "ratio");
			converted.put("objective", percent);
			converted.put("window", window);
			putIfPresent(converted, "description", description);
			putIfPresent(converted, "prometheus", indicator.isEmpty() ? null : indicator);
			if (this.converted.putIfAbsent(service + "/" + sloName, converted) != null) {
				unmapped(slo, path, "SLO '" + service + "/" + sloName + "' is converted already; objective skipped");
			}
		}
	}

	/**
	 * The rolling window of {@code timeWindow[0]} as Steward writes it, or {@code null}
	 * (reported) when there is none Steward can take.
	 */
	private String window(ManifestFiles.Document slo, Map<String, Object> spec) {
		List<Object> windows = list(spec, "timeWindow");
		@SuppressWarnings("unchecked")
		Map<String, Object> first = windows.isEmpty() || !(windows.get(0) instanceof Map<?, ?> map) ? Map.of()
				: (Map<String, Object>) map;
		if (!Boolean.TRUE.equals(first.get("isRolling"))) {
			unmapped(slo, windows.isEmpty() ? "spec" : "spec.timeWindow[0]",
					"only rolling time windows map to Steward's rolling window; a calendar window is not supported; "
							+ "SLO skipped");
			return null;
		}
		String text = text(first, "duration");
		Matcher matcher = DURATION.matcher(text == null ? "" : text);
		Duration duration = null;
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			duration = switch (matcher.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				case "w" -> Duration.ofDays(7 * amount);
				default -> null;
			};
		}
		if (duration == null || duration.compareTo(MIN_WINDOW) < 0 || duration.compareTo(MAX_WINDOW) > 0
				|| duration.toSeconds() % 60 != 0) {
			unmapped(slo, "spec.timeWindow[0].duration",
					"duration '" + text
							+ "' is not a Steward window (whole minutes, hours, days or weeks from 1 day to 90 days); "
							+ "SLO skipped");
			return null;
		}
		used(slo).addAll(List.of("spec.timeWindow[0].duration", "spec.timeWindow[0].isRolling"));
		return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
	}

	/**
	 * The SLO's Prometheus source from its ratio indicator (empty when its counts must be
	 * pushed), or {@code null} (reported) when the indicator is no ratio.
	 */
	private Map<String, Object> indicator(ManifestFiles.Document slo, Map<String, Object> spec) {
		ManifestFiles.Document sli = slo;
		String prefix = "spec.indicator.";
		String reference = text(spec, "indicatorRef");
		if (reference != null) {
			sli = this.slis.get(reference);
			prefix = "";
			if (sli == null) {
				unmapped(slo, "spec.indicatorRef", "no SLI named '" + reference + "' was given; SLO skipped");
				return null;
			}
			used(slo).add("spec.indicatorRef");
			used(sli).addAll(List.of("apiVersion", "kind", "metadata.name"));
		}
		else if (spec.get("indicator") == null) {
			unmapped(slo, "spec", "neither indicator nor indicatorRef; SLO skipped");
			return null;
		}
		else {
			used(slo).add("spec.indicator.metadata.name");
		}
		Map<String, Object> ratio = map(map(prefix.isEmpty() ? sli.content() : map(spec, "indicator"), "spec"),
				"ratioMetric");
		String ratioPath = prefix + "spec.ratioMetric";
		if (ratio.isEmpty()) {
			unmapped(sli, prefix + "spec", "only ratioMetric indicators map to Steward's good and total counts; "
					+ "SLO '" + text(slo.content(), "metadata.name") + "' skipped");
			return null;
		}
		Set<String> fields = used(sli);
		fields.add(ratioPath + ".counter");
		Map<String, Object> good = map(map(ratio, "good"), "metricSource");
		Map<String, Object> total = map(map(ratio, "total"), "metricSource");
		if (ratio.get("bad") != null) {
			unmapped(sli, ratioPath + ".bad", "Steward counts good and total events; good = total − bad "
					+ "cannot be expressed; the SLO waits for pushed counts");
			fields.add(ratioPath + ".bad");
			fields.add(ratioPath + ".total");
			return Map.of();
		}
		if (!isPrometheus(good) || !isPrometheus(total)) {
			unmapped(sli, ratioPath,
					"good and total are not both Prometheus queries; the SLO waits for pushed " + "counts");
			fields.add(ratioPath + ".good");
			fields.add(ratioPath + ".total");
			return Map.of();
		}
		Map<String, Object> prometheus = new LinkedHashMap<>();
		String url = url(sli, ratioPath + ".good.metricSource", good);
		String totalUrl = url(sli, ratioPath + ".total.metricSource", total);
		if (url == null) {
			url = totalUrl;
		}
		if (url == null) {
			unmapped(sli, ratioPath + ".good.metricSource",
					"no Prometheus URL (metricSource.spec.url or a DataSource's connectionDetails.url); "
							+ "fill in spec.prometheus.url of the converted SLO");
		}
		putIfPresent(prometheus, "url", url);
		prometheus.put("goodQuery", text(good, "spec.query"));
		prometheus.put("totalQuery", text(total, "spec.query"));
		for (String side : List.of("good", "total")) {
			fields.add(ratioPath + "." + side + ".metricSource.type");
			fields.add(ratioPath + "." + side + ".metricSource.spec.query");
		}
		return prometheus;
	}

	/**
	 * The Prometheus URL of a metric source: {@code spec.url}, or the
	 * {@code connectionDetails.url} of the {@code DataSource} it refers to.
	 */
	private String url(ManifestFiles.Document sli, String path, Map<String, Object> source) {
		String url = text(source, "spec.url");
		if (url != null) {
			used(sli).add(path + ".spec.url");
			return url;
		}
		ManifestFiles.Document dataSource = this.dataSources.get(text(source, "metricSourceRef"));
		if (dataSource == null) {
			return null;
		}
		used(sli).add(path + ".metricSourceRef");
		used(dataSource).addAll(List.of("apiVersion", "kind", "metadata.name", "spec.type"));
		used(dataSource).add("spec.connectionDetails.url");
		return text(dataSource.content(), "spec.connectionDetails.url");
	}

	private static boolean isPrometheus(Map<String, Object> source) {
		return "prometheus".equals(String.valueOf(text(source, "type")).toLowerCase(Locale.ROOT))
				&& text(source, "spec.query") != null;
	}

	/** The objective in percent, from {@code targetPercent} or {@code target} × 100. */
	private static Double percent(Map<String, Object> objective) {
		Object value = objective.get("targetPercent") != null ? objective.get("targetPercent")
				: objective.get("target");
		if (!(value instanceof Number number)) {
			return null;
		}
		BigDecimal decimal = new BigDecimal(number.toString());
		return (objective.get("targetPercent") != null ? decimal : decimal.movePointRight(2)).doubleValue();
	}

	private Set<String> used(ManifestFiles.Document document) {
		return this.used.computeIfAbsent(document, key -> new LinkedHashSet<>());
	}

	private String slug(ManifestFiles.Document document, String name) {
		if (name == null || Validation.isName(name)) {
			return name;
		}
		String slug = DescriptorFields.slug(name);
		note(document, "metadata.name", "name '" + name + "' became '" + slug + "'");
		return slug;
	}

	private void unmapped(ManifestFiles.Document document, String path, String why) {
		note(document, path, "unmapped: " + text(document.content(), "kind") + " "
				+ text(document.content(), "metadata.name") + "/" + path + ": " + why);
	}

	private void note(ManifestFiles.Document document, String path, String message) {
		this.report.add(document.where(path) + ": " + message);
	}

	private static void putIfPresent(Map<String, Object> target, String field, Object value) {
		if (value != null) {
			target.put(field, value);
		}
	}

}
