package dev.steward.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

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
		Files.writeString(file, new Yaml(new BlockText(options), options).dumpAll(documents.iterator()));
	}

	/**
	 * Writes text of several lines, such as an API contract or a schema, as a literal
	 * block that reads like the file it came from.
	 */
	private static final class BlockText extends Representer {

		BlockText(DumperOptions options) {
			super(options);
			Represent plain = this.representers.get(String.class);
			this.representers.put(String.class, data -> {
				String text = data.toString();
				return text.indexOf('\n') >= 0 ? representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL)
						: plain.representData(data);
			});
		}

	}

}
