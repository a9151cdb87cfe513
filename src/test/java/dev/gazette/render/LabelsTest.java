package dev.gazette.render;

import static dev.gazette.model.TestArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {

    @Test
    void theThemeHasTheSameKeysInFrenchEnglishAndArabic() {
        Labels fr = Labels.load(null, Locale.FRENCH);
        Labels en = Labels.load(null, Locale.ENGLISH);
        assertEquals(fr.values().keySet(), en.values().keySet());
        assertEquals("À la une", fr.values().get("latest"));
        assertEquals("Top stories", en.values().get("latest"));
        assertEquals(Boolean.TRUE, fr.values().get("lowerDateline"));
        assertEquals("Contenus liés\u00A0:", fr.values().get("relatedOf"), "escapes as YAML writes them");
        assertEquals(fr.values(), Labels.load(null, Locale.GERMAN).values(), "a language without a file of its own: French, as before");
        Labels ar = Labels.load(null, Locale.forLanguageTag("ar-MA"));
        assertEquals(fr.values().keySet(), ar.values().keySet(), "Arabic has every key");
        assertEquals("الأكثر قراءة", ar.values().get("mostRead"));
    }

    @Test
    void aSiteOverridesSingleLabelsAndIsWarnedOfUnknownOnes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/fr.yml"), "latest: \"L’essentiel\"\nmostRead: Les plus consultés\nlastest: typo\n");
        Labels labels = Labels.load(dir, Locale.FRENCH);
        assertEquals("L’essentiel", labels.values().get("latest"));
        assertEquals("Les plus consultés", labels.values().get("mostRead"));
        assertEquals("Par", labels.values().get("by"), "the others stay the theme's");
        assertEquals(1, labels.problems().size());
        Problem p = labels.problems().get(0);
        assertEquals(3, p.line());
        assertEquals("lastest", p.field());
        assertTrue(!p.isError());
    }

    @Test
    void aBadValueIsAnErrorNamingItsLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/en.yml"), "latest: [a, b]\nlowerDateline: maybe\n");
        Labels labels = Labels.load(dir, Locale.ENGLISH);
        assertEquals(List.of(1, 2), labels.problems().stream().map(Problem::line).toList());
        assertTrue(labels.problems().stream().allMatch(Problem::isError));
        assertEquals("Top stories", labels.values().get("latest"));
    }

    @Test
    void pagesShowTheSitesLabelsWithoutAForkedLayout(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/fr.yml"), "latest: \"L’essentiel\"\nby: \"Signé\"\n");
        TemplateEngine engine = new TemplateEngine(dir, Locale.FRENCH, ZoneId.of("UTC"));
        assertEquals(List.of(), engine.check(SitePlanner.TEMPLATES));
        dev.gazette.model.Article a = article("a.md", "a", "Titre", "2025-09-09T18:36", "Politique");
        a = new dev.gazette.model.Article(a.source(), a.format(), a.slug(), a.title(), a.date(), null, a.rubric(), a.tags(),
                List.of("Salma Benali"), "", "<p>x</p>", null, "", false, null, List.of(), List.of());
        SiteIndex index = SiteIndex.build(List.of(a)).index();
        SitePlanner planner = new SitePlanner(SiteConfig.defaults(), index, dev.gazette.model.RelatedLists.none(), Map.of(),
                java.time.Instant.parse("2025-09-13T00:00:00Z"));
        Map<PageKind, Document> pages = new java.util.EnumMap<>(PageKind.class);
        for (PageJob job : planner.plan()) {
            pages.putIfAbsent(job.kind(), Jsoup.parse(engine.render(job.template(), job.model().get())));
        }
        assertEquals("L’essentiel", pages.get(PageKind.HOME).selectFirst("#front-title").text());
        assertEquals("Signé Salma Benali", pages.get(PageKind.ARTICLE).selectFirst(".byline").text());
    }
}
