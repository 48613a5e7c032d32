package dev.steward.demo;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.access.Credentials;
import dev.steward.reporting.DigestSubscriptions;
import dev.steward.catalog.DependencyRequest;
import dev.steward.catalog.Directory;
import dev.steward.catalog.ProductCatalog;
import dev.steward.catalog.ProductRequest;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceFilter;
import dev.steward.catalog.ServiceRequest;
import dev.steward.catalog.TeamRequest;
import dev.steward.catalog.TeamRequest.MemberRequest;
import dev.steward.catalog.UserRequest;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads "Northwind Commerce", a believable organization of six teams (two of them
 * shared), twenty people in several time zones, three products and eighteen services
 * across all four tiers, with on-call schedules, escalation policies and a few incidents,
 * when the catalog is empty.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("steward.demo")
class DemoOrganization implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

	private final Directory directory;

	private final ProductCatalog products;

	private final ServiceCatalog services;

	private final Credentials credentials;

	private final DemoRotations rotations;

	private final DemoIncidents incidents;

	private final DemoDeployments deployments;

	private final DemoSlos slos;

	private final DemoApisAndData apisAndData;

	private final DigestSubscriptions digests;

	private final TransactionTemplate transaction;

	DemoOrganization(Directory directory, ProductCatalog products, ServiceCatalog services, Credentials credentials,
			DemoRotations rotations, DemoIncidents incidents, DemoDeployments deployments, DemoSlos slos,
			DemoApisAndData apisAndData, DigestSubscriptions digests, TransactionTemplate transaction) {
		this.directory = directory;
		this.products = products;
		this.services = services;
		this.credentials = credentials;
		this.rotations = rotations;
		this.incidents = incidents;
		this.deployments = deployments;
		this.slos = slos;
		this.apisAndData = apisAndData;
		this.digests = digests;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.services.services(ServiceFilter.none(), 1, null).items().isEmpty()) {
			log.info("The catalog is not empty; the demo organization is not loaded");
			return;
		}
		this.transaction.executeWithoutResult(status -> load());
		log.info("Loaded the demo organization");
	}

	private void load() {
		users().forEach(this.directory::createUser);
		teams().forEach(this.directory::createTeam);
		products().forEach(this.products::create);
		services().forEach(this.services::register);
		dependencies().forEach((edge, criticality) -> {
			String[] ends = edge.split(">");
			this.services.putDependency(ends[0], ends[1], new DependencyRequest(criticality, null));
		});
		for (String service : List.of("payments-api", "ledger", "checkout-api", "cart", "identity-api", "session-store",
				"search-api", "catalog-indexer")) {
			this.services.delegate(service, "servers-hardware", "platform-ops");
			this.services.acceptDelegation(service, "servers-hardware");
		}
		for (String service : List.of("ledger", "identity-api", "orders")) {
			this.services.delegate(service, "databases", "database-reliability");
			this.services.acceptDelegation(service, "databases");
		}
		this.services.delegate("catalog-indexer", "databases", "database-reliability");
		this.services.delegate("checkout-api", "tooling", "platform-ops");
		this.services.acceptDelegation("checkout-api", "tooling");
		this.services.proposeTransfer("recommendations", "search-discovery",
				"Search owns ranking now; recommendations belong with it");
		this.rotations.load(services().stream()
			.collect(java.util.stream.Collectors.toMap(ServiceRequest::name, ServiceRequest::owner)));
		this.incidents.load();
		this.deployments.load();
		this.slos.load();
		this.apisAndData.load();
		this.digests.subscribe(DemoAccount.USER, "team:payments");
		this.digests.subscribe("gustav-lind", DigestSubscriptions.ORGANIZATION);
		this.credentials.setPassword(DemoAccount.USER, DemoAccount.PASSWORD);
	}

	private static List<UserRequest> users() {
		return List.of(user("amara-okafor", "Amara Okafor", "Africa/Lagos"),
				user("ben-carter", "Ben Carter", "America/New_York"), user("chen-wei", "Chen Wei", "Asia/Shanghai"),
				user("diego-ramirez", "Diego Ramírez", "America/Mexico_City"),
				user("elena-petrova", "Elena Petrova", "Europe/Berlin"),
				user("farah-haddad", "Farah Haddad", "Europe/London"),
				user("gustav-lind", "Gustav Lind", "Europe/Stockholm"), user("hana-sato", "Hana Sato", "Asia/Tokyo"),
				user("isaac-mensah", "Isaac Mensah", "Europe/London"),
				user("julia-santos", "Julia Santos", "America/Sao_Paulo"),
				user("kiran-rao", "Kiran Rao", "Asia/Kolkata"), user("lena-muller", "Lena Müller", "Europe/Berlin"),
				user("marco-rossi", "Marco Rossi", "Europe/Rome"),
				user("nadia-ivanova", "Nadia Ivanova", "Europe/Berlin"),
				user("omar-farouk", "Omar Farouk", "Africa/Cairo"), user("priya-nair", "Priya Nair", "Asia/Kolkata"),
				user("quinn-taylor", "Quinn Taylor", "America/Los_Angeles"),
				user("rosa-jimenez", "Rosa Jiménez", "Europe/Madrid"),
				user("sam-oconnor", "Sam O'Connor", "America/Chicago"),
				user("tomas-novak", "Tomáš Novák", "Europe/Prague"));
	}

	private static UserRequest user(String name, String displayName, String zone) {
		return new UserRequest(name, displayName, name.replace('-', '.') + "@northwind.example", zone);
	}

	private static List<TeamRequest> teams() {
		return List.of(
				team("payments", "Payments", "stream", "commerce", "elena-petrova", "ben-carter", "farah-haddad",
						"marco-rossi"),
				team("checkout", "Checkout", "stream", "commerce", "julia-santos", "diego-ramirez", "rosa-jimenez",
						"sam-oconnor"),
				team("identity", "Identity & Access", "stream", "platform", "kiran-rao", "priya-nair", "hana-sato"),
				team("search-discovery", "Search & Discovery", "stream", "commerce", "chen-wei", "quinn-taylor",
						"amara-okafor"),
				team("platform-ops", "Platform Operations", "shared", "platform", "gustav-lind", "isaac-mensah",
						"tomas-novak"),
				team("database-reliability", "Database Reliability", "shared", "platform", "nadia-ivanova",
						"omar-farouk", "lena-muller"));
	}

	private static TeamRequest team(String name, String title, String kind, String parent, String lead,
			String... members) {
		List<MemberRequest> all = new java.util.ArrayList<>();
		all.add(new MemberRequest(lead, "lead"));
		for (String member : members) {
			all.add(new MemberRequest(member, "member"));
		}
		return new TeamRequest(name, title, kind, name + "@northwind.example", "#team-" + name, parent, all);
	}

	private static List<ProductRequest> products() {
		return List.of(new ProductRequest("storefront", "Storefront", "Everything a shopper sees and touches"),
				new ProductRequest("payments-platform", "Payments Platform", "Money movement and bookkeeping"),
				new ProductRequest("internal-tools", "Internal Tools", "Tools the company runs itself with"));
	}

	private static List<ServiceRequest> services() {
		return List.of(
				service("payments-api", "Payments API", "payments", 1, "production", "payments-platform",
						"Authorizes, captures and refunds card and wallet payments",
						"Exposes the payment API to checkout and partners"),
				service("ledger", "Ledger", "payments", 1, "production", "payments-platform",
						"Keeps the double-entry record of every money movement"),
				service("fraud-scoring", "Fraud Scoring", "payments", 2, "production", "payments-platform",
						"Scores each payment attempt for fraud risk"),
				service("payouts", "Merchant Payouts", "payments", 2, "production", "payments-platform",
						"Pays merchants their settled balance every day"),
				service("checkout-api", "Checkout API", "checkout", 1, "production", "storefront",
						"Turns a cart into a paid order"),
				service("cart", "Cart", "checkout", 2, "production", "storefront", "Keeps each shopper's cart"),
				service("orders", "Orders", "checkout", 1, "production", "storefront",
						"Records orders and their fulfilment state"),
				service("promotions", "Promotions", "checkout", 3, "production", "storefront",
						"Applies discount codes and campaigns"),
				service("identity-api", "Identity API", "identity", 1, "production", "storefront",
						"Signs shoppers and staff in", "Issues and verifies access tokens"),
				service("session-store", "Session Store", "identity", 2, "production", null,
						"Holds signed-in sessions"),
				service("admin-console", "Admin Console", "identity", 3, "production", "internal-tools",
						"Lets support staff look up accounts"),
				service("search-api", "Search API", "search-discovery", 1, "production", "storefront",
						"Answers product searches"),
				service("catalog-indexer", "Catalog Indexer", "search-discovery", 2, "production", "storefront",
						"Keeps the search index in step with the product catalog"),
				service("recommendations", "Recommendations", "checkout", 3, "experimental", "storefront",
						"Suggests products a shopper may like"),
				service("deploy-bot", "Deploy Bot", "platform-ops", 4, "production", "internal-tools",
						"Runs deployment pipelines on request from chat"),
				service("metrics-gateway", "Metrics Gateway", "platform-ops", 3, "production", "internal-tools",
						"Receives and forwards service metrics"),
				service("backup-orchestrator", "Backup Orchestrator", "database-reliability", 2, "production",
						"internal-tools", "Schedules and verifies database backups"),
				service("legacy-reports", "Legacy Reports", "payments", 4, "deprecated", "internal-tools",
						"Produces the old monthly finance reports"));
	}

	private static ServiceRequest service(String name, String title, String owner, int tier, String lifecycle,
			String product, String... responsibilities) {
		return new ServiceRequest(name, title, responsibilities[0] + ".", owner, tier, lifecycle, product,
				List.of(responsibilities), Map.of("repository", "https://git.northwind.example/" + owner + "/" + name,
						"runbook", "https://wiki.northwind.example/runbooks/" + name),
				List.of("tier-" + tier, owner));
	}

	private static Map<String, String> dependencies() {
		return Map.ofEntries(Map.entry("checkout-api>payments-api", "hard"), Map.entry("checkout-api>cart", "hard"),
				Map.entry("checkout-api>orders", "hard"), Map.entry("checkout-api>promotions", "soft"),
				Map.entry("checkout-api>identity-api", "hard"), Map.entry("payments-api>ledger", "hard"),
				Map.entry("payments-api>fraud-scoring", "hard"), Map.entry("payouts>ledger", "hard"),
				Map.entry("orders>payments-api", "soft"), Map.entry("identity-api>session-store", "hard"),
				Map.entry("search-api>catalog-indexer", "soft"), Map.entry("search-api>recommendations", "soft"),
				Map.entry("admin-console>identity-api", "hard"), Map.entry("cart>promotions", "hard"),
				Map.entry("legacy-reports>ledger", "soft"), Map.entry("fraud-scoring>metrics-gateway", "soft"),
				Map.entry("orders>metrics-gateway", "hard"));
	}

}
