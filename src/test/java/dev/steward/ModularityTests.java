package dev.steward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private static final Path DOCS = Path.of("docs/modules");

	private final ApplicationModules modules = ApplicationModules.of(Steward.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> diagrams = Files.list(DOCS)) {
			for (Path diagram : diagrams.filter(path -> path.toString().endsWith(".puml")).toList()) {
				sortRelations(diagram);
			}
		}
	}

	/**
	 * Puts a diagram's relations in a fixed order: the documenter writes them in an order
	 * that changes from run to run, which would change the committed files every time.
	 */
	private static void sortRelations(Path diagram) throws IOException {
		List<String> lines = Files.readAllLines(diagram);
		List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
		Iterator<String> sorted = relations.iterator();
		List<String> result = lines.stream().map(line -> line.startsWith("Rel(") ? sorted.next() : line).toList();
		Files.write(diagram, result);
	}

}
