package dev.steward.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.steward.access.ChangePermissions;
import dev.steward.catalog.Aspect;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Cursor;
import dev.steward.common.InvalidInput;
import dev.steward.manifests.PlanItem.Action;
import dev.steward.oncall.EscalationPolicies;
import dev.steward.oncall.EscalationPolicyEntry;
import dev.steward.oncall.EscalationPolicyRequest;
import dev.steward.oncall.OnCallSchedules;
import dev.steward.oncall.ScheduleEntry;
import dev.steward.oncall.ScheduleRequest;
import dev.steward.oncall.ServicePolicyRequest;
import org.springframework.stereotype.Component;

/**
 * The on-call part of an apply: {@code Schedule} and {@code EscalationPolicy} documents,
 * the {@code escalationPolicy} a service names, and pruning the schedules and policies no
 * document declares. Both sides of each comparison are normalized as stored, so that
 * applying an export changes nothing.
 */
@Component
class OnCallApply {

	static final String SCHEDULE = "Schedule";

	static final String ESCALATION_POLICY = "EscalationPolicy";

	private final OnCallSchedules schedules;

	private final EscalationPolicies policies;

	private final ResourceChanges resources;

	private final ChangePermissions permissions;

	OnCallApply(OnCallSchedules schedules, EscalationPolicies policies, ResourceChanges resources,
			ChangePermissions permissions) {
		this.schedules = schedules;
		this.policies = policies;
		this.resources = resources;
		this.permissions = permissions;
	}

	PlanItem applySchedule(Manifest document, int index) {
		String name = document.name();
		ScheduleRequest desired = this.resources.spec(document, index, ScheduleRequest.class).normalized();
		return this.resources.upsert(document,
				() -> this.schedules.findSchedule(name).map(ScheduleRequest::from).orElse(null), desired,
				action -> permit(action, "schedule", name, desired.team()), this.schedules::create,
				request -> this.schedules.update(name, request, null));
	}

	PlanItem applyPolicy(Manifest document, int index) {
		String name = document.name();
		EscalationPolicyRequest desired = this.resources.spec(document, index, EscalationPolicyRequest.class)
			.normalized();
		return this.resources.upsert(document,
				() -> this.policies.findPolicy(name).map(EscalationPolicyRequest::from).orElse(null), desired,
				action -> permit(action, "escalation-policy", name, desired.team()), this.policies::create,
				request -> this.policies.update(name, request, null));
	}

	/**
	 * Makes a service name the escalation policy of its spec, or none when the spec names
	 * none; answers whether that changed anything. As on the endpoint, the team that
	 * accepted the service's incident response may do this too.
	 */
	boolean applyServicePolicy(String service, JsonNode spec) {
		JsonNode declared = spec.path("escalationPolicy");
		if (!declared.isMissingNode() && !declared.isNull() && !declared.isString()) {
			throw InvalidInput.field("escalationPolicy", "must be the name of an escalation policy");
		}
		Optional<String> desired = declared.isString() ? Optional.of(declared.asString()) : Optional.empty();
		Optional<String> current = this.policies.policyOf(service);
		if (desired.equals(current)) {
			return false;
		}
		this.permissions.require(Rule.TEAM_MEMBER, "service", service, Aspect.INCIDENT_RESPONSE.key());
		if (desired.isEmpty()) {
			this.policies.unassign(service);
			return true;
		}
		if (this.policies.findPolicy(desired.get()).isEmpty()) {
			throw InvalidInput.field("escalationPolicy", "names no escalation policy: '" + desired.get() + "'");
		}
		return this.policies.assign(service, new ServicePolicyRequest(desired.get()));
	}

	/**
	 * Deletes the escalation policies, then the schedules, that no document declares;
	 * services that named a deleted policy are pruned or reassigned before this runs.
	 */
	List<PlanItem> prune(Set<String> declaredPolicies, Set<String> declaredSchedules) {
		List<PlanItem> deletions = new ArrayList<>();
		for (String policy : ResourceChanges.names(cursor -> this.policies.policies(null, Cursor.MAX_LIMIT, cursor),
				EscalationPolicyEntry::name)) {
			if (!declaredPolicies.contains(policy)) {
				permit(Action.DELETE, "escalation-policy", policy, null);
				this.policies.delete(policy, null);
				deletions.add(new PlanItem(ESCALATION_POLICY, policy, Action.DELETE, List.of()));
			}
		}
		for (String schedule : ResourceChanges.names(cursor -> this.schedules.schedules(null, Cursor.MAX_LIMIT, cursor),
				ScheduleEntry::name)) {
			if (!declaredSchedules.contains(schedule)) {
				permit(Action.DELETE, "schedule", schedule, null);
				this.schedules.delete(schedule, null);
				deletions.add(new PlanItem(SCHEDULE, schedule, Action.DELETE, List.of()));
			}
		}
		return deletions;
	}

	/**
	 * Refuses to prune a team that still has schedules or escalation policies, which only
	 * happens when documents declare them for a team they do not declare.
	 */
	void requireNoneOwnedBy(String team) {
		List<String> owned = new ArrayList<>();
		this.schedules.schedules(team, Cursor.MAX_LIMIT, null).items().forEach(schedule -> owned.add(schedule.name()));
		this.policies.policies(team, Cursor.MAX_LIMIT, null).items().forEach(policy -> owned.add(policy.name()));
		if (!owned.isEmpty()) {
			throw Conflict
				.because("Team '" + team + "' is not declared but still owns schedules or escalation policies " + owned
						+ "; declare the team or give them another team")
				.detail("onCall", owned);
		}
	}

	/**
	 * The rule of each change, as on the endpoints: members of the team a schedule or
	 * policy is created for create it; members of its current team change or delete it.
	 */
	private void permit(Action action, String kind, String name, String team) {
		if (action == Action.CREATE) {
			this.permissions.require(Rule.TEAM_MEMBER, "team", team);
		}
		else {
			this.permissions.require(Rule.TEAM_MEMBER, kind, name);
		}
	}

}
