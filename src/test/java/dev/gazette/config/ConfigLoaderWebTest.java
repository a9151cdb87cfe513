package dev.gazette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings for feeds, the most-read block, the logo and the social card. */
class ConfigLoaderWebTest {

    @Test
    void defaults() {
        SiteConfig c = ConfigLoader.parse("title: T\n", "site.yml").config();
        assertEquals(50, c.feedItems());
        assertTrue(c.tagFeeds());
        assertEquals("", c.mostRead());
        assertEquals(5, c.mostReadCount());
        assertEquals("assets/logo.png", c.logo());
        assertEquals("", c.twitterSite());
    }

    @Test
    void everyKeyIsRead() {
        ConfigLoader.Result r = ConfigLoader.parse("""
                feedItems: 20
                tagFeeds: false
                mostRead: data/vues.csv
                mostReadCount: 3
                logo: https://cdn.example.ma/logo.png
                twitterSite: gazette_ma
                """, "site.yml");
        assertEquals(List.of(), r.problems());
        SiteConfig c = r.config();
        assertEquals(20, c.feedItems());
        assertFalse(c.tagFeeds());
        assertEquals("data/vues.csv", c.mostRead());
        assertEquals(3, c.mostReadCount());
        assertEquals("https://cdn.example.ma/logo.png", c.logo());
        assertEquals("@gazette_ma", c.twitterSite());
        assertEquals(c, c.withBaseUrl("https://x.ma/").withBaseUrl(""), "withBaseUrl keeps every other setting");
    }

    @Test
    void badValuesAreErrorsNamingTheField() {
        ConfigLoader.Result r = ConfigLoader.parse("feedItems: 0\ntagFeeds: maybe\nlogo: ../../etc/passwd\n", "site.yml");
        assertFalse(r.ok());
        assertEquals(List.of("feedItems", "tagFeeds", "logo"), r.problems().stream().filter(Problem::isError).map(Problem::field).toList());
    }

    @Test
    void theMenuAndTheSocialImage() {
        ConfigLoader.Result r = ConfigLoader.parse("""
                title: T
                socialImage: assets/social.png
                menu:
                  - Politique
                  - {rubric: Économie, label: Éco}
                  - rubric: Sport
                    label: Les sports
                """, "site.yml");
        assertTrue(r.ok(), r.problems()::toString);
        SiteConfig c = r.config();
        assertEquals("assets/social.png", c.socialImage());
        assertEquals(List.of(new MenuEntry("Politique", "", 4), new MenuEntry("Économie", "Éco", 5), new MenuEntry("Sport", "Les sports", 6)),
                c.menu());
        assertEquals(List.of(), ConfigLoader.parse("title: T\n", "site.yml").config().menu());
        assertEquals("", ConfigLoader.parse("title: T\n", "site.yml").config().socialImage());
    }

    @Test
    void badMenusAndSocialImagesAreErrorsNamingTheLine() {
        ConfigLoader.Result r = ConfigLoader.parse("title: T\nsocialImage: /etc/x.png\nmenu:\n  - Sport\n  - sport\n  - [a, b]\n  - {label: X}\n", "site.yml");
        assertFalse(r.ok());
        List<Problem> errors = r.problems().stream().filter(Problem::isError).toList();
        assertEquals(List.of("socialImage", "menu", "menu", "menu"), errors.stream().map(Problem::field).toList(), errors::toString);
        assertEquals(List.of(2, 5, 6, 7), errors.stream().map(Problem::line).toList(), errors::toString);
        assertEquals(List.of(new MenuEntry("Sport", "", 4)), r.config().menu());
    }
}
