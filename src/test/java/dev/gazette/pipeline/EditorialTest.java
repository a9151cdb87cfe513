package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's choices: the featured story, the menu's order and labels, dates without a time. */
class EditorialTest {

    private static Document page(FixtureSite site, String relative) throws IOException {
        return Jsoup.parse(Files.readString(site.out.resolve(relative), StandardCharsets.UTF_8));
    }

    private static String leadTitle(FixtureSite site) throws IOException {
        return page(site, "index.html").selectFirst(".front .card--lead .card-title a").text();
    }

    private static FixtureSite threeArticles(Path tmp) throws IOException {
        return new FixtureSite(tmp)
                .file("site.yml", "title: T\nlanguage: fr\ntimeZone: Africa/Casablanca\n")
                .article("a.md", "A.", "title: Ancien", "date: 2025-09-01T10:00:00+01:00", "category: Politique")
                .article("b.md", "B.", "title: Moyen", "date: 2025-09-05T10:00:00+01:00", "category: Sport")
                .article("c.md", "C.", "title: Récent", "date: 2025-09-10T10:00:00+01:00", "category: Économie");
    }

    @Test
    void withoutAFeaturedArticleTheNewestLeads(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp);
        assertTrue(site.build().succeeded());
        assertEquals("Récent", leadTitle(site));
    }

    @Test
    void theNewestFeaturedArticleLeadsUntilANewerOneIsFeatured(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp)
                .article("a.md", "A.", "title: Ancien", "date: 2025-09-01T10:00:00+01:00", "category: Politique", "featured: true");
        BuildReport r = site.build();
        assertTrue(r.succeeded(), r.problems()::toString);
        assertEquals("Ancien", leadTitle(site), "a featured article leads even when newer ones follow");
        List<String> grid = page(site, "index.html").select(".front .grid .card-title a").eachText();
        assertEquals(List.of("Récent", "Moyen"), grid, "the others follow newest first, the lead not repeated");

        site.article("b.md", "B.", "title: Moyen", "date: 2025-09-05T10:00:00+01:00", "category: Sport", "featured: yes");
        assertTrue(site.build().succeeded());
        assertEquals("Moyen", leadTitle(site), "a newer featured article takes the lead");
    }

    @Test
    void onTheSameDayTheHigherWeightLeads(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp)
                .article("d.md", "D.", "title: Matin", "date: 2025-09-10T08:00:00+01:00", "featured: 3")
                .article("e.md", "E.", "title: Soir", "date: 2025-09-10T20:00:00+01:00", "featured: 1");
        assertTrue(site.build().succeeded());
        assertEquals("Matin", leadTitle(site), "same day: weight 3 outweighs weight 1, though older by hours");
        site.article("f.md", "F.", "title: Lendemain", "date: 2025-09-11T08:00:00+01:00", "featured: true");
        assertTrue(site.build().succeeded());
        assertEquals("Lendemain", leadTitle(site), "a featured article of a later day leads whatever the weights");
    }

    @Test
    void aFeaturedValueThatIsNeitherABooleanNorAWeightIsAnError(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp).article("x.md", "X.", "title: X", "date: 2025-09-02", "featured: beaucoup");
        BuildReport r = site.build();
        assertFalse(r.succeeded());
        Problem p = r.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals("x.md", p.file());
        assertEquals(4, p.line());
        assertTrue(p.describe().contains("`featured`") && p.describe().contains("featured: true"), p.describe());
    }

    @Test
    void theMenuFollowsSiteYmlThenTheOtherRubricsAlphabetically(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp)
                .article("d.md", "D.", "title: Monde", "date: 2025-09-02T10:00:00+01:00", "category: Monde")
                .file("site.yml", "title: T\nlanguage: fr\ntimeZone: Africa/Casablanca\nmenu:\n  - sport\n"
                        + "  - {rubric: Économie, label: Éco}\n");
        BuildReport r = site.build();
        assertTrue(r.succeeded(), r.problems()::toString);
        Document home = page(site, "index.html");
        assertEquals(List.of("Accueil", "Sport", "Éco", "Monde", "Politique", "Tags", "Archives"),
                home.select(".site-nav a").eachText());
        assertEquals("rubriques/economie/", home.select(".site-nav a").get(2).attr("href"));
        assertEquals(List.of("Sport", "Économie"), home.select(".section .section-title a").eachText().subList(0, 2),
                "the home page's sections follow the menu's rubrics first");
    }

    @Test
    void anArticlePageHighlightsItsRubricInTheMenu(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp);
        assertTrue(site.build().succeeded());
        Document article = page(site, "sport/b/index.html");
        Element current = article.selectFirst(".site-nav a[aria-current]");
        assertEquals("Sport", current.text());
        assertEquals("true", current.attr("aria-current"));
        assertEquals(1, article.select(".site-nav a[aria-current]").size());
        assertEquals("Sport", page(site, "sport/b/related/index.html").selectFirst(".site-nav a[aria-current]").text());
    }

    @Test
    void aMenuRubricNoArticleHasIsAnErrorNamingTheLineAndTheRubrics(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp)
                .file("site.yml", "title: T\nlanguage: fr\nmenu:\n  - Sport\n  - Sports\n");
        BuildReport r = site.build();
        assertFalse(r.succeeded());
        List<Problem> errors = r.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        Problem p = errors.get(0);
        assertTrue(p.file().endsWith("site.yml"), p.file());
        assertEquals(5, p.line());
        assertTrue(p.describe().contains("`Sports`") && p.describe().contains("(Économie, Politique, Sport)"), p.describe());
    }

    @Test
    void aMenuWrittenTwiceOrNotAsAListIsAnError(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp).file("site.yml", "title: T\nmenu:\n  - Sport\n  - SPORT\n");
        BuildReport r = site.build();
        assertFalse(r.succeeded());
        assertTrue(r.problems().get(0).describe().contains("twice"), r.problems()::toString);
        site.file("site.yml", "title: T\nmenu: Sport\n");
        BuildReport notAList = site.build();
        assertFalse(notAList.succeeded());
        assertEquals(2, notAList.problems().get(0).line());
    }

    @Test
    void aDateWithoutATimeIsNeverShownAtMidnight(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp)
                .article("d.md", "D.", "title: Sans heure", "date: 2025-09-01", "category: Politique")
                .article("e.md", "E.", "title: Minuit", "date: 2025-09-02 00:00", "category: Politique");
        assertTrue(site.build().succeeded());
        Document d = page(site, "politique/d/index.html");
        assertEquals("Le 01/09/2025", d.selectFirst(".dateline time").text());
        assertEquals("2025-09-01T00:00:00+01:00", d.selectFirst(".dateline time").attr("datetime"));
        Document e = page(site, "politique/e/index.html");
        assertEquals("Le 02/09/2025 à 00h00", e.selectFirst(".dateline time").text(), "a midnight the editor wrote is shown");
        Document rubric = page(site, "rubriques/politique/index.html");
        assertTrue(rubric.select(".card-meta time").eachText().contains("1er septembre 2025"), rubric.select(".card-meta").text());
    }

    @Test
    void frenchArticlesAreTypesetOnPagesAndKeptAsWrittenInFeeds(@TempDir Path tmp) throws IOException {
        FixtureSite site = new FixtureSite(tmp)
                .file("site.yml", "title: T\nlanguage: fr\nbaseUrl: https://example.org/\ntimeZone: Africa/Casablanca\n")
                .article("fr.md", "Il a dit : \"l'homme\" ? Voir https://example.org/a?b:c.\n\n    code: 'x' ?\n",
                        "title: \"Maroc-Russie: l'entretien\"", "date: 2025-09-01T10:00:00+01:00", "category: Politique",
                        "summary: \"Un « partenariat » !\"")
                .article("en.md", "He said: \"don't\"!", "title: \"Morocco: it's done\"", "date: 2025-09-02T10:00:00+01:00",
                        "lang: en", "category: Monde");
        BuildReport r = site.build();
        assertTrue(r.succeeded(), r.problems()::toString);
        Document fr = page(site, "politique/fr/index.html");
        String h1 = fr.selectFirst("h1.story-title").wholeText();
        assertEquals("Maroc-Russie\u00A0: l’entretien", h1);
        assertEquals(h1 + " – T", fr.selectFirst("title").wholeText());
        assertEquals(h1, fr.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("Un «\u00A0partenariat\u00A0»\u202F!", fr.selectFirst("p.lead").wholeText());
        assertEquals("Il a dit\u00A0: «\u00A0l’homme\u00A0»\u202F? Voir https://example.org/a?b:c.",
                fr.selectFirst(".article-body p").wholeText());
        assertEquals("code: 'x' ?", fr.selectFirst(".article-body pre code").wholeText().strip());
        assertEquals("https://example.org/a?b:c", fr.selectFirst(".article-body a").attr("href"));
        Document home = page(site, "index.html");
        assertTrue(home.select(".card-title a").eachAttr("href").size() >= 2);
        assertTrue(home.select(".card-title").stream().anyMatch(e -> e.wholeText().contains("Maroc-Russie\u00A0: l’entretien")));

        Document en = page(site, "monde/en/index.html");
        assertEquals("Morocco: it's done", en.selectFirst("h1.story-title").wholeText(), "English is left as written");
        assertEquals("He said: \"don't\"!", en.selectFirst(".article-body p").wholeText());

        String feed = Files.readString(site.out.resolve("feed.xml"), StandardCharsets.UTF_8);
        assertTrue(feed.contains("<title>Maroc-Russie\u00A0: l’entretien</title>"), "feeds show the title as the page does");
    }

    @Test
    void socialImageShareLinksFaviconAndMostReadColumn(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp)
                .file("site.yml", "title: T\nlanguage: fr\nbaseUrl: https://example.org/\nsocialImage: assets/social.png\nmostRead: most-read.csv\n")
                .file("most-read.csv", "page,views\nb,10\n");
        BuildReport r = site.build();
        assertTrue(r.succeeded(), r.problems()::toString);
        assertTrue(r.problems().stream().noneMatch(p -> "socialImage".equals(p.field())), r.problems()::toString);
        Document home = page(site, "index.html");
        assertEquals("https://example.org/assets/social.png", home.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("1200", home.selectFirst("meta[property=og:image:width]").attr("content"));
        assertEquals("summary_large_image", home.selectFirst("meta[name=twitter:card]").attr("content"));
        assertTrue(Files.size(site.out.resolve("assets/social.png")) > 0);
        assertTrue(Files.exists(site.out.resolve(home.selectFirst("link[rel=icon]").attr("href"))), "the favicon is published");
        Document article = page(site, "sport/b/index.html");
        assertEquals("https://example.org/assets/social.png", article.selectFirst("meta[property=og:image]").attr("content"),
                "an article without an image shares the site's image");
        List<String> share = article.select(".share a").eachAttr("href");
        assertEquals(5, share.size());
        assertTrue(share.get(0).startsWith("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fsport%2Fb%2F"), share.get(0));
        assertTrue(article.select(".share a").stream().allMatch(a -> a.text().startsWith("Partager sur ") || a.text().equals("Envoyer par e-mail")));
        assertTrue(article.select("script[src]").isEmpty(), "no third-party script");
        assertEquals(1, article.select("main.with-aside > .main-column + aside.most-read").size(), "most read beside the content");

        site.file("site.yml", "title: T\nlanguage: fr\nbaseUrl: https://example.org/\nsocialImage: assets/logo.png\n");
        BuildReport small = site.build();
        assertTrue(small.succeeded());
        assertTrue(small.problems().stream().anyMatch(p -> "socialImage".equals(p.field()) && p.describe().contains("120×120")), small.problems()::toString);
    }

    @Test
    void aCaptionWithoutAnImageIsAWarningNamingTheFile(@TempDir Path tmp) throws IOException {
        FixtureSite site = threeArticles(tmp).article("d.md", "D.", "title: D", "date: 2025-09-02", "caption: Une légende seule");
        BuildReport r = site.build();
        assertTrue(r.succeeded());
        Problem p = r.problems().stream().filter(q -> "caption".equals(q.field())).findFirst().orElseThrow();
        assertFalse(p.isError());
        assertEquals("d.md", p.file());
    }
}
