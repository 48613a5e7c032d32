package dev.steward.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.access.ChangePermissions;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.InvalidInput;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Validation;
import dev.steward.oncall.internal.PolicyStore;
import dev.steward.oncall.internal.ScheduleStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules: their definition, overrides, the final schedule over a range, who is on call
 * at an instant, and each user's shifts.
 */
@Service
@Transactional
public class OnCallSchedules {

	/** How far ahead a schedule's gaps are warned about. */
	public static final Duration GAP_HORIZON = Duration.ofDays(14);

	/** The longest range the final schedule is rendered for in one request. */
	public static final Duration MAX_RANGE = Duration.ofDays(400);

	private static final TypeReference<List<LayerSpec>> LAYERS = new TypeReference<>() {
	};

	private final ScheduleStore store;

	private final PolicyStore policies;

	private final Directory directory;

	private final ChangePermissions permissions;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	OnCallSchedules(ScheduleStore store, PolicyStore policies, Directory directory, ChangePermissions permissions,
			AuditTrail audit, JsonMapper json, Clock clock) {
		this.store = store;
		this.policies = policies;
		this.directory = directory;
		this.permissions = permissions;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ScheduleEntry schedule(String name) {
		return findSchedule(name).orElseThrow(() -> NotFound.of("schedule", name));
	}

	@Transactional(readOnly = true)
	public Optional<ScheduleEntry> findSchedule(String name) {
		return this.store.find(name).map(this::entry);
	}

	/** The names among {@code names} that are no schedule, without rendering any. */
	@Transactional(readOnly = true)
	public List<String> missingSchedules(Collection<String> names) {
		return this.store.missing(names);
	}

	@Transactional(readOnly = true)
	public Page<ScheduleEntry> schedules(String team, Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		return Page.of(this.store.page(team, Cursor.decode(cursor), size + 1), size, ScheduleStore.Row::name)
			.map(this::entry);
	}

	public ScheduleEntry create(ScheduleRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		validate(validation, request);
		if (this.store.find(request.name()).isPresent()) {
			throw Conflict.duplicate("schedule", request.name());
		}
		List<LayerSpec> layers = request.normalized().layers();
		this.store.insert(new ScheduleStore.Row(request.name(), request.team(), request.title(), request.description(),
				request.timeZone(), write(layers), this.clock.instant(), 0));
		this.store.replaceMembers(request.name(), LayerDefinitions.users(layers));
		ScheduleEntry created = schedule(request.name());
		this.audit.record("schedule.created", created.name(), null, null, created);
		return created;
	}

	public ScheduleEntry update(String name, ScheduleRequest request, String ifMatch) {
		ScheduleEntry before = schedule(name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		validate(validation, request);
		if (!request.team().equals(before.team())) {
			this.permissions.require(Rule.TEAM_MEMBER, "team", request.team());
		}
		List<LayerSpec> layers = request.normalized().layers();
		if (!this.store.update(new ScheduleStore.Row(name, request.team(), request.title(), request.description(),
				request.timeZone(), write(layers), before.createdAt(), before.version()))) {
			throw PreconditionFailed.concurrentUpdate();
		}
		this.store.replaceMembers(name, LayerDefinitions.users(layers));
		ScheduleEntry after = schedule(name);
		this.audit.record("schedule.updated", name, null, before, after);
		return after;
	}

	public void delete(String name, String ifMatch) {
		ScheduleEntry before = schedule(name);
		ETags.check(ifMatch, before.version());
		List<String> targetingPolicies = this.policies.targeting(name);
		if (!targetingPolicies.isEmpty()) {
			throw Conflict
				.because("Schedule '" + name + "' is a target of " + targetingPolicies.size()
						+ " escalation policy(ies); remove it from them first")
				.detail("escalationPolicies", targetingPolicies);
		}
		this.store.delete(name);
		this.audit.record("schedule.deleted", name, null, before, null);
	}

	/** The final schedule over {@code [since, until)}; either end defaults around now. */
	@Transactional(readOnly = true)
	public FinalSchedule finalSchedule(String name, Instant since, Instant until) {
		TimeRange range = range(since, until);
		Definition definition = definition(name, range);
		return ScheduleRenderer.render(definition.zone(), definition.layers(), definition.overrideShifts(),
				range.start(), range.end());
	}

	/** Each layer's shifts, the overrides and the final schedule over a range. */
	@Transactional(readOnly = true)
	public ScheduleTimeline timeline(String name, Instant since, Instant until) {
		TimeRange range = range(since, until);
		Definition definition = definition(name, range);
		List<ScheduleTimeline.Row> rows = new ArrayList<>();
		for (int i = 0; i < definition.layers().size(); i++) {
			Layer layer = definition.layers().get(i);
			rows.add(new ScheduleTimeline.Row(layer.name() == null ? "Layer " + (i + 1) : layer.name(),
					ScheduleRenderer.layerShifts(layer, definition.zone(), range.start(), range.end())));
		}
		return new ScheduleTimeline(range.start(), range.end(), rows, definition.overrideShifts(), ScheduleRenderer
			.render(definition.zone(), definition.layers(), definition.overrideShifts(), range.start(), range.end()));
	}

	/** The user on call in a schedule at an instant (now when absent), or empty. */
	@Transactional(readOnly = true)
	public Optional<String> onCall(String name, Instant at) {
		Instant instant = at == null ? this.clock.instant() : at;
		Definition definition = definition(name, new TimeRange(instant, instant.plusNanos(1)));
		return Optional.ofNullable(ScheduleRenderer.onCallAt(definition.zone(), definition.layers(),
				definition.overrideShifts(), instant));
	}

	@Transactional(readOnly = true)
	public List<ScheduleOverride> overrides(String name, Instant since, Instant until) {
		schedule(name);
		TimeRange range = range(since, until);
		return this.store.overrides(name, range.start(), range.end());
	}

	public ScheduleOverride addOverride(String name, OverrideRequest request) {
		schedule(name);
		Validation validation = new Validation();
		validation.name("user", request.user());
		validation.required("start", request.start());
		if (validation.required("end", request.end()) && request.start() != null
				&& !request.end().isAfter(request.start())) {
			validation.error("end", "must be after start");
		}
		if (request.start() != null && request.end() != null
				&& Duration.between(request.start(), request.end()).compareTo(MAX_RANGE) > 0) {
			validation.error("end", "an override lasts at most " + MAX_RANGE.toDays() + " days");
		}
		validation.throwIfInvalid();
		requireUsers("user", List.of(request.user()));
		long id = this.store.insertOverride(name, request.user(), request.start(), request.end(), this.clock.instant(),
				CurrentActor.name());
		ScheduleOverride created = this.store.override(name, id).orElseThrow();
		this.audit.record("schedule.override.created", name, null, null, created);
		return created;
	}

	public void removeOverride(String name, long id) {
		ScheduleOverride before = this.store.override(name, id)
			.orElseThrow(() -> NotFound.because("Schedule '" + name + "' has no override " + id));
		this.store.deleteOverride(id);
		this.audit.record("schedule.override.deleted", name, null, before, null);
	}

	/** A user's shifts in every schedule over a range, in time order. */
	@Transactional(readOnly = true)
	public List<UserShift> shifts(String user, Instant since, Instant until) {
		this.directory.user(user);
		TimeRange range = range(since, until);
		List<UserShift> shifts = new ArrayList<>();
		for (ScheduleStore.Row row : this.store.named(this.store.mentioning(user, range.start()))) {
			Definition definition = definition(row, range);
			ScheduleRenderer
				.render(definition.zone(), definition.layers(), definition.overrideShifts(), range.start(), range.end())
				.entries()
				.stream()
				.filter(entry -> entry.user().equals(user))
				.forEach(entry -> shifts.add(new UserShift(row.name(), row.team(), user, entry.start(), entry.end())));
		}
		shifts.sort(Comparator.comparing(UserShift::start).thenComparing(UserShift::schedule));
		return shifts;
	}

	/**
	 * The schedule's iCalendar feed: its final schedule from a week ago to 90 days ahead.
	 */
	@Transactional(readOnly = true)
	public String scheduleCalendar(String name) {
		ScheduleEntry schedule = schedule(name);
		TimeRange range = feedRange();
		List<UserShift> shifts = finalSchedule(name, range.start(), range.end()).entries()
			.stream()
			.map(entry -> new UserShift(name, schedule.team(), entry.user(), entry.start(), entry.end()))
			.toList();
		return CalendarFeed.of("On call: " + name, shifts, false, this.clock.instant());
	}

	/** A user's iCalendar feed ("my shifts") over the same range as a schedule's. */
	@Transactional(readOnly = true)
	public String userCalendar(String user) {
		TimeRange range = feedRange();
		return CalendarFeed.of("On call: " + user, shifts(user, range.start(), range.end()), true,
				this.clock.instant());
	}

	/** From the start of the day a week ago, so that feed contents change only by day. */
	private TimeRange feedRange() {
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(7));
		return new TimeRange(start, start.plus(Duration.ofDays(97)));
	}

	/**
	 * A range from optional ends: from now (or {@code until} − 14 days), 14 days long.
	 */
	public TimeRange range(Instant since, Instant until) {
		Instant start = since != null ? since : until != null ? until.minus(GAP_HORIZON) : this.clock.instant();
		Instant end = until != null ? until : start.plus(GAP_HORIZON);
		if (!end.isAfter(start)) {
			throw InvalidInput.field("until", "must be after since");
		}
		if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
			throw InvalidInput.field("until", "the range may span at most " + MAX_RANGE.toDays() + " days");
		}
		return new TimeRange(start, end);
	}

	private void validate(Validation validation, ScheduleRequest request) {
		validation.name("team", request.team());
		validation.zone("timeZone", request.timeZone());
		validation.maxLength("title", request.title(), 200);
		validation.maxLength("description", request.description(), 4000);
		LayerDefinitions.check(validation, request.layers());
		validation.throwIfInvalid();
		if (this.directory.findTeam(request.team()).isEmpty()) {
			throw InvalidInput.field("team", "names no team: '" + request.team() + "'");
		}
		requireUsers("layers", LayerDefinitions.users(request.layers()));
	}

	private void requireUsers(String field, Collection<String> users) {
		List<String> missing = this.directory.missingUsers(users);
		if (!missing.isEmpty()) {
			throw InvalidInput.field(field, "names unknown user(s) " + missing);
		}
	}

	private ScheduleEntry entry(ScheduleStore.Row row) {
		List<LayerSpec> layers = read(row.layers());
		Instant now = this.clock.instant();
		Definition definition = new Definition(ZoneId.of(row.timeZone()), LayerDefinitions.layers(layers),
				this.store.overrides(row.name(), now, now.plus(GAP_HORIZON)));
		List<TimeRange> gaps = ScheduleRenderer
			.render(definition.zone(), definition.layers(), definition.overrideShifts(), now, now.plus(GAP_HORIZON))
			.gaps();
		return new ScheduleEntry(row.name(), row.title(), row.description(), row.team(), row.timeZone(), layers, gaps,
				row.createdAt(), row.version());
	}

	private Definition definition(String name, TimeRange range) {
		return definition(this.store.find(name).orElseThrow(() -> NotFound.of("schedule", name)), range);
	}

	private Definition definition(ScheduleStore.Row row, TimeRange range) {
		return new Definition(ZoneId.of(row.timeZone()), LayerDefinitions.layers(read(row.layers())),
				this.store.overrides(row.name(), range.start(), range.end()));
	}

	private String write(List<LayerSpec> layers) {
		return this.json.writeValueAsString(layers);
	}

	private List<LayerSpec> read(String layers) {
		return this.json.readValue(layers, LAYERS);
	}

	/** What the renderer needs of a stored schedule over a range. */
	private record Definition(ZoneId zone, List<Layer> layers, List<ScheduleOverride> overrides) {

		List<Shift> overrideShifts() {
			return this.overrides.stream().map(ScheduleOverride::shift).toList();
		}

	}

}
