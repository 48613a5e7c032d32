package dev.steward.apis.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.steward.apis.ApiConsumers;
import dev.steward.apis.ApiEntry;
import dev.steward.apis.ApiType;
import dev.steward.apis.ApiVersion;
import dev.steward.apis.ApiVersions;
import dev.steward.apis.Apis;
import dev.steward.apis.Consumer;
import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Keyed;
import dev.steward.common.ReaderTimes;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The API pages: every API of the organization, filtered by type and service; one API
 * with its version history, the changes of each version against the one before, and its
 * consumers by major; and one version's contract, drawn by Swagger UI for OpenAPI with a
 * list of its operations for readers without JavaScript.
 */
@WebPage
class ApiPages {

	private final Apis apis;

	private final ApiVersions versions;

	private final ApiConsumers consumers;

	private final ApiDesignPermission permission;

	private final Directory directory;

	private final Clock clock;

	ApiPages(Apis apis, ApiVersions versions, ApiConsumers consumers, ApiDesignPermission permission,
			Directory directory, Clock clock) {
		this.apis = apis;
		this.versions = versions;
		this.consumers = consumers;
		this.permission = permission;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/apis")
	String list(@RequestParam(required = false) String type, @RequestParam(required = false) String service,
			@RequestParam(required = false) String cursor, Model model) {
		Filter filter = new Filter(Text.blankToNull(type), Text.blankToNull(service));
		model.addAttribute("filter", filter);
		model.addAttribute("page",
				this.apis.apis(filter.service(), filter.type(), null, Cursor.DEFAULT_LIMIT, Text.blankToNull(cursor)));
		model.addAttribute("types", Keyed.keys(ApiType.class));
		return "apis";
	}

	@GetMapping("/apis/{api}")
	String api(@PathVariable String api, Model model) {
		ApiEntry entry = this.apis.api(api);
		List<ApiVersion> history = this.versions.versions(api);
		Map<Integer, List<String>> byMajor = this.consumers.consumers(api)
			.stream()
			.collect(Collectors.groupingBy(Consumer::major, TreeMap::new,
					Collectors.mapping(Consumer::service, Collectors.toList())));
		model.addAttribute("api", entry);
		model.addAttribute("versions", history);
		model.addAttribute("consumers",
				byMajor.entrySet()
					.stream()
					.map(major -> new MajorConsumers(MajorStanding.of(major.getKey(), history), major.getValue()))
					.toList());
		model.addAttribute("mayChange", this.permission.ofApi(api));
		model.addAttribute("today", LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		model.addAttribute("times", times());
		return "api";
	}

	@GetMapping("/apis/{api}/versions/{version}")
	String version(@PathVariable String api, @PathVariable String version, Model model) {
		ApiEntry entry = this.apis.api(api);
		ApiVersion found = this.versions.version(api, version);
		model.addAttribute("api", entry);
		model.addAttribute("version", found);
		model.addAttribute("contract", ContractView.of(entry.type(), found.spec()));
		model.addAttribute("times", times());
		return "api-version";
	}

	/**
	 * The contract document as published, for Swagger UI on the version's page: the
	 * page's session reaches it, where the HTTP API's copy needs a bearer token.
	 */
	@GetMapping("/apis/{api}/versions/{version}/spec")
	ResponseEntity<String> spec(@PathVariable String api, @PathVariable String version) {
		ApiVersion found = this.versions.version(api, version);
		MediaType type = "json".equals(found.specFormat()) ? MediaType.APPLICATION_JSON
				: MediaType.parseMediaType("application/yaml");
		return ResponseEntity.ok().contentType(type).body(found.spec());
	}

	private ReaderTimes times() {
		return ReaderTimes.of(this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				this.clock.instant());
	}

	/** The list's filters; {@code null} where a filter is not set. */
	record Filter(String type, String service) {
	}

	/** The services that consume one major of the API, and where that major stands. */
	record MajorConsumers(MajorStanding standing, List<String> services) {
	}

}
