package dev.steward.reporting.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Csv;

/**
 * Renders reports as RFC 4180 CSV from their JSON form, so both say the same: a single
 * service's report as {@code section,figure,value} rows, the others as one row per
 * service with a column per figure.
 */
final class ReportCsv {

	private static final String TOP = "report";

	private ReportCsv() {
	}

	/**
	 * One row per figure: the top-level field is the section ({@code report} for the
	 * report's own scalars), the dotted path below it the figure (list items by index).
	 */
	static String figures(JsonNode report) {
		StringBuilder csv = new StringBuilder(Csv.row(List.of("section", "figure", "value")));
		for (Map.Entry<String, JsonNode> field : report.properties()) {
			if (field.getValue().isContainer()) {
				flatten(field.getValue(), "", true)
					.forEach((figure, value) -> csv.append(Csv.row(Arrays.asList(field.getKey(), figure, value))));
			}
			else {
				csv.append(Csv.row(Arrays.asList(TOP, field.getKey(), text(field.getValue()))));
			}
		}
		return csv.toString();
	}

	/** A single service's report as figures, from its JSON form. */
	static String figures(Object report, JsonMapper json) {
		return figures(json.<JsonNode>valueToTree(report));
	}

	/** One row per element of {@code rows}, from their JSON form. */
	static String rows(List<?> rows, JsonMapper json) {
		return rows(rows.stream().map(row -> json.<JsonNode>valueToTree(row)).toList());
	}

	/**
	 * One header row of dotted figure paths (lists left out), then one row per element of
	 * {@code rows}.
	 */
	static String rows(List<JsonNode> rows) {
		List<Map<String, String>> flat = rows.stream().map(row -> flatten(row, "", false)).toList();
		Set<String> header = new LinkedHashSet<>();
		flat.forEach(row -> header.addAll(row.keySet()));
		StringBuilder csv = new StringBuilder(Csv.row(List.copyOf(header)));
		for (Map<String, String> row : flat) {
			List<String> fields = new ArrayList<>();
			header.forEach(column -> fields.add(row.get(column)));
			csv.append(Csv.row(fields));
		}
		return csv.toString();
	}

	private static Map<String, String> flatten(JsonNode node, String prefix, boolean withLists) {
		Map<String, String> flat = new LinkedHashMap<>();
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				addFlattened(flat, prefix + field.getKey(), field.getValue(), withLists);
			}
		}
		else if (node.isArray() && withLists) {
			for (int i = 0; i < node.size(); i++) {
				addFlattened(flat, prefix + i, node.get(i), withLists);
			}
		}
		return flat;
	}

	private static void addFlattened(Map<String, String> flat, String path, JsonNode value, boolean withLists) {
		if (value.isContainer()) {
			flat.putAll(flatten(value, path + ".", withLists));
		}
		else {
			flat.put(path, text(value));
		}
	}

	/** A scalar's text; JSON null is an empty field. */
	private static String text(JsonNode value) {
		return value.isNull() ? null : value.asString();
	}

}
