package dev.gazette.web;

import dev.gazette.images.ImageInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    private static final ZonedDateTime T = ZonedDateTime.of(2025, 9, 9, 18, 36, 0, 0, ZoneId.of("Africa/Casablanca"));

    private static NewsArticleFacts facts(List<String> names) {
        return factsBy(names.stream().map(NewsArticleFacts.Author::person).toList());
    }

    private static NewsArticleFacts factsBy(List<NewsArticleFacts.Author> authors) {
        return new NewsArticleFacts("https://ex.ma/p/a/", "Title </script><script>alert(1)</script> & co", "Lead", T, T.plusDays(1),
                authors, new ImageInfo("https://ex.ma/media/a.png", 800, 600, 10, "image/png"), "Politique", List.of("Maroc", "Russie"),
                "fr", "Gazette", "https://ex.ma/", new ImageInfo("https://ex.ma/assets/logo.png", 120, 120, 10, "image/png"));
    }

    @Test
    void theNewsroomSignsAsAnOrganizationAndPeopleAsPersonsWithTheirPages() {
        JsonObject o = JsonParser.parseString(JsonLd.newsArticle(factsBy(List.of(
                new NewsArticleFacts.Author("La Rédaction", "https://ex.ma/auteurs/la-redaction/", true),
                new NewsArticleFacts.Author("Salma Benali", "https://ex.ma/auteurs/salma-benali/", false))))).getAsJsonObject();
        JsonObject newsroom = o.getAsJsonArray("author").get(0).getAsJsonObject();
        JsonObject person = o.getAsJsonArray("author").get(1).getAsJsonObject();
        assertEquals("Organization", newsroom.get("@type").getAsString());
        assertEquals("La Rédaction", newsroom.get("name").getAsString());
        assertEquals("Person", person.get("@type").getAsString());
        assertEquals("https://ex.ma/auteurs/salma-benali/", person.get("url").getAsString());
    }

    @Test
    void newsArticleCarriesTheFieldsSearchEnginesRead() {
        String json = JsonLd.newsArticle(facts(List.of("Salma Benali")));
        assertFalse(json.contains("</script>"), "cannot close its <script> element");
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("https://schema.org", o.get("@context").getAsString());
        assertEquals("NewsArticle", o.get("@type").getAsString());
        assertEquals("Title </script><script>alert(1)</script> & co", o.get("headline").getAsString());
        assertEquals("2025-09-09T18:36:00+01:00", o.get("datePublished").getAsString());
        assertEquals("2025-09-10T18:36:00+01:00", o.get("dateModified").getAsString());
        assertEquals("Salma Benali", o.getAsJsonArray("author").get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("Person", o.getAsJsonArray("author").get(0).getAsJsonObject().get("@type").getAsString());
        assertEquals("https://ex.ma/media/a.png", o.getAsJsonArray("image").get(0).getAsJsonObject().get("url").getAsString());
        JsonObject publisher = o.getAsJsonObject("publisher");
        assertEquals("Gazette", publisher.get("name").getAsString());
        assertEquals(120, publisher.getAsJsonObject("logo").get("width").getAsInt());
        assertEquals("Politique", o.get("articleSection").getAsString());
        assertEquals(2, o.getAsJsonArray("keywords").size());
        assertEquals("https://ex.ma/p/a/", o.getAsJsonObject("mainEntityOfPage").get("@id").getAsString());
    }

    @Test
    void anUnsignedArticleIsAttributedToThePublisher() {
        JsonObject o = JsonParser.parseString(JsonLd.newsArticle(facts(List.of()))).getAsJsonObject();
        assertEquals("Gazette", o.getAsJsonArray("author").get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void breadcrumbsAreNumberedFromTheRoot() {
        JsonObject o = JsonParser.parseString(JsonLd.breadcrumbs(List.of(new JsonLd.Crumb("Accueil", "https://ex.ma/"),
                new JsonLd.Crumb("Politique", "https://ex.ma/rubriques/politique/"), new JsonLd.Crumb("A", "https://ex.ma/p/a/")))).getAsJsonObject();
        assertEquals("BreadcrumbList", o.get("@type").getAsString());
        assertEquals(3, o.getAsJsonArray("itemListElement").size());
        JsonObject last = o.getAsJsonArray("itemListElement").get(2).getAsJsonObject();
        assertEquals(3, last.get("position").getAsInt());
        assertEquals("https://ex.ma/p/a/", last.get("item").getAsString());
    }
}
