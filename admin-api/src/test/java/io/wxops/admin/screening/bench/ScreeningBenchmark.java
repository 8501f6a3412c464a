package io.wxops.admin.screening.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.wxops.admin.screening.Category;
import io.wxops.admin.screening.CompiledLexicon;
import io.wxops.admin.screening.Finding;
import io.wxops.admin.screening.LexiconTerm;
import io.wxops.admin.screening.Screener;
import io.wxops.admin.screening.ScreeningInput;
import io.wxops.admin.screening.ScreeningResult;
import io.wxops.admin.screening.VisibleText;

/**
 * How long screening one article takes against a lexicon of realistic size: a
 * deterministic lexicon of 20,000 terms (2 to 6 CJK chars, some with Latin letters, all
 * categories) and an article body of 20,000 visible chars in HTML paragraphs, with plain,
 * spaced, punctuated and full-width occurrences of lexicon terms. Prints the compile time
 * of the lexicon and, after a warm-up, p50, p99, max and mean time per article, plus the
 * CPU time per article, which is the steadier number when other builds share the machine.
 *
 * <pre>
 * ./mvnw -q -B -pl admin-api -am -Pbench -DskipTests test
 * ./mvnw -q -B -pl admin-api -am -Pbench -DskipTests test -Dexec.args="--help"
 * </pre>
 *
 * The bench profile runs this class at the end of the test phase of admin-api only, so
 * the reactor builds its siblings without installing them. Exit status: 0 when the p50
 * target holds, 1 when it does not, 2 on bad options.
 */
public final class ScreeningBenchmark {

	private static final String USAGE = """
			Screening benchmark: one article against a generated lexicon.

			Options (-Dexec.args="..."):
			  --terms N        lexicon size (default 20000)
			  --chars N        visible chars of the article body (default 20000)
			  --iterations N   measured screenings (default 2000)
			  --warmup N       screenings before measuring (default 1000)
			  --seconds S      stop measuring after S seconds even if iterations remain (default 30)
			  --target-ms X    p50 target per article in ms (default 1.0)
			  --seed N         random seed of lexicon and article (default 20240601)
			  --help, -h       this text

			Exit status: 0 when p50 <= target, 1 when not, 2 on bad options.
			""";

	private static final Category[] CATEGORIES = Category.values();

	private ScreeningBenchmark() {
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		if (options.help) {
			System.out.print(USAGE);
			return;
		}
		System.exit(run(options) ? 0 : 1);
	}

	private static boolean run(Options o) {
		Random random = new Random(o.seed);
		List<LexiconTerm> terms = lexicon(random, o.terms);
		String html = article(random, terms, o.chars);
		String visible = VisibleText.of(html);

		System.out.printf(Locale.ROOT, "machine: %d cores, load average %s%n",
				Runtime.getRuntime().availableProcessors(), loadAverage());
		long started = System.nanoTime();
		CompiledLexicon lexicon = CompiledLexicon.compile(1, terms);
		double coldCompileMs = (System.nanoTime() - started) / 1e6;
		started = System.nanoTime();
		CompiledLexicon.compile(2, terms);
		double warmCompileMs = (System.nanoTime() - started) / 1e6;
		System.out.printf(Locale.ROOT, "lexicon: %d terms, compiled in %.1f ms (first, cold JVM), %.1f ms (second)%n",
				lexicon.size(), coldCompileMs, warmCompileMs);
		System.out.printf(Locale.ROOT, "article: body HTML %d chars, visible text %d chars%n", html.length(),
				visible.length());

		Screener screener = new Screener();
		// Marketing forbidden, so every category of the lexicon applies.
		ScreeningInput input = new ScreeningInput("关于开展年度工作检查的通知", "办公室", "本文介绍年度检查的安排。", html, "本单位新闻办", 680, true);
		ScreeningResult result = null;
		for (int i = 0; i < o.warmup; i++) {
			result = screener.screen(input, lexicon);
		}

		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] nanos = new long[o.iterations];
		long cpuStarted = threads.getCurrentThreadCpuTime();
		long deadline = System.nanoTime() + o.seconds * 1_000_000_000L;
		int done = 0;
		while (done < o.iterations && System.nanoTime() < deadline) {
			long t0 = System.nanoTime();
			result = screener.screen(input, lexicon);
			nanos[done++] = System.nanoTime() - t0;
		}
		double cpuMsPerArticle = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6 / done;

		long[] measured = Arrays.copyOf(nanos, done);
		Arrays.sort(measured);
		double p50 = percentile(measured, 50) / 1e6;
		double p99 = percentile(measured, 99) / 1e6;
		double max = measured[done - 1] / 1e6;
		double mean = Arrays.stream(measured).average().orElse(0) / 1e6;
		Map<String, Integer> byRule = new TreeMap<>();
		for (Finding f : result.findings()) {
			byRule.merge(f.rule(), 1, Integer::sum);
		}
		System.out.printf(Locale.ROOT,
				"screened %d times after %d warm-up: p50 %.3f ms, p99 %.3f ms, max %.3f ms, "
						+ "mean %.3f ms, CPU %.3f ms per article%n",
				done, o.warmup, p50, p99, max, mean, cpuMsPerArticle);
		System.out.printf(Locale.ROOT, "findings: %d %s, counted chars %d%n", result.findings().size(), byRule,
				result.countedChars());
		// Where the time goes: the HTML parse alone, measured the same way.
		long[] parse = new long[Math.min(done, 1000)];
		for (int i = 0; i < parse.length; i++) {
			long t0 = System.nanoTime();
			VisibleText.of(html);
			parse[i] = System.nanoTime() - t0;
		}
		Arrays.sort(parse);
		System.out.printf(Locale.ROOT, "of which visible text from HTML (jsoup): p50 %.3f ms%n",
				percentile(parse, 50) / 1e6);
		boolean ok = p50 <= o.targetMs;
		System.out.printf(Locale.ROOT, "%s: p50 %.3f ms %s target %.3f ms%n", ok ? "PASS" : "FAIL", p50,
				ok ? "<=" : ">", o.targetMs);
		return ok;
	}

	/**
	 * Random CJK terms of 2 to 6 chars, one in twenty with Latin letters, all categories.
	 */
	private static List<LexiconTerm> lexicon(Random random, int size) {
		List<LexiconTerm> terms = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			StringBuilder term = new StringBuilder();
			if (i % 20 == 0) {
				term.append((char) ('a' + random.nextInt(26))).append((char) ('a' + random.nextInt(26)));
			}
			for (int k = 2 + random.nextInt(5) - term.length() / 2; k > 0; k--) {
				term.append(cjk(random));
			}
			terms.add(new LexiconTerm(term.toString(), CATEGORIES[i % CATEGORIES.length]));
		}
		return terms;
	}

	/**
	 * Paragraphs of about 100 visible chars (CJK with punctuation, some inline markup) up
	 * to {@code chars} visible chars; every few paragraphs a lexicon term goes in plain,
	 * spaced, punctuated or full-width.
	 */
	private static String article(Random random, List<LexiconTerm> terms, int chars) {
		StringBuilder html = new StringBuilder(chars * 3 / 2);
		int visible = 0;
		int paragraph = 0;
		while (visible < chars) {
			StringBuilder text = new StringBuilder();
			int length = Math.min(80 + random.nextInt(40), chars - visible);
			while (text.length() < length) {
				text.append(((text.length() + 1) % 12 == 0) ? '，' : cjk(random));
			}
			if (paragraph % 3 == 0 && length > 20) {
				String term = terms.get(random.nextInt(terms.size())).term();
				String disguised = switch (paragraph / 3 % 4) {
					case 0 -> term;
					case 1 -> String.join(" ", term.split(""));
					case 2 -> String.join("·", term.split(""));
					default -> fullWidth(term);
				};
				int at = random.nextInt(length - disguised.length());
				text.replace(at, at + disguised.length(), disguised);
				text.setLength(length);
			}
			html.append((paragraph % 5 == 0) ? "<p style=\"text-indent:2em\"><span>" : "<p>")
				.append(text)
				.append((paragraph % 5 == 0) ? "</span></p>" : "</p>");
			visible += length;
			paragraph++;
		}
		return html.toString();
	}

	private static char cjk(Random random) {
		return (char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
	}

	private static String fullWidth(String term) {
		StringBuilder out = new StringBuilder(term.length());
		term.chars().forEach((c) -> out.append((c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'Ａ') : (char) c));
		return out.toString();
	}

	private static long percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static final class Options {

		boolean help;

		int terms = 20_000;

		int chars = 20_000;

		int iterations = 2_000;

		int warmup = 1_000;

		long seconds = 30;

		double targetMs = 1.0;

		long seed = 20240601L;

		static Options parse(String[] args) {
			Options o = new Options();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--help") || arg.equals("-h")) {
					o.help = true;
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("missing value for " + arg);
				}
				String value = args[++i];
				try {
					switch (arg) {
						case "--terms" -> o.terms = positive(arg, Integer.parseInt(value));
						case "--chars" -> o.chars = positive(arg, Integer.parseInt(value));
						case "--iterations" -> o.iterations = positive(arg, Integer.parseInt(value));
						case "--warmup" -> o.warmup = Integer.parseInt(value);
						case "--seconds" -> o.seconds = positive(arg, Integer.parseInt(value));
						case "--target-ms" -> o.targetMs = Double.parseDouble(value);
						case "--seed" -> o.seed = Long.parseLong(value);
						default -> throw new IllegalArgumentException("unknown option " + arg);
					}
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("not a number for " + arg + ": " + value);
				}
			}
			return o;
		}

		private static int positive(String name, int value) {
			if (value <= 0) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return value;
		}

	}

}
