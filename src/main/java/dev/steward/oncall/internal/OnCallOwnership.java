package dev.steward.oncall.internal;

import dev.steward.common.OwnedResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the access rules that a schedule or escalation policy belongs to its team. */
@Configuration(proxyBeanMethods = false)
class OnCallOwnership {

	@Bean
	OwnedResources scheduleOwnership(ScheduleStore schedules) {
		return OwnedResources.of("schedule", name -> schedules.find(name).map(ScheduleStore.Row::team));
	}

	@Bean
	OwnedResources escalationPolicyOwnership(PolicyStore policies) {
		return OwnedResources.of("escalation-policy", name -> policies.find(name).map(PolicyStore.Row::team));
	}

}
