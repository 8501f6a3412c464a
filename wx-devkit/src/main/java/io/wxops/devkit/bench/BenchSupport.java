package io.wxops.devkit.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * What the repository's benchmarks share: running one as a program with the exit status
 * the README documents, bounded start-up, command-line options, and the machine's load.
 */
public final class BenchSupport {

	private BenchSupport() {
	}

	/**
	 * Runs a benchmark and exits the JVM with its status: the status {@code run} returns
	 * (0 when the targets were met, 1 when not), or 2 when it could not run: bad options
	 * ({@link IllegalArgumentException}: the message and the usage), a target that is not
	 * there ({@link IllegalStateException}: the message says it all), or anything else.
	 * Exiting explicitly matters under exec:java, which would otherwise wait for leftover
	 * non-daemon threads; it also runs the hooks that stop the embedded servers.
	 */
	public static void runAndExit(String usage, Callable<Integer> run) {
		int status;
		try {
			status = run.call();
		}
		catch (IllegalArgumentException ex) {
			System.err.println("Benchmark not run: " + ex.getMessage());
			System.err.println(usage);
			status = 2;
		}
		catch (IllegalStateException ex) {
			System.err.println("Benchmark failed to run: " + ex.getMessage());
			status = 2;
		}
		catch (Exception ex) {
			System.err.println("Benchmark failed to run: " + ex);
			ex.printStackTrace();
			status = 2;
		}
		System.out.flush();
		System.exit(status);
	}

	/**
	 * Bounds the start of what is measured (an embedded server that never reports ready
	 * would wait forever): after {@code seconds} it shows where the starting thread is
	 * stuck and exits with 2, which runs the hooks that stop what did start. Interrupt
	 * the returned thread once started.
	 * @param what what is starting, for the message
	 */
	public static Thread startupWatchdog(int seconds, String what) {
		Thread main = Thread.currentThread();
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(seconds * 1000L);
			}
			catch (InterruptedException ex) {
				return;
			}
			System.err.println("Benchmark not run: " + what + " did not start within " + seconds
					+ " s (--startup-seconds). The starting thread is at:");
			for (StackTraceElement frame : main.getStackTrace()) {
				System.err.println("\tat " + frame);
			}
			System.err.flush();
			System.exit(2);
		}, "bench-startup-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		return watchdog;
	}

	/**
	 * Reads {@code --name value} and {@code --name=value} options (the value may itself
	 * hold '='), passing each to {@code option}; {@code --help} or {@code -h} calls
	 * {@code help}. Blank arguments (an empty exec.args) are skipped.
	 */
	public static void parseOptions(String[] args, BiConsumer<String, String> option, Runnable help) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.isBlank()) {
				continue;
			}
			if (arg.equals("--help") || arg.equals("-h")) {
				help.run();
				continue;
			}
			int eq = arg.indexOf('=');
			if (arg.startsWith("--") && eq > 0) {
				option.accept(arg.substring(0, eq), arg.substring(eq + 1));
			}
			else if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + arg);
			}
			else {
				option.accept(arg, args[++i]);
			}
		}
	}

	/** A whole number from 1 to {@code max}; "_" and "," may group digits. */
	public static int positive(String name, String value, int max) {
		int n;
		try {
			n = Integer.parseInt(value.replace("_", "").replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a number, got " + value);
		}
		if (n < 1 || n > max) {
			throw new IllegalArgumentException(name + " must be between 1 and " + max + ", got " + n);
		}
		return n;
	}

	/**
	 * The machine's load average (Linux), printed with every run: the load generator, the
	 * applications and the servers share the cores, and anything else running at the same
	 * time makes the numbers meaningless.
	 */
	public static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	/**
	 * The classpath a benchmark class was loaded from, for a child JVM that runs part of
	 * it in its own process (exec:java loads the class from a URLClassLoader, not from
	 * {@code java.class.path}).
	 */
	public static String classPathOf(Class<?> type) {
		ClassLoader loader = type.getClassLoader();
		if (loader instanceof URLClassLoader urls && urls.getURLs().length > 1) {
			List<String> entries = new ArrayList<>();
			for (URL u : urls.getURLs()) {
				try {
					entries.add(new File(u.toURI()).getPath());
				}
				catch (URISyntaxException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return String.join(File.pathSeparator, entries);
		}
		return System.getProperty("java.class.path");
	}

}
