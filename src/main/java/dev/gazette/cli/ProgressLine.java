package dev.gazette.cli;

import dev.gazette.pipeline.BuildProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A long build's progress, on one line of the terminal redrawn in place ("Building: render
 * 12,345/23,644 pages (52 %)"), and wiped before the summary. Shown only on a terminal, never in
 * CI, with {@code --quiet} or to a pipe or file (where it would be noise), and only once a build
 * has run for {@link #DELAY_MILLIS}: a short build prints its summary alone.
 */
final class ProgressLine implements AutoCloseable {

    static final long DELAY_MILLIS = 1_000;
    private static final long EVERY_MILLIS = 200;

    private final ScheduledExecutorService ticker;
    private final PrintWriter terminal;
    private boolean drawn;
    private boolean closed;

    private ProgressLine(ScheduledExecutorService ticker, PrintWriter terminal) {
        this.ticker = ticker;
        this.terminal = terminal;
    }

    /** Starts drawing {@code progress} when it is worth it (see the class comment); a no-op line otherwise. */
    static ProgressLine start(BuildProgress progress, boolean quiet) {
        java.io.Console console = System.console();
        if (!shown(quiet, console != null, System.getenv())) {
            return new ProgressLine(null, null);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gazette-progress");
            t.setDaemon(true);
            return t;
        });
        ProgressLine line = new ProgressLine(ticker, console.writer());
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> line.draw(describe(progress.now(), (System.nanoTime() - start) / 1_000_000)),
                DELAY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        return line;
    }

    /** Whether to draw at all: a terminal, not {@code --quiet}, not CI (its {@code CI} variable), not a dumb terminal. */
    static boolean shown(boolean quiet, boolean terminal, Map<String, String> env) {
        return !quiet && terminal && env.get("CI") == null && !"dumb".equals(env.get("TERM"));
    }

    /** "Building: render 12,345/23,644 pages (52 %), 8 s": the step, its count when it has one, the time so far. */
    static String describe(BuildProgress.Snapshot s, long elapsedMillis) {
        StringBuilder line = new StringBuilder("Building: ").append(s.step().isEmpty() ? "starting" : s.step());
        if (s.total() > 0) {
            String unit = switch (s.step()) {
                case "parse" -> "sources";
                case "render" -> "pages";
                default -> "items";
            };
            line.append(String.format(Locale.ROOT, " %,d/%,d %s (%d %%)", s.done(), s.total(), unit, s.done() * 100 / s.total()));
        } else {
            line.append('…');
        }
        return line.append(", ").append(elapsedMillis / 1000).append(" s").toString();
    }

    private synchronized void draw(String text) {
        if (closed) {
            return; // a tick that waited for close(): the summary's line is not to be drawn over
        }
        terminal.print("\r" + text + "\u001B[K");
        terminal.flush();
        drawn = true;
    }

    /** Stops drawing and wipes the line, so that the summary starts on a clean one. */
    @Override
    public synchronized void close() {
        if (ticker == null) {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        if (drawn) {
            terminal.print("\r\u001B[K");
            terminal.flush();
        }
    }
}
