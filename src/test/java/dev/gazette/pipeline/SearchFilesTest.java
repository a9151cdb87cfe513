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
}
