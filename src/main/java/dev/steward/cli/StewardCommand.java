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

	/** Reads the version the build wrote into the jar. */
	static class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			Properties properties = new Properties();
			try (InputStream in = StewardCommand.class.getResourceAsStream("/steward-version.properties")) {
				if (in != null) {
					properties.load(in);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new String[] { "steward " + properties.getProperty("version", "development") };
		}

	}

}
