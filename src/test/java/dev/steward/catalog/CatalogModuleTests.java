package dev.steward.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog module on its own (with the audit module it records into), driven through
 * its API.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class CatalogModuleTests {

	@Autowired
	Directory directory;

	@Autowired
	ServiceCatalog catalog;

	@Test
	void registeringAServicePublishesItsOwner(Scenario scenario) {
		String owner = "module-owner-" + System.nanoTime();
		this.directory.createTeam(new TeamRequest(owner, "Owner", "stream", null, null, null, List.of()));
		String name = "module-svc-" + System.nanoTime();
		scenario
			.stimulate(() -> this.catalog
				.register(new ServiceRequest(name, "Svc", null, owner, 2, null, null, null, null, null)))
			.andWaitForEventOfType(ServiceRegistered.class)
			.matching(event -> event.service().equals(name))
			.toArriveAndVerify(event -> assertThat(event.owner()).isEqualTo(owner));
	}

	@Test
	void acceptedTransferPublishesTheNewOwner(Scenario scenario) {
		String from = "module-from-" + System.nanoTime();
		String to = "module-to-" + System.nanoTime();
		this.directory.createTeam(new TeamRequest(from, "From", "stream", null, null, null, List.of()));
		this.directory.createTeam(new TeamRequest(to, "To", "stream", null, null, null, List.of()));
		String name = "module-svc-" + System.nanoTime();
		this.catalog.register(new ServiceRequest(name, "Svc", null, from, 3, null, null, null, null, null));
		Transfer transfer = this.catalog.proposeTransfer(name, to, null);
		scenario.stimulate(() -> this.catalog.acceptTransfer(name, transfer.id()))
			.andWaitForEventOfType(OwnershipTransferred.class)
			.matching(event -> event.service().equals(name))
			.toArriveAndVerify(event -> {
				assertThat(event.fromTeam()).isEqualTo(from);
				assertThat(event.toTeam()).isEqualTo(to);
				assertThat(this.catalog.service(name).owner()).isEqualTo(to);
			});
	}

}
