package dev.gazette.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What a reader or an editor sees, in a real browser: runs the scripts of {@code src/test/browser}
 * (headless Chromium, Debian's package, driven by npm's playwright-core) against the packaged jar.
 *
 * <p>Without Node or Chromium the tests are skipped with a message, so that {@code mvn verify} works
 * on a bare machine; {@code .ci/run} installs both and sets {@code GAZETTE_BROWSER_TESTS=required},
 * so in CI a missing browser is a failure, never a silent skip.
 */
class BrowserIT {

    private static final Path SCRIPTS = Path.of("src/test/browser");

    @Test
    void browserTestsPass() throws Exception {
        boolean required = "required".equals(System.getenv("GAZETTE_BROWSER_TESTS"));
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        String missing = !onPath("node") || !onPath("npm") ? "Node.js (node, npm)" : !Files.isExecutable(Path.of(chromium)) ? "Chromium (" + chromium + ")" : null;
        if (missing != null) {
            if (required) {
                throw new AssertionError("the browser tests need " + missing + ": install it (Debian: apt-get install chromium nodejs npm)");
            }
            Assumptions.abort("browser tests skipped: " + missing + " is not installed (.ci/run installs it)");
        }
        Files.deleteIfExists(Path.of("target/browser-tests.log"));
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        }
        assertEquals(0, run(List.of("npm", "test"), 900), "browser tests failed: see their output above");
    }

    private static int run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        // The output goes to a file, not to this JVM's stdout, which the test runner reads as its own channel.
        Path log = Files.createDirectories(Path.of("target")).resolve("browser-tests.log");
        Process p = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        // The figures the scripts measure, and every failure, in the build's log.
        lines.stream().filter(l -> l.startsWith("# ") && l.contains(" ms") && !l.contains("duration_ms") || l.startsWith("not ok") || l.contains("Error"))
                .forEach(System.out::println);
        if (!ended) {
            throw new AssertionError(String.join(" ", command) + " took more than " + timeoutSeconds + " s; its output: " + log.toAbsolutePath());
        }
        if (p.exitValue() != 0) {
            System.out.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size())));
        }
        return p.exitValue();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
