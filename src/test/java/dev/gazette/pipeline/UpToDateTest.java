package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.cache.BuildCache;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date stage: a build with nothing to do ends at once, and nothing else is taken for one. */
class UpToDateTest {

    private static final Instant NOW = Instant.parse("2025-09-13T00:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");

    @TempDir
    Path tmp;

    private Path site;
    private Path articles;
    private Path out;
    private Path cache;

    private void newSite() throws IOException {
        site = tmp.resolve("site");
        articles = Files.createDirectories(site.resolve("articles"));
        out = site.resolve("site-out");
        cache = site.resolve(".gazette");
        Files.writeString(site.resolve("site.yml"), "title: Gazette du test\nbaseUrl: https://test.example/\nlanguage: fr\n"
                + "timeZone: Africa/Casablanca\nmostRead: most-read.csv\n", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("most-read.csv"), "page,views\n", StandardCharsets.UTF_8);
        article("a.md", "Maroc et Russie", "2025-09-10T10:00:00+01:00", "Politique", "");
        article("b.md", "Le port de Tanger", "2025-09-11T10:00:00+01:00", "Économie", "");
        // A warning the replayed report must say again: a caption without an image.
        article("c.md", "Gazoduc", "2025-09-12T10:00:00+01:00", "Économie", "caption: Une photo sans image\n");
        article("d.md", "Brouillon", "2025-09-12T11:00:00+01:00", "Sport", "draft: true\n");
        // Published at 2025-09-14T09:00Z: after NOW.
        article("e.md", "Programmé", "2025-09-14T10:00:00+01:00", "Sport", "");
        age();
    }

    private void article(String name, String title, String date, String rubric, String extra) throws IOException {
        Files.writeString(articles.resolve(name), "---\ntitle: \"" + title + "\"\ndate: " + date + "\ncategory: " + rubric
                + "\ntags: [Maroc]\nsummary: \"Un résumé.\"\n" + extra + "---\nUn corps de texte assez long pour l’analyse.\n", StandardCharsets.UTF_8);
    }

    /** Sets every input's time well before the build, so that the stage may trust them (see {@link UpToDate#RACY_MILLIS}). */
    private void age() throws IOException {
        age(Instant.now().minusSeconds(600));
    }

    private void age(Instant time) throws IOException {
        // Never a walk of the whole site: an old output folder beside it may be deleted in the
        // background while we look.
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(articles)) {
            walk.filter(Files::isRegularFile).forEach(inputs::add);
        }
        try (Stream<Path> top = Files.list(site)) {
            top.filter(Files::isRegularFile).forEach(inputs::add);
        }
        for (Path f : inputs) {
            Files.setLastModifiedTime(f, FileTime.from(time));
        }
    }

    private BuildReport build(Instant now) {
        return SiteBuilder.build(new BuildOptions(articles, site.resolve("templates"), out, site.resolve("site.yml"), null, false, false,
                now, 2, cache));
    }

    private static boolean endedAtOnce(BuildReport report) {
        return report.stepMillis().containsKey("up-to-date");
    }

    @Test
    void aSecondBuildWithNothingChangedTouchesNothingAndSaysWhatTheFirstSaid() throws IOException {
        newSite();
        BuildReport first = build(NOW);
        assertTrue(first.succeeded(), () -> first.problems().toString());
        assertFalse(endedAtOnce(first));
        FileTime home = Files.getLastModifiedTime(out.resolve("index.html"));
        Object folder = Files.readAttributes(out, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        BuildReport again = build(NOW.plusSeconds(60));
        assertTrue(endedAtOnce(again), () -> again.stepMillis().toString());
        assertEquals(0, again.pagesRendered());
        assertEquals(0, again.filesWritten());
        assertEquals(0, again.filesRemoved());
        assertEquals(first.filesWritten() + first.filesUnchanged(), again.filesUnchanged());
        assertEquals(first.pages(), again.pages());
        assertEquals(first.webFiles(), again.webFiles());
        assertEquals(first.articles(), again.articles());
        assertEquals(first.skipped(), again.skipped());
        assertEquals(2, again.skipped().size(), "the draft and the article to come");
        assertEquals(first.problems(), again.problems());
        assertTrue(again.problems().stream().anyMatch(p -> "caption".equals(p.field())), "the caption's warning is said again");
        assertEquals(home, Files.getLastModifiedTime(out.resolve("index.html")));
        assertEquals(folder, Files.readAttributes(out, java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "the same folder, not swapped");
    }

    @Test
    void eachKindOfChangeDoesTheWork() throws IOException {
        newSite();
        assertTrue(build(NOW).succeeded());
        assertTrue(endedAtOnce(build(NOW)));

        Files.writeString(articles.resolve("b.md"), Files.readString(articles.resolve("b.md")) + "\nUn paragraphe de plus.\n");
        age(Instant.now().minusSeconds(500));
        assertFalse(endedAtOnce(build(NOW)), "an article's body");
        assertTrue(endedAtOnce(build(NOW)));

        Files.writeString(site.resolve("most-read.csv"), "page,views\nmaroc-russie,12\n");
        age(Instant.now().minusSeconds(400));
        assertFalse(endedAtOnce(build(NOW)), "the most-read file, named by site.yml");
        assertTrue(endedAtOnce(build(NOW)));

        Files.createDirectories(site.resolve("templates"));
        Files.writeString(site.resolve("templates/footer-extra.ftlh"), "<#-- nothing -->\n");
        Files.setLastModifiedTime(site.resolve("templates/footer-extra.ftlh"), FileTime.from(Instant.now().minusSeconds(300)));
        assertFalse(endedAtOnce(build(NOW)), "a template file");
        assertTrue(endedAtOnce(build(NOW)));

        Files.delete(articles.resolve("a.md"));
        assertFalse(endedAtOnce(build(NOW)), "an article deleted");
        assertTrue(endedAtOnce(build(NOW)));

        assertFalse(endedAtOnce(SiteBuilder.build(new BuildOptions(articles, site.resolve("templates"), out, site.resolve("site.yml"), null,
                true, false, NOW, 2, cache))), "another option (--drafts)");
    }

    @Test
    void theOutputMustBeTheOneTheLastBuildLeft() throws IOException {
        newSite();
        assertTrue(build(NOW).succeeded());
        Files.delete(out.resolve("index.html"));
        Files.writeString(out.resolve("stray.txt"), "added by hand");
        BuildReport report = build(NOW);
        assertFalse(endedAtOnce(report), "a file added in the output's root changes its time");
        assertTrue(Files.isRegularFile(out.resolve("index.html")));

        deleteTree(out);
        BuildReport again = build(NOW);
        assertFalse(endedAtOnce(again), "the output is gone");
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theBuildsTimeMovesFreelyUntilAnArticleComesOrLeavesTheNewsSitemap() throws IOException {
        newSite();
        assertTrue(build(NOW).succeeded());
        assertTrue(endedAtOnce(build(NOW.plus(Duration.ofHours(5)))));
        assertTrue(endedAtOnce(build(NOW.minus(Duration.ofHours(5)))), "back in time, with no date crossed");
        // e.md is published at 2025-09-14T09:00Z.
        BuildReport published = build(Instant.parse("2025-09-14T09:00:01Z"));
        assertFalse(endedAtOnce(published));
        assertEquals(1, published.skipped().size(), "only the draft is left out now");
        assertTrue(endedAtOnce(build(Instant.parse("2025-09-14T09:30:00Z"))));
        assertFalse(endedAtOnce(build(Instant.parse("2025-09-14T10:00:00Z"))), "the draft's date leaves the news sitemap's two days");
        assertFalse(endedAtOnce(build(NOW)), "back before it: it is to come again");
        assertEquals(2, build(NOW).skipped().size());
    }

    @Test
    void aFileChangedJustBeforeTheBuildIsKnownByItsBytesToo() throws IOException {
        newSite();
        assertTrue(build(NOW).succeeded());
        Path b = articles.resolve("b.md");
        String text = Files.readString(b);
        Files.writeString(b, text + "\nEncore.\n"); // just now: within the file system's clock tick of the look
        assertFalse(endedAtOnce(build(NOW)));
        assertTrue(endedAtOnce(build(NOW)), "its bytes are what the last build read");

        // A second change within the same tick: same size, same time, other bytes.
        FileTime time = Files.getLastModifiedTime(b);
        Object identity = Files.readAttributes(b, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Files.writeString(b, text + "\nEncorE.\n");
        Files.setLastModifiedTime(b, time);
        assertEquals(identity, Files.readAttributes(b, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        BuildReport report = build(NOW);
        assertFalse(endedAtOnce(report), "told apart by its bytes");
        assertTrue(report.pagesRendered() > 0);
    }

    /**
     * A source the look finds as the last build's snapshot took it (size, time and file) is taken
     * from the snapshot, unread: shown here by bytes changed behind the file system's back (its
     * time set back by hand), which the build then does not see. Its time moved, or the snapshot
     * damaged, it is read again.
     */
    @Test
    void anOldSourceFoundAsItWasIsTakenFromTheSnapshotUnread() throws IOException {
        newSite();
        assertTrue(build(NOW).succeeded());
        Path b = articles.resolve("b.md");
        FileTime time = Files.getLastModifiedTime(b);
        String text = Files.readString(b);
        Files.writeString(b, text.replace("Le port de Tanger", "LE PORT DE TANGER"));
        Files.setLastModifiedTime(b, time);
        article("f.md", "Une autre", "2025-09-12T12:00:00+01:00", "Sport", "");
        age(Instant.now().minusSeconds(300));
        Files.setLastModifiedTime(b, time);
        BuildReport unread = build(NOW);
        assertTrue(unread.succeeded(), () -> unread.problems().toString());
        assertFalse(endedAtOnce(unread));
        String home = Files.readString(out.resolve("index.html"));
        assertTrue(home.contains("Une autre"), "the new article is read");
        assertTrue(home.contains("Le port de Tanger") && !home.contains("LE PORT DE TANGER"), "b.md is taken from the snapshot");

        Files.setLastModifiedTime(b, FileTime.from(time.toInstant().plusSeconds(1)));
        assertTrue(build(NOW).succeeded());
        assertTrue(Files.readString(out.resolve("index.html")).contains("LE PORT DE TANGER"), "its time moved: read");

        Files.writeString(b, text);
        Files.setLastModifiedTime(b, FileTime.from(time.toInstant().plusSeconds(1)));
        try (Stream<Path> walk = Files.walk(cache.resolve("sources-snapshot"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                bytes[bytes.length / 2] ^= 0x5A;
                Files.write(f, bytes);
            }
        }
        article("g.md", "Encore une", "2025-09-12T13:00:00+01:00", "Sport", "");
        age(Instant.now().minusSeconds(200));
        Files.setLastModifiedTime(b, FileTime.from(time.toInstant().plusSeconds(1)));
        assertTrue(build(NOW).succeeded());
        assertTrue(Files.readString(out.resolve("index.html")).contains("Le port de Tanger"), "a damaged snapshot is not used");
    }

    @Test
    void aDamagedStampIsOnlyAMiss() throws IOException {
        newSite();
        assertTrue(build(NOW).succeeded());
        try (Stream<Path> walk = Files.walk(cache.resolve("stamp"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                bytes[bytes.length / 2] ^= 0x5A;
                Files.write(f, bytes);
            }
        }
        BuildReport report = build(NOW);
        assertTrue(report.succeeded());
        assertFalse(endedAtOnce(report));
        assertTrue(endedAtOnce(build(NOW)));
    }

    @Test
    void withoutACacheOrInThePreviewEveryBuildDoesTheWork() throws IOException {
        newSite();
        BuildOptions noCache = new BuildOptions(articles, site.resolve("templates"), out, site.resolve("site.yml"), null, false, false, NOW, 2);
        assertTrue(SiteBuilder.build(noCache).succeeded());
        assertFalse(endedAtOnce(SiteBuilder.build(noCache)));
        Rebuilds rebuilds = new Rebuilds();
        BuildOptions preview = new BuildOptions(articles, site.resolve("templates"), site.resolve(".gazette/preview"), site.resolve("site.yml"),
                null, false, false, NOW, 2, cache);
        assertTrue(SiteBuilder.build(preview, rebuilds).succeeded());
        assertFalse(endedAtOnce(SiteBuilder.build(preview, rebuilds)));
    }

    @Test
    void theWindowOfTimeIsBoundedByTheDatesThatChangeTheSite() {
        Instant d1 = Instant.parse("2025-09-10T09:00:00Z");
        Instant d2 = Instant.parse("2025-09-14T09:00:00Z");
        UpToDate.TimeWindow w = UpToDate.TimeWindow.around(NOW, ZONE, List.of(d1, d2));
        assertEquals(d1.plus(Duration.ofDays(2)).toEpochMilli(), w.after(), "d1 left the news sitemap on the 12th");
        assertEquals(d2.toEpochMilli(), w.before(), "d2 comes on the 14th");
        assertTrue(w.admits(NOW.plusSeconds(3600)));
        assertFalse(w.admits(d2));
        assertFalse(w.admits(d1.plus(Duration.ofDays(2))));

        UpToDate.TimeWindow none = UpToDate.TimeWindow.around(NOW, ZONE, List.of());
        assertTrue(none.admits(NOW));
        assertFalse(none.admits(NOW.plusMillis(1)), "a site with no article dates its feeds by the build's time");

        UpToDate.TimeWindow touching = UpToDate.TimeWindow.around(d2, ZONE, List.of(d2));
        assertTrue(touching.admits(d2));
        assertFalse(touching.admits(d2.plusMillis(1)));

        UpToDate.TimeWindow newYear = UpToDate.TimeWindow.around(Instant.parse("2025-12-31T12:00:00Z"), ZONE, List.of(d1));
        // Casablanca is at +01:00: the footer's year changes at 2025-12-31T23:00Z.
        assertEquals(Instant.parse("2025-12-31T23:00:00Z").toEpochMilli(), newYear.before());
    }

    @Test
    void aCacheOfAnotherVersionHoldsNoStamp() throws IOException {
        newSite();
        assertTrue(build(NOW).succeeded());
        Files.writeString(cache.resolve("VERSION"), "0.0.0-other\n");
        BuildReport report = build(NOW);
        assertFalse(endedAtOnce(report));
        assertTrue(report.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.WARNING && p.message().contains("emptied")));
        BuildReport again = build(NOW);
        assertTrue(endedAtOnce(again));
        assertTrue(again.problems().stream().noneMatch(p -> p.message().contains("emptied")), "the notice was said once");
        assertTrue(BuildCache.open(cache).notice().isEmpty());
    }
}
