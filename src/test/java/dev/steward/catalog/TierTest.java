package dev.steward.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TierTest {

	@Test
	void hardDependencyOfTierOneOrTwoOnTierThreeOrFourIsAnInversion() {
		assertThat(Tier.isInversion(1, 3, Criticality.HARD)).isTrue();
		assertThat(Tier.isInversion(2, 4, Criticality.HARD)).isTrue();
		assertThat(Tier.isInversion(1, 2, Criticality.HARD)).isFalse();
		assertThat(Tier.isInversion(3, 4, Criticality.HARD)).isFalse();
		assertThat(Tier.isInversion(1, 4, Criticality.SOFT)).isFalse();
	}

	@Test
	void everyAspectHasAKebabKeyAndTheSharedOnesAreMarked() {
		assertThat(Aspect.values()).hasSize(14);
		assertThat(Aspect.INFRASTRUCTURE_CHANGES.key()).isEqualTo("infrastructure-changes");
		assertThat(Aspect.SERVERS_HARDWARE.oftenShared()).isTrue();
		assertThat(Aspect.MONITORING.oftenShared()).isFalse();
	}

	@Test
	void delegationIsAGapUntilAccepted() {
		assertThat(new Responsibility(Aspect.DATABASES, "dba", "team", DelegationStatus.PENDING).isGap()).isTrue();
		assertThat(new Responsibility(Aspect.DATABASES, "dba", "team", DelegationStatus.DECLINED).isGap()).isTrue();
		assertThat(new Responsibility(Aspect.DATABASES, "dba", "team", DelegationStatus.ACCEPTED).isGap()).isFalse();
		assertThat(new Responsibility(Aspect.DATABASES, "team", "team", DelegationStatus.OWNER).isGap()).isFalse();
	}

}
