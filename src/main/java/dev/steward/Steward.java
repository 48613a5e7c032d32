package dev.steward;

import dev.steward.cli.StewardCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Steward, the service-ownership platform: the {@code steward} executable, whose
 * {@code server} command starts the Spring application this class configures.
 */
@SpringBootApplication
@Modulithic(systemName = "Steward", sharedModules = "common")
public class Steward {

	public static void main(String[] args) {
		System.exit(StewardCommand.execute(Steward.class, args));
	}

}
