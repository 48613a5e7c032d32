package dev.steward.catalog.web;

import java.util.List;

import dev.steward.catalog.Aspect;
import dev.steward.catalog.Directory;
import dev.steward.catalog.Lifecycle;
import dev.steward.catalog.ProductCatalog;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.ServiceFilter;
import dev.steward.catalog.TransferStatus;
import dev.steward.common.Cursor;
import dev.steward.common.Keyed;
import dev.steward.common.ServicePagePart;
import dev.steward.common.ServicePagePart.Place;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Web pages of the service catalog: the searchable list and one page per service, which
 * shows the parts other modules contribute (see {@link ServicePagePart}).
 */
@WebPage
class ServicePages {

	private final ServiceCatalog catalog;

	private final Directory directory;

	private final ProductCatalog products;

	private final ObjectProvider<ServicePagePart> parts;

	ServicePages(ServiceCatalog catalog, Directory directory, ProductCatalog products,
			ObjectProvider<ServicePagePart> parts) {
		this.catalog = catalog;
		this.directory = directory;
		this.products = products;
		this.parts = parts;
	}

	@GetMapping("/services")
	String list(@RequestParam(required = false) String owner, @RequestParam(required = false) Integer tier,
			@RequestParam(required = false) String product, @RequestParam(required = false) String lifecycle,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			HttpServletRequest request, Model model) {
		ServiceFilter filter = new ServiceFilter(Text.blankToNull(owner), tier, Text.blankToNull(product),
				Text.blankToNull(lifecycle), Text.blankToNull(q));
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.catalog.services(filter, Cursor.DEFAULT_LIMIT, cursor));
		model.addAttribute("teams", this.directory.allTeams());
		model.addAttribute("products", this.products.products(Cursor.MAX_LIMIT, null).items());
		model.addAttribute("lifecycles", Keyed.keys(Lifecycle.class));
		model.addAttribute("tiers", List.of(1, 2, 3, 4));
		if ("true".equals(request.getHeader("HX-Request"))) {
			return "services :: results";
		}
		return "services";
	}

	@GetMapping("/services/{name}")
	String service(@PathVariable String name, Model model) {
		ServiceEntry service = this.catalog.service(name);
		model.addAttribute("service", service);
		model.addAttribute("owner", this.directory.team(service.owner()));
		model.addAttribute("dependencies", this.catalog.dependencies(name));
		model.addAttribute("consumers", this.catalog.consumers(name));
		model.addAttribute("responsibilities", this.catalog.responsibilities(name));
		model.addAttribute("history", this.catalog.ownershipHistory(name));
		model.addAttribute("pendingTransfers",
				this.catalog.transfers(name)
					.stream()
					.filter(transfer -> transfer.status() == TransferStatus.PENDING)
					.toList());
		model.addAttribute("sharedAspects", List.of(Aspect.SERVERS_HARDWARE, Aspect.TOOLING, Aspect.DATABASES));
		model.addAttribute("banners", parts(Place.BANNER, name));
		model.addAttribute("sections", parts(Place.SECTION, name));
		return "service";
	}

	/** What the other modules' parts in {@code place} show of the service, in order. */
	private List<ServicePagePart.View> parts(Place place, String service) {
		return this.parts.orderedStream()
			.filter(part -> part.place() == place)
			.flatMap(part -> part.view(service).stream())
			.toList();
	}

}
