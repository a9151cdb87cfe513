package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build cache never changes what is built: after seeded random sequences of edits (add, edit,
 * rename or delete an article, change its tags or aliases, edit a template, site.yml, the most-read file or
 * an image), a build with the cache and the previous site writes exactly the tree a clean build
 * writes. A damaged or foreign cache is recovered from; two sites sharing a cache stay apart.
 */
class CacheEquivalenceTest {

    private static final Instant NOW = Instant.parse("2025-09-13T00:00:00Z");
    private static final String[] WORDS = {"Maroc", "Russie", "diplomatie", "port", "Tanger", "gazoduc", "énergie", "football",
            "Lions", "Atlas", "Mondial", "budget", "élection", "Rabat", "Casablanca", "Lavrov", "Bourita", "commerce", "blé", "phosphate"};
    private static final String[] RUBRICS = {"Politique", "Économie", "Sport", "Monde"};

    @TempDir
    Path tmp;

    private Path site;
    private Path articles;
    private Path templates;
    private Random random;
    private int next;

    private void newSite(Path folder, long seed, int count) throws IOException {
        site = folder;
        articles = Files.createDirectories(site.resolve("articles"));
        templates = Files.createDirectories(site.resolve("templates"));
        random = new Random(seed);
        Files.writeString(site.resolve("site.yml"), "title: Gazette du test\nbaseUrl: https://test.example/\nlanguage: fr\n"
                + "timeZone: Africa/Casablanca\nmostRead: most-read.csv\npageSize: 4\n", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("most-read.csv"), "page,views\n", StandardCharsets.UTF_8);
        Files.createDirectories(articles.resolve("images"));
        writeImage(40, 30);
        for (int i = 0; i < count; i++) {
            addArticle();
        }
    }

    private void writeImage(int width, int height) throws IOException {
        Files.writeString(articles.resolve("images/carte.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\"><rect width=\"10\" height=\"10\"/></svg>", StandardCharsets.UTF_8);
    }

    private String words(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private String tags() {
        return "[" + WORDS[random.nextInt(WORDS.length)] + ", " + WORDS[random.nextInt(WORDS.length)] + "]";
    }

    private void addArticle() throws IOException {
        int n = next++;
        String image = random.nextInt(4) == 0 ? "image: images/carte.svg\n" : "";
        image += random.nextInt(3) == 0 ? "aliases: [/ancien/a" + n + "/]\n" : "";
        Files.writeString(articles.resolve("a" + n + ".md"), "---\ntitle: \"" + words(5) + " " + n + "\"\ndate: 2025-09-"
                + String.format("%02d", 1 + random.nextInt(12)) + "T" + String.format("%02d", random.nextInt(24)) + ":00:00+01:00\n"
                + "category: " + RUBRICS[random.nextInt(RUBRICS.length)] + "\ntags: " + tags() + "\n" + image + "summary: \""
                + words(8) + "\"\n---\n" + words(40) + ".\n\n" + words(30) + ".\n", StandardCharsets.UTF_8);
    }

    private List<Path> articleFiles() throws IOException {
        try (Stream<Path> list = Files.list(articles)) {
            return list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** One random edit, as a newsroom makes them; returns what it did, for failure messages. */
    private String edit() throws IOException {
        List<Path> files = articleFiles();
        Path some = files.get(random.nextInt(files.size()));
        switch (random.nextInt(11)) {
            case 0 -> {
                addArticle();
                return "add";
            }
            case 1 -> {
                Files.writeString(some, Files.readString(some) + "\n" + words(12) + ".\n");
                return "edit body of " + some.getFileName();
            }
            case 2 -> {
                Files.writeString(some, Files.readString(some).replaceFirst("tags: \\[[^\\]]*\\]", "tags: " + tags()));
                return "tags of " + some.getFileName();
            }
            case 3 -> {
                if (files.size() > 3) {
                    Files.delete(some);
                    return "delete " + some.getFileName();
                }
                return "nothing";
            }
            case 4 -> {
                Path renamed = some.resolveSibling("r" + next++ + ".md");
                Files.move(some, renamed);
                return "rename " + some.getFileName() + " to " + renamed.getFileName();
            }
            case 5 -> {
                return editTemplate();
            }
            case 6 -> {
                Files.writeString(site.resolve("site.yml"), Files.readString(site.resolve("site.yml")).replaceAll("description: .*\n", "")
                        + "description: " + words(4) + "\n");
                return "site.yml";
            }
            case 7 -> {
                String slug = Files.readString(some).contains("slug:") ? null : some.getFileName().toString().replace(".md", "");
                Files.writeString(site.resolve("most-read.csv"), "page,views\n" + slug + "," + (1 + random.nextInt(999)) + "\n");
                return "most-read";
            }
            case 8 -> {
                String text = Files.readString(some).replaceAll("aliases: .*\n", "");
                Files.writeString(some, text.replaceFirst("\n---\n", "\naliases: [/ancien/" + words(1) + "-" + next++ + "/]\n---\n"));
                return "aliases of " + some.getFileName();
            }
            case 9 -> {
                // Shown by the pages of the articles it is related to, and by the lists that hold it.
                Files.writeString(some, Files.readString(some).replaceFirst("title: \"[^\"]*\"", "title: \"" + words(4) + "\""));
                return "title of " + some.getFileName();
            }
            default -> {
                writeImage(20 + random.nextInt(100), 20 + random.nextInt(100));
                return "image";
            }
        }
    }

    /**
     * One template edit: a page's own template, the layout every page imports, a list's template,
     * a partial that only article pages include, or a site's override removed (the theme's stands in
     * again). Pages are kept by the templates they load: each edit must render again exactly those.
     */
    private String editTemplate() throws IOException {
        switch (random.nextInt(5)) {
            case 0 -> {
                return override("article.ftlh", "</article>", "<p class=\"edited\">" + words(2) + "</p></article>");
            }
            case 1 -> {
                return override("layout.ftlh", "</footer>", "<p class=\"edited\">" + words(2) + "</p></footer>");
            }
            case 2 -> {
                return override("list.ftlh", "</h1>", " " + words(1) + "</h1>");
            }
            case 3 -> {
                override("article.ftlh", "</article>", "<#include \"parts/extra.ftl\"></article>");
                Files.createDirectories(templates.resolve("parts"));
                Files.writeString(templates.resolve("parts/extra.ftl"), "<p class=\"extra\">" + words(2) + "</p>");
                return "template parts/extra.ftl, included by article.ftlh";
            }
            default -> {
                List<Path> own;
                try (var files = Files.list(templates)) {
                    own = files.filter(f -> f.getFileName().toString().endsWith(".ftlh")).sorted().toList();
                }
                if (own.isEmpty()) {
                    return "nothing";
                }
                Path gone = own.get(random.nextInt(own.size()));
                Files.delete(gone);
                return "template override " + gone.getFileName() + " removed";
            }
        }
    }

    /** The site's own copy of a theme template, with {@code from} replaced by {@code to}; what was done, for the report. */
    private String override(String template, String from, String to) throws IOException {
        String theme = Files.readString(Path.of("templates", template));
        Files.writeString(templates.resolve(template), theme.replace(from, to));
        return "template " + template;
    }

    private BuildReport build(Path out, Path cache) {
        return SiteBuilder.build(new BuildOptions(articles, templates, out, site.resolve("site.yml"), null, false, false, NOW, 2, cache));
    }

    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private void assertSameTree(Path expected, Path actual, String context) throws IOException {
        Map<String, byte[]> a = tree(expected);
        Map<String, byte[]> b = tree(actual);
        assertEquals(a.keySet(), b.keySet(), context);
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), context + ": " + k));
    }

    private void assertBuilt(BuildReport report, String context) {
        assertTrue(report.succeeded(), () -> context + ": " + report.problems().stream().map(Problem::describe).toList());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aCachedBuildAfterRandomEditsWritesWhatACleanBuildWrites(long seed) throws IOException {
        newSite(tmp.resolve("site"), seed, 14);
        Path out = site.resolve("site-out");
        Path cache = site.resolve(".gazette");
        assertBuilt(build(out, cache), "first build");
        List<String> done = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            done.add(edit());
            String context = "seed " + seed + " after " + done;
            BuildReport cached = build(out, cache);
            assertBuilt(cached, context);
            Path clean = tmp.resolve("clean-" + step);
            assertBuilt(build(clean, null), context);
            assertSameTree(clean, out, context);
        }
    }

    /**
     * Sets the files under the site changed since {@code mark} to {@code time}: edits then look
     * made long before the build, as in a newsroom, so the up-to-date stage may trust their times.
     */
    private void age(Instant mark, Instant time) throws IOException {
        // The inputs only, and never a walk of the whole site: the output's own files are the
        // build's (the up-to-date stage checks its manifest's time), and an old output folder may
        // be deleted in the background while we look.
        List<Path> inputs = new ArrayList<>();
        for (Path folder : List.of(articles, templates)) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.filter(Files::isRegularFile).forEach(inputs::add);
                }
            }
        }
        try (Stream<Path> top = Files.list(site)) {
            top.filter(Files::isRegularFile).forEach(inputs::add);
        }
        for (Path f : inputs) {
            if (Files.getLastModifiedTime(f).toInstant().compareTo(mark) >= 0) {
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(time));
            }
        }
    }

    /**
     * With edits made well before each build (so the up-to-date stage trusts the files' times), and
     * builds with nothing changed in between: those end at the up-to-date stage, the others do the
     * work, and every one leaves the tree a clean build writes.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"11, true", "12, true", "13, false", "14, false"})
    void buildsWithNothingChangedEndAtOnceAndTheOthersAreNotFooled(long seed, boolean aged) throws IOException {
        newSite(tmp.resolve("site"), seed, 14);
        // Not aged: every edit is within the file system's clock tick of the next look, so the
        // files are known by their bytes too.
        Instant base = Instant.now().minusSeconds(3600);
        if (aged) {
            age(Instant.EPOCH, base);
        }
        Path out = site.resolve("site-out");
        Path cache = site.resolve(".gazette");
        assertBuilt(build(out, cache), "first build");
        List<String> done = new ArrayList<>();
        for (int step = 1; step <= 12; step++) {
            Instant mark = Instant.now().minusMillis(5);
            String what = random.nextInt(3) == 0 ? "nothing" : edit();
            if (aged) {
                age(mark, base.plusSeconds(step));
            }
            done.add(what);
            String context = "seed " + seed + " after " + done;
            BuildReport cached = build(out, cache);
            assertBuilt(cached, context);
            assertEquals(what.equals("nothing"), cached.stepMillis().containsKey("up-to-date"), context);
            Path clean = tmp.resolve("clean-" + step);
            BuildReport fresh = build(clean, null);
            assertBuilt(fresh, context);
            assertSameTree(clean, out, context);
            assertEquals(fresh.problems(), cached.problems(), context);
            assertEquals(fresh.pages(), cached.pages(), context);
            assertEquals(fresh.skipped(), cached.skipped(), context);
            assertEquals(fresh.webFiles(), cached.webFiles(), context);
            assertEquals(fresh.filesWritten(), cached.filesWritten() + cached.filesUnchanged(), context);
        }
    }

    /**
     * A template edit renders again the pages made with that template, or with one that loads it,
     * and no other: a list's template leaves the articles' pages kept, the layout every page
     * imports renders them all. The pages are still those a clean build writes.
     */
    @Test
    void aTemplateEditRendersOnlyThePagesThatLoadIt() throws IOException {
        newSite(tmp.resolve("site"), 9, 14);
        Path out = tmp.resolve("out");
        Path cache = tmp.resolve("cache");
        BuildReport first = build(out, cache);
        assertBuilt(first, "first build");
        int lists = first.pages().entrySet().stream().filter(e -> e.getKey().template().equals("list.ftlh")).mapToInt(Map.Entry::getValue).sum();
        long all = first.totalPages();
        int redirects = first.pages().getOrDefault(dev.gazette.render.PageKind.REDIRECT, 0);

        override("list.ftlh", "</h1>", " (édité)</h1>");
        BuildReport listEdited = build(out, cache);
        assertBuilt(listEdited, "list.ftlh edited");
        assertTrue(lists > 0 && lists < all, "the fixture has list pages and others: " + first.pages());
        assertEquals(lists, listEdited.pagesRendered(), "only the pages made with list.ftlh: " + listEdited.pages());
        assertSameTree(cleanBuild("list"), out, "list.ftlh edited");

        override("layout.ftlh", "</footer>", "<p>Édité.</p></footer>");
        BuildReport layoutEdited = build(out, cache);
        assertBuilt(layoutEdited, "layout.ftlh edited");
        assertTrue(redirects > 0, "the fixture has redirect pages: " + first.pages());
        assertEquals(all - redirects, layoutEdited.pagesRendered(), "every page imports the layout, but a redirect's: " + first.pages());
        assertSameTree(cleanBuild("layout"), out, "layout.ftlh edited");

        // A template no page loads: nothing to render again.
        Files.writeString(templates.resolve("unused.ftlh"), "<p>${nothing}</p>");
        BuildReport unused = build(out, cache);
        assertBuilt(unused, "unused template added");
        assertEquals(0, unused.pagesRendered(), "no page loads unused.ftlh");
    }

    private Path cleanBuild(String name) throws IOException {
        Path clean = tmp.resolve("clean-" + name);
        assertBuilt(build(clean, null), "clean build " + name);
        return clean;
    }

    /** The preview's series of builds: one process, the output updated in place, sources kept by size and time. */
    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void aPreviewsRebuildsInPlaceWriteWhatACleanBuildWrites(long seed) throws IOException {
        newSite(tmp.resolve("site"), seed, 14);
        Path out = site.resolve(".gazette/preview");
        Path cache = site.resolve(".gazette");
        Rebuilds rebuilds = new Rebuilds();
        BuildOptions options = new BuildOptions(articles, templates, out, site.resolve("site.yml"), null, false, false, NOW, 2, cache);
        assertBuilt(SiteBuilder.build(options, rebuilds), "first build");
        List<String> done = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(1));
            done.add(edit());
            String context = "seed " + seed + " after " + done;
            // What the watcher reports: the files just written (the others must be known by size and time).
            List<Path> changed = new ArrayList<>();
            for (Path f : articleFiles()) {
                if (Files.getLastModifiedTime(f).compareTo(before) >= 0) {
                    changed.add(f);
                }
            }
            rebuilds.changed(articles, changed);
            assertBuilt(SiteBuilder.build(options, rebuilds), context);
            Path clean = tmp.resolve("clean-" + step);
            assertBuilt(build(clean, null), context);
            assertSameTree(clean, out, context);
        }
    }

    @Test
    void anUnchangedSiteRendersNothingAndWritesNothing() throws IOException {
        newSite(tmp.resolve("site"), 7, 10);
        Path out = site.resolve("site-out");
        Path cache = site.resolve(".gazette");
        BuildReport first = build(out, cache);
        assertBuilt(first, "first");
        assertEquals(first.totalPages(), first.pagesRendered());
        BuildReport again = build(out, cache);
        assertBuilt(again, "again");
        assertEquals(0, again.pagesRendered());
        assertEquals(0, again.filesWritten());
        assertEquals(0, again.filesRemoved());
    }

    @Test
    void aDamagedCacheIsOnlyAMiss() throws IOException {
        newSite(tmp.resolve("site"), 11, 10);
        Path out = site.resolve("site-out");
        Path cache = site.resolve(".gazette");
        assertBuilt(build(out, cache), "first");
        Random damage = new Random(5);
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(cache)) {
            entries = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("VERSION")).sorted().toList();
        }
        for (Path entry : entries) {
            byte[] bytes = Files.readAllBytes(entry);
            switch (damage.nextInt(3)) {
                case 0 -> Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a write cut short
                case 1 -> {
                    bytes[damage.nextInt(bytes.length)] ^= 0x5A; // a flipped byte
                    Files.write(entry, bytes);
                }
                default -> Files.write(entry, new byte[0]);
            }
        }
        edit();
        BuildReport report = build(out, cache);
        assertBuilt(report, "damaged cache");
        assertBuilt(build(tmp.resolve("clean"), null), "clean");
        assertSameTree(tmp.resolve("clean"), out, "after damage");
    }

    @Test
    void aCacheFromAnotherVersionIsEmptiedWithOneNotice() throws IOException {
        newSite(tmp.resolve("site"), 13, 6);
        Path out = site.resolve("site-out");
        Path cache = site.resolve(".gazette");
        assertBuilt(build(out, cache), "first");
        Files.writeString(cache.resolve("VERSION"), "gazette 0.0.1-other\n");
        BuildReport report = build(out, cache);
        assertBuilt(report, "foreign cache");
        List<Problem> notices = report.problems().stream().filter(p -> p.file().equals(cache.toString())).toList();
        assertEquals(1, notices.size(), report.problems()::toString);
        assertTrue(notices.get(0).message().contains("another version"), notices.get(0).message());
        assertEquals(report.totalPages(), report.pagesRendered(), "nothing trusted from the foreign cache");
        BuildReport after = build(out, cache);
        assertTrue(after.problems().stream().noneMatch(p -> p.file().equals(cache.toString())), "the notice is said once");
    }

    @Test
    void twoSitesSharingACacheNeverMixTheirEntries() throws IOException {
        Path cache = tmp.resolve("shared-cache");
        newSite(tmp.resolve("one"), 21, 8);
        Path oneArticles = articles;
        Path oneSite = site;
        newSite(tmp.resolve("two"), 22, 8); // same file names, other contents
        Files.writeString(site.resolve("site.yml"), Files.readString(site.resolve("site.yml")).replace("Africa/Casablanca", "Asia/Tokyo"));
        Path twoSite = site;
        for (int round = 0; round < 2; round++) {
            for (Path s : List.of(oneSite, twoSite)) {
                site = s;
                articles = s.resolve("articles");
                templates = s.resolve("templates");
                assertBuilt(build(s.resolve("site-out"), cache), s.toString());
                Path clean = tmp.resolve("clean-" + s.getFileName() + "-" + round);
                assertBuilt(build(clean, null), "clean");
                assertSameTree(clean, s.resolve("site-out"), s + " round " + round);
            }
            Files.writeString(oneArticles.resolve("a0.md"), Files.readString(oneArticles.resolve("a0.md")) + "\nEncore.\n");
        }
    }
}
