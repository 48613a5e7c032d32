package dev.steward.catalog.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryApiTests extends ApiTest {

	@Test
	void createsAndReadsUser() {
		String name = unique("user");
		Reply reply = created(this.api.post("/api/v1/users",
				Map.of("name", name, "displayName", "Ada", "email", "ada@example.com", "timeZone", "Asia/Tokyo")));
		assertThat(reply.json().path("timeZone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(ok(this.api.get("/api/v1/users/" + name)).json().path("displayName").asString()).isEqualTo("Ada");
		assertThat(ok(this.api.patch("/api/v1/users/" + name, Map.of("timeZone", "Europe/Paris"))).json()
			.path("timeZone")
			.asString()).isEqualTo("Europe/Paris");
	}

	@Test
	void refusesUnknownZoneAndBadEmail() {
		Reply reply = this.api.post("/api/v1/users", Map.of("name", unique("user"), "displayName", "X", "email",
				"not-an-email", "timeZone", "Mars/Olympus"));
		problem(reply, 400, "timeZone");
		assertThat(reply.json().path("errors").findValuesAsString("field")).contains("email");
	}

	@Test
	void productsGroupServicesAndCannotBeDeletedWhileTheyDo() {
		String product = unique("product");
		created(this.api.post("/api/v1/products", Map.of("name", product, "title", "Storefront")));
		String owner = team();
		created(this.api.post("/api/v1/services",
				Map.of("name", unique("svc"), "title", "S", "owner", owner, "tier", 2, "product", product)));
		assertThat(this.api.get("/api/v1/services?product=" + product).json().path("items")).hasSize(1);
		problem(this.api.delete("/api/v1/products/" + product), 409, null);
		problem(this.api.post("/api/v1/services",
				Map.of("name", unique("svc"), "title", "S", "owner", owner, "tier", 2, "product", "no-product")), 400,
				"product");
	}

}
