package dev.gazette.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a running build is: its step, and for the steps that go item by item (sources parsed,
 * pages rendered, feeds written) how many of how many. The build only counts; whoever shows it
 * (the command line, on a terminal) reads {@link #now()} when it likes, from another thread.
 */
public final class BuildProgress {

    /** A build's place: {@code total} is 0 for a step that is not counted item by item. */
    public record Snapshot(String step, long done, long total) {
    }

    private volatile String step = "";
    private volatile long total;
    private final AtomicLong done = new AtomicLong();

    /** Enters {@code name}, which has {@code items} items to go through (0: not counted). */
    void step(String name, long items) {
        done.set(0);
        total = items;
        step = name;
    }

    /** One more item of the current step done. */
    void advance() {
        done.incrementAndGet();
    }

    /** The current step and count; may mix two steps' figures for an instant, never more than its total. */
    public Snapshot now() {
        long t = total;
        return new Snapshot(step, Math.min(done.get(), t == 0 ? Long.MAX_VALUE : t), t);
    }
}
