package dev.steward.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

import dev.steward.access.AdminTokenBootstrap;
import dev.steward.demo.DemoAccount;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code steward server}: starts the platform and runs until stopped. SIGTERM stops it
 * gracefully (readiness refuses traffic, requests in flight and running timers finish)
 * and the process then exits with 0, as service managers expect of a requested stop.
 */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Start the Steward server.")
class ServerCommand implements Callable<Integer> {

	@ParentCommand
	StewardCommand parent;

	@Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--data-dir", defaultValue = "./data",
			description = "Directory of the embedded database and the generated admin token (default: ${DEFAULT-VALUE}).")
	Path dataDir;

	@Option(names = "--demo", description = "Load the demo organization when the database is empty.")
	boolean demo;

	@Option(names = "--db-url",
			description = "JDBC URL of a PostgreSQL database (else SPRING_DATASOURCE_URL, else embedded H2).")
	String dbUrl;

	@Option(names = "--db-user", description = "Database user (else SPRING_DATASOURCE_USERNAME).")
	String dbUser;

	@Option(names = "--db-password", description = "Database password (else SPRING_DATASOURCE_PASSWORD).")
	String dbPassword;

	@Override
	public Integer call() {
		List<String> args = new ArrayList<>();
		args.add("--server.port=" + this.port);
		args.add("--steward.data-dir=" + this.dataDir.toAbsolutePath().normalize());
		args.add("--steward.demo=" + this.demo);
		addIfSet(args, "spring.datasource.url", this.dbUrl);
		addIfSet(args, "spring.datasource.username", this.dbUser);
		addIfSet(args, "spring.datasource.password", this.dbPassword);
		CompletableFuture<Boolean> terminated = new CompletableFuture<>();
		SpringApplication application = new SpringApplication(this.parent.application());
		application.addListeners(event -> {
			if (event instanceof ContextClosedEvent) {
				terminated.complete(false);
			}
		});
		ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
		String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port", "" + this.port);
		System.out.println("Steward is running at " + url);
		context.getBean(AdminTokenBootstrap.class)
			.generatedToken()
			.ifPresent(token -> System.out.println("Organization-admin token (shown once, also in "
					+ this.dataDir.resolve("admin-token") + "):\n  " + token));
		if (this.demo) {
			System.out.println("Demo organization: sign in at " + url + "/login as " + DemoAccount.USER + " / "
					+ DemoAccount.PASSWORD + " (" + DemoAccount.ROLE + ")");
		}
		onTerminate(() -> terminated.complete(true));
		if (terminated.join()) {
			context.close();
		}
		return 0;
	}

	/**
	 * Runs {@code action} on SIGTERM instead of the JVM's exit with status 143; where the
	 * signal cannot be handled, the JVM's shutdown hook still stops Spring gracefully.
	 */
	private static void onTerminate(Runnable action) {
		try {
			Signal.handle(new Signal("TERM"), signal -> action.run());
		}
		catch (IllegalArgumentException ex) {
			System.err.println("SIGTERM cannot be handled here (" + ex.getMessage() + "); it will exit with 143");
		}
	}

	private static void addIfSet(List<String> args, String property, String value) {
		if (value != null && !value.isBlank()) {
			args.add("--" + property + "=" + value);
		}
	}

}
