package dev.steward.incidents;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Validation;
import dev.steward.incidents.PostmortemEntry.ActionItem;
import dev.steward.incidents.PostmortemRequest.ActionItemRequest;
import dev.steward.incidents.internal.PostmortemStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Postmortems: required when a high-urgency incident of a tier-1 or tier-2 service is
 * resolved, due {@code steward.incidents.postmortem-due-within} later (default five
 * days), written by the owning team, and flagged while overdue.
 */
@Service
@Transactional
public class Postmortems {

	private static final int MAX_ACTION_ITEMS = 50;

	private final PostmortemStore store;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration dueWithin;

	Postmortems(PostmortemStore store, Directory directory, AuditTrail audit, Clock clock,
			@Value("${steward.incidents.postmortem-due-within:P5D}") Duration dueWithin) {
		this.store = store;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.dueWithin = dueWithin;
	}

	/**
	 * Whether an incident of a service of {@code tier} with {@code urgency} needs one.
	 */
	public static boolean required(int tier, Urgency urgency) {
		return urgency == Urgency.HIGH && tier <= 2;
	}

	@Transactional(readOnly = true)
	public PostmortemEntry postmortem(long incident) {
		return this.store.find(incident)
			.map(this::entry)
			.orElseThrow(() -> NotFound.because("Incident #" + incident + " has no postmortem"));
	}

	@Transactional(readOnly = true)
	public Optional<PostmortemEntry> findPostmortem(long incident) {
		return this.store.find(incident).map(this::entry);
	}

	@Transactional(readOnly = true)
	public Page<PostmortemEntry> postmortems(String service, String status, Boolean overdue, Integer limit,
			String cursor) {
		Validation validation = new Validation();
		validation.oneOf("status", status, Keyed.keys(PostmortemStatus.class));
		validation.throwIfInvalid();
		int size = Cursor.limit(limit);
		Instant now = this.clock.instant();
		List<PostmortemStore.Row> rows = this.store.page(service, status, overdue, now,
				LocalDate.ofInstant(now, ZoneOffset.UTC), Cursor.decodeNumber(cursor), size + 1);
		return Page.of(entries(rows), size, entry -> Long.toString(entry.incident()));
	}

	/**
	 * How many postmortems are overdue now per service, among those of the incidents
	 * triggered in {@code [since, until)}, of {@code services} or of all services when it
	 * is null; services with none are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, Integer> overdueCounts(Collection<String> services, Instant since, Instant until) {
		if (services != null && services.isEmpty()) {
			return Map.of();
		}
		Instant now = this.clock.instant();
		return this.store.overdueByService(services, since, until, now, LocalDate.ofInstant(now, ZoneOffset.UTC));
	}

	/** Asks for the postmortem of an incident resolved now. */
	void require(long incident) {
		if (this.store.find(incident).isEmpty()) {
			Instant now = this.clock.instant();
			this.store.insert(incident, now.plus(this.dueWithin), now);
		}
	}

	public PostmortemEntry write(long incident, PostmortemRequest request, String ifMatch) {
		PostmortemEntry before = postmortem(incident);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		PostmortemStatus status = null;
		if (validation.required("status", request.status())) {
			validation.oneOf("status", request.status(), Keyed.keys(PostmortemStatus.class));
			status = Keyed.fromKey(PostmortemStatus.class, request.status()).orElse(null);
		}
		validation.maxLength("documentUrl", request.documentUrl(), 2000);
		if (request.documentUrl() != null && !isWebAddress(request.documentUrl())) {
			validation.error("documentUrl", "must be an http or https address");
		}
		if (status == PostmortemStatus.PUBLISHED && request.documentUrl() == null) {
			validation.error("documentUrl", "is required to publish the postmortem");
		}
		List<ActionItem> items = actionItems(validation,
				request.actionItems() == null ? List.of() : request.actionItems());
		validation.throwIfInvalid();
		Set<String> owners = new LinkedHashSet<>();
		items.forEach(item -> owners.add(item.owner()));
		List<String> unknown = this.directory.missingUsers(owners);
		if (!unknown.isEmpty()) {
			throw InvalidInput.field("actionItems", "name unknown owner(s) " + unknown);
		}
		if (!this.store.update(incident, before.version(), status.key(), request.documentUrl(), this.clock.instant())) {
			throw PreconditionFailed.concurrentUpdate();
		}
		this.store.replaceActionItems(incident, items);
		PostmortemEntry after = postmortem(incident);
		this.audit.record("postmortem.updated", "#" + incident, after.service(), before, after);
		return after;
	}

	private static List<ActionItem> actionItems(Validation validation, List<ActionItemRequest> requests) {
		if (requests.size() > MAX_ACTION_ITEMS) {
			validation.error("actionItems", "must have at most " + MAX_ACTION_ITEMS + " items");
			return List.of();
		}
		List<ActionItem> items = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			String field = "actionItems[" + i + "]";
			ActionItemRequest item = requests.get(i);
			if (item == null) {
				validation.error(field, "is empty");
				continue;
			}
			validation.required(field + ".title", item.title());
			validation.maxLength(field + ".title", item.title(), 500);
			validation.name(field + ".owner", item.owner());
			LocalDate due = null;
			if (item.dueDate() != null) {
				try {
					due = LocalDate.parse(item.dueDate());
				}
				catch (DateTimeParseException ex) {
					validation.error(field + ".dueDate", "must be a date YYYY-MM-DD");
				}
			}
			items.add(new ActionItem(item.title(), item.owner(), due, Boolean.TRUE.equals(item.done())));
		}
		return items;
	}

	private static boolean isWebAddress(String text) {
		try {
			URI uri = URI.create(text);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private PostmortemEntry entry(PostmortemStore.Row row) {
		return entries(List.of(row)).get(0);
	}

	/** The postmortems of {@code rows}, reading the action items of all at once. */
	private List<PostmortemEntry> entries(List<PostmortemStore.Row> rows) {
		Map<Long, List<ActionItem>> items = this.store
			.actionItems(rows.stream().map(PostmortemStore.Row::incident).toList());
		Instant now = this.clock.instant();
		return rows.stream()
			.map(row -> new PostmortemEntry(row.incident(), row.service(),
					Keyed.fromKey(PostmortemStatus.class, row.status()).orElseThrow(), row.documentUrl(),
					items.getOrDefault(row.incident(), List.of()), row.dueAt(), row.createdAt(), row.updatedAt(), now,
					row.version()))
			.toList();
	}

}
