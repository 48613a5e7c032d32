package dev.steward.manifests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.access.ChangePermissions;
import dev.steward.catalog.Aspect;
import dev.steward.catalog.DelegationStatus;
import dev.steward.catalog.Directory;
import dev.steward.catalog.Lifecycle;
import dev.steward.catalog.ProductCatalog;
import dev.steward.catalog.ProductEntry;
import dev.steward.catalog.ProductRequest;
import dev.steward.catalog.Responsibility;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.ServiceFilter;
import dev.steward.catalog.ServiceRequest;
import dev.steward.catalog.TeamEntry;
import dev.steward.catalog.TeamRequest;
import dev.steward.catalog.Transfer;
import dev.steward.catalog.UserRequest;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Forbidden;
import dev.steward.common.Cursor;
import dev.steward.common.InvalidInput;
import dev.steward.common.Validation;
import dev.steward.manifests.PlanItem.Action;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Applies a batch of documents to the catalog in one transaction: environments, users,
 * teams and products first, then services, schedules, escalation policies, deployment
 * windows, SLOs, APIs and datastores, then the services' dependencies, delegations and
 * escalation policy, then (with prune) deletions. Each resource is compared with its
 * current state, so only real changes reach the catalog (and its audit log); a dry run
 * plans the same way and rolls back.
 */
@Service
public class CatalogApply {

	private static final List<String> KINDS = List.of(WindowApply.ENVIRONMENT, "User", "Team", "Product", "Service",
			OnCallApply.SCHEDULE, OnCallApply.ESCALATION_POLICY, WindowApply.WINDOW, SloApply.SLO, ApiApply.API,
			DatastoreApply.DATASTORE);

	private final Directory directory;

	private final ProductCatalog products;

	private final ServiceCatalog services;

	private final ChangePermissions permissions;

	private final ResourceChanges resources;

	private final OnCallApply onCall;

	private final NotificationApply notifications;

	private final WindowApply deployments;

	private final SloApply slos;

	private final ApiApply apis;

	private final DatastoreApply datastores;

	private final JsonMapper json;

	CatalogApply(Directory directory, ProductCatalog products, ServiceCatalog services, ChangePermissions permissions,
			ResourceChanges resources, OnCallApply onCall, NotificationApply notifications, WindowApply deployments,
			SloApply slos, ApiApply apis, DatastoreApply datastores, JsonMapper json) {
		this.directory = directory;
		this.products = products;
		this.services = services;
		this.permissions = permissions;
		this.resources = resources;
		this.onCall = onCall;
		this.notifications = notifications;
		this.deployments = deployments;
		this.slos = slos;
		this.apis = apis;
		this.datastores = datastores;
		this.json = json;
	}

	@Transactional
	public ApplyResult apply(ApplyRequest request) {
		List<Manifest> documents = request.documents() == null ? List.of() : request.documents();
		validateEnvelopes(documents);
		Map<Integer, PlanItem> planned = new LinkedHashMap<>();
		for (String kind : KINDS) {
			for (int i = 0; i < documents.size(); i++) {
				Manifest document = documents.get(i);
				if (document.kind().equals(kind)) {
					int index = i;
					planned.put(index, within(index, () -> applyEntity(document, index, request.transferAllowed())));
				}
			}
		}
		for (int i = 0; i < documents.size(); i++) {
			Manifest document = documents.get(i);
			int index = i;
			if (document.kind().equals("Service")) {
				List<String> changes = within(index, () -> applyRelations(document, index));
				planned.computeIfPresent(index, (key, item) -> withChanges(item, changes));
			}
			else if (document.kind().equals("User")) {
				List<String> changes = within(index, () -> this.notifications.apply(document, index));
				planned.computeIfPresent(index, (key, item) -> withChanges(item, changes));
			}
		}
		List<PlanItem> plan = new ArrayList<>(planned.values());
		if (request.pruneRequested()) {
			plan.addAll(prune(documents));
		}
		if (request.dryRunRequested()) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		}
		Map<String, Long> summary = new TreeMap<>(
				plan.stream().collect(Collectors.groupingBy(item -> item.action().key(), Collectors.counting())));
		return new ApplyResult(request.dryRunRequested(), plan, summary);
	}

	private void validateEnvelopes(List<Manifest> documents) {
		Validation validation = new Validation();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < documents.size(); i++) {
			Manifest document = documents.get(i);
			String field = "documents[" + i + "]";
			if (document == null) {
				validation.error(field, "is empty");
				continue;
			}
			if (!Manifest.API_VERSION.equals(document.apiVersion())) {
				validation.error(field + ".apiVersion", "must be " + Manifest.API_VERSION);
			}
			if (validation.required(field + ".kind", document.kind())) {
				validation.oneOf(field + ".kind", document.kind(), KINDS);
			}
			if (SloApply.SLO.equals(document.kind())) {
				SloApply.validateName(validation, field + ".metadata.name", document.name());
			}
			else {
				validation.name(field + ".metadata.name", document.name());
			}
			if (document.spec() != null && !document.spec().isObject()) {
				validation.error(field + ".spec", "must be an object");
			}
			if (document.kind() != null && document.name() != null
					&& !seen.add(document.kind() + "/" + document.name())) {
				validation.error(field + ".metadata.name",
						"declares " + document.kind() + " '" + document.name() + "' a second time");
			}
		}
		validation.throwIfInvalid();
	}

	private PlanItem applyEntity(Manifest document, int index, boolean allowTransfer) {
		return switch (document.kind()) {
			case "User" -> applyUser(document, index);
			case "Team" -> applyTeam(document, index);
			case "Product" -> applyProduct(document, index);
			case OnCallApply.SCHEDULE -> this.onCall.applySchedule(document, index);
			case OnCallApply.ESCALATION_POLICY -> this.onCall.applyPolicy(document, index);
			case WindowApply.ENVIRONMENT -> this.deployments.applyEnvironment(document, index);
			case WindowApply.WINDOW -> this.deployments.applyWindow(document, index);
			case SloApply.SLO -> this.slos.applySlo(document, index);
			case ApiApply.API -> this.apis.applyApi(document, index);
			case DatastoreApply.DATASTORE -> this.datastores.applyDatastore(document, index);
			default -> applyService(document, index, allowTransfer);
		};
	}

	private PlanItem applyUser(Manifest document, int index) {
		UserRequest desired = this.resources.spec(document, index, UserRequest.class);
		return this.resources.upsert(document,
				() -> this.directory.findUser(document.name()).map(UserRequest::from).orElse(null), desired,
				permission(document, desired), this.directory::createUser,
				request -> this.directory.updateUser(document.name(), request, null));
	}

	private PlanItem applyTeam(Manifest document, int index) {
		TeamRequest spec = this.resources.spec(document, index, TeamRequest.class);
		TeamRequest desired = new TeamRequest(spec.name(), spec.title(), spec.kind(), spec.email(), spec.chat(),
				spec.parent(), sortedMembers(spec.members() == null ? List.of() : spec.members()));
		return this.resources.upsert(document,
				() -> this.directory.findTeam(document.name())
					.map(TeamRequest::from)
					.map(current -> new TeamRequest(current.name(), current.title(), current.kind(), current.email(),
							current.chat(), current.parent(), sortedMembers(current.members())))
					.orElse(null),
				desired, permission(document, desired), this.directory::createTeam,
				request -> this.directory.updateTeam(document.name(), request, null));
	}

	private PlanItem applyProduct(Manifest document, int index) {
		ProductRequest desired = this.resources.spec(document, index, ProductRequest.class);
		return this.resources.upsert(document,
				() -> this.products.findProduct(document.name()).map(ProductRequest::from).orElse(null), desired,
				permission(document, desired), this.products::create,
				request -> this.products.update(document.name(), request, null));
	}

	private PlanItem applyService(Manifest document, int index, boolean allowTransfer) {
		ServiceRequest desired = normalized(this.resources.spec(document, index, ServiceRequest.class));
		ServiceEntry current = this.services.findService(document.name()).orElse(null);
		boolean transfer = current != null && desired.owner() != null && !desired.owner().equals(current.owner());
		if (transfer) {
			if (!allowTransfer) {
				throw Conflict.because("The owner of '" + document.name() + "' would change from '" + current.owner()
						+ "' to '" + desired.owner() + "'; apply with allowTransfer to record a transfer");
			}
			this.permissions.require(Rule.TEAM_MEMBER, "service", document.name());
			this.permissions.require(Rule.TEAM_MEMBER, "team", desired.owner());
			Transfer proposed = this.services.proposeTransfer(document.name(), desired.owner(),
					"Applied from catalog files");
			this.services.acceptTransfer(document.name(), proposed.id());
		}
		PlanItem item = this.resources.upsert(document,
				() -> current == null ? null : normalized(ServiceRequest.from(this.services.service(document.name()))),
				desired, permission(document, desired), this.services::register,
				request -> this.services.update(document.name(), request, null));
		return transfer ? withChanges(item, List.of("owner")) : item;
	}

	/** The {@link #permit} check of creating or updating what a document declares. */
	private Consumer<Action> permission(Manifest document, Object desired) {
		return action -> permit(document.kind(), document.name(), action, desired);
	}

	/**
	 * The rule each change of an apply must pass, the same as the endpoint that makes
	 * that change one at a time: administrators create users, teams and products; users
	 * change themselves, leads their team; a service is registered by its owner's members
	 * and changed or deleted by its current owner's members.
	 */
	private void permit(String kind, String name, Action action, Object desired) {
		switch (kind) {
			case "User" -> this.permissions.require(action == Action.UPDATE ? Rule.SELF : Rule.ADMIN, "user", name);
			case "Team" ->
				this.permissions.require(action == Action.UPDATE ? Rule.TEAM_LEAD : Rule.ADMIN, "team", name);
			case "Service" -> {
				if (action == Action.CREATE && desired instanceof ServiceRequest service) {
					this.permissions.require(Rule.TEAM_MEMBER, "team", service.owner());
				}
				else {
					this.permissions.require(Rule.TEAM_MEMBER, "service", name);
				}
			}
			default -> this.permissions.require(Rule.ADMIN, kind.toLowerCase(Locale.ROOT), name);
		}
	}

	/**
	 * Dependencies, delegations and escalation policy of a service, as declared; answers
	 * which of them changed.
	 */
	private List<String> applyRelations(Manifest document, int index) {
		String service = document.name();
		JsonNode spec = document.spec() == null ? this.json.createObjectNode() : document.spec();
		List<String> changes = new ArrayList<>();
		Map<String, String> desiredDependencies = new LinkedHashMap<>();
		JsonNode dependencies = spec.path("dependencies");
		for (int i = 0; i < dependencies.size(); i++) {
			JsonNode dependency = dependencies.get(i);
			desiredDependencies.put(dependency.path("service").asString(), dependency.path("criticality").asString());
		}
		boolean dependenciesChanged = this.services.replaceDependencies(service, desiredDependencies);
		if (dependenciesChanged) {
			permit("Service", service, Action.UPDATE, null);
			changes.add("dependencies");
		}
		Map<String, String> desiredDelegations = new LinkedHashMap<>();
		spec.path("delegations")
			.properties()
			.forEach(entry -> desiredDelegations.put(entry.getKey(), entry.getValue().asString()));
		boolean delegationsChanged = false;
		for (Responsibility row : this.services.responsibilities(service)) {
			String wanted = desiredDelegations.remove(row.aspect().key());
			String handledBy = row.status() == DelegationStatus.OWNER ? null : row.handledBy();
			String target = wanted == null || wanted.equals(row.accountable()) ? null : wanted;
			if (target == null ? handledBy != null : !target.equals(handledBy)) {
				this.services.delegate(service, row.aspect().key(), target == null ? row.accountable() : target);
				delegationsChanged = true;
			}
		}
		if (!desiredDelegations.isEmpty()) {
			throw InvalidInput.field("documents[" + index + "].spec.delegations",
					"unknown aspect(s) " + desiredDelegations.keySet() + "; aspects are "
							+ java.util.Arrays.stream(Aspect.values()).map(Aspect::key).toList());
		}
		if (delegationsChanged) {
			permit("Service", service, Action.UPDATE, null);
			changes.add("delegations");
		}
		if (this.onCall.applyServicePolicy(service, spec)) {
			changes.add("escalationPolicy");
		}
		return changes;
	}

	private List<PlanItem> prune(List<Manifest> documents) {
		Map<String, Set<String>> declared = new LinkedHashMap<>();
		documents.forEach(
				document -> declared.computeIfAbsent(document.kind(), kind -> new HashSet<>()).add(document.name()));
		List<PlanItem> deletions = new ArrayList<>(
				this.deployments.pruneWindows(declared.getOrDefault(WindowApply.WINDOW, Set.of())));
		List<String> services = new ArrayList<>(ResourceChanges.names(
				cursor -> this.services.services(ServiceFilter.none(), Cursor.MAX_LIMIT, cursor), ServiceEntry::name));
		deletions.addAll(this.slos.prune(declared.getOrDefault(SloApply.SLO, Set.of()), services));
		deletions.addAll(this.apis.prune(declared.getOrDefault(ApiApply.API, Set.of())));
		deletions.addAll(this.datastores.prune(declared.getOrDefault(DatastoreApply.DATASTORE, Set.of())));
		services.removeAll(declared.getOrDefault("Service", Set.of()));
		while (!services.isEmpty()) {
			int before = services.size();
			for (Iterator<String> it = services.iterator(); it.hasNext();) {
				String service = it.next();
				if (this.services.consumers(service).stream().noneMatch(edge -> services.contains(edge.consumer()))) {
					permit("Service", service, Action.DELETE, null);
					this.deployments.requireNoWindowFor("Service", service);
					this.services.delete(service, null);
					deletions.add(new PlanItem("Service", service, Action.DELETE, List.of()));
					it.remove();
				}
			}
			if (services.size() == before) {
				throw Conflict.because("Services " + services + " depend on each other in a cycle; prune cannot order "
						+ "their deletion");
			}
		}
		for (String product : ResourceChanges.names(cursor -> this.products.products(Cursor.MAX_LIMIT, cursor),
				ProductEntry::name)) {
			if (!declared.getOrDefault("Product", Set.of()).contains(product)) {
				permit("Product", product, Action.DELETE, null);
				this.deployments.requireNoWindowFor("Product", product);
				this.products.delete(product, null);
				deletions.add(new PlanItem("Product", product, Action.DELETE, List.of()));
			}
		}
		deletions.addAll(this.onCall.prune(declared.getOrDefault(OnCallApply.ESCALATION_POLICY, Set.of()),
				declared.getOrDefault(OnCallApply.SCHEDULE, Set.of())));
		for (TeamEntry team : this.directory.allTeams()) {
			if (!declared.getOrDefault("Team", Set.of()).contains(team.name())) {
				permit("Team", team.name(), Action.DELETE, null);
				this.onCall.requireNoneOwnedBy(team.name());
				this.directory.deleteTeam(team.name(), null);
				deletions.add(new PlanItem("Team", team.name(), Action.DELETE, List.of()));
			}
		}
		deletions.addAll(this.deployments.pruneEnvironments(declared.getOrDefault(WindowApply.ENVIRONMENT, Set.of())));
		return deletions;
	}

	private static ServiceRequest normalized(ServiceRequest request) {
		return new ServiceRequest(request.name(), request.title(), request.description(), request.owner(),
				request.tier(), request.lifecycle() == null ? Lifecycle.EXPERIMENTAL.key() : request.lifecycle(),
				request.product(), request.responsibilities() == null ? List.of() : request.responsibilities(),
				request.links() == null ? Map.of() : new TreeMap<>(request.links()),
				request.tags() == null ? List.of() : request.tags());
	}

	private static List<TeamRequest.MemberRequest> sortedMembers(List<TeamRequest.MemberRequest> members) {
		return members.stream()
			.map(member -> new TeamRequest.MemberRequest(member.user(),
					member.role() == null ? "member" : member.role()))
			.sorted(Comparator.comparing(TeamRequest.MemberRequest::user,
					Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}

	private static PlanItem withChanges(PlanItem item, List<String> more) {
		if (item.action() == Action.CREATE || more.isEmpty()) {
			return item;
		}
		List<String> changes = new ArrayList<>(item.changes());
		more.stream().filter(change -> !changes.contains(change)).forEach(changes::add);
		return new PlanItem(item.kind(), item.name(), Action.UPDATE, changes);
	}

	/** Runs one document's work, naming the document in any refusal. */
	private static <T> T within(int index, Supplier<T> work) {
		String prefix = "documents[" + index + "]";
		try {
			return work.get();
		}
		catch (InvalidInput ex) {
			if (ex.errors().stream().allMatch(error -> error.field().startsWith("documents["))) {
				throw ex;
			}
			throw InvalidInput.of(ex.errors()
				.stream()
				.map(error -> new InvalidInput.FieldError(prefix + ".spec." + error.field(), error.message()))
				.toList());
		}
		catch (Conflict ex) {
			Conflict named = Conflict.because(prefix + ": " + ex.getMessage());
			ex.properties().forEach(named::detail);
			throw named;
		}
		catch (Forbidden ex) {
			throw Forbidden.because(prefix + ": " + ex.getMessage());
		}
	}

}
