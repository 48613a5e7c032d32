package dev.steward.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads catalog documents from YAML files (several documents per file, directories
 * recursively), keeping where each document and each field starts, so that every problem
 * can be reported as {@code file:line:column}.
 */
final class ManifestFiles {

	/**
	 * The spec lists whose items may name a file instead of giving a document inline:
	 * list, then the file field and the inline field.
	 */
	private static final Map<String, String[]> FILE_FIELDS = Map.of("versions", new String[] { "specFile", "spec" },
			"schemas", new String[] { "documentFile", "document" });

	private ManifestFiles() {
	}

	/**
	 * One document as read, with the position of every field path such as
	 * {@code spec.tier}.
	 */
	record Document(Path file, Mark start, Map<String, Object> content, Map<String, Mark> positions) {

		String where(String path) {
			Mark mark = this.positions.getOrDefault(path, this.start);
			return this.file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
		}

	}

	/** A file that cannot be read or parsed, with where and why. */
	static final class Unreadable extends Exception {

		Unreadable(String message) {
			super(message);
		}

	}

	/**
	 * The documents of every file; a file that a document names as its {@code specFile}
	 * or {@code documentFile} is a contract or schema beside the manifests, not a
	 * manifest, and is left out.
	 */
	static List<Document> load(List<Path> paths) throws Unreadable {
		Map<Path, List<Document>> read = new LinkedHashMap<>();
		Map<Path, Unreadable> unreadable = new LinkedHashMap<>();
		for (Path file : expand(paths)) {
			try {
				read.put(file, read(file));
			}
			catch (Unreadable ex) {
				unreadable.put(file, ex);
			}
		}
		Set<Path> named = new HashSet<>();
		read.values().forEach(documents -> documents.forEach(document -> named.addAll(namedFiles(document))));
		for (Map.Entry<Path, Unreadable> failure : unreadable.entrySet()) {
			if (!named.contains(failure.getKey().toAbsolutePath().normalize())) {
				throw failure.getValue();
			}
		}
		List<Document> documents = new ArrayList<>();
		read.forEach((file, inFile) -> {
			if (!named.contains(file.toAbsolutePath().normalize())) {
				documents.addAll(inFile);
			}
		});
		return documents;
	}

	/** The files a document names in the lists of {@link #FILE_FIELDS}. */
	private static List<Path> namedFiles(Document document) {
		List<Path> files = new ArrayList<>();
		if (document.content().get("spec") instanceof Map<?, ?> spec) {
			FILE_FIELDS.forEach((list, names) -> {
				if (spec.get(list) instanceof List<?> items) {
					items.stream()
						.filter(item -> item instanceof Map<?, ?> fields && fields.get(names[0]) != null)
						.forEach(item -> relative(document, ((Map<?, ?>) item).get(names[0]).toString())
							.ifPresent(files::add));
				}
			});
		}
		return files;
	}

	/**
	 * A path written in a document, relative to the document's file; empty for text that
	 * is no path on this system.
	 */
	static Optional<Path> relative(Document document, String path) {
		try {
			return Optional.of(document.file().toAbsolutePath().getParent().resolve(path).normalize());
		}
		catch (InvalidPathException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The document as sent to the server: each {@code specFile} of an API's versions and
	 * {@code documentFile} of a datastore's schemas read and given inline as {@code spec}
	 * or {@code document}, since the server reads no files.
	 */
	static Document inlined(Document document) throws Unreadable {
		if (!(document.content().get("spec") instanceof Map<?, ?> spec)) {
			return document;
		}
		Map<String, Object> inlinedSpec = new LinkedHashMap<>();
		for (Map.Entry<?, ?> field : spec.entrySet()) {
			Object value = field.getValue();
			if (FILE_FIELDS.containsKey(field.getKey()) && value instanceof List<?> items) {
				String[] names = FILE_FIELDS.get(field.getKey());
				List<Object> read = new ArrayList<>();
				for (int i = 0; i < items.size(); i++) {
					read.add(inlinedItem(document, "spec." + field.getKey() + "[" + i + "]", items.get(i), names[0],
							names[1]));
				}
				value = read;
			}
			inlinedSpec.put(field.getKey().toString(), value);
		}
		Map<String, Object> content = new LinkedHashMap<>(document.content());
		content.put("spec", inlinedSpec);
		return new Document(document.file(), document.start(), content, document.positions());
	}

	private static Object inlinedItem(Document document, String path, Object item, String file, String inline)
			throws Unreadable {
		if (!(item instanceof Map<?, ?> fields) || fields.get(file) == null) {
			return item;
		}
		String target = fields.get(file).toString();
		Map<String, Object> copy = new LinkedHashMap<>();
		fields.forEach((key, value) -> copy.put(key.toString(), value));
		copy.remove(file);
		try {
			Optional<Path> resolved = relative(document, target);
			if (resolved.isEmpty()) {
				throw new IOException("not a path");
			}
			copy.put(inline, Files.readString(resolved.get()));
		}
		catch (IOException ex) {
			throw new Unreadable(document.where(path + "." + file) + ": cannot read " + file + " " + target + ": "
					+ ex.getMessage());
		}
		return copy;
	}

	private static List<Path> expand(List<Path> paths) throws Unreadable {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(Files::isRegularFile)
						.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
						.sorted()
						.forEach(files::add);
				}
				catch (IOException ex) {
					throw new Unreadable(path + ": " + ex.getMessage());
				}
			}
			else if (Files.isRegularFile(path)) {
				files.add(path);
			}
			else {
				throw new Unreadable(path + ": no such file or directory");
			}
		}
		return files;
	}

	private static List<Document> read(Path file) throws Unreadable {
		List<Document> documents = new ArrayList<>();
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Node node : yaml.composeAll(reader)) {
				if (node == null) {
					continue;
				}
				Map<String, Mark> positions = new LinkedHashMap<>();
				Object content = convert(node, "", positions, Collections.newSetFromMap(new IdentityHashMap<>()));
				if (!(content instanceof Map<?, ?> map)) {
					throw new Unreadable(file + ":" + (node.getStartMark().getLine() + 1) + ":"
							+ (node.getStartMark().getColumn() + 1) + ": a document must be a mapping");
				}
				@SuppressWarnings("unchecked")
				Map<String, Object> fields = (Map<String, Object>) map;
				documents.add(new Document(file, node.getStartMark(), fields, positions));
			}
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark();
			throw new Unreadable(
					file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new Unreadable(file + ": " + ex.getMessage().lines().findFirst().orElse("unreadable YAML"));
		}
		catch (IOException ex) {
			throw new Unreadable(file + ": " + ex.getMessage());
		}
		return documents;
	}

	/**
	 * Turns a YAML node into maps, lists and scalars, recording where each path starts.
	 */
	private static Object convert(Node node, String path, Map<String, Mark> positions, Set<Node> enclosing) {
		positions.putIfAbsent(path, node.getStartMark());
		if (!enclosing.add(node)) {
			throw new MarkedYAMLException("while reading " + (path.isEmpty() ? "a document" : path), null,
					"an alias refers to a node that contains it", node.getStartMark()) {
			};
		}
		try {
			return convertNode(node, path, positions, enclosing);
		}
		finally {
			enclosing.remove(node);
		}
	}

	private static Object convertNode(Node node, String path, Map<String, Mark> positions, Set<Node> enclosing) {
		if (node instanceof MappingNode mapping) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
					throw new MarkedYAMLException("while reading a mapping", node.getStartMark(),
							"only plain keys are allowed", tuple.getKeyNode().getStartMark()) {
					};
				}
				String key = keyNode.getValue();
				String child = path.isEmpty() ? key : path + "." + key;
				positions.put(child, tuple.getKeyNode().getStartMark());
				map.put(key, convert(tuple.getValueNode(), child, positions, enclosing));
			}
			return map;
		}
		if (node instanceof SequenceNode sequence) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < sequence.getValue().size(); i++) {
				list.add(convert(sequence.getValue().get(i), path + "[" + i + "]", positions, enclosing));
			}
			return list;
		}
		ScalarNode scalar = (ScalarNode) node;
		return scalarValue(scalar);
	}

	private static Object scalarValue(ScalarNode scalar) {
		String tag = scalar.getTag().getValue();
		String value = scalar.getValue();
		if (tag.endsWith(":int")) {
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				return value;
			}
		}
		if (tag.endsWith(":bool")) {
			return Boolean.parseBoolean(value);
		}
		if (tag.endsWith(":null")) {
			return null;
		}
		if (tag.endsWith(":float")) {
			return Double.parseDouble(value);
		}
		return value;
	}

}
