package dev.steward.incidents.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.steward.catalog.Directory;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Keyed;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.incidents.IncidentEntry;
import dev.steward.incidents.IncidentStatus;
import dev.steward.incidents.Incidents;
import dev.steward.incidents.Postmortems;
import dev.steward.incidents.TimelineEntry;
import dev.steward.incidents.Urgency;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The incident pages: the list, newest first, filtered by service, status and urgency;
 * and one incident, whose status, buttons and timeline the page keeps fetching while it
 * is open.
 */
@WebPage
class IncidentPages {

	/**
	 * The query parameter of the acknowledge link in a page's email: the page asks to
	 * confirm the acknowledgement, and only the button changes anything.
	 */
	private static final String ACKNOWLEDGE = "acknowledge";

	private final Incidents incidents;

	private final Postmortems postmortems;

	private final Directory directory;

	private final Clock clock;

	IncidentPages(Incidents incidents, Postmortems postmortems, Directory directory, Clock clock) {
		this.incidents = incidents;
		this.postmortems = postmortems;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/incidents")
	String list(@RequestParam(required = false) String service, @RequestParam(required = false) String status,
			@RequestParam(required = false) String urgency, @RequestParam(required = false) String cursor,
			Model model) {
		Filter filter = new Filter(Text.blankToNull(service), Text.blankToNull(status), Text.blankToNull(urgency));
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.incidents.incidents(filter.service(), filter.status(), filter.urgency(), null,
				Cursor.DEFAULT_LIMIT, Text.blankToNull(cursor)));
		model.addAttribute("statuses", Keyed.keys(IncidentStatus.class));
		model.addAttribute("urgencies", Keyed.keys(Urgency.class));
		model.addAttribute("times", times());
		return "incidents";
	}

	@GetMapping("/incidents/{number}")
	String incident(@PathVariable long number, HttpServletRequest request, Model model) {
		show(read(number, request), model);
		model.addAttribute("postmortem", this.postmortems.findPostmortem(number).orElse(null));
		return "incident";
	}

	/**
	 * The live part of an incident's page; {@code 204 No Content}, which leaves the page
	 * as it is, when nothing in it changed since the version the page shows.
	 */
	@GetMapping("/incidents/{number}/live")
	String live(@PathVariable long number, @RequestParam(required = false) String seen, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LiveIncident live = read(number, request);
		if (live.version().equals(seen)) {
			// With the response among its arguments, a null view means the answer is
			// complete.
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		show(live, model);
		return "incident :: live";
	}

	private LiveIncident read(long number, HttpServletRequest request) {
		return new LiveIncident(this.incidents.incident(number), this.incidents.timeline(number),
				request.getParameter(ACKNOWLEDGE) != null);
	}

	private void show(LiveIncident live, Model model) {
		model.addAttribute("incident", live.incident());
		model.addAttribute("timeline", live.timeline());
		model.addAttribute("live", live);
		model.addAttribute("links", this.incidents.links(live.incident().number()));
		model.addAttribute("times", times());
	}

	/** Times as the signed-in user reads them: in their own zone, or in UTC. */
	private IncidentTimes times() {
		ZoneId zone = this.directory.findUser(CurrentActor.name())
			.<ZoneId>map(user -> ZoneId.of(user.timeZone()))
			.orElse(ZoneOffset.UTC);
		return new IncidentTimes(zone, this.clock.instant());
	}

	/** The list's filters; {@code null} where a filter is not set. */
	record Filter(String service, String status, String urgency) {
	}

	/**
	 * What the live part of an incident's page shows.
	 *
	 * @param askedToAcknowledge whether the page was opened from an acknowledge link
	 */
	record LiveIncident(IncidentEntry incident, List<TimelineEntry> timeline, boolean askedToAcknowledge) {

		/**
		 * Whether the page asks to confirm acknowledging: asked to, and still triggered.
		 */
		public boolean confirming() {
			return this.askedToAcknowledge && this.incident.status() == IncidentStatus.TRIGGERED;
		}

		/**
		 * Changes whenever what the live part shows changes: the incident itself, a new
		 * timeline entry, a response SLA that has just been missed.
		 */
		public String version() {
			long lastEntry = this.timeline.isEmpty() ? 0 : this.timeline.getLast().id();
			IncidentEntry.ResponseSla sla = this.incident.responseSla();
			return this.incident.version() + "." + lastEntry + "." + (sla.ackBreached() ? 1 : 0)
					+ (sla.resolveBreached() ? 1 : 0);
		}

		/** Where the page fetches its live part from, telling the version it shows. */
		public String url() {
			UriComponentsBuilder url = UriComponentsBuilder.fromPath("/incidents/{number}/live")
				.queryParam("seen", version());
			if (this.askedToAcknowledge) {
				url.queryParam(ACKNOWLEDGE);
			}
			return url.buildAndExpand(this.incident.number()).toUriString();
		}

	}

}
