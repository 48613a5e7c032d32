package dev.steward.apis.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which documents {@link OpenApiContracts#parse(String)} accepts and how it refuses the
 * others.
 */
class OpenApiContractsParseTests {

	private static final String YAML_30 = """
			openapi: 3.0.3
			info:
			  title: Pet store
			  version: 1.0.0
			paths:
			  /pets:
			    get:
			      responses:
			        '200':
			          description: The pets
			    post:
			      responses:
			        '201':
			          description: Created
			  /pets/{id}:
			    delete:
			      parameters:
			        - name: id
			          in: path
			          required: true
			          schema:
			            type: string
			      responses:
			        '204':
			          description: Deleted
			""";

	private static final String JSON_31 = """
			{
			  "openapi": "3.1.0",
			  "info": {"title": "Billing", "version": "2.4.0"},
			  "paths": {
			    "/invoices": {
			      "get": {"responses": {"200": {"description": "Invoices", "content": {"application/json":
			        {"schema": {"type": ["array", "null"], "items": {"type": "string"}}}}}}}
			    }
			  }
			}
			""";

	@Test
	void readsYamlOpenApi30() {
		ParsedContract contract = OpenApiContracts.parse(YAML_30);

		assertThat(contract.openApiVersion()).isEqualTo("3.0.3");
		assertThat(contract.title()).isEqualTo("Pet store");
		assertThat(contract.operationCount()).isEqualTo(3);
		assertThat(contract.openApi().getPaths()).containsKeys("/pets", "/pets/{id}");
	}

	@Test
	void readsJsonOpenApi31() {
		ParsedContract contract = OpenApiContracts.parse(JSON_31);

		assertThat(contract.openApiVersion()).isEqualTo("3.1.0");
		assertThat(contract.title()).isEqualTo("Billing");
		assertThat(contract.operationCount()).isEqualTo(1);
	}

	@Test
	void refusesTextThatIsNeitherJsonNorYaml() {
		assertThatExceptionOfType(UnreadableContract.class).isThrownBy(() -> OpenApiContracts.parse("{ not: [json"))
			.satisfies((refusal) -> assertThat(refusal.messages()).isNotEmpty())
			.withMessageContaining("could not be read as JSON or YAML");
	}

	@Test
	void refusesEmptyAndScalarDocuments() {
		assertThatExceptionOfType(UnreadableContract.class).isThrownBy(() -> OpenApiContracts.parse("  "))
			.withMessage("The document is empty");
		assertThatExceptionOfType(UnreadableContract.class).isThrownBy(() -> OpenApiContracts.parse("just words"))
			.withMessageContaining("not a JSON or YAML object");
	}

	@Test
	void refusesSwagger20() {
		String swagger = """
				swagger: "2.0"
				info: {title: Old, version: 1.0.0}
				paths: {}
				""";

		assertThatExceptionOfType(UnreadableContract.class).isThrownBy(() -> OpenApiContracts.parse(swagger))
			.withMessageContaining("Swagger 2.0")
			.withMessageContaining("OpenAPI 3");
	}

	@Test
	void refusesAsyncApiAndDocumentsWithoutVersionOrInfo() {
		assertThatExceptionOfType(UnreadableContract.class)
			.isThrownBy(() -> OpenApiContracts.parse("asyncapi: 2.6.0\ninfo: {title: Events, version: 1.0.0}\n"))
			.withMessageContaining("AsyncAPI");
		assertThatExceptionOfType(UnreadableContract.class)
			.isThrownBy(() -> OpenApiContracts.parse("info: {title: T, version: 1.0.0}\npaths: {}\n"))
			.withMessageContaining("no 'openapi' field");
		assertThatExceptionOfType(UnreadableContract.class)
			.isThrownBy(() -> OpenApiContracts.parse("openapi: 3.0.3\npaths: {}\n"))
			.withMessageContaining("no 'info' object");
		assertThatExceptionOfType(UnreadableContract.class)
			.isThrownBy(() -> OpenApiContracts.parse("openapi: 2.0.0\ninfo: {title: T, version: 1.0.0}\n"))
			.withMessageContaining("use OpenAPI 3.0 or 3.1");
	}

	@Test
	void refusesExternalReferencesWithoutFetchingThem() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			byte[] body = "type: object\n".getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/schemas.yaml#/Pet";
			String document = YAML_30.replace("""
					          description: The pets
					""", """
					          description: The pets
					          content:
					            application/json:
					              schema:
					                $ref: '%s'
					""".formatted(url));

			assertThatExceptionOfType(UnreadableContract.class).isThrownBy(() -> OpenApiContracts.parse(document))
				.satisfies((refusal) -> assertThat(refusal.messages()).containsExactly(
						"External reference '" + url + "' is not fetched; publish a self-contained document"));
			assertThat(requests).hasValue(0);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void compareRefusesAnUnreadableRevision() {
		assertThatExceptionOfType(UnreadableContract.class)
			.isThrownBy(() -> OpenApiContracts.compare(YAML_30, "swagger: '2.0'\n"));
	}

	@Test
	void keepsAtMostTenMessages() {
		StringBuilder document = new StringBuilder(YAML_30).append("components:\n  schemas:\n");
		for (int index = 0; index < 15; index++) {
			document.append("    S").append(index).append(":\n      $ref: 'other.yaml#/S").append(index).append("'\n");
		}

		assertThatExceptionOfType(UnreadableContract.class)
			.isThrownBy(() -> OpenApiContracts.parse(document.toString()))
			.satisfies((refusal) -> assertThat(refusal.messages()).hasSize(10));
	}

}
