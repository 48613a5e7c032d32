package dev.steward.deployments.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;
import dev.steward.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deployment hooks: every transition of a service's deployments is posted to each of its
 * hooks, signed with the hook's secret, and tried again while the receiver fails.
 */
class DeploymentHookTests extends DeploymentTest {

	private static final String SECRET = "correct-horse-battery-staple";

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final Duration QUIET = Duration.ofMillis(800);

	private WebhookReceiver receiver;

	@BeforeEach
	void receive() {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stopReceiving() {
		this.receiver.close();
	}

	@Test
	void hooksAreAddedListedAndRemovedAndTheSecretIsShownOnlyOnce() {
		String hooks = "/api/v1/services/" + this.service + "/deployment-hooks";
		JsonNode chosen = created(
				this.api.post(hooks, Map.of("name", "argo", "url", "https://argo.example.com/hook", "secret", SECRET)))
			.json();
		assertThat(chosen.path("secret").asString()).isEqualTo(SECRET);
		assertThat(chosen.path("url").asString()).isEqualTo("https://argo.example.com/hook");
		assertThat(chosen.path("service").asString()).isEqualTo(this.service);
		Reply generated = created(this.api.post(hooks, Map.of("name", "ci", "url", "http://ci.example.com/steward")));
		assertThat(generated.json().path("secret").asString()).matches("[0-9a-f]{64}");
		assertThat(generated.header("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith(hooks + "/ci"));

		List<JsonNode> listed = ok(this.api.get(hooks)).json().path("items").valueStream().toList();
		assertThat(listed.stream().map(hook -> hook.path("name").asString())).containsExactly("argo", "ci");
		assertThat(listed).noneMatch(hook -> hook.has("secret"));

		problem(this.api.post(hooks, Map.of("name", "argo", "url", "https://other.example.com")), 409, null);
		problem(this.api.post(hooks, Map.of("name", "Not A Name", "url", "https://x.example.com")), 400, "name");
		problem(this.api.post(hooks, Map.of("name", "ftp", "url", "ftp://x.example.com")), 400, "url");
		problem(this.api.post(hooks, Map.of("name", "nourl")), 400, "url");
		problem(this.api.post(hooks, Map.of("name", "short", "url", "https://x.example.com", "secret", "too-short")),
				400, "secret");
		problem(this.api.post("/api/v1/services/" + unique("svc") + "/deployment-hooks",
				Map.of("name", "x", "url", "https://x.example.com")), 404, null);
		problem(this.api.get("/api/v1/services/" + unique("svc") + "/deployment-hooks"), 404, null);

		assertThat(this.api.delete(hooks + "/ci").status()).isEqualTo(204);
		problem(this.api.delete(hooks + "/ci"), 404, null);
		assertThat(ok(this.api.get(hooks)).json().path("items").size()).isEqualTo(1);
	}

	@Test
	void everyTransitionIsPostedInOrderWithAVerifiableSignature() {
		hook("pipeline", this.receiver.url("/deployments"), SECRET);
		long id = started("1.0.0", "nodes", List.of("a"));
		ok(node(id, "a", "updating"));
		ok(node(id, "a", "updated"));
		ok(verify(id, true));
		ok(transition(id, "rollback"));
		ok(transition(id, "rolled-back"));
		awaitDelivered(id, 5);

		List<WebhookReceiver.Request> requests = this.receiver.requests();
		assertThat(requests.stream().map(request -> request.header("X-Steward-Event").orElseThrow())).containsExactly(
				"deployment.in-progress", "deployment.verifying", "deployment.succeeded",
				"deployment.rollback-requested", "deployment.rolled-back");
		assertThat(requests.stream().map(request -> request.body().path("deployment").path("status").asString()))
			.containsExactly("in-progress", "verifying", "succeeded", "rolling-back", "rolled-back");
		for (WebhookReceiver.Request request : requests) {
			assertThat(request.path()).isEqualTo("/deployments");
			assertThat(request.contentType()).isEqualTo("application/json");
			assertThat(request.header("X-Steward-Signature")).contains("sha256=" + hmac(SECRET, request.rawBody()));
			assertThat(request.header("X-Steward-Delivery").orElseThrow()).matches("[0-9]+");
			assertThat(request.body().path("event").asString())
				.isEqualTo(request.header("X-Steward-Event").orElseThrow());
			assertThat(request.body().path("at").asString()).isNotBlank();
			assertThat(request.body().path("deployment").path("id").asLong()).isEqualTo(id);
			assertThat(request.body().path("deployment").path("service").asString()).isEqualTo(this.service);
			assertThat(request.body().path("deployment").path("version").asString()).isEqualTo("1.0.0");
		}

		List<JsonNode> deliveries = deliveries(id);
		assertThat(deliveries.stream().map(delivery -> delivery.path("event").asString())).containsExactly(
				"deployment.in-progress", "deployment.verifying", "deployment.succeeded",
				"deployment.rollback-requested", "deployment.rolled-back");
		assertThat(deliveries).allSatisfy(delivery -> {
			assertThat(delivery.path("hook").asString()).isEqualTo("pipeline");
			assertThat(delivery.path("deployment").asLong()).isEqualTo(id);
			assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
			assertThat(delivery.path("sentAt").isNull()).isFalse();
		});
		assertThat(deliveries.stream().map(delivery -> delivery.path("id").asString())).containsExactlyElementsOf(
				requests.stream().map(request -> request.header("X-Steward-Delivery").orElseThrow()).toList());
	}

	@Test
	void aHookHearsAFailedDeploymentsEventsInOrderEvenWhileItFails() {
		this.receiver.answer(503, 503);
		hook("pipeline", this.receiver.url("/deployments"), SECRET);
		long id = started("1.0.0");
		ok(verify(id, false));
		ok(transition(id, "rollback"));
		ok(transition(id, "rolled-back"));
		awaitDelivered(id, 4);
		List<WebhookReceiver.Request> requests = this.receiver.requests();
		assertThat(requests.stream().map(request -> request.header("X-Steward-Event").orElseThrow())).containsExactly(
				"deployment.in-progress", "deployment.in-progress", "deployment.in-progress", "deployment.failed",
				"deployment.rollback-requested", "deployment.rolled-back");
		assertThat(deliveries(id).stream().map(delivery -> delivery.path("attempts").asInt())).containsExactly(3, 1, 1,
				1);
	}

	@Test
	void aBlockedDeploymentIsAnnouncedToo() {
		hook("pipeline", this.receiver.url("/deployments"), SECRET);
		denyWindowNow();
		long id = created(deploy(request("1.0.0"))).json().path("id").asLong();
		awaitDelivered(id, 1);
		assertThat(this.receiver.requests().get(0).header("X-Steward-Event")).contains("deployment.blocked");
	}

	@Test
	void aHookThatAnswers500IsTriedAgain() {
		this.receiver.answer(500);
		hook("pipeline", this.receiver.url("/flaky"), SECRET);
		long id = started("1.0.0");
		awaitDelivered(id, 1);
		JsonNode delivery = deliveries(id).get(0);
		assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
		List<WebhookReceiver.Request> requests = this.receiver.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).rawBody()).as("the same delivery again").isEqualTo(requests.get(0).rawBody());
		assertThat(requests.get(1).header("X-Steward-Delivery"))
			.isEqualTo(requests.get(0).header("X-Steward-Delivery"));
		assertThat(requests.get(1).header("X-Steward-Signature"))
			.contains("sha256=" + hmac(SECRET, requests.get(1).rawBody()));
	}

	@Test
	void aHookThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
		this.receiver.answer(500, 503, 500, 500, 500);
		hook("pipeline", this.receiver.url("/down"), SECRET);
		long id = started("1.0.0");
		await().atMost(PATIENCE).until(() -> "failed".equals(deliveries(id).get(0).path("status").asString()));
		JsonNode delivery = deliveries(id).get(0);
		assertThat(delivery.path("attempts").asInt()).as("steward.deployments.hook-max-attempts").isEqualTo(3);
		assertThat(delivery.path("lastError").asString()).contains("500");
		await().during(QUIET).atMost(PATIENCE).until(() -> this.receiver.requests().size() == 3);
	}

	@Test
	void aHookThatRefusesTheEventIsNotTriedAgain() {
		this.receiver.answer(404);
		hook("pipeline", this.receiver.url("/gone"), SECRET);
		long id = started("1.0.0");
		await().atMost(PATIENCE).until(() -> "failed".equals(deliveries(id).get(0).path("status").asString()));
		assertThat(deliveries(id).get(0).path("attempts").asInt()).isEqualTo(1);
		await().during(QUIET).atMost(PATIENCE).until(() -> this.receiver.requests().size() == 1);
	}

	@Test
	void eachHookOfTheServiceHearsWithItsOwnSecretAndNoOtherServicesHookDoes() {
		String otherSecret = "another-secret-0123456789";
		hook("one", this.receiver.url("/one"), SECRET);
		hook("two", this.receiver.url("/two"), otherSecret);
		String other = service(this.team, 3);
		created(this.api.post("/api/v1/services/" + other + "/deployment-hooks",
				Map.of("name", "one", "url", this.receiver.url("/other"))));
		long id = started("1.0.0");
		await().atMost(PATIENCE)
			.until(() -> deliveries(id).size() == 2
					&& deliveries(id).stream().allMatch(delivery -> "sent".equals(delivery.path("status").asString())));
		assertThat(this.receiver.requests("/one").get(0).header("X-Steward-Signature"))
			.contains("sha256=" + hmac(SECRET, this.receiver.requests("/one").get(0).rawBody()));
		assertThat(this.receiver.requests("/two").get(0).header("X-Steward-Signature"))
			.contains("sha256=" + hmac(otherSecret, this.receiver.requests("/two").get(0).rawBody()));
		await().during(QUIET).atMost(PATIENCE).until(() -> this.receiver.requests("/other").isEmpty());
	}

	@Test
	void aServiceWithoutHooksHasNoDeliveries() {
		long id = started("1.0.0");
		ok(verify(id, true));
		assertThat(deliveries(id)).isEmpty();
	}

	private void hook(String name, String url, String secret) {
		created(this.api.post("/api/v1/services/" + this.service + "/deployment-hooks",
				Map.of("name", name, "url", url, "secret", secret)));
	}

	private List<JsonNode> deliveries(long id) {
		return ok(this.api.get(DEPLOYMENTS + "/" + id + "/hook-deliveries")).json()
			.path("items")
			.valueStream()
			.toList();
	}

	/** Waits until the deployment's first {@code count} deliveries are sent. */
	private void awaitDelivered(long id, int count) {
		await().atMost(PATIENCE).until(() -> {
			List<JsonNode> deliveries = deliveries(id);
			return deliveries.size() >= count && deliveries.subList(0, count)
				.stream()
				.allMatch(delivery -> "sent".equals(delivery.path("status").asString()));
		});
	}

	/** What a receiver computes to check a delivery: hex HMAC-SHA256 of the body. */
	private static String hmac(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
