package dev.steward.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BackstageImportTest {

	private static final String DESCRIPTORS = """
			apiVersion: backstage.io/v1alpha1
			kind: Group
			metadata:
			  name: artists
			  description: Artist relations
			spec:
			  type: team
			  profile:
			    displayName: Artist Relations
			    email: artists@example.com
			  parent: group:default/music
			  children: []
			  members: [jdoe]
			---
			apiVersion: backstage.io/v1alpha1
			kind: Group
			metadata:
			  name: music
			spec:
			  type: department
			  children: [artists]
			---
			apiVersion: backstage.io/v1alpha1
			kind: User
			metadata:
			  name: jdoe
			spec:
			  profile:
			    displayName: Jenny Doe
			    email: jenny@example.com
			    picture: https://example.com/jenny.png
			  memberOf: [artists]
			---
			apiVersion: backstage.io/v1alpha1
			kind: User
			metadata:
			  name: nomail
			spec:
			  memberOf: [group:default/music]
			---
			apiVersion: backstage.io/v1alpha1
			kind: System
			metadata:
			  name: portal
			  description: The artist portal
			spec:
			  owner: artists
			---
			apiVersion: backstage.io/v1alpha1
			kind: Component
			metadata:
			  name: artist-web
			  title: Artist Web
			  description: The web site
			  tags: [java, web]
			  links:
			    - url: https://wiki.example.com/artist-web
			      title: Runbook
			  annotations:
			    github.com/project-slug: example/artist-web
			spec:
			  type: website
			  lifecycle: production
			  owner: group:default/artists
			  system: portal
			  dependsOn: [component:default/artist-api, resource:default/artists-db]
			  providesApis: [artist-api]
			---
			apiVersion: backstage.io/v1alpha1
			kind: Component
			metadata:
			  name: artist-api
			spec:
			  type: service
			  lifecycle: beta
			  owner: artists
			---
			apiVersion: backstage.io/v1alpha1
			kind: Component
			metadata:
			  name: shared-lib
			spec:
			  type: library
			  owner: artists
			---
			apiVersion: backstage.io/v1alpha1
			kind: API
			metadata:
			  name: artist-api
			spec:
			  type: openapi
			---
			apiVersion: backstage.io/v1alpha1
			kind: Resource
			metadata:
			  name: artists-db
			spec:
			  type: database
			""";

	@TempDir
	Path directory;

	@Test
	void convertsDescriptorsToFilesThatValidate() throws Exception {
		Path input = this.directory.resolve("catalog-info.yaml");
		Files.writeString(input, DESCRIPTORS);
		Path output = this.directory.resolve("steward");
		CommandOutput result = CommandOutput.run("import", "backstage", "-f", input.toString(), "-o", output.toString(),
				"--default-tier", "2");
		assertThat(result.exitCode()).as(result.err()).isZero();

		assertThat(output.resolve("teams.yaml")).content()
			.contains("title: Artist Relations")
			.contains("email: artists@example.com")
			.contains("parent: music")
			.contains("user: jdoe")
			.contains("user: nomail");
		assertThat(output.resolve("users.yaml")).content().contains("displayName: Jenny Doe").contains("timeZone: UTC");
		assertThat(output.resolve("products.yaml")).content().contains("name: portal").contains("The artist portal");
		assertThat(output.resolve("services.yaml")).content()
			.contains("title: Artist Web")
			.contains("owner: artists")
			.contains("tier: 2")
			.contains("lifecycle: production")
			.contains("product: portal")
			.contains("runbook: https://wiki.example.com/artist-web")
			.contains("service: artist-api")
			.doesNotContain("shared-lib");

		assertThat(output.resolve("apis.yaml")).content().contains("name: artist-api").contains("service: artist-web");
		assertThat(output.resolve("datastores.yaml")).content()
			.contains("name: artists-db")
			.contains("owner: artist-web")
			.contains("kind: database");
		assertThat(result.out()).contains("API 'artist-api': definition is not plain text or $text")
			.contains("Resource 'artists-db': classification defaulted to internal")
			.contains("skipped Component 'shared-lib' of type 'library'")
			.doesNotContain("field spec.providesApis not mapped")
			.contains("field metadata.annotations not mapped")
			.contains("field spec.profile.picture not mapped")
			.contains("lifecycle 'beta' defaulted to experimental")
			.contains("time zone defaulted to UTC")
			.contains("team kind defaulted to stream")
			.contains("no profile.email; defaulted to nomail@users.invalid")
			.contains(input + ":");

		CommandOutput validation = CommandOutput.run("validate", "-f", output.toString());
		assertThat(validation.exitCode()).as(validation.err()).isZero();
	}

	@Test
	void readsEveryReferenceForm() {
		assertThat(BackstageImport.ref("group:default/artists")).isEqualTo("artists");
		assertThat(BackstageImport.ref("default/artists")).isEqualTo("artists");
		assertThat(BackstageImport.ref("group:artists")).isEqualTo("artists");
		assertThat(BackstageImport.ref("artists")).isEqualTo("artists");
	}

	private static final String INTERFACES = """
			apiVersion: backstage.io/v1alpha1
			kind: Group
			metadata: {name: payments}
			spec: {type: team}
			---
			apiVersion: backstage.io/v1alpha1
			kind: Component
			metadata: {name: checkout}
			spec:
			  type: service
			  lifecycle: production
			  owner: payments
			  providesApis: [api:checkout-api, checkout-events]
			  consumesApis: [ledger-api]
			  dependsOn: [resource:checkout-db, resource:shared-cache]
			---
			apiVersion: backstage.io/v1alpha1
			kind: Component
			metadata: {name: ledger}
			spec:
			  type: service
			  lifecycle: production
			  owner: payments
			  providesApis: [ledger-api]
			  consumesApis: [api:default/checkout-api]
			  dependsOn: [resource:shared-cache]
			---
			apiVersion: backstage.io/v1alpha1
			kind: API
			metadata:
			  name: checkout-api
			  description: Checkout
			  tags: [public]
			spec:
			  type: openapi
			  lifecycle: production
			  owner: payments
			  definition: |
			    openapi: 3.0.3
			    info: {title: Checkout, version: 2.3.0}
			    paths: {}
			---
			apiVersion: backstage.io/v1alpha1
			kind: API
			metadata:
			  name: ledger-api
			spec:
			  type: grpc
			  lifecycle: production
			  owner: payments
			  definition:
			    $text: ./ledger.proto
			---
			apiVersion: backstage.io/v1alpha1
			kind: API
			metadata:
			  name: checkout-events
			  annotations:
			    steward.dev/api-version: 0.4.0
			spec:
			  type: asyncapi
			  lifecycle: experimental
			  owner: payments
			  definition:
			    $text: https://example.com/events.yaml
			---
			apiVersion: backstage.io/v1alpha1
			kind: API
			metadata: {name: orphan-api}
			spec: {type: openapi, lifecycle: production, owner: payments, definition: "openapi: 3.0.3"}
			---
			apiVersion: backstage.io/v1alpha1
			kind: Resource
			metadata:
			  name: checkout-db
			  annotations:
			    steward.dev/classification: restricted
			    steward.dev/pii: "true"
			spec: {type: postgres, owner: payments}
			---
			apiVersion: backstage.io/v1alpha1
			kind: Resource
			metadata: {name: shared-cache}
			spec: {type: redis, owner: payments}
			---
			apiVersion: backstage.io/v1alpha1
			kind: Resource
			metadata: {name: vpc}
			spec: {type: network, owner: payments}
			""";

	@Test
	void convertsApisAndDatastoreResourcesOfTheirComponents() throws Exception {
		Path input = this.directory.resolve("catalog-info.yaml");
		Files.writeString(input, INTERFACES);
		Files.writeString(this.directory.resolve("ledger.proto"), "syntax = \"proto3\";\nservice Ledger {}\n");
		Path output = this.directory.resolve("steward");
		CommandOutput result = CommandOutput.run("import", "backstage", "-f", input.toString(), "-o",
				output.toString());
		assertThat(result.exitCode()).as(result.err()).isZero();

		String apis = Files.readString(output.resolve("apis.yaml"));
		assertThat(apis).contains("""
				  name: checkout-api
				spec:
				  service: checkout
				  visibility: external
				  type: openapi
				  description: Checkout
				  versions:
				  - version: 2.3.0
				    status: published
				    spec: |
				      openapi: 3.0.3
				""").contains("""
				  service: ledger
				  visibility: internal
				  type: grpc
				  versions:
				  - version: 1.0.0
				    status: published
				    spec: |
				      syntax = "proto3";
				      service Ledger {}
				  consumers:
				  - service: checkout
				    major: 1
				""").contains("""
				  consumers:
				  - service: ledger
				    major: 2
				""").contains("name: checkout-events").doesNotContain("orphan-api");
		assertThat(Files.readString(output.resolve("datastores.yaml"))).contains("""
				  name: checkout-db
				spec:
				  owner: checkout
				  kind: postgres
				  classification: restricted
				  pii: true
				""").doesNotContain("shared-cache").doesNotContain("vpc");
		assertThat(result.out()).contains("API 'ledger-api': version not given; defaulted to 1.0.0")
			.contains("API 'checkout-events': definition 'https://example.com/events.yaml' is remote")
			.contains("refused API 'orphan-api': no service Component names it in spec.providesApis")
			.contains("refused Resource 'shared-cache': the service Components [checkout, ledger] all name it in "
					+ "spec.dependsOn")
			.contains("steward.dev/owner-service")
			.contains("skipped Resource 'vpc' of type 'network': not a datastore type");

		CommandOutput validation = CommandOutput.run("validate", "-f", output.toString());
		assertThat(validation.exitCode()).as(validation.err()).isZero();
	}

}
