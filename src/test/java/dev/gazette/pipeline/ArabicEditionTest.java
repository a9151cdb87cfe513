package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site whose language is Arabic (an edition of its own): pages right to left with the theme's
 * Arabic labels and Moroccan dates, and a French article in it laid out left to right.
 */
class ArabicEditionTest {

    @TempDir
    Path tmp;

    @Test
    void anArabicSiteIsRightToLeftWithArabicLabelsAndDates() throws IOException {
        FixtureSite site = new FixtureSite(tmp);
        site.file("site.yml", "title: \"جريدة المغرب\"\nbaseUrl: https://ar.gazette.example.ma/\nlanguage: ar-MA\ntimeZone: Africa/Casablanca\n");
        site.article("hadiqa.md", "أعلنت بلدية الرباط عن افتتاح حديقة عمومية جديدة على ضفاف النهر.", "title: \"افتتاح حديقة جديدة في الرباط\"",
                "date: 2025-09-11T10:00:00+01:00", "category: مجتمع", "author: سلمى بناني");
        site.article("visite.md", "Le ministre a reçu son homologue.", "title: \"Visite officielle à Rabat\"", "date: 2025-09-12T10:00:00+01:00",
                "category: Politique", "lang: fr");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);

        Document home = Jsoup.parse(site.out.resolve("index.html").toFile(), "UTF-8");
        Element html = home.selectFirst("html");
        assertEquals("rtl", html.attr("dir"));
        assertTrue(html.attr("lang").toLowerCase().startsWith("ar"), html.attr("lang"));
        assertTrue(home.text().contains("أبرز الأخبار"), "the theme's Arabic labels: " + home.select("h2").eachText());
        assertTrue(home.selectFirst("#masthead-q").hasAttr("dir"), "the search box follows what is typed in it");
        Element french = home.selectFirst("article.card[lang=fr]");
        assertNotNull(french, "the French article's card names its language");
        assertEquals("ltr", french.attr("dir"), "and is laid out left to right");

        Document article = Jsoup.parse(site.out.resolve("mjtm/hadiqa/index.html").toFile(), "UTF-8");
        assertEquals("11 شتنبر 2025، 10:00", article.selectFirst("p.dateline time").text(), "Moroccan month names");
        assertTrue(article.selectFirst("p.byline").text().startsWith("بقلم"), article.selectFirst("p.byline").text());
    }
}
