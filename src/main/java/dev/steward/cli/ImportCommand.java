package dev.steward.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steward import}: converts other tools' catalogs into Steward files. */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Convert other tools' catalogs to Steward files.",
		subcommands = { ImportCommand.Backstage.class, ImportCommand.OpenSlo.class })
class ImportCommand {

	/** {@code steward import backstage -f FILE… -o DIR [--default-tier N]}. */
	@Command(name = "backstage", mixinStandardHelpOptions = true,
			description = "Convert Backstage descriptors (catalog-info.yaml): Group → Team, User → User, "
					+ "System → Product, Component (service, website) → Service, API → Api (of the Component that "
					+ "provides it), Resource (database, queue, bucket, …) → Datastore (of the Component that depends "
					+ "on it); report every field not mapped and every value defaulted.")
	static class Backstage implements Callable<Integer> {

		@Option(names = { "-f", "--filename" }, required = true, arity = "1..*",
				description = "Backstage descriptor files or directories.")
		List<Path> paths;

		@Option(names = { "-o", "--output" }, required = true, description = "Directory for the Steward files.")
		Path output;

		@Option(names = "--default-tier", defaultValue = "3",
				description = "Tier of imported services (Backstage has none; default: ${DEFAULT-VALUE}).")
		int defaultTier;

		@Override
		public Integer call() {
			if (this.defaultTier < 1 || this.defaultTier > 4) {
				System.err.println("--default-tier must be between 1 and 4");
				return ExitCodes.USAGE;
			}
			BackstageImport conversion = new BackstageImport(this.defaultTier);
			return convert(this.paths, this.output, conversion::convert, conversion::documents, conversion::report);
		}

	}

	/** {@code steward import openslo -f FILE… -o DIR}. */
	@Command(name = "openslo", mixinStandardHelpOptions = true,
			description = "Convert OpenSLO v1 documents: each objective of an SLO with a rolling time window and a "
					+ "ratioMetric indicator (inline or a referenced SLI) → a Steward SLO of its service, pulled "
					+ "from Prometheus where good and total are Prometheus queries; report every field not mapped.")
	static class OpenSlo implements Callable<Integer> {

		@Option(names = { "-f", "--filename" }, required = true, arity = "1..*",
				description = "OpenSLO files or directories.")
		List<Path> paths;

		@Option(names = { "-o", "--output" }, required = true, description = "Directory for the Steward files.")
		Path output;

		@Override
		public Integer call() {
			OpenSloImport conversion = new OpenSloImport();
			return convert(this.paths, this.output, conversion::read, conversion::documents, conversion::report);
		}

	}

	/**
	 * What every import does: hands each document under {@code paths} to {@code reader},
	 * writes the {@code documents} that come of them to {@code output}, then prints the
	 * conversion's {@code report}; answers the exit code.
	 */
	private static int convert(List<Path> paths, Path output, Consumer<ManifestFiles.Document> reader,
			Supplier<Map<String, List<Map<String, Object>>>> documents, Supplier<List<String>> report) {
		try {
			ManifestFiles.load(paths).forEach(reader);
			write(output, documents.get());
			report.get().forEach(System.out::println);
			return ExitCodes.OK;
		}
		catch (ManifestFiles.Unreadable ex) {
			System.err.println(ex.getMessage());
			return ExitCodes.ERROR;
		}
		catch (IOException ex) {
			System.err.println("Cannot write to " + output + ": " + ex.getMessage());
			return ExitCodes.ERROR;
		}
	}

	/** Writes converted documents, one file each entry, and says where. */
	static void write(Path output, Map<String, List<Map<String, Object>>> files) throws IOException {
		for (Map.Entry<String, List<Map<String, Object>>> file : files.entrySet()) {
			ManifestWriter.write(output.resolve(file.getKey()), file.getValue());
			System.out.println("wrote " + file.getValue().size() + " document(s) to " + output.resolve(file.getKey()));
		}
	}

}
