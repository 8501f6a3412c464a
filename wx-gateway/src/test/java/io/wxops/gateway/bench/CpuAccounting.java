package io.wxops.gateway.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who used the machine's CPU during a run, from Linux's /proc: the processes the
 * benchmark started (the gateway, wrk or the paced generator, and the embedded MariaDB
 * and Redis, all children of the benchmark's JVM), the benchmark's JVM itself, and
 * everything else (among it external MariaDB and Redis). On a small shared machine a
 * number measured while something else was busy means little, so every run says how much
 * of the CPU was not ours. Elsewhere than Linux it reports nothing.
 */
final class CpuAccounting {

	private static final Path PROC = Path.of("/proc");

	/** More than this many processes and we stop reading: it only bounds the loop. */
	private static final int MAX_PROCESSES = 20_000;

	private CpuAccounting() {
	}

	static Snapshot snapshot() {
		try {
			long nanos = System.nanoTime();
			long[] machine = machineTicks();
			Map<Long, Proc> procs = new HashMap<>();
			try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
				for (Path dir : dirs) {
					if (procs.size() >= MAX_PROCESSES) {
						break;
					}
					Proc p = readProc(dir);
					if (p != null) {
						procs.put(p.pid, p);
					}
				}
			}
			return new Snapshot(nanos, machine[0], machine[1], procs);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Jiffies of all CPUs since boot: in total (busy or idle) and stolen, i.e. wanted by
	 * this virtual machine but given to another one by the host.
	 */
	private static long[] machineTicks() throws IOException {
		String cpu = Files.readAllLines(PROC.resolve("stat")).get(0);
		long sum = 0;
		String[] fields = cpu.trim().split("\\s+");
		// cpu user nice system idle iowait irq softirq steal (guest is already in user)
		for (int i = 1; i < Math.min(fields.length, 9); i++) {
			sum += Long.parseLong(fields[i]);
		}
		long steal = (fields.length > 8) ? Long.parseLong(fields[8]) : 0;
		return new long[] { sum, steal };
	}

	private static Proc readProc(Path dir) {
		try {
			String stat = Files.readString(dir.resolve("stat"));
			int open = stat.indexOf('(');
			int close = stat.lastIndexOf(')');
			String name = stat.substring(open + 1, close);
			String[] f = stat.substring(close + 2).split(" ");
			// after the name: state ppid ... utime (12th) stime (13th)
			long ppid = Long.parseLong(f[1]);
			long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
			return new Proc(Long.parseLong(stat.substring(0, open).trim()), ppid, name, ticks);
		}
		catch (IOException | RuntimeException ex) {
			// the process ended while we read it
			return null;
		}
	}

	private record Proc(long pid, long ppid, String name, long ticks) {
	}

	/** CPU counters of every process at one moment. */
	record Snapshot(long nanos, long totalTicks, long stealTicks, Map<Long, Proc> procs) {

		/**
		 * Shares of the machine between the two snapshots, e.g. {@code gateway 120%, wrk
		 * 45%, mariadbd (ours) 30%; everything else 3% [java 3%]}, where 100% is one
		 * core, and the gateway's CPU time per answered request, which other load on the
		 * machine disturbs far less than throughput or latency.
		 * @param labels names for the processes the benchmark started, by pid
		 */
		String since(Snapshot before, long requests, Map<Long, String> labels) {
			if (before == null) {
				return "unknown";
			}
			long elapsed = this.totalTicks - before.totalTicks;
			if (elapsed <= 0) {
				return "unknown";
			}
			int cores = Runtime.getRuntime().availableProcessors();
			long self = ProcessHandle.current().pid();
			Map<String, Long> ours = new LinkedHashMap<>();
			Map<String, Long> others = new HashMap<>();
			for (Proc p : this.procs.values()) {
				Proc old = before.procs.get(p.pid);
				// kernel workers rename themselves with their work, so match by pid only
				long used = p.ticks - ((old != null) ? old.ticks : 0);
				if (used <= 0) {
					continue;
				}
				if (labels.containsKey(p.pid)) {
					ours.merge(labels.get(p.pid), used, Long::sum);
				}
				else if (p.pid == self) {
					ours.merge("benchmark JVM", used, Long::sum);
				}
				else if (descendsFrom(p, self)) {
					ours.merge(p.name + " (ours)", used, Long::sum);
				}
				else {
					others.merge(p.name, used, Long::sum);
				}
			}
			long otherTotal = others.values().stream().mapToLong(Long::longValue).sum();
			// /proc counts in clock ticks (USER_HZ); derive their length from the wall
			// clock
			double tickMillis = (this.nanos - before.nanos) / 1e6 / ((double) elapsed / cores);
			Long gateway = ours.get("gateway");
			String perRequest = (requests > 0 && gateway != null) ? String.format(Locale.ROOT,
					"gateway %.3f ms CPU per answered request; ", gateway * tickMillis / requests) : "";
			String oursText = ours.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.map(e -> e.getKey() + " " + percent(e.getValue(), elapsed, cores))
				.collect(Collectors.joining(", "));
			List<String> topOthers = others.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(4)
				.map(e -> e.getKey() + " " + percent(e.getValue(), elapsed, cores))
				.toList();
			return String.format(Locale.ROOT, "%s%s; everything else %s %s; stolen by the host %s (100%% = one core)",
					perRequest, oursText, percent(otherTotal, elapsed, cores), topOthers,
					percent(this.stealTicks - before.stealTicks, elapsed, cores));
		}

		private boolean descendsFrom(Proc p, long ancestor) {
			Proc current = p;
			// bounded: a process tree is far shallower than this
			for (int depth = 0; depth < 64 && current != null; depth++) {
				if (current.ppid == ancestor) {
					return true;
				}
				current = this.procs.get(current.ppid);
			}
			return false;
		}

		/** Ticks of all CPUs are counted together, so one core is elapsed / cores. */
		private static String percent(long ticks, long elapsed, int cores) {
			return String.format(Locale.ROOT, "%.0f%%", 100.0 * ticks * cores / elapsed);
		}

	}

}
