package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A step beside the build's thread gives its result or its failure at the join, and closing it waits for it. */
class BesideTest {

    @Test
    void theJoinGivesTheResultAndTheStepsOwnTime() throws IOException {
        try (Beside<String> step = Beside.start("test-step", () -> {
            sleep(60);
            return Thread.currentThread().getName();
        })) {
            assertEquals("test-step", step.join(), "its own thread");
            assertTrue(step.millis() >= 50, () -> step.millis() + " ms");
        }
    }

    @Test
    void whatTheStepThrewIsThrownAtTheJoin() {
        Beside<String> io = Beside.start("test-io", () -> {
            throw new IOException("disk full");
        });
        assertEquals("disk full", assertThrows(IOException.class, io::join).getMessage());
        Beside<String> bug = Beside.start("test-bug", () -> {
            throw new IllegalStateException("a bug");
        });
        assertEquals("a bug", assertThrows(IllegalStateException.class, bug::join).getMessage());
        io.close();
        bug.close();
    }

    @Test
    void closingWaitsForTheStepThatWasNotJoined() throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Beside<Void> step = Beside.start("test-close", () -> {
            started.countDown();
            sleep(100);
            done.set(true);
            throw new IOException("left to the join, which a failed build does not ask for");
        });
        started.await();
        step.close();
        assertTrue(done.get(), "closed only once the step had ended");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
