package dev.steward.monitoring.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.steward.access.ChangePermissions;
import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.Allow.Rule;
import dev.steward.common.CurrentActor;
import dev.steward.common.Forbidden;
import dev.steward.common.Keyed;
import dev.steward.common.ReaderTimes;
import dev.steward.common.ServicePagePart;
import dev.steward.monitoring.MonitoringReview;
import dev.steward.monitoring.MonitoringReviews;
import dev.steward.monitoring.MonitoringStatus;
import dev.steward.monitoring.Watch;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Monitoring section of a service's page: its monitors with what each watches and
 * where to look, the last reviews, when the next is due or how long it is overdue, and
 * for the owning team the forms that record a review and add a monitor.
 */
@Component
@Order(300)
class MonitoringOnServicePage implements ServicePagePart {

	/** How many of the latest reviews the section lists. */
	static final int RECENT = 5;

	private final MonitoringReviews reviews;

	private final ChangePermissions permissions;

	private final Directory directory;

	private final Clock clock;

	MonitoringOnServicePage(MonitoringReviews reviews, ChangePermissions permissions, Directory directory,
			Clock clock) {
		this.reviews = reviews;
		this.permissions = permissions;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		MonitoringStatus status = this.reviews.status(service);
		List<MonitoringReview> recent = this.reviews.reviews(service, RECENT, null).items();
		ReaderTimes times = ReaderTimes.of(
				this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				this.clock.instant());
		return Optional.of(new View("service-monitoring", new ServiceMonitoring(service, status, recent,
				mayChange(service), Keyed.keys(Watch.class), times, CadenceWords.INSTANCE)));
	}

	/** Whether the reader may record reviews and change monitors, as the API decides. */
	private boolean mayChange(String service) {
		try {
			this.permissions.require(Rule.TEAM_MEMBER, "service", service, "monitoring");
			return true;
		}
		catch (Forbidden ex) {
			return false;
		}
	}

	/** What the section shows. */
	record ServiceMonitoring(String service, MonitoringStatus status, List<MonitoringReview> recent, boolean mayChange,
			List<String> watches, ReaderTimes times, CadenceWords cadence) {
	}

}
