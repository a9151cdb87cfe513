package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search page, its index and the header's form, as a build writes them. */
class SearchFilesTest {

    private static FixtureSite site(Path tmp, String config) throws IOException {
        return new FixtureSite(tmp).file("site.yml", config)
                .article("a.md", "Sergueï Lavrov a appelé Nasser Bourita.", "title: Lavrov et Bourita", "date: 2025-09-09", "category: Politique", "tags: [Russie]")
                .article("sub/b.md", "Les pluies reviennent.", "title: Météo", "date: 2024-03-01", "category: Société");
    }

    @Test
    void aFrenchSiteHasItsSearchPageIndexAndHeaderForm(@TempDir Path tmp) throws IOException {
        FixtureSite s = site(tmp, "title: T\nlanguage: fr\n");
        assertTrue(s.build().succeeded());
        Path page = s.out.resolve("recherche/index.html");
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        assertNotNull(doc.getElementById("search-form"));
        assertEquals("search.js", doc.selectFirst("script[type=module]").attr("src"));
        assertEquals(java.util.List.of("", "2025", "2024"), doc.select("#search-year option").eachAttr("value"));
        assertEquals(java.util.List.of("", "politique", "societe"), doc.select("#search-rubric option").eachAttr("value"));
        assertFalse(doc.select("[data-without-script] a[href=../archives/]").isEmpty(), "without a script, the archive");
        for (String f : new String[]{"search.js", "analyzer.js", "index/meta.json"}) {
            assertTrue(Files.isRegularFile(s.out.resolve("recherche/" + f)), f);
        }
        Document article = Jsoup.parse(s.out.resolve("politique/a/index.html").toFile(), "UTF-8");
        Element form = article.selectFirst("form[role=search]");
        assertEquals("../../recherche/", form.attr("action"), "relative, like every link of the site");
        assertEquals("get", form.attr("method"));
        assertEquals("q", form.selectFirst("input").attr("name"));
        assertNotNull(article.selectFirst("label[for=" + form.selectFirst("input").id() + "]"));
    }

    @Test
    void aRebuildWithTheCacheKeepsTheIndexAndANewArticleChangesPartOfIt(@TempDir Path tmp) throws IOException {
        FixtureSite s = site(tmp, "title: T\nlanguage: fr\n");
        BuildOptions options = new BuildOptions(s.articles, s.root.resolve("templates"), s.out, s.root.resolve("site.yml"), null,
                false, false, FixtureSite.NOW, 2).withCache(tmp.resolve("cache"));
        assertTrue(SiteBuilder.build(options).succeeded());
        java.util.Map<String, byte[]> first = s.output();
        BuildReport again = SiteBuilder.build(options);
        assertTrue(again.succeeded());
        assertEquals(0, again.filesWritten(), "nothing changed, nothing written");
        java.util.Map<String, byte[]> second = s.output();
        assertEquals(first.keySet(), second.keySet());
        first.forEach((k, v) -> org.junit.jupiter.api.Assertions.assertArrayEquals(v, second.get(k), k));

        s.article("c.md", "Le port de Tanger bat un record.", "title: Tanger Med", "date: 2025-09-10", "category: Économie");
        assertTrue(SiteBuilder.build(options).succeeded());
        java.util.Map<String, byte[]> third = s.output();
        long changed = third.keySet().stream().filter(k -> k.startsWith("recherche/index/"))
                .filter(k -> !first.containsKey(k) || !java.util.Arrays.equals(first.get(k), third.get(k))).count();
        long all = third.keySet().stream().filter(k -> k.startsWith("recherche/index/")).count();
        assertTrue(changed > 0 && changed < all, changed + " of " + all + " index files changed");
        // And the same site built without a cache is the same, byte for byte.
        Path plain = tmp.resolve("plain");
        assertTrue(SiteBuilder.build(new BuildOptions(s.articles, s.root.resolve("templates"), plain, s.root.resolve("site.yml"), null,
                false, false, FixtureSite.NOW, 1)).succeeded());
        for (String k : third.keySet()) {
            if (k.startsWith("recherche/")) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(third.get(k), Files.readAllBytes(plain.resolve(k)), k);
            }
        }
    }

    @Test
    void anEnglishSiteSearchesUnderSearch(@TempDir Path tmp) throws IOException {
        FixtureSite s = site(tmp, "title: T\nlanguage: en\n");
        assertTrue(s.build().succeeded());
        assertTrue(Files.isRegularFile(s.out.resolve("search/index.html")));
        assertTrue(Files.isRegularFile(s.out.resolve("search/index/meta.json")));
        Document home = Jsoup.parse(s.out.resolve("index.html").toFile(), "UTF-8");
        assertEquals("search/", home.selectFirst("form[role=search]").attr("action"));
        assertEquals("Search", home.selectFirst("form[role=search] button").text());
    }

    @Test
    void searchFalseLeavesThemOut(@TempDir Path tmp) throws IOException {
        FixtureSite s = site(tmp, "title: T\nlanguage: fr\nsearch: false\n");
        BuildReport report = s.build();
        assertTrue(report.succeeded());
        assertTrue(report.problems().stream().noneMatch(p -> "search".equals(p.field())), "a known setting: " + report.problems());
        assertFalse(Files.exists(s.out.resolve("recherche")));
        Document home = Jsoup.parse(s.out.resolve("index.html").toFile(), "UTF-8");
        assertNull(home.selectFirst("form[role=search]"));
        assertTrue(home.select("footer a").eachAttr("href").stream().noneMatch(h -> h.contains("recherche")));
    }

    /** One search step into {@code s.out} with the cache, as a build runs it: written, committed, its state saved. */
    private static SearchFiles.Written searchStep(FixtureSite s, Path cacheFolder) throws IOException {
        BuildOptions options = new BuildOptions(s.articles, s.root.resolve("templates"), s.out, s.root.resolve("site.yml"), null,
                false, false, FixtureSite.NOW, 2);
        java.util.List<dev.gazette.model.Problem> problems = new java.util.ArrayList<>();
        dev.gazette.config.SiteConfig config = SiteLoader.config(options, problems);
        dev.gazette.index.SiteIndex index = SiteLoader.load(options, config, new java.util.concurrent.ForkJoinPool(2), null, null, null,
                new BuildProgress(), null).index();
        dev.gazette.cache.BuildCache cache = dev.gazette.cache.BuildCache.open(cacheFolder);
        try (dev.gazette.output.SiteOutput out = dev.gazette.output.SiteOutput.open(s.out)) {
            dev.gazette.cache.PageMemo memo = dev.gazette.cache.PageMemo.open(cache, out.target().toString());
            SearchFiles.Written written = SearchFiles.write(config, index, out, new java.util.concurrent.ForkJoinPool(2), cache, memo);
            out.commit();
            memo.save();
            SearchFiles.saveState(cache, out, written);
            return written;
        }
    }

    @Test
    void aNewArticlePatchesThePreviousIndexAnalysingOnlyItself(@TempDir Path tmp) throws IOException {
        FixtureSite s = site(tmp, "title: T\nlanguage: fr\n");
        for (int i = 0; i < 40; i++) {
            s.article("n" + i + ".md", "Article numéro " + i + " sur le port, les pluies et la récolte " + (i % 7) + ".", "title: Numéro " + i,
                    "date: 2025-0" + (1 + i % 8) + "-1" + (i % 10), "category: " + (i % 2 == 0 ? "Politique" : "Société"), "tags: [T" + (i % 5) + "]");
        }
        Path cache = tmp.resolve("cache");
        assertEquals(42, searchStep(s, cache).analysed(), "the first index is built whole");
        assertEquals(0, searchStep(s, cache).analysed(), "nothing changed: kept whole");

        s.article("c.md", "Le port de Tanger bat un record.", "title: Tanger Med", "date: 2025-09-10", "category: Économie");
        assertEquals(1, searchStep(s, cache).analysed(), "a new article: the index is patched, the new article alone analysed");
        Files.writeString(s.articles.resolve("n3.md"), Files.readString(s.articles.resolve("n3.md")).replace("port", "stade"));
        Files.delete(s.articles.resolve("n4.md"));
        assertEquals(1, searchStep(s, cache).analysed(), "an edit and a deletion: the edited article alone analysed");

        // The patched index is the index a build from nothing makes, byte for byte.
        Path plain = tmp.resolve("plain");
        assertTrue(SiteBuilder.build(new BuildOptions(s.articles, s.root.resolve("templates"), plain, s.root.resolve("site.yml"), null,
                false, false, FixtureSite.NOW, 1)).succeeded());
        java.util.Map<String, byte[]> patched = s.output();
        java.util.Set<String> index = new java.util.TreeSet<>();
        try (var walk = Files.walk(plain.resolve("recherche/index"))) {
            walk.filter(Files::isRegularFile).forEach(f -> index.add(plain.relativize(f).toString()));
        }
        assertEquals(index, new java.util.TreeSet<>(patched.keySet().stream().filter(k -> k.startsWith("recherche/index/")).toList()));
        for (String k : index) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(plain.resolve(k)), patched.get(k), k);
        }

        // Shards edited by hand are never patched nor kept: the index is built whole again.
        try (var shards = Files.list(s.out.resolve("recherche/index/s"))) {
            for (Path shard : shards.toList()) {
                Files.write(shard, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
            }
        }
        s.article("d.md", "Encore un article.", "title: Encore", "date: 2025-09-11", "category: Économie");
        assertEquals(1 + 43, searchStep(s, cache).analysed(), "the patch's try (the new article), then the whole index");
    }
}
