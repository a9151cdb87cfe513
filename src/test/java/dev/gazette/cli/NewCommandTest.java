package dev.gazette.cli;

import static dev.gazette.cli.GazetteCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.cli.GazetteCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette new}, driven as {@link Main} drives it. */
class NewCommandTest {

    private static Run newArticle(Path tmp, String... more) {
        List<String> args = new ArrayList<>(List.of("new", "--source", tmp.resolve("articles").toString(),
                "--config", tmp.resolve("site.yml").toString(), "--now", "2025-09-10T13:05:00Z"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** The command line's tiny site, published at https://example.org/. */
    private static void site(Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        Files.writeString(tmp.resolve("site.yml"), "baseUrl: https://example.org/\n", java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void writesTheArticleAndPrintsTheUrlTheBuildGivesIt(@TempDir Path tmp) throws IOException {
        site(tmp);
        Run r = newArticle(tmp, "Sergueï Lavrov: « la Russie » dit \"oui\"", "--rubric", "Politique", "--tags", "Maroc,Russie");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        Path file = tmp.resolve("articles/serguei-lavrov-russie-dit-oui.md");
        assertEquals(List.of("Wrote " + file, "URL: https://example.org/politique/serguei-lavrov-russie-dit-oui/"), r.outLines());
        String text = Files.readString(file);
        assertTrue(text.contains("date: 2025-09-10T14:05:00+01:00\n"), "now, in the site's zone (Africa/Casablanca): " + text);

        // The build publishes it where `new` said, with the title as given.
        Run build = run(GazetteCommandTest.buildArgs(tmp));
        assertEquals(0, build.exit(), build.err());
        Path page = tmp.resolve("out/politique/serguei-lavrov-russie-dit-oui/index.html");
        assertTrue(Files.isRegularFile(page), "the page at the printed URL");
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        assertTrue(text.contains("title: \"Sergueï Lavrov: « la Russie » dit \\\"oui\\\"\"\n"), "the file keeps the title as typed: " + text);
        assertEquals(dev.gazette.text.FrenchTypography.text("Sergueï Lavrov: « la Russie » dit \"oui\""), doc.selectFirst("h1").wholeText(),
                "the page shows it typeset (French)");
        assertEquals("Sergueï Lavrov\u00A0: «\u00A0la Russie\u00A0» dit «\u00A0oui\u00A0»", doc.selectFirst("h1").wholeText());
        assertEquals("https://example.org/politique/serguei-lavrov-russie-dit-oui/", doc.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void neverOverwritesAnArticle(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        assertEquals(0, newArticle(tmp, "Un titre").exit());
        Path file = tmp.resolve("articles/titre.md");
        Files.writeString(file, "edited");
        Run again = newArticle(tmp, "Un titre", "--rubric", "Sport");
        assertEquals(1, again.exit());
        assertEquals("", again.out());
        assertTrue(again.err().contains(file.toString()) && again.err().contains("exists already") && again.err().contains("Fix:"), again.err());
        assertEquals("edited", Files.readString(file));
        Run txt = newArticle(tmp, "Un titre", "--format", "txt");
        assertEquals(1, txt.exit(), "the same name in another format would collide in the build");
        assertTrue(txt.err().contains(file.toString()), txt.err());
        assertFalse(Files.exists(tmp.resolve("articles/titre.txt")));
    }

    @Test
    void aTitleWithoutLetterOrDigitIsBadUsage(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        for (String title : List.of("", "  ", "?!", "« »")) {
            Run r = newArticle(tmp, title);
            assertEquals(2, r.exit(), title);
            assertTrue(r.err().contains("title"), r.err());
        }
        assertEquals(2, run("new").exit(), "no title at all");
        assertEquals(2, newArticle(tmp, "Titre", "--format", "html").exit());
        assertEquals(2, newArticle(tmp, "Titre", "--rubric", "!!").exit());
        assertEquals(2, newArticle(tmp, "Titre", "--now", "tomorrow").exit());
        try (var files = Files.list(tmp.resolve("articles"))) {
            assertEquals(3, files.count(), "nothing written on bad usage");
        }
    }

    @Test
    void thePlainTextFormat(@TempDir Path tmp) throws IOException {
        site(tmp);
        Run r = newArticle(tmp, "Le port de Tanger Med", "--format", "txt", "--rubric", "Économie", "--tags", "Maroc,Ports");
        assertEquals(0, r.exit(), r.err());
        assertEquals("URL: https://example.org/economie/port-tanger-med/", r.outLines().get(1), r.out());
        assertTrue(Files.readString(tmp.resolve("articles/port-tanger-med.txt")).startsWith("date 2025-09-10 Économie\n"));
        Run refused = newArticle(tmp, "Les contenus liés", "--format", "txt");
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("leave out --format txt"), refused.err());
    }

    @Test
    void startsFromTheArchetypeBesideTheConfiguration(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        Files.createDirectories(tmp.resolve("archetypes"));
        Files.writeString(tmp.resolve("archetypes/default.md"), "---\ntitle: {title}\ndate: {date}\ncategory: {rubric}\ndraft: true\n---\n\n# {title}\n");
        Run r = newArticle(tmp, "Brouillon", "--rubric", "Politique");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.outLines().get(0).endsWith("(from " + tmp.resolve("archetypes/default.md") + ")"), r.out());
        assertTrue(r.outLines().get(1).contains("a draft"), r.out());
        assertTrue(Files.readString(tmp.resolve("articles/brouillon.md")).endsWith("\n# Brouillon\n"));

        Files.writeString(tmp.resolve("archetypes/default.md"), "---\ndate: {date}\n---\n");
        Run broken = newArticle(tmp, "Sans titre");
        assertEquals(1, broken.exit(), "the site's archetype is wrong: not a usage error");
        assertTrue(broken.err().contains("archetype") && broken.err().contains("title"), broken.err());
        assertFalse(Files.exists(tmp.resolve("articles/sans-titre.md")));
    }

    @Test
    void withoutABaseUrlTheUrlIsFromTheSitesRoot(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        Run r = newArticle(tmp, "Un titre", "--rubric", "Sport");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.outLines().get(1).startsWith("URL: sport/titre/ (from the site's root: set baseUrl"), r.out());
    }

    @Test
    void aMissingArticlesFolderIsAnError(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        Run r = run("new", "Titre", "--source", tmp.resolve("nowhere").toString(), "--config", tmp.resolve("site.yml").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nowhere") && r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(tmp.resolve("nowhere")));
    }
}
