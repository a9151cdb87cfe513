package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.output.Manifest;
import dev.gazette.output.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed at any moment (SIGKILL, so no clean-up runs) leaves the previous site or the new
 * one, complete, never none or a mix; and a cache the next build can use: that build writes what a
 * clean build writes.
 */
class KilledBuildTest {

    private static final Instant NOW = Instant.parse("2025-09-13T00:00:00Z");

    @TempDir
    Path tmp;

    private Path articles;
    private Path config;

    private void site(int count) throws IOException {
        articles = Files.createDirectories(tmp.resolve("articles"));
        config = Files.writeString(tmp.resolve("site.yml"), "title: Gazette\nbaseUrl: https://test.example/\nlanguage: fr\n");
        for (int i = 0; i < count; i++) {
            Files.writeString(articles.resolve("a" + i + ".md"), "---\ntitle: Article numéro " + i + "\ndate: 2025-09-"
                    + String.format("%02d", 1 + i % 12) + "T10:00:00+01:00\ncategory: " + (i % 2 == 0 ? "Politique" : "Économie")
                    + "\ntags: [Maroc, T" + (i % 7) + "]\n---\nCorps de l’article " + i + " sur le port et le gazoduc.\n",
                    StandardCharsets.UTF_8);
        }
    }

    /** Starts `gazette build` in its own JVM, on this test's class path. */
    private Process start(Path out, Path cache) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.gazette.cli.Main",
                "build", "--source", articles.toString(), "--config", config.toString(), "--templates", tmp.resolve("no-templates").toString(),
                "--out", out.toString(), "--cache", cache.toString(), "--now", NOW.toString(), "--quiet"));
        command.removeIf(String::isEmpty);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
    }

    /** The site at {@code out} is whole: its manifest lists exactly its files, with their sizes. */
    private static void assertWhole(Path out, String context) throws IOException {
        assertTrue(Files.isRegularFile(out.resolve(SiteOutput.MARKER)), context);
        Map<String, byte[]> files = CacheEquivalenceTest.tree(out);
        String manifest = new String(files.remove(Manifest.FILE), StandardCharsets.UTF_8);
        List<String> lines = manifest.lines().skip(1).toList();
        assertEquals(files.size(), lines.size(), context + ": the manifest lists every file");
        for (String line : lines) {
            String[] parts = line.split("\t");
            assertTrue(files.containsKey(parts[0]), context + ": " + parts[0]);
            assertEquals(Long.parseLong(parts[1]), files.get(parts[0]).length, context + ": " + parts[0]);
        }
    }

    @Test
    void aKillAtAnyMomentLeavesACompleteSiteAndAUsableCache() throws Exception {
        site(60);
        Files.createDirectories(tmp.resolve("no-templates"));
        Path out = tmp.resolve("site-out");
        Path cache = tmp.resolve(".gazette");
        BuildOptions options = new BuildOptions(articles, tmp.resolve("no-templates"), out, config, null, false, false, NOW, 2, cache);
        assertTrue(SiteBuilder.build(options).succeeded());
        long[] delays = {150, 400, 700, 1000, 1400, 1900, 2600};
        for (int round = 0; round < delays.length; round++) {
            // Every round changes the site, so a killed build has something new to write.
            Files.writeString(articles.resolve("a" + round + ".md"),
                    Files.readString(articles.resolve("a" + round + ".md")) + "\nAjout " + round + ".\n");
            Process build = start(out, cache);
            boolean ended = build.waitFor(delays[round], TimeUnit.MILLISECONDS);
            if (!ended) {
                build.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String context = "round " + round + " (killed after " + delays[round] + " ms: " + !ended + ")";
            assertWhole(out, context);
            BuildReport after = SiteBuilder.build(options);
            assertTrue(after.succeeded(), () -> context + ": " + after.problems());
            Path clean = tmp.resolve("clean-" + round);
            assertTrue(SiteBuilder.build(new BuildOptions(articles, tmp.resolve("no-templates"), clean, config, null, false, false, NOW, 2))
                    .succeeded());
            Map<String, byte[]> expected = CacheEquivalenceTest.tree(clean);
            Map<String, byte[]> actual = CacheEquivalenceTest.tree(out);
            assertEquals(expected.keySet(), actual.keySet(), context);
            expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), context + ": " + k));
        }
    }
}
