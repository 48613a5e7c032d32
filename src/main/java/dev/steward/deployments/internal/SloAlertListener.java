package dev.steward.deployments.internal;

import dev.steward.common.SloBurnAlert;
import dev.steward.deployments.Deployments;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fails the deployments under verification of a service whose SLO starts burning at page
 * level, and asks for their rollback.
 */
@Component
class SloAlertListener {

	private final Deployments deployments;

	SloAlertListener(Deployments deployments) {
		this.deployments = deployments;
	}

	@ApplicationModuleListener
	void on(SloBurnAlert alert) {
		if (alert.pageFiring()) {
			this.deployments.failForBurningSlo(alert.service(), alert.slo(), alert.burnRate());
		}
	}

}
