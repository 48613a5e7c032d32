package dev.steward.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steward validate -f PATH…}: checks catalog files offline. */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Check catalog files offline: YAML syntax, required fields and values, and references "
				+ "between the given files. Exit 0 when valid, 1 otherwise.")
class ValidateCommand implements Callable<Integer> {

	@Option(names = { "-f", "--filename" }, required = true, arity = "1..*",
			description = "Files or directories (*.yaml, *.yml, recursively).")
	List<Path> paths;

	@Override
	public Integer call() {
		try {
			List<ManifestFiles.Document> documents = ManifestFiles.load(this.paths);
			List<String> problems = ManifestChecks.check(documents);
			problems.forEach(System.err::println);
			if (problems.isEmpty()) {
				System.out.println(documents.size() + " document(s) valid");
				return ExitCodes.OK;
			}
			System.err.println(problems.size() + " problem(s) in " + documents.size() + " document(s)");
			return ExitCodes.ERROR;
		}
		catch (ManifestFiles.Unreadable ex) {
			System.err.println(ex.getMessage());
			return ExitCodes.ERROR;
		}
	}

}
