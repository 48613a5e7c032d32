package dev.steward.apis.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.steward.apis.ApiType;
import dev.steward.apis.internal.OpenApiContracts;
import dev.steward.apis.internal.ParsedContract;
import dev.steward.apis.internal.UnreadableContract;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

/**
 * A version's contract as its page reads it without JavaScript: for an OpenAPI document
 * its title and every operation (method, path, summary) in the document's order; for any
 * other contract, or an OpenAPI document that no longer parses, only the text.
 */
record ContractView(boolean openApi, String title, String openApiVersion, List<OperationLine> operations) {

	/** The view of the document {@code spec} of an API of {@code type}. */
	static ContractView of(ApiType type, String spec) {
		if (type != ApiType.OPENAPI) {
			return text();
		}
		try {
			ParsedContract contract = OpenApiContracts.parse(spec);
			return new ContractView(true, contract.title(), contract.openApiVersion(), operations(contract));
		}
		catch (UnreadableContract ex) {
			return text();
		}
	}

	private static ContractView text() {
		return new ContractView(false, null, null, List.of());
	}

	private static List<OperationLine> operations(ParsedContract contract) {
		List<OperationLine> lines = new ArrayList<>();
		if (contract.openApi().getPaths() == null) {
			return lines;
		}
		contract.openApi().getPaths().forEach((path, item) -> {
			if (item != null) {
				for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
					Operation operation = entry.getValue();
					lines.add(new OperationLine(entry.getKey().name().toUpperCase(Locale.ROOT), path,
							operation.getSummary(), operation.getOperationId(),
							Boolean.TRUE.equals(operation.getDeprecated())));
				}
			}
		});
		return lines;
	}

	/** One operation of an OpenAPI contract. */
	record OperationLine(String method, String path, String summary, String operationId, boolean deprecated) {
	}

}
