package dev.steward.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code steward} command; {@code --help} and {@code --version} need no
 * server.
 */
@Command(name = "steward", mixinStandardHelpOptions = true, versionProvider = StewardCommand.Version.class,
		description = "Steward: who owns what, and every responsibility that comes with it.",
		subcommands = { ServerCommand.class, ValidateCommand.class, ApplyCommand.class, ExportCommand.class,
				ImportCommand.class, OnCallCommand.class, IncidentCommand.class, EventCommand.class, GateCommand.class,
				DeployCommand.class, ChangeCommand.class, ApiCommand.class, AutoComplete.GenerateCompletion.class,
				CommandLine.HelpCommand.class })
public class StewardCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final Class<?> application;

	StewardCommand(Class<?> application) {
		this.application = application;
	}

	/**
	 * Runs the command line; {@code application} is the Spring application that
	 * {@code server} starts.
	 */
	public static int execute(Class<?> application, String... args) {
		return new CommandLine(new StewardCommand(application)).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
	}

	Class<?> application() {
		return this.application;
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

	/**
	 * The version and commit the build wrote into the jar, the same that
	 * {@code /actuator/info} shows:
	 * {@code steward 1.2.0 (commit 1a2b3c4, 2026-05-01T10:00:00Z)}.
	 */
	static class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = read("/META-INF/build-info.properties").getProperty("build.version", "development");
			Properties git = read("/git.properties");
			String commit = git.getProperty("git.commit.id.abbrev");
			return new String[] { "steward " + version
					+ (commit == null ? "" : " (commit " + commit + ", " + git.getProperty("git.commit.time") + ")") };
		}

		private static Properties read(String resource) {
			Properties properties = new Properties();
			try (InputStream in = StewardCommand.class.getResourceAsStream(resource)) {
				if (in != null) {
					properties.load(in);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return properties;
		}

	}

}
