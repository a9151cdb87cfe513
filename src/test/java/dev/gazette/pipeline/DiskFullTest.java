package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that fills the disk fails with an error naming the output, and leaves nothing behind:
 * no staging folder keeps the disk full. Runs on a real full disk, a 1 MiB tmpfs, where the test
 * may mount one (as root on Linux, as in CI); skipped elsewhere.
 */
class DiskFullTest {

    @TempDir
    Path tmp;

    private Path disk;
    private boolean mounted;

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @BeforeEach
    void smallDisk() throws Exception {
        disk = Files.createDirectories(tmp.resolve("disk"));
        mounted = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here (needs root on Linux)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", disk.toString());
        }
    }

    @Test
    void aFullDiskIsAnErrorAndLeavesNoStagingFolder() throws IOException {
        // The sample site is about 1.7 MB: it cannot fit.
        BuildReport report = SiteBuilderTest.build(Path.of("articles"), disk.resolve("site"));
        assertFalse(report.succeeded());
        List<Problem> errors = report.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).message().contains("No space left"), errors.get(0).message());
        try (Stream<Path> left = Files.list(disk)) {
            assertEquals(List.of(".site.lock"), left.map(p -> p.getFileName().toString()).toList(),
                    "the staging folder is gone, and with it the space it took");
        }
    }
}
