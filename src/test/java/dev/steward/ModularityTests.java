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
			for (Path document : diagrams.toList()) {
				if (document.toString().endsWith(".puml")) {
					sortRelations(document);
				}
				else if (document.toString().endsWith(".adoc")) {
					sortListItems(document);
				}
			}
		}
	}

	/**
	 * Puts each list of a module canvas (its components, bean references, events) in a
	 * fixed order, for the same reason as {@link #sortRelations(Path)}. A list is a run
	 * of lines starting with {@code * }, the first of them possibly opening a table cell
	 * ({@code |* }).
	 */
	private static void sortListItems(Path canvas) throws IOException {
		List<String> lines = Files.readAllLines(canvas);
		List<String> result = new java.util.ArrayList<>();
		for (int i = 0; i < lines.size();) {
			if (!lines.get(i).startsWith("* ") && !lines.get(i).startsWith("|* ")) {
				result.add(lines.get(i++));
				continue;
			}
			String cell = lines.get(i).startsWith("|") ? "|" : "";
			List<String> items = new java.util.ArrayList<>();
			items.add(lines.get(i++).substring(cell.length()));
			while (i < lines.size() && lines.get(i).startsWith("* ")) {
				items.add(lines.get(i++));
			}
			items.sort(null);
			result.add(cell + items.get(0));
			result.addAll(items.subList(1, items.size()));
		}
		Files.write(canvas, result);
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
