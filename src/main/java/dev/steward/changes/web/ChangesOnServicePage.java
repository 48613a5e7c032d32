package dev.steward.changes.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.steward.catalog.Directory;
import dev.steward.changes.Change;
import dev.steward.changes.ChangeStatus;
import dev.steward.changes.Changes;
import dev.steward.common.ReaderTimes;
import dev.steward.common.ServicePagePart;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Change requests section of a service's page: its changes not yet finished (drafts,
 * waiting for approval, approved, in progress), by planned start, with the approvals each
 * still needs.
 */
@Component
@Order(200)
class ChangesOnServicePage implements ServicePagePart {

	/** The statuses of a change that is still ahead or under way. */
	static final List<ChangeStatus> OPEN = List.of(ChangeStatus.IN_PROGRESS, ChangeStatus.APPROVED,
			ChangeStatus.SUBMITTED, ChangeStatus.DRAFT);

	/** How many changes of each status the section lists at most. */
	private static final int LIMIT = 20;

	private final Changes changes;

	private final Directory directory;

	private final Clock clock;

	ChangesOnServicePage(Changes changes, Directory directory, Clock clock) {
		this.changes = changes;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		List<Change> open = OPEN.stream()
			.flatMap(status -> this.changes.changes(service, status.key(), null, null, LIMIT, null).items().stream())
			.sorted(Comparator.comparing(Change::plannedStart).thenComparing(Change::id))
			.toList();
		return Optional.of(new View("service-changes",
				new ServiceChanges(service, open, ChangePages.times(this.directory, this.clock))));
	}

	/** What the section shows. */
	record ServiceChanges(String service, List<Change> changes, ReaderTimes times) {
	}

}
