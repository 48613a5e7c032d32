package dev.steward.apis.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.steward.apis.ContractChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every pair of {@code src/test/resources/openapi-diff/}: a directory holding
 * {@code base.yaml|json}, {@code revision.yaml|json} and {@code expected.txt}, the exact
 * breaking changes as {@code type<TAB>path} lines (an empty file: none).
 */
class OpenApiContractsCorpusTests {

	static Stream<String> pairs() throws IOException, URISyntaxException {
		try (Stream<Path> directories = Files.list(corpus())) {
			return directories.filter(Files::isDirectory)
				.map((directory) -> directory.getFileName().toString())
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pairs")
	void findsExactlyTheExpectedBreakingChanges(String pair) throws IOException, URISyntaxException {
		Path directory = corpus().resolve(pair);
		List<ContractChange> changes = OpenApiContracts.compare(read(directory, "base"), read(directory, "revision"));
		Set<String> breaking = changes.stream()
			.filter(ContractChange::breaking)
			.map((change) -> change.type() + "\t" + change.path())
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> expected = Files.readAllLines(directory.resolve("expected.txt"), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(breaking).as("breaking changes of %s, all changes: %s", pair, changes)
			.containsExactlyElementsOf(expected);
		assertThat(changes).allSatisfy((change) -> assertThat(change.message()).isNotBlank());
	}

	@Test
	void coversEnoughPairsInBothOpenApiVersions() throws IOException, URISyntaxException {
		List<String> pairs = pairs().toList();
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(25);
		assertThat(pairs).filteredOn((pair) -> pair.endsWith("-30")).hasSizeGreaterThanOrEqualTo(20);
		assertThat(pairs).filteredOn((pair) -> pair.endsWith("-31")).hasSizeGreaterThanOrEqualTo(20);
	}

	private static Path corpus() throws URISyntaxException {
		return Path.of(OpenApiContractsCorpusTests.class.getResource("/openapi-diff").toURI());
	}

	private static String read(Path directory, String name) throws IOException {
		for (String extension : List.of("yaml", "json")) {
			Path file = directory.resolve(name + "." + extension);
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8);
			}
		}
		throw new IOException("No " + name + ".yaml or " + name + ".json in " + directory);
	}

}
