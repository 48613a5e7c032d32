package dev.steward.cli;

import java.io.Console;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An elapsed-time indicator for a long operation, redrawn in place on standard error once
 * a second; silent when no one watches (no interactive terminal, as in CI).
 */
final class Progress implements AutoCloseable {

	private final ScheduledExecutorService ticker;

	private final String label;

	private final long started = System.nanoTime();

	private Progress(String label, boolean interactive) {
		this.label = label;
		this.ticker = interactive ? Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "steward-progress");
			thread.setDaemon(true);
			return thread;
		}) : null;
		if (this.ticker != null) {
			this.ticker.scheduleAtFixedRate(this::draw, 0, 1, TimeUnit.SECONDS);
		}
	}

	static Progress start(String label) {
		return new Progress(label, isInteractive(System.console()));
	}

	/**
	 * Whether a person watches: before JDK 22 a console exists only on a terminal; from
	 * JDK 22 on, {@code Console.isTerminal()} says so.
	 */
	private static boolean isInteractive(Console console) {
		if (console == null) {
			return false;
		}
		try {
			return (boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

	private void draw() {
		long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.started);
		System.err.print("\r" + this.label + "… " + seconds + " s");
		System.err.flush();
	}

	/** Stops the indicator and ends its line. */
	void done() {
		if (this.ticker != null && !this.ticker.isShutdown()) {
			this.ticker.shutdownNow();
			draw();
			System.err.println(" done");
		}
	}

	@Override
	public void close() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
		}
	}

}
