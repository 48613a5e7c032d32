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

		assertThat(result.out()).contains("skipped API 'artist-api'")
			.contains("skipped Resource 'artists-db'")
			.contains("skipped Component 'shared-lib' of type 'library'")
			.contains("field spec.providesApis not mapped")
			.contains("field metadata.annotations not mapped")
			.contains("field spec.profile.picture not mapped")
			.contains("dependency on 'resource:default/artists-db' skipped")
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

}
