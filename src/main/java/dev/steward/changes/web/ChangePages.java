package dev.steward.changes.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.changes.Change;
import dev.steward.changes.ChangeStatus;
import dev.steward.changes.Changes;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.ReaderTimes;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.windows.Gate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The change request pages: the list, newest first, filtered by service and status; and
 * one change with the gate's answer for its planned interval (when submitted, and as the
 * windows stand now), its approvals and those still needed, its history, and the buttons
 * of the actions open to the signed-in user.
 */
@WebPage
class ChangePages {

	/** The statuses of a change whose planned interval is still to come. */
	private static final Set<ChangeStatus> NOT_STARTED = Set.of(ChangeStatus.DRAFT, ChangeStatus.SUBMITTED,
			ChangeStatus.APPROVED);

	private final Changes changes;

	private final Gate gate;

	private final Directory directory;

	private final Clock clock;

	ChangePages(Changes changes, Gate gate, Directory directory, Clock clock) {
		this.changes = changes;
		this.gate = gate;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/changes")
	String list(@RequestParam(required = false) String service, @RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor, Model model) {
		Filter filter = new Filter(Text.blankToNull(service), Text.blankToNull(status));
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.changes.changes(filter.service(), filter.status(), null, null,
				Cursor.DEFAULT_LIMIT, Text.blankToNull(cursor)));
		model.addAttribute("statuses", Keyed.keys(ChangeStatus.class));
		model.addAttribute("times", times(this.directory, this.clock));
		return "changes";
	}

	@GetMapping("/changes/{id}")
	String change(@PathVariable long id, HttpServletRequest request, Model model) {
		Change change = this.changes.change(id);
		ReaderTimes times = times(this.directory, this.clock);
		String user = CurrentActor.name();
		model.addAttribute("change", change);
		model.addAttribute("times", times);
		model.addAttribute("actions", ChangeActions.of(change, user, request.isUserInRole("ADMIN"),
				this.directory.memberships(user), times.now()));
		gateNow(change, times.now(), model);
		return "change";
	}

	/**
	 * What the gate says now about what is left of a change's planned interval, while the
	 * change has not started: {@code gateNow} is the answer where it first closes, null
	 * when it stays open.
	 */
	private void gateNow(Change change, Instant now, Model model) {
		boolean ahead = NOT_STARTED.contains(change.status()) && change.plannedEnd().isAfter(now);
		if (!ahead) {
			return;
		}
		Instant from = change.plannedStart().isAfter(now) ? change.plannedStart() : now;
		try {
			model.addAttribute("gateNow",
					this.gate.firstClosed(change.service(), change.environment(), from, change.plannedEnd())
						.orElse(null));
			model.addAttribute("gateAsked", true);
		}
		catch (NotFound ex) {
			// The service or environment is gone; the page still shows the change.
		}
	}

	/** Times as the signed-in user reads them: in their own zone, or in UTC. */
	static ReaderTimes times(Directory directory, Clock clock) {
		return ReaderTimes.of(directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				clock.instant());
	}

	/** The list's filters; {@code null} where a filter is not set. */
	record Filter(String service, String status) {
	}

}
