package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the sample site and broken fixture sites end to end. */
class SiteBuilderTest {

    private static final Instant NOW = Instant.parse("2025-09-13T00:00:00Z");

    /** Builds {@code source} as the sample site is built: its configuration and theme, a fixed clock. */
    static BuildReport build(Path source, Path out) {
        return SiteBuilder.build(new BuildOptions(source, Path.of("templates"), out, Path.of("site.yml"), null, false, false, NOW, 2));
    }

    /** The files under {@code root} whose name ends with {@code suffix}, sorted. */
    static List<Path> filesUnder(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void sampleSiteHasTheSeedArticleWithRelatedLinks(@TempDir Path tmp) throws IOException {
        BuildReport report = build(Path.of("articles"), tmp.resolve("out"));
        assertTrue(report.succeeded(), () -> report.problems().toString());
        Path page = tmp.resolve("out/politique").resolve(
                "partenariat-strategique-approfondi-menu-entretien-telephonique-nasser-bourita/index.html");
        assertTrue(Files.exists(page), "seed page at its clean URL");
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        assertEquals("fr", doc.selectFirst("html").attr("lang"));
        assertTrue(doc.selectFirst("h1").text().startsWith("Le partenariat stratégique approfondi"));
        assertTrue(doc.text().contains("Le 09/09/2025 à 18h36"));
        assertEquals(9, doc.select("ul.tags a").size());
        assertTrue(doc.select("ul.tags a").stream().anyMatch(a -> a.attr("href").endsWith("tags/serguei-lavrov/")));
        List<String> related = doc.select("[class*=related] a").eachAttr("href");
        assertFalse(related.isEmpty());
        assertTrue(related.stream().anyMatch(h -> h.contains("maroc-russie-partenariats")), related::toString);
        assertFalse(doc.text().contains("Articles les plus lus"));
    }

    @Test
    void twoBuildsAreByteIdentical(@TempDir Path tmp) throws IOException {
        assertTrue(build(Path.of("articles"), tmp.resolve("a")).succeeded());
        assertTrue(build(Path.of("articles"), tmp.resolve("b")).succeeded());
        List<Path> files = filesUnder(tmp.resolve("a"), "");
        assertTrue(files.size() > 50);
        for (Path f : files) {
            Path twin = tmp.resolve("b").resolve(tmp.resolve("a").relativize(f));
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(twin)), f.toString());
        }
    }

    @Test
    void brokenSiteReportsEveryProblemAndKeepsThePreviousSite(@TempDir Path tmp) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("no-title.md"), "---\ndate: 2025-09-01\n---\nBody\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("bad-date.md"), "---\ntitle: A\ndate: hier\n---\nBody\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("escape.md"), "---\ntitle: B\ndate: 2025-09-01\nslug: ../../etc\n---\nBody\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("one.md"), "---\ntitle: C\ndate: 2025-09-01\nslug: same\n---\nBody\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("two.md"), "---\ntitle: D\ndate: 2025-09-02\nslug: same\n---\nBody\n", StandardCharsets.UTF_8);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve(dev.gazette.output.SiteOutput.MARKER), "made by Gazette");
        Files.writeString(out.resolve("index.html"), "previous site");
        BuildReport report = build(src, out);
        assertFalse(report.succeeded());
        List<String> errors = report.problems().stream().filter(Problem::isError).map(Problem::describe).toList();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("no-title.md:1: error: `title`")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("bad-date.md:3: error: `date`")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("escape.md:4: error: `slug`")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("`same`")), errors::toString);
        assertEquals("previous site", Files.readString(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of(".out.lock", "out", "src"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder left behind (the lock file stays, empty of meaning once the build is over)");
        }
    }
}
