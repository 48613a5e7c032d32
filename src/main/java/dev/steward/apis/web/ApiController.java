package dev.steward.apis.web;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.apis.ApiConsumers;
import dev.steward.apis.ApiEntry;
import dev.steward.apis.ApiRequest;
import dev.steward.apis.ApiVersion;
import dev.steward.apis.ApiVersions;
import dev.steward.apis.Apis;
import dev.steward.apis.Consumer;
import dev.steward.apis.ConsumerRequest;
import dev.steward.apis.DeprecationRequest;
import dev.steward.apis.VersionRequest;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of APIs: registering a service's APIs, their versions from draft to retired,
 * and who consumes them. The API's owning team (or the team that accepted its API design)
 * changes APIs and versions; a consuming service's team declares its use.
 */
@RestController
class ApiController {

	private static final String APIS = "/api/v1/apis";

	private static final String API = APIS + "/{api}";

	private static final String VERSION = API + "/versions/{version}";

	private final Apis apis;

	private final ApiVersions versions;

	private final ApiConsumers consumers;

	private final JsonMapper json;

	ApiController(Apis apis, ApiVersions versions, ApiConsumers consumers, JsonMapper json) {
		this.apis = apis;
		this.versions = versions;
		this.consumers = consumers;
		this.json = json;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "api-design")
	@PostMapping("/api/v1/services/{service}/apis")
	ResponseEntity<ApiEntry> create(@PathVariable String service, @RequestBody ApiRequest request) {
		ApiEntry created = this.apis.create(service, request);
		return Responses.created(APIS + "/" + created.name(), created, created.version());
	}

	@GetMapping("/api/v1/services/{service}/apis")
	Map<String, List<ApiEntry>> ofService(@PathVariable String service) {
		return Map.of("items", this.apis.ofService(service));
	}

	@GetMapping("/api/v1/services/{service}/consumed-apis")
	Map<String, List<Consumer>> consumed(@PathVariable String service) {
		return Map.of("items", this.consumers.consumed(service));
	}

	@GetMapping(APIS)
	Page<ApiEntry> list(@RequestParam(required = false) String service, @RequestParam(required = false) String type,
			@RequestParam(required = false) String visibility, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.apis.apis(service, type, visibility, limit, cursor);
	}

	@GetMapping(API)
	ResponseEntity<ApiEntry> get(@PathVariable String api) {
		ApiEntry entry = this.apis.api(api);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = "api-design")
	@PutMapping(API)
	ResponseEntity<ApiEntry> put(@PathVariable String api, @RequestBody ApiRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		ApiEntry entry = this.apis.update(api, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = "api-design")
	@PatchMapping(path = API, consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<ApiEntry> patch(@PathVariable String api, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		ApiRequest request = MergePatch.apply(this.json, ApiRequest.from(this.apis.api(api)), patch, ApiRequest.class);
		return put(api, request, ifMatch);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = "api-design")
	@DeleteMapping(API)
	ResponseEntity<Void> delete(@PathVariable String api,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.apis.delete(api, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(API + "/versions")
	Map<String, List<ApiVersion>> versions(@PathVariable String api) {
		return Map.of("items", this.versions.versions(api));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = "api-design")
	@PostMapping(API + "/versions")
	ResponseEntity<ApiVersion> add(@PathVariable String api, @RequestBody VersionRequest request,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		ApiVersion added = this.versions.add(api, request, dryRun);
		if (dryRun) {
			return ResponseEntity.ok(added);
		}
		return Responses.created(APIS + "/" + api + "/versions/" + added.version(), added);
	}

	@GetMapping(VERSION)
	ApiVersion version(@PathVariable String api, @PathVariable String version) {
		return this.versions.version(api, version);
	}

	/** The contract document as it was published, for Swagger UI and downloads. */
	@GetMapping(VERSION + "/spec")
	ResponseEntity<String> spec(@PathVariable String api, @PathVariable String version) {
		ApiVersion found = this.versions.version(api, version);
		MediaType type = "json".equals(found.specFormat()) ? MediaType.APPLICATION_JSON
				: MediaType.parseMediaType("application/yaml");
		return ResponseEntity.ok().contentType(type).body(found.spec());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = "api-design")
	@PostMapping(VERSION + "/publish")
	ApiVersion publish(@PathVariable String api, @PathVariable String version) {
		return this.versions.publish(api, version);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = "api-design")
	@PostMapping(VERSION + "/deprecate")
	ApiVersion deprecate(@PathVariable String api, @PathVariable String version,
			@RequestBody DeprecationRequest request) {
		return this.versions.deprecate(api, version, request.sunset());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = "api-design")
	@PostMapping(VERSION + "/retire")
	ApiVersion retire(@PathVariable String api, @PathVariable String version) {
		return this.versions.retire(api, version);
	}

	@GetMapping(API + "/consumers")
	Map<String, List<Consumer>> consumers(@PathVariable String api) {
		return Map.of("items", this.consumers.consumers(api));
	}

	@GetMapping(API + "/consumers/{service}")
	Consumer consumer(@PathVariable String api, @PathVariable String service) {
		return this.consumers.consumer(api, service);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@PutMapping(API + "/consumers/{service}")
	ResponseEntity<Consumer> putConsumer(@PathVariable String api, @PathVariable String service,
			@RequestBody ConsumerRequest request) {
		return Responses.upserted(APIS + "/" + api + "/consumers/" + service,
				this.consumers.put(api, service, request));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@DeleteMapping(API + "/consumers/{service}")
	ResponseEntity<Void> removeConsumer(@PathVariable String api, @PathVariable String service) {
		this.consumers.remove(api, service);
		return ResponseEntity.noContent().build();
	}

}
