package dev.steward.cli;

import java.util.Arrays;

import picocli.CommandLine.Option;

/**
 * The {@code --limit} and {@code --cursor} options of a command that lists a collection.
 */
class Paging {

	@Option(names = "--limit", description = "At most this many (default: 50).")
	Integer limit;

	@Option(names = "--cursor", description = "The page after the one that printed this cursor.")
	String cursor;

	/** The {@code filters} followed by the paging parameters these options ask for. */
	ServerRequestCommand.Parameter[] with(ServerRequestCommand.Parameter... filters) {
		ServerRequestCommand.Parameter[] all = Arrays.copyOf(filters, filters.length + 2);
		all[filters.length] = new ServerRequestCommand.Parameter("limit", this.limit);
		all[filters.length + 1] = new ServerRequestCommand.Parameter("cursor", this.cursor);
		return all;
	}

}
