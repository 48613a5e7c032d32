package dev.steward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference in docs/operations.md names every {@code steward.*}
 * property the code reads, so that an operator can run Steward from that page alone.
 */
class ConfigurationReferenceTests {

	private static final Pattern PROPERTY = Pattern.compile("\\$\\{(steward\\.[a-z0-9.-]+)[:}]");

	@Test
	void everyStewardPropertyTheCodeReadsIsInTheOperationsGuide() throws IOException {
		Set<String> read = new TreeSet<>();
		for (String root : new String[] { "src/main/java", "src/main/resources" }) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Matcher matcher = PROPERTY.matcher(Files.readString(file));
					while (matcher.find()) {
						read.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(read).contains("steward.timers.threads", "steward.events.resubmit-after");
		String guide = Files.readString(Path.of("docs/operations.md"));
		assertThat(read).allSatisfy(property -> assertThat(guide).contains("`" + property + "`"));
	}

}
