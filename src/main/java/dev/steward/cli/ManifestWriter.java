package dev.steward.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes catalog documents of one kind as a multi-document YAML file. */
final class ManifestWriter {

	private ManifestWriter() {
	}

	static Map<String, Object> document(String kind, String name, Map<String, Object> spec) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("apiVersion", ManifestChecks.API_VERSION);
		document.put("kind", kind);
		document.put("metadata", Map.of("name", name));
		document.put("spec", spec);
		return document;
	}

	static void write(Path file, List<Map<String, Object>> documents) throws IOException {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setExplicitStart(true);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, new Yaml(options).dumpAll(documents.iterator()));
	}

}
