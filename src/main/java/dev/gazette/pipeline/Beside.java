package dev.gazette.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A step run on a thread of its own, beside the steps that follow it on the build's thread, for a
 * step that needs nothing they make and whose work is mostly on one core. Closing it waits for it:
 * a build that fails before it joins must not close the output folder under a step still writing.
 */
final class Beside<T> implements AutoCloseable {

    /** The step's work. */
    interface Work<T> {
        T run() throws IOException;
    }

    private final CompletableFuture<T> result;
    private volatile long millis;

    private Beside(Work<T> work, String threadName) {
        result = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                millis = (System.nanoTime() - start) / 1_000_000;
            }
        }, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Starts {@code work} now, on a new thread named {@code threadName}. */
    static <T> Beside<T> start(String threadName, Work<T> work) {
        return new Beside<>(work, threadName);
    }

    /** The step's result, once it is done; what it threw, thrown again here. */
    T join() throws IOException {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The step's own wall time, once it is done. */
    long millis() {
        return millis;
    }

    /** Waits for the step, its outcome left to {@link #join} (a build that failed before it does not ask). */
    @Override
    public void close() {
        try {
            result.handle((value, failure) -> null).join();
        } catch (RuntimeException e) {
            // handle() completes normally; nothing else to wait for
        }
    }
}
