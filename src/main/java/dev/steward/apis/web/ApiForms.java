package dev.steward.apis.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.apis.ApiEntry;
import dev.steward.apis.ApiRequest;
import dev.steward.apis.ApiVersion;
import dev.steward.apis.ApiVersions;
import dev.steward.apis.Apis;
import dev.steward.apis.ContractChange;
import dev.steward.apis.VersionRequest;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Forbidden;
import dev.steward.common.FormRefusals;
import dev.steward.common.InvalidInput;
import dev.steward.common.StewardException;
import dev.steward.common.WebPage;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The API forms: register an API on its service's page, and on the API's page publish a
 * version (or a draft), deprecate one with its sunset, and retire one. Each answers with
 * the page it came from, where a refusal shows as messages, with the breaking changes or
 * the remaining consumers that caused it.
 */
@WebPage
class ApiForms {

	private static final String BACK_TO_API = "redirect:/apis/{api}";

	private static final String BACK_TO_SERVICE = "redirect:/services/{service}";

	private static final String API_DESIGN = "api-design";

	private final Apis apis;

	private final ApiVersions versions;

	ApiForms(Apis apis, ApiVersions versions) {
		this.apis = apis;
		this.versions = versions;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = API_DESIGN)
	@PostMapping("/services/{service}/apis")
	String register(@PathVariable String service, @RequestParam(required = false) String name,
			@RequestParam(required = false) String type, @RequestParam(required = false) String visibility,
			@RequestParam(required = false) String description, @RequestParam(required = false) String documentation,
			RedirectAttributes redirect) {
		ApiEntry created = this.apis.create(service,
				new ApiRequest(name, visibility, type, description, documentation));
		redirect.addFlashAttribute("notice", "API " + created.name() + " registered; publish its first version here.");
		return "redirect:/apis/" + created.name();
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = API_DESIGN)
	@PostMapping("/apis/{api}/versions")
	String add(@PathVariable String api, @RequestParam(required = false) String version,
			@RequestParam(required = false) String spec, @RequestParam(required = false) String status,
			RedirectAttributes redirect) {
		ApiVersion added = this.versions.add(api, new VersionRequest(version, spec, status));
		redirect.addFlashAttribute("notice",
				added.status().live() ? published(added) : "Version " + added.version() + " saved as a draft.");
		return BACK_TO_API;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = API_DESIGN)
	@PostMapping("/apis/{api}/versions/{version}/publish")
	String publish(@PathVariable String api, @PathVariable String version, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", published(this.versions.publish(api, version)));
		return BACK_TO_API;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = API_DESIGN)
	@PostMapping("/apis/{api}/versions/{version}/deprecate")
	String deprecate(@PathVariable String api, @PathVariable String version,
			@RequestParam(required = false) String sunset, RedirectAttributes redirect) {
		ApiVersion deprecated = this.versions.deprecate(api, version, sunset);
		redirect.addFlashAttribute("notice", "Version " + deprecated.version() + " is deprecated; its sunset is "
				+ deprecated.sunset() + ". The teams of its consumers are told by mail.");
		return BACK_TO_API;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "api", from = "api", aspect = API_DESIGN)
	@PostMapping("/apis/{api}/versions/{version}/retire")
	String retire(@PathVariable String api, @PathVariable String version, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				"Version " + this.versions.retire(api, version).version() + " is retired.");
		return BACK_TO_API;
	}

	/**
	 * Sends a refusal back to the page of the form: its messages, the breaking changes or
	 * blocking consumers it names, and a refused version's number and document so that
	 * they need not be typed again.
	 */
	@ExceptionHandler({ Forbidden.class, Conflict.class, InvalidInput.class })
	String refused(StewardException ex, HttpServletRequest request) {
		FormRefusals.flash(ex, request);
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		if (ex.properties().get("breakingChanges") instanceof List<?> breaking) {
			flash.put("breakingChanges", breaking);
			flash.put("comparedWith", ex.properties().get("comparedWith"));
		}
		if (ex.properties().get("consumers") instanceof List<?> consumers) {
			flash.put("blockingConsumers", consumers);
		}
		if (request.getParameter("spec") != null) {
			flash.put("refusedVersion", request.getParameter("version"));
			flash.put("refusedSpec", request.getParameter("spec"));
		}
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return variables instanceof Map<?, ?> map && map.containsKey("api") ? BACK_TO_API : BACK_TO_SERVICE;
	}

	private static String published(ApiVersion version) {
		long breaking = version.changes().stream().filter(ContractChange::breaking).count();
		String against = version.comparedWith() == null ? "" : "; " + version.changes().size() + " change(s) against "
				+ version.comparedWith() + (breaking == 0 ? "" : ", " + breaking + " of them breaking (a new major)");
		return "Version " + version.version() + " published" + against + ".";
	}

}
