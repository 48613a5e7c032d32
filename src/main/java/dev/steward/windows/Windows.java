package dev.steward.windows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.steward.access.ChangePermissions;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ProductCatalog;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.ICalendar;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Validation;
import dev.steward.environments.Environments;
import dev.steward.windows.internal.WindowStore;
import dev.steward.windows.internal.WindowStore.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deployment windows: defining them (admins for the company and products, the owning team
 * for a service) and listing when they are active.
 */
@Service
@Transactional
public class Windows {

	/** The longest a recurring window may stay open after each start. */
	static final Duration MAX_DURATION = Duration.ofDays(366);

	/** The longest cron expression stored (the column's width). */
	private static final int MAX_SCHEDULE_LENGTH = 200;

	/** The longest stretch a calendar or feed covers in one answer. */
	static final Duration MAX_RANGE = Duration.ofDays(400);

	/**
	 * At most every 15 minutes: windows are coarse, and each start costs the gate work.
	 */
	static final int MAX_STARTS_PER_DAY = 96;

	/**
	 * A schedule that matches no date this long (Feb 29 matches every 4 years) never
	 * fires.
	 */
	private static final Period NEVER_FIRES_HORIZON = Period.ofYears(8);

	private static final String ASPECT = "deployment-windows";

	private final WindowStore store;

	private final ServiceCatalog services;

	private final ProductCatalog products;

	private final Environments environments;

	private final ChangePermissions permissions;

	private final AuditTrail audit;

	private final Clock clock;

	Windows(WindowStore store, ServiceCatalog services, ProductCatalog products, Environments environments,
			ChangePermissions permissions, AuditTrail audit, Clock clock) {
		this.store = store;
		this.services = services;
		this.products = products;
		this.environments = environments;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public WindowEntry window(String name) {
		return findWindow(name).orElseThrow(() -> NotFound.of("deployment window", name));
	}

	@Transactional(readOnly = true)
	public Optional<WindowEntry> findWindow(String name) {
		return this.store.find(name).map(Windows::entry);
	}

	/**
	 * Windows by name; {@code service} keeps those that apply to it (its own, its
	 * product's and the company's), {@code scope} those of one scope.
	 */
	@Transactional(readOnly = true)
	public Page<WindowEntry> windows(String service, String scope, String kind, Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		Validation validation = new Validation();
		validation.oneOf("kind", kind, Keyed.keys(WindowKind.class));
		if (scope != null && WindowScope.parse(scope).isEmpty()) {
			validation.error("scope", "must be company, product:<name> or service:<name>");
		}
		validation.throwIfInvalid();
		List<String> scopes = service != null
				? scopesOf(this.services.service(service)).stream().map(WindowScope::toString).toList()
				: scope != null ? List.of(scope) : null;
		return Page.of(this.store.page(scopes, kind, Cursor.decode(cursor), size + 1), size, Row::name)
			.map(Windows::entry);
	}

	public WindowEntry create(WindowRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		Row row = validate(validation, request, request.name(), 0);
		requireMayManage(WindowScope.parse(row.scope()).orElseThrow());
		if (this.store.find(request.name()).isPresent()) {
			throw Conflict.duplicate("deployment window", request.name());
		}
		this.store.insert(row);
		WindowEntry created = window(request.name());
		this.audit.record("window.created", created.name(), serviceOf(created), null, created);
		return created;
	}

	public WindowEntry update(String name, WindowRequest request, String ifMatch) {
		WindowEntry before = window(name);
		ETags.check(ifMatch, before.version());
		requireMayManage(WindowScope.parse(before.scope()).orElseThrow());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		Row row = validate(validation, request, name, before.version());
		requireMayManage(WindowScope.parse(row.scope()).orElseThrow());
		if (!this.store.update(row)) {
			throw PreconditionFailed.concurrentUpdate();
		}
		WindowEntry after = window(name);
		this.audit.record("window.updated", name, serviceOf(after), before, after);
		return after;
	}

	public void delete(String name, String ifMatch) {
		WindowEntry before = window(name);
		ETags.check(ifMatch, before.version());
		requireMayManage(WindowScope.parse(before.scope()).orElseThrow());
		this.store.delete(name);
		this.audit.record("window.deleted", name, serviceOf(before), before, null);
	}

	/**
	 * When windows are active between {@code from} and {@code until}: those that apply to
	 * {@code service}, or every window when it is null.
	 */
	@Transactional(readOnly = true)
	public List<WindowOccurrence> occurrences(String service, Instant from, Instant until) {
		Instant start = from == null ? this.clock.instant() : from;
		Instant end = until == null ? start.plus(Duration.ofDays(28)) : until;
		if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
			throw InvalidInput.field("until", "must be after from and at most " + MAX_RANGE.toDays() + " days later");
		}
		List<String> scopes = service == null ? null
				: scopesOf(this.services.service(service)).stream().map(WindowScope::toString).toList();
		List<WindowOccurrence> occurrences = new ArrayList<>();
		for (Row row : scopes == null ? this.store.all() : this.store.page(scopes, null, null, Integer.MAX_VALUE)) {
			WindowEntry entry = entry(row);
			WindowIndex.define(row)
				.timing()
				.between(start, end)
				.forEach(interval -> occurrences.add(new WindowOccurrence(entry.name(), entry.title(), entry.kind(),
						entry.scope(), entry.environments(), entry.reason(), interval.start(), interval.end())));
		}
		occurrences.sort(Comparator.comparing(WindowOccurrence::start).thenComparing(WindowOccurrence::window));
		return occurrences;
	}

	/**
	 * The blackouts that apply to {@code service} (or all of them) from a week ago to
	 * half a year ahead, as an iCalendar feed.
	 */
	@Transactional(readOnly = true)
	public String blackoutCalendar(String service) {
		Instant now = this.clock.instant();
		List<ICalendar.Event> events = occurrences(service, now.minus(Duration.ofDays(7)),
				now.plus(Duration.ofDays(183)))
			.stream()
			.filter(occurrence -> occurrence.kind() == WindowKind.DENY)
			.map(occurrence -> new ICalendar.Event(
					occurrence.window() + "-" + occurrence.start().getEpochSecond() + "@steward", occurrence.start(),
					occurrence.end(),
					"Deployment blackout: " + (occurrence.title() != null ? occurrence.title() : occurrence.window()),
					"No deployments to " + String.join(", ", occurrence.environments()) + " for " + occurrence.scope()
							+ (occurrence.reason() != null ? ": " + occurrence.reason() : ""),
					true))
			.toList();
		return ICalendar.feed(service == null ? "Deployment blackouts" : "Deployment blackouts for " + service,
				"Windows", events, now);
	}

	/** The scopes whose windows apply to a service, widest first. */
	static List<WindowScope> scopesOf(ServiceEntry service) {
		List<WindowScope> scopes = new ArrayList<>();
		scopes.add(WindowScope.COMPANY);
		if (service.product() != null) {
			scopes.add(WindowScope.product(service.product()));
		}
		scopes.add(WindowScope.service(service.name()));
		return scopes;
	}

	private void requireMayManage(WindowScope scope) {
		if (scope.level() == WindowScope.Level.SERVICE) {
			this.permissions.require(Rule.TEAM_MEMBER, "service", scope.name(), ASPECT);
		}
		else {
			this.permissions.require(Rule.ADMIN, "service", null);
		}
	}

	private Row validate(Validation validation, WindowRequest request, String name, long version) {
		Optional<WindowScope> scope = WindowScope.parse(request.scope());
		if (validation.required("scope", request.scope())) {
			if (scope.isEmpty()) {
				validation.error("scope", "must be company, product:<name> or service:<name>");
			}
			else if (scope.get().level() == WindowScope.Level.PRODUCT
					&& this.products.findProduct(scope.get().name()).isEmpty()) {
				validation.error("scope", "names no product: '" + scope.get().name() + "'");
			}
			else if (scope.get().level() == WindowScope.Level.SERVICE && !this.services.exists(scope.get().name())) {
				validation.error("scope", "names no service: '" + scope.get().name() + "'");
			}
		}
		WindowKind kind = validation.keyed("kind", request.kind(), WindowKind.class, true);
		List<String> environments = validateEnvironments(validation, request.environments());
		validation.zone("timeZone", request.timeZone());
		validation.maxLength("title", request.title(), 200);
		validation.maxLength("reason", request.reason(), 2000);
		boolean recurring = request.schedule() != null || request.duration() != null;
		boolean once = request.start() != null || request.end() != null;
		Instant start = null;
		Instant end = null;
		String duration = null;
		if (recurring == once) {
			validation.error("schedule", recurring ? "give either schedule and duration or start and end, not both"
					: "give schedule and duration (a recurring window) or start and end (a one-off window)");
		}
		else if (recurring) {
			validateCron(validation, request.schedule());
			duration = validateDuration(validation, request.duration());
		}
		else {
			start = validation.time("start", request.start(), true);
			end = validation.time("end", request.end(), true);
			if (start != null && end != null && !end.isAfter(start)) {
				validation.error("end", "must be after start");
			}
		}
		validation.throwIfInvalid();
		return new Row(name, request.title(), scope.orElseThrow().toString(), kind.key(),
				recurring ? request.schedule().trim() : null, duration, start, end, request.timeZone(),
				request.reason(), this.clock.instant(), CurrentActor.name(), version, environments);
	}

	private List<String> validateEnvironments(Validation validation, List<String> requested) {
		List<String> environments = requested == null ? List.of("production") : requested;
		if (environments.isEmpty()) {
			validation.error("environments", "must name at least one environment (leave it out for production)");
		}
		for (int i = 0; i < environments.size(); i++) {
			String environment = environments.get(i);
			String field = "environments[" + i + "]";
			if (!Validation.isName(environment)) {
				validation.error(field, "must be an environment name");
			}
			else if (this.environments.findEnvironment(environment).isEmpty()) {
				validation.error(field, "names no environment: '" + environment + "'");
			}
		}
		return environments.stream().distinct().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList();
	}

	private void validateCron(Validation validation, String schedule) {
		if (validation.required("schedule", schedule)) {
			if (schedule.trim().length() > MAX_SCHEDULE_LENGTH) {
				validation.error("schedule", "must be at most " + MAX_SCHEDULE_LENGTH + " characters");
				return;
			}
			try {
				CronSchedule cron = CronSchedule.parse(schedule);
				if (cron.timesOfDay().size() > MAX_STARTS_PER_DAY) {
					validation.error("schedule",
							"starts the window " + cron.timesOfDay().size()
									+ " times a day; a window may start at most every 15 minutes (" + MAX_STARTS_PER_DAY
									+ " times a day)");
				}
				else if (!firesWithin(cron, NEVER_FIRES_HORIZON)) {
					validation.error("schedule", "never fires (no date in the next "
							+ NEVER_FIRES_HORIZON.toTotalMonths() / 12 + " years matches it)");
				}
			}
			catch (IllegalArgumentException ex) {
				validation.error("schedule", "is not a five-field cron expression: " + ex.getMessage());
			}
		}
	}

	private boolean firesWithin(CronSchedule cron, Period horizon) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return today.datesUntil(today.plus(horizon)).anyMatch(cron::matches);
	}

	private static String validateDuration(Validation validation, String text) {
		if (!validation.required("duration", text)) {
			return null;
		}
		try {
			Duration duration = Duration.parse(text);
			if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
				validation.error("duration", "must be positive and at most " + MAX_DURATION);
				return null;
			}
			return duration.toString();
		}
		catch (DateTimeParseException ex) {
			validation.error("duration", "must be an ISO-8601 duration such as PT2H");
			return null;
		}
	}

	private static String serviceOf(WindowEntry window) {
		return WindowScope.parse(window.scope())
			.filter(scope -> scope.level() == WindowScope.Level.SERVICE)
			.map(WindowScope::name)
			.orElse(null);
	}

	private static WindowEntry entry(Row row) {
		return new WindowEntry(row.name(), row.title(), row.scope(), List.copyOf(row.environments()),
				Keyed.fromKey(WindowKind.class, row.kind()).orElseThrow(), row.schedule(), row.duration(), row.start(),
				row.end(), row.timeZone(), row.reason(), row.createdAt(), row.createdBy(), row.version());
	}

}
