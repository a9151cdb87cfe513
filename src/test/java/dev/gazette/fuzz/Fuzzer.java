package dev.gazette.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs seeded fuzz cases and collects what went wrong, so that one run reports every distinct
 * failure instead of stopping at the first.
 *
 * <p>Case {@code i} of a test has the seed {@code mix(baseSeed, i)}; the generator builds the
 * case's input from its seed alone, so a seed printed in a failure replays exactly that case:
 * {@code -Dgazette.fuzz.seed=0x…} runs only it, prints how it was made and saves its input under
 * {@code target/fuzz-failures/}. {@code -Dgazette.fuzz.cases=N} runs N cases per test (builds:
 * N/20) instead of the defaults, for longer local runs; {@code -Dgazette.fuzz.shrink=S} gives
 * shrinking S seconds per test (0: none).
 *
 * <p>Each case runs on a worker thread with the JVM's default stack, like the build's own threads,
 * and under a limit of processor time; any {@link Throwable} it throws, {@code StackOverflowError}
 * and {@code OutOfMemoryError} included, is a failure of that case, and so is running out of time. Failures are grouped by a
 * signature (the exception type and where it was thrown, or the invariant broken); the first
 * input of each group is then shrunk, within a time budget, to a small input that fails the same way.
 */
public final class Fuzzer {

    /** Cases per parsing test; builds run a twentieth of it. */
    public static final String CASES_PROPERTY = "gazette.fuzz.cases";
    /** Replays one case: its seed, as printed in a failure ({@code 0x…}). */
    public static final String SEED_PROPERTY = "gazette.fuzz.seed";
    /** Seconds each test may spend shrinking its failing inputs, instead of its default; 0 skips shrinking. */
    public static final String SHRINK_PROPERTY = "gazette.fuzz.shrink";

    /** After this many cases out of time the run stops: the code is slow, and more cases would say only that. */
    private static final int MAX_TIMEOUTS = 25;
    private static final Path FAILURES = Path.of("target", "fuzz-failures");

    /**
     * One case's input.
     *
     * @param seed      the case's seed
     * @param files     the files by name
     * @param changed   the names of the files the mutations changed (the others are samples as they are)
     * @param mutations how the changed files were made from the samples, one line each
     */
    public record Input(long seed, Map<String, byte[]> files, Set<String> changed, List<String> mutations) {
        public Input {
            files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
            changed = Set.copyOf(changed);
            mutations = List.copyOf(mutations);
        }

        /** A one-file input. */
        public static Input of(long seed, String name, byte[] bytes, List<String> mutations) {
            return new Input(seed, Map.of(name, bytes), Set.of(name), mutations);
        }

        public int size() {
            return files.values().stream().mapToInt(b -> b.length).sum();
        }

        Input with(Map<String, byte[]> other) {
            return new Input(seed, other, changed, mutations);
        }
    }

    /** Builds a case's input from its seed alone. */
    @FunctionalInterface
    public interface Generator {
        Input generate(long seed) throws IOException;
    }

    /** Runs the code under test on one input and checks the invariants; throws when one fails. */
    @FunctionalInterface
    public interface Check {
        void check(Input input) throws Exception;
    }

    /** An invariant broken; {@link #invariant()} names it, the same for every input that breaks it. */
    public static final class Violation extends AssertionError {
        private final String invariant;

        Violation(String invariant, String detail) {
            super(invariant + ": " + detail);
            this.invariant = invariant;
        }

        public String invariant() {
            return invariant;
        }
    }

    /** A case that ran past the timeout. */
    private static final class Timeout extends Throwable {
        Timeout(Duration timeout) {
            super("the case ran for more than " + timeout.toMillis() / 1000.0 + " s of processor time", null, false, false);
        }
    }

    /** Throws a {@link Violation} of {@code invariant} unless {@code condition} holds. */
    public static void require(boolean condition, String invariant, Supplier<String> detail) {
        if (!condition) {
            throw new Violation(invariant, detail.get());
        }
    }

    private final String test;
    private final long baseSeed;
    private final int cases;
    private final Duration timeout;
    private final Duration shrinkBudget;

    /**
     * @param test         how to run the test, {@code Class#method}, for the replay command
     * @param baseSeed     the test's own seed, fixed in its code
     * @param cases        the number of cases, see {@link #cases(int, int)}
     * @param timeout      the processor time one case may use; a third of it once a case has run out
     * @param shrinkBudget how long shrinking may take in all
     */
    public Fuzzer(String test, long baseSeed, int cases, Duration timeout, Duration shrinkBudget) {
        this.test = test;
        this.baseSeed = baseSeed;
        this.cases = cases;
        this.timeout = timeout;
        this.shrinkBudget = shrinkBudget;
    }

    /** {@code fallback} cases, or the {@value #CASES_PROPERTY} property divided by {@code divisor}. */
    public static int cases(int fallback, int divisor) {
        String value = System.getProperty(CASES_PROPERTY);
        return value == null || value.isBlank() ? fallback : Math.max(1, Integer.parseInt(value.strip()) / divisor);
    }

    /** The seed of case {@code i}: splitmix64 of the test's seed and the index. */
    static long seed(long baseSeed, int i) {
        long z = baseSeed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String hex(long seed) {
        return "0x" + Long.toHexString(seed);
    }

    /** Runs every case (or the one given by {@value #SEED_PROPERTY}) and reports. */
    public Report run(Generator generator, Check check) throws IOException {
        String replay = System.getProperty(SEED_PROPERTY);
        List<Long> seeds = new ArrayList<>();
        if (replay != null && !replay.isBlank()) {
            String s = replay.strip().toLowerCase(Locale.ROOT);
            seeds.add(Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16));
        } else {
            for (int i = 0; i < cases; i++) {
                seeds.add(seed(baseSeed, i));
            }
        }
        Worker worker = new Worker();
        try {
            long start = System.nanoTime();
            Map<String, Failure> failures = new LinkedHashMap<>();
            List<long[]> slowest = new ArrayList<>();
            int timeouts = 0;
            int run = 0;
            for (long seed : seeds) {
                Input input = generator.generate(seed);
                long caseStart = System.nanoTime();
                // Once one case has run out of time the slowness is known: later ones get less, so
                // that a slow parser costs the run seconds, not minutes.
                Throwable thrown = worker.run(check, input, timeouts == 0 ? timeout : shortTimeout());
                long millis = (System.nanoTime() - caseStart) / 1_000_000;
                run++;
                if (replay != null) {
                    Path saved = save(test, input);
                    System.out.println(test + " case " + hex(seed) + ": " + millis + " ms, " + (thrown == null ? "passed" : "failed")
                            + "; made by: " + String.join("; ", input.mutations()) + "; input saved in " + saved);
                }
                slowest.add(new long[] {millis, seed});
                slowest.sort(Comparator.comparingLong((long[] s) -> -s[0]));
                if (slowest.size() > 3) {
                    slowest.remove(3);
                }
                if (thrown == null) {
                    continue;
                }
                String signature = signature(thrown);
                failures.computeIfAbsent(signature, k -> new Failure(k, input, thrown)).count++;
                if (thrown instanceof Timeout && ++timeouts >= MAX_TIMEOUTS) {
                    break;
                }
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            long cpu = worker.cpuNanos / 1_000_000;
            String seconds = System.getProperty(SHRINK_PROPERTY);
            Duration budget = seconds == null || seconds.isBlank() ? shrinkBudget : Duration.ofSeconds(Long.parseLong(seconds.strip()));
            boolean shrink = !budget.isZero();
            long deadline = System.nanoTime() + budget.toNanos();
            int left = failures.size();
            for (Failure f : failures.values()) {
                long share = (deadline - System.nanoTime()) / left--;
                if (shrink && !(f.thrown instanceof Timeout) && share > 0) {
                    f.minimal = shrink(f.input, f.signature, check, worker, System.nanoTime() + share);
                }
                f.saved = save(f);
            }
            return new Report(test, run, seeds.size(), elapsed, cpu, List.copyOf(failures.values()), slowest, replay != null);
        } finally {
            worker.shutdown();
        }
    }

    private Duration shortTimeout() {
        return timeout.dividedBy(3);
    }

    /** Runs cases one at a time on a daemon thread, stopped and replaced when a case times out. */
    private static final class Worker {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private Thread thread;
        private ExecutorService executor = newExecutor();
        /** Processor time the cases took on the worker thread, timed-out ones included. */
        long cpuNanos;

        private ExecutorService newExecutor() {
            return Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fuzz-case");
                t.setDaemon(true);
                thread = t;
                return t;
            });
        }

        /**
         * The failure of {@code check} on {@code input}, or {@code null}. The case may use
         * {@code limit} of processor time on its thread, so that a busy machine does not make a
         * slow case of a fast one; and, for work it hands to other threads, three times that in
         * elapsed time.
         */
        Throwable run(Check check, Input input, Duration limit) {
            // Between cases the worker is idle; a new worker (after a timeout) starts from nothing.
            long cpuStart = thread == null ? 0 : cpuTime();
            Future<?> future = executor.submit(() -> {
                check.check(input);
                return null;
            });
            long wallLimit = System.nanoTime() + 3 * limit.toNanos();
            while (true) {
                try {
                    future.get(20, TimeUnit.MILLISECONDS);
                    cpuNanos += cpuTime() - cpuStart;
                    return null;
                } catch (ExecutionException e) {
                    cpuNanos += cpuTime() - cpuStart;
                    return e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return e;
                } catch (TimeoutException e) {
                    long cpu = cpuTime();
                    if (cpu - cpuStart > limit.toNanos() || System.nanoTime() > wallLimit) {
                        cpuNanos += cpu - cpuStart;
                        future.cancel(true);
                        executor.shutdownNow();
                        stop(thread);
                        executor = newExecutor();
                        return new Timeout(limit);
                    }
                }
            }
        }

        /** The processor time of the worker thread so far, in nanoseconds (0 where the JVM does not measure it). */
        private long cpuTime() {
            long t = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.getId()) : -1;
            return Math.max(0, t);
        }

        /**
         * Stops a case stuck in a parser's loop: it checks no interrupt, and left running it would
         * take a core from every case after it. The case's data is its own, so nothing shared is
         * left half-changed. Java 20 and later refuse; the daemon thread then runs on until the JVM ends.
         */
        @SuppressWarnings("deprecation")
        private static void stop(Thread t) {
            try {
                t.stop();
            } catch (UnsupportedOperationException e) {
                // nothing more to do
            }
        }

        void shutdown() {
            executor.shutdownNow();
        }
    }

    // ---- grouping ----

    /**
     * What makes two failures the same: the invariant broken, or the exception's type with the
     * frame that threw it and the first frame of Gazette's own code. A stack overflow's top frame
     * is wherever the recursion happened to run out, so it is named by the methods of the recursion.
     */
    static String signature(Throwable t) {
        if (t instanceof Violation v) {
            return "invariant broken: " + v.invariant();
        }
        if (t instanceof Timeout) {
            return "timeout: a case ran out of processor time";
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (t instanceof StackOverflowError) {
            // The methods of the recursion: those met several times in the trace's top frames. Where
            // the trace is cut moves each count by one, not which methods recur.
            Map<String, Integer> counts = new HashMap<>();
            for (StackTraceElement e : trace) {
                counts.merge(e.getClassName() + "." + e.getMethodName(), 1, Integer::sum);
            }
            List<String> recurring = counts.entrySet().stream().filter(e -> e.getValue() >= 3).map(Map.Entry::getKey).sorted().toList();
            String own = ownFrame(trace);
            return "java.lang.StackOverflowError, recurring through " + String.join(", ", recurring)
                    + (own != null ? " from " + own : "");
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String type = t.getClass().getName() + (root != t ? " (caused by " + root.getClass().getName() + ")" : "");
        if (trace.length == 0) {
            return type;
        }
        String top = trace[0].toString();
        String own = ownFrame(trace);
        return type + " at " + top + (own != null && !own.equals(top) ? " from " + own : "");
    }

    private static String ownFrame(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            if (e.getClassName().startsWith("dev.gazette.") && !e.getClassName().startsWith("dev.gazette.fuzz.")) {
                return e.toString();
            }
        }
        return null;
    }

    // ---- shrinking ----

    /** A smaller input failing with the same signature: whole files dropped, then lines, then bytes. */
    private Input shrink(Input input, String signature, Check check, Worker worker, long deadline) {
        Input best = input;
        if (best.files().size() > 1) {
            List<String> names = new ArrayList<>(best.files().keySet());
            for (String name : names) {
                if (System.nanoTime() > deadline) {
                    return best;
                }
                Map<String, byte[]> fewer = new LinkedHashMap<>(best.files());
                fewer.remove(name);
                Input candidate = best.with(fewer);
                if (signature.equals(signatureOf(worker.run(check, candidate, shortTimeout())))) {
                    best = candidate;
                }
            }
        }
        for (String name : new ArrayList<>(best.files().keySet())) {
            for (boolean byLines : new boolean[] {true, false}) {
                Input current = best;
                byte[] shrunk = removeChunks(best.files().get(name), byLines, bytes -> {
                    Map<String, byte[]> files = new LinkedHashMap<>(current.files());
                    files.put(name, bytes);
                    return signature.equals(signatureOf(worker.run(check, current.with(files), shortTimeout())));
                }, deadline);
                Map<String, byte[]> files = new LinkedHashMap<>(best.files());
                files.put(name, shrunk);
                best = best.with(files);
            }
        }
        return best;
    }

    private static String signatureOf(Throwable t) {
        return t == null ? null : signature(t);
    }

    /**
     * Removes chunks of lines (or bytes) while the input still fails: halves first, then quarters,
     * down to single units, as delta debugging does.
     */
    private static byte[] removeChunks(byte[] data, boolean byLines, Predicate<byte[]> fails, long deadline) {
        List<byte[]> units = new ArrayList<>();
        if (byLines) {
            for (int[] line : Mutator.lines(data)) {
                int end = Math.min(data.length, line[1] + 1);
                if (end > line[0]) {
                    units.add(Arrays.copyOfRange(data, line[0], end));
                }
            }
        } else {
            for (byte b : data) {
                units.add(new byte[] {b});
            }
        }
        for (int size = Math.max(1, units.size() / 2); size >= 1; size /= 2) {
            int i = 0;
            while (i < units.size()) {
                if (System.nanoTime() > deadline) {
                    return join(units);
                }
                List<byte[]> candidate = new ArrayList<>(units.subList(0, i));
                candidate.addAll(units.subList(Math.min(units.size(), i + size), units.size()));
                if (fails.test(join(candidate))) {
                    units = candidate;
                } else {
                    i += size;
                }
            }
        }
        return join(units);
    }

    private static byte[] join(List<byte[]> units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        units.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Writes the (shrunk) input under {@code target/fuzz-failures/}, to replay it by hand; returns the folder. */
    private Path save(Failure f) {
        return save(test + (f.minimal != null ? "-shrunk" : ""), f.minimal != null ? f.minimal : f.input);
    }

    private static Path save(String test, Input input) {
        Path dir = FAILURES.resolve(test.replace('#', '.') + "-" + hex(input.seed()));
        try {
            Files.createDirectories(dir);
            int i = 0;
            for (Map.Entry<String, byte[]> file : input.files().entrySet()) {
                String safe = file.getKey().replaceAll("[^A-Za-z0-9._-]", "_");
                Files.write(dir.resolve(String.format("%02d-%s", i++, safe)), file.getValue());
            }
            return dir;
        } catch (IOException e) {
            return null;
        }
    }

    // ---- reporting ----

    /** One distinct failure: its first input, how many cases failed so, and a shrunk input when found. */
    public static final class Failure {
        final String signature;
        final Input input;
        final Throwable thrown;
        int count;
        Input minimal;
        Path saved;

        Failure(String signature, Input input, Throwable thrown) {
            this.signature = signature;
            this.input = input;
            this.thrown = thrown;
        }
    }

    /** What a run found. */
    public static final class Report {
        private final String test;
        private final int run;
        private final int planned;
        private final long millis;
        private final long cpuMillis;
        private final List<Failure> failures;
        private final List<long[]> slowest;
        private final boolean replay;

        Report(String test, int run, int planned, long millis, long cpuMillis, List<Failure> failures, List<long[]> slowest,
               boolean replay) {
            this.test = test;
            this.run = run;
            this.planned = planned;
            this.millis = millis;
            this.cpuMillis = cpuMillis;
            this.failures = failures;
            this.slowest = slowest;
            this.replay = replay;
        }

        public List<Failure> failures() {
            return failures;
        }

        /** One line: cases, time, distinct failures, slowest cases. */
        public String summary() {
            int failed = failures.stream().mapToInt(f -> f.count).sum();
            StringBuilder out = new StringBuilder(test).append(": ").append(run).append(run < planned ? " of " + planned : "")
                    .append(" cases in ").append(String.format(Locale.ROOT, "%.1f s (%.1f s of processor time on the case thread), ",
                            millis / 1000.0, cpuMillis / 1000.0))
                    .append(failures.size()).append(" distinct failure(s) in ").append(failed).append(" case(s); slowest:");
            for (long[] s : slowest) {
                out.append(' ').append(hex(s[1])).append(" (").append(s[0]).append(" ms)");
            }
            return out.toString();
        }

        /** The summary and every distinct failure with its seed, replay command, frames and smallest input. */
        public String describe() {
            StringBuilder out = new StringBuilder(summary()).append('\n');
            int n = 0;
            for (Failure f : failures) {
                Input shown = f.minimal != null ? f.minimal : f.input;
                out.append("\n[").append(++n).append("] ").append(f.signature).append('\n');
                out.append("    ").append(f.count).append(" case(s); first seed ").append(hex(f.input.seed())).append('\n');
                out.append("    replay: mvn -B -q test -Dtest='").append(test).append("' -D").append(SEED_PROPERTY).append('=')
                        .append(hex(f.input.seed())).append('\n');
                out.append("    made by: ").append(String.join("; ", f.input.mutations())).append('\n');
                out.append("    message: ").append(abbreviate(String.valueOf(f.thrown.getMessage()), 300)).append('\n');
                StackTraceElement[] trace = f.thrown.getStackTrace();
                for (int i = 0; i < Math.min(replay ? trace.length : 8, trace.length); i++) {
                    out.append("      at ").append(trace[i]).append('\n');
                }
                String own = ownFrame(trace);
                if (own != null && trace.length > 8 && !replay) {
                    out.append("      … at ").append(own).append('\n');
                }
                out.append(f.minimal != null
                        ? "    shrunk input (" + f.input.size() + " → " + shown.size() + " bytes)"
                        : "    input (" + shown.size() + " bytes)")
                        .append(f.saved != null ? ", saved in " + f.saved : "").append(":\n");
                for (Map.Entry<String, byte[]> file : shown.files().entrySet()) {
                    if (shown.changed().contains(file.getKey())) {
                        out.append("      ").append(file.getKey()).append(": ").append(Texts.show(file.getValue(), replay ? 20_000 : 700))
                                .append('\n');
                    } else {
                        out.append("      ").append(file.getKey()).append(": (its sample, unchanged)\n");
                    }
                }
            }
            return out.toString();
        }

        private static String abbreviate(String s, int max) {
            String one = s.replace("\n", " ⏎ ");
            return one.length() <= max ? one : one.substring(0, max) + "…";
        }
    }
}
