package dev.steward.apis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SemanticVersionTests {

	@Test
	void readsReleasesPreReleasesAndBuildMetadata() {
		assertThat(SemanticVersion.parse("1.2.0")).hasValue(new SemanticVersion(1, 2, 0, null, null));
		assertThat(SemanticVersion.parse("2.0.0-rc.1+build.5"))
			.hasValue(new SemanticVersion(2, 0, 0, "rc.1", "build.5"));
		assertThat(SemanticVersion.parse("0.0.1-alpha-2")).hasValue(new SemanticVersion(0, 0, 1, "alpha-2", null));
	}

	@Test
	void refusesWhatSemverDoesNotAllow() {
		for (String text : List.of("1.2", "v1.2.0", "1.2.0.0", "01.2.0", "1.02.0", "1.2.0-", "1.2.0-01", "1.2.0+",
				"1.2.0-rc..1", " 1.2.0", "1.2.0 ", "", "latest", "1.2.x", "9999999999.0.0")) {
			assertThat(SemanticVersion.parse(text)).as(text).isEmpty();
		}
		assertThat(SemanticVersion.parse(null)).isEmpty();
	}

	@Test
	void ordersByPrecedenceAsTheSpecificationDoes() {
		List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
				"1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0");
		List<SemanticVersion> shuffled = new ArrayList<>(
				ordered.stream().map(text -> SemanticVersion.parse(text).orElseThrow()).toList());
		Collections.shuffle(shuffled);
		Collections.sort(shuffled);
		assertThat(shuffled).map(SemanticVersion::toString).containsExactlyElementsOf(ordered);
	}

	@Test
	void buildMetadataDoesNotCountForPrecedence() {
		assertThat(SemanticVersion.parse("1.0.0+a").orElseThrow())
			.isEqualByComparingTo(SemanticVersion.parse("1.0.0+b").orElseThrow());
	}

}
