package dev.steward.data.web;

import java.time.Clock;
import java.util.List;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.ReaderTimes;
import dev.steward.common.Text;
import dev.steward.common.Violation;
import dev.steward.common.WebPage;
import dev.steward.data.DataAccess;
import dev.steward.data.DatastoreEntry;
import dev.steward.data.Datastores;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The datastore pages: every datastore with its owner, kind, classification, PII,
 * retention and operator; one datastore with its access patterns, schema history and the
 * services that reach it directly (a STOSA violation unless it is the owner); and one
 * schema version's document.
 */
@WebPage
class DataPages {

	private final Datastores datastores;

	private final DataAccess access;

	private final Directory directory;

	private final Clock clock;

	DataPages(Datastores datastores, DataAccess access, Directory directory, Clock clock) {
		this.datastores = datastores;
		this.access = access;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/datastores")
	String list(@RequestParam(required = false) String owner, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String cursor, Model model) {
		Filter filter = new Filter(Text.blankToNull(owner), Text.blankToNull(kind));
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.datastores.datastores(filter.owner(), filter.kind(), Cursor.DEFAULT_LIMIT,
				Text.blankToNull(cursor)));
		return "datastores";
	}

	@GetMapping("/datastores/{datastore}")
	String datastore(@PathVariable String datastore, Model model) {
		DatastoreEntry entry = this.datastores.datastore(datastore);
		List<Violation> violations = this.access.violations()
			.stream()
			.filter(violation -> violation.subject().equals(datastore))
			.toList();
		model.addAttribute("datastore", entry);
		model.addAttribute("schemas", this.datastores.schemaHistory(datastore, null));
		model.addAttribute("access", this.access.ofDatastore(datastore));
		model.addAttribute("violations", violations);
		model.addAttribute("times", times());
		return "datastore";
	}

	@GetMapping("/datastores/{datastore}/schemas/{schema}/versions/{version}")
	String schema(@PathVariable String datastore, @PathVariable String schema, @PathVariable String version,
			Model model) {
		model.addAttribute("datastore", this.datastores.datastore(datastore));
		model.addAttribute("schema", this.datastores.schema(datastore, schema, version));
		model.addAttribute("times", times());
		return "datastore-schema";
	}

	private ReaderTimes times() {
		return ReaderTimes.of(this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				this.clock.instant());
	}

	/** The list's filters; {@code null} where a filter is not set. */
	record Filter(String owner, String kind) {
	}

}
