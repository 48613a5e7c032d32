import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * Writes a catalog of TEAMS teams, SERVICES services and DEPENDENCIES dependencies as
 * Steward YAML files (teams.yaml, services.yaml) for the apply benchmark:
 * java bench/apply/GenerateCatalog.java DIR [TEAMS SERVICES DEPENDENCIES]
 */
public class GenerateCatalog {

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		int teams = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
		int services = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
		int dependencies = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
		Files.createDirectories(directory);
		try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("teams.yaml"))) {
			for (int t = 0; t < teams; t++) {
				out.write("---\napiVersion: steward.dev/v1\nkind: Team\nmetadata:\n  name: team-%04d\nspec:\n"
					.formatted(t));
				out.write("  title: Team %d\n  kind: %s\n".formatted(t, t % 10 == 0 ? "shared" : "stream"));
			}
		}
		Random random = new Random(42);
		Set<Long> edges = new LinkedHashSet<>();
		while (edges.size() < dependencies) {
			int consumer = 1 + random.nextInt(services - 1);
			int provider = random.nextInt(consumer);
			edges.add((long) consumer * services + provider);
		}
		StringBuilder[] dependsOn = new StringBuilder[services];
		for (long edge : edges) {
			int consumer = (int) (edge / services);
			int provider = (int) (edge % services);
			if (dependsOn[consumer] == null) {
				dependsOn[consumer] = new StringBuilder("  dependencies:\n");
			}
			dependsOn[consumer].append("    - service: svc-%05d\n      criticality: %s\n".formatted(provider,
					provider % 3 == 0 ? "hard" : "soft"));
		}
		try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("services.yaml"))) {
			for (int s = 0; s < services; s++) {
				out.write("---\napiVersion: steward.dev/v1\nkind: Service\nmetadata:\n  name: svc-%05d\nspec:\n"
					.formatted(s));
				out.write("  title: Service %d\n  owner: team-%04d\n  tier: %d\n  lifecycle: production\n"
					.formatted(s, s % teams, 1 + s % 4));
				out.write("  description: Handles %s for the %s product\n".formatted(
						new String[] { "payments", "orders", "search", "identity", "shipping" }[s % 5],
						new String[] { "storefront", "platform", "mobile" }[s % 3]));
				if (dependsOn[s] != null) {
					out.write(dependsOn[s].toString());
				}
			}
		}
		System.out.printf("wrote %d teams, %d services, %d dependencies to %s%n", teams, services, edges.size(),
				directory);
	}

}
