package dev.steward.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML loader and the offline checks never crash: whatever a file holds, the answer
 * is documents and problems, or an {@link ManifestFiles.Unreadable} with a location.
 */
class ManifestFuzzTest {

	@Property(tries = 300)
	void arbitraryTextNeverCrashesTheLoaderOrTheChecks(@ForAll("yamlish") String text) throws IOException {
		Path file = Files.createTempFile("fuzz", ".yaml");
		try {
			Files.writeString(file, text);
			List<ManifestFiles.Document> documents = ManifestFiles.load(List.of(file));
			assertThat(ManifestChecks.check(documents))
				.allSatisfy(problem -> assertThat(problem).startsWith(file + ":"));
		}
		catch (ManifestFiles.Unreadable ex) {
			assertThat(ex.getMessage()).startsWith(file.toString());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Provide
	Arbitrary<String> yamlish() {
		Arbitrary<String> fragments = Arbitraries.of("apiVersion: steward.dev/v1\n", "kind: Service\n", "kind: Team\n",
				"kind: User\n", "metadata:\n  name: x\n", "spec:\n", "  tier: 9\n", "  owner: [a, b]\n",
				"  members: {user: 1}\n", "  dependencies:\n    - 7\n", "  delegations: [x]\n", "---\n", "- item\n",
				"? complex\n: key\n", "&a [*a]\n", "!!binary abc\n", "\t", ": :\n", "'unterminated\n", "{a: [}\n",
				"  timeZone: Mars/Base\n", "~\n");
		return Arbitraries.oneOf(fragments.list().ofMaxSize(12).map(parts -> String.join("", parts)),
				Arbitraries.strings().ofMaxLength(200));
	}

}
