package dev.steward.slas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Conflict;
import dev.steward.common.ETags;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Validation;
import dev.steward.slas.SampleRequest.Sample;
import dev.steward.slas.internal.BucketStore;
import dev.steward.slas.internal.BucketStore.Counts;
import dev.steward.slas.internal.PullStore;
import dev.steward.slas.internal.SloStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLOs of services: defining them, taking pushed SLI counts (one bucket per minute; a
 * re-sent minute replaces its counts) and answering their status. Pushed counts are
 * evaluated at once, so an alert does not wait for the next evaluation pass.
 */
@Service
@Transactional
public class Slos {

	/** Named routes under a service's SLOs; no SLO may take these names. */
	static final List<String> RESERVED = List.of("prometheus-rules");

	/** How far back a pushed minute may lie: the longest burn-rate window and an hour. */
	static final Duration SAMPLE_HORIZON = Duration.ofDays(3).plusHours(1);

	static final int MAX_SAMPLES = 1440;

	private static final Duration MIN_WINDOW = Duration.ofDays(1);

	private static final Duration MAX_WINDOW = Duration.ofDays(90);

	private static final long MAX_COUNT = 1_000_000_000_000L;

	private final SloStore store;

	private final BucketStore buckets;

	private final SloEvaluator evaluator;

	private final ServiceCatalog services;

	private final PullStore pulls;

	private final AuditTrail audit;

	private final Clock clock;

	Slos(SloStore store, BucketStore buckets, SloEvaluator evaluator, ServiceCatalog services, PullStore pulls,
			AuditTrail audit, Clock clock) {
		this.store = store;
		this.buckets = buckets;
		this.evaluator = evaluator;
		this.services = services;
		this.pulls = pulls;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public SloEntry slo(String service, String name) {
		return entry(row(service, name));
	}

	@Transactional(readOnly = true)
	public Optional<SloEntry> findSlo(String service, String name) {
		return this.store.find(service, name).map(Slos::entry);
	}

	/** Every SLO of every service. */
	@Transactional(readOnly = true)
	public List<SloEntry> all() {
		return this.store.all().stream().map(Slos::entry).toList();
	}

	@Transactional(readOnly = true)
	public List<SloEntry> slos(String service) {
		this.services.service(service);
		return this.store.ofService(service).stream().map(Slos::entry).toList();
	}

	/**
	 * The SLO's SLI, error budget, burn rates and alert now, and its last pull from
	 * Prometheus.
	 */
	@Transactional(readOnly = true)
	public SloStatus status(String service, String name) {
		SloStore.Row slo = row(service, name);
		return this.evaluator.status(slo).withLastPull(lastPull(slo));
	}

	/**
	 * The service's SLOs as Prometheus recording and alerting rules
	 * ({@code promtool check
	 * rules} accepts them); SLOs without PromQL are named in a comment.
	 */
	@Transactional(readOnly = true)
	public String prometheusRules(String service) {
		this.services.service(service);
		return PrometheusRules.render(service, this.store.ofService(service));
	}

	/** The SLO's budget burn-down over its current window, in {@code points} points. */
	@Transactional(readOnly = true)
	public List<BurnDownPoint> burnDown(String service, String name, int points) {
		return this.evaluator.burnDown(row(service, name), points);
	}

	/**
	 * The share of the minutes of the last {@code period} (at most 3 days) that have
	 * counts.
	 */
	@Transactional(readOnly = true)
	public SampleCoverage coverage(String service, String name, Duration period) {
		return this.evaluator.coverage(row(service, name), period);
	}

	public SloEntry create(String service, SloRequest request) {
		this.services.service(service);
		Validation validation = new Validation();
		validation.name("name", request.name());
		if (request.name() != null && RESERVED.contains(request.name())) {
			validation.error("name", "'" + request.name() + "' is reserved");
		}
		SloStore.Row row = validate(validation, service, request, 0, 0);
		if (this.store.find(service, request.name()).isPresent()) {
			throw Conflict.duplicate("SLO of " + service, request.name());
		}
		this.store.insert(row);
		SloEntry created = slo(service, request.name());
		this.audit.record("slo.created", service + "/" + created.name(), service, null, created);
		return created;
	}

	public SloEntry update(String service, String name, SloRequest request, String ifMatch) {
		SloStore.Row before = row(service, name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		if (!this.store.update(validate(validation, service,
				new SloRequest(name, request.title(), request.indicator(), request.objective(), request.window(),
						request.latencyThreshold(), request.description(), request.prometheus()),
				before.id(), before.version()))) {
			throw PreconditionFailed.concurrentUpdate();
		}
		SloEntry after = slo(service, name);
		this.audit.record("slo.updated", service + "/" + name, service, entry(before), after);
		return after;
	}

	public void delete(String service, String name, String ifMatch) {
		SloStore.Row before = row(service, name);
		ETags.check(ifMatch, before.version());
		this.store.delete(before.id());
		this.audit.record("slo.deleted", service + "/" + name, service, entry(before), null);
	}

	/**
	 * Records pushed counts, one minute each (a minute pushed again is replaced, not
	 * added), then evaluates the SLO.
	 */
	public SloStatus record(String service, String name, SampleRequest request) {
		SloStore.Row slo = row(service, name);
		List<Sample> samples = request.samples();
		Validation validation = new Validation();
		if (samples == null || samples.isEmpty()) {
			validation.error("samples", "must hold at least one sample");
		}
		else if (samples.size() > MAX_SAMPLES) {
			validation.error("samples", "must hold at most " + MAX_SAMPLES + " samples");
		}
		else {
			Instant now = this.clock.instant();
			for (int i = 0; i < samples.size(); i++) {
				validate(validation, "samples[" + i + "]", samples.get(i), now);
			}
		}
		validation.throwIfInvalid();
		Map<Long, Counts> minutes = new TreeMap<>();
		for (Sample sample : samples) {
			Instant at = OffsetDateTime.parse(sample.at()).toInstant();
			minutes.put(SloEvaluator.minuteOf(at), new Counts(sample.good(), sample.total()));
		}
		return store(slo, minutes);
	}

	/**
	 * Records the counts of each minute (replacing what a minute had) under the SLO's
	 * lock, then evaluates it: the path of pushed and pulled counts alike.
	 */
	SloStatus store(SloStore.Row slo, Map<Long, Counts> minutes) {
		this.store.lock(slo.id());
		minutes.forEach((minute, counts) -> this.buckets.put(slo.id(), minute, counts.good(), counts.total()));
		return this.evaluator.evaluate(slo.id()).withLastPull(lastPull(slo));
	}

	private SloPull lastPull(SloStore.Row slo) {
		return slo.prometheusUrl() == null ? null
				: this.pulls.find(slo.id()).map(pull -> new SloPull(pull.at(), pull.ok(), pull.error())).orElse(null);
	}

	private void validate(Validation validation, String field, Sample sample, Instant now) {
		if (sample == null) {
			validation.error(field, "is required");
			return;
		}
		Instant at = validation.time(field + ".at", sample.at(), true);
		if (at != null && at.isAfter(now)) {
			validation.error(field + ".at", "lies in the future");
		}
		else if (at != null && at.isBefore(now.minus(SAMPLE_HORIZON))) {
			validation.error(field + ".at", "is more than " + SAMPLE_HORIZON.toHours() + " hours ago");
		}
		boolean counts = validation.required(field + ".good", sample.good())
				& validation.required(field + ".total", sample.total());
		if (counts) {
			if (sample.good() < 0 || sample.total() < 0) {
				validation.error(field, "counts cannot be negative");
			}
			else if (sample.good() > sample.total()) {
				validation.error(field + ".good", "cannot exceed total");
			}
			else if (sample.total() > MAX_COUNT) {
				validation.error(field + ".total", "must be at most " + MAX_COUNT);
			}
		}
	}

	private SloStore.Row validate(Validation validation, String service, SloRequest request, long id, long version) {
		SloIndicator indicator = validation.keyed("indicator", request.indicator(), SloIndicator.class, true);
		objective(validation, "objective", request.objective());
		Duration window = window(validation, "window", request.window());
		Duration threshold = duration(validation, "latencyThreshold", request.latencyThreshold(),
				indicator == SloIndicator.LATENCY);
		if (threshold != null && indicator != SloIndicator.LATENCY) {
			validation.error("latencyThreshold", "belongs to latency SLOs only");
		}
		else if (threshold != null && (threshold.isNegative() || threshold.isZero())) {
			validation.error("latencyThreshold", "must be positive, such as PT0.3S");
		}
		validation.maxLength("title", request.title(), 200);
		validation.maxLength("description", request.description(), 2000);
		PrometheusSource prometheus = request.prometheus();
		if (prometheus != null) {
			validatePrometheus(validation, prometheus);
		}
		validation.throwIfInvalid();
		return new SloStore.Row(id, service, request.name(), request.title(), indicator.key(), request.objective(),
				BurnRateRules.key(window), (int) window.toMinutes(), threshold == null ? null : threshold.toString(),
				request.description(), prometheus == null ? null : prometheus.url(),
				prometheus == null ? null : prometheus.goodQuery(), prometheus == null ? null : prometheus.totalQuery(),
				SloAlert.NONE.key(), null, this.clock.instant(), version);
	}

	private static void validatePrometheus(Validation validation, PrometheusSource prometheus) {
		validation.httpUrl("prometheus.url", prometheus.url(), true);
		for (String[] query : new String[][] { { "prometheus.goodQuery", prometheus.goodQuery() },
				{ "prometheus.totalQuery", prometheus.totalQuery() } }) {
			if (validation.required(query[0], query[1])) {
				validation.maxLength(query[0], query[1], 4000);
				if (!PromQl.windowable(query[1])) {
					validation.error(query[0], "must hold the placeholder " + PromQl.WINDOW
							+ " (such as sum(increase(requests_total[$window]))) or be a counter selector (such as requests_total{job=\"api\"})");
				}
			}
		}
	}

	/** Checks an objective in percent, required: above 0 and below 100. */
	static void objective(Validation validation, String field, Double objective) {
		if (validation.required(field, objective) && !(objective > 0 && objective < 100)) {
			validation.error(field, "must be a percentage above 0 and below 100, such as 99.9");
		}
	}

	/**
	 * The rolling window of an objective, required: whole minutes from a day to 90 days.
	 */
	static Duration window(Validation validation, String field, String text) {
		Duration window = duration(validation, field, text, true);
		if (window != null && (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0
				|| window.toMinutes() * 60 != window.getSeconds())) {
			validation.error(field, "must be whole minutes from P1D to P90D, such as P28D or P30D");
			return null;
		}
		return window;
	}

	private static Duration duration(Validation validation, String field, String text, boolean required) {
		if (text == null) {
			if (required) {
				validation.error(field, "is required");
			}
			return null;
		}
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			validation.error(field, "must be an ISO-8601 duration such as P30D or PT0.3S");
			return null;
		}
	}

	SloStore.Row row(String service, String name) {
		this.services.service(service);
		return this.store.find(service, name)
			.orElseThrow(() -> NotFound.because("Service '" + service + "' has no SLO named '" + name + "'"));
	}

	private static SloEntry entry(SloStore.Row row) {
		return new SloEntry(row.service(), row.name(), row.title(),
				Keyed.fromKey(SloIndicator.class, row.indicator()).orElseThrow(), row.objective(), row.window(),
				row.latencyThreshold(), row.description(),
				row.prometheusUrl() == null ? null
						: new PrometheusSource(row.prometheusUrl(), row.goodQuery(), row.totalQuery()),
				Keyed.fromKey(SloAlert.class, row.alert()).orElseThrow(), row.alertSince(), row.createdAt(), row.id(),
				row.version());
	}

}
