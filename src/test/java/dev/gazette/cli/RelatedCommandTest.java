package dev.gazette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedCommandTest {

    @TempDir
    Path dir;
    Path articles;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = GazetteCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--source", articles.toString(), "--now", "2025-10-01T00:00:00Z"));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private void article(String file, String front, String body) throws IOException {
        Files.writeString(articles.resolve(file), "---\n" + front + "\n---\n" + body + "\n");
    }

    @BeforeEach
    void site() throws IOException {
        articles = Files.createDirectory(dir.resolve("articles"));
        article("bourita.md", "title: Entretien entre Bourita et Lavrov\ndate: 2025-09-09\ncategory: Politique\ntags: [Russie, Maroc]\n"
                + "related: [budget]", "La coopération diplomatique entre le Maroc et la Russie au menu de l'entretien.");
        article("anniversaire.md", "title: Anniversaire des relations Maroc-Russie\ndate: 2025-09-01\ncategory: Politique\n"
                + "tags: [Russie]", "Bourita et Lavrov saluent les relations diplomatiques entre Rabat et Moscou.");
        article("budget.md", "title: Loi de finances\ndate: 2025-09-05\ncategory: Économie", "Le budget prévoit des recettes en hausse.");
        article("brouillon.md", "title: Bourita et Lavrov, encore\ndate: 2025-09-08\ndraft: true\ntags: [Russie, Maroc]",
                "La coopération diplomatique entre le Maroc et la Russie, encore et toujours, Bourita, Lavrov.");
    }

    @Test
    void explainsEachSignalsShareAndThePins() {
        Run r = run("related", "bourita");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("Related to \"Entretien entre Bourita et Lavrov\""), r.out());
        assertTrue(r.out().contains("score") && r.out().contains("text") && r.out().contains("rubric"), r.out());
        int pinned = r.out().indexOf("pinned");
        int neighbour = r.out().indexOf("anniversaire");
        assertTrue(pinned > 0 && r.out().substring(pinned).contains("budget"), "the pin is listed: " + r.out());
        assertTrue(neighbour > pinned, "the pin comes first, then the best match: " + r.out());
        assertTrue(r.out().contains("terms: diplomatique") || r.out().contains(", diplomatique"),
                "the shared stem of diplomatique/diplomatiques is shown as written: " + r.out());
        assertTrue(r.out().contains("Russie") && !r.out().contains("russi,") && !r.out().contains("diplomatiqu,"),
                "words as written, not stems: " + r.out());
        assertTrue(r.out().contains("tags: russie"), r.out());
        assertFalse(r.out().contains("brouillon"), "a draft is never related: " + r.out());
    }

    @Test
    void draftsAreRelatedOnlyWhenPublished() {
        Run r = run("related", "bourita", "--drafts");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("brouillon"), r.out());
    }

    @Test
    void findsTheArticleByItsSourceFile() {
        Run bySource = run("related", "anniversaire.md");
        Run byPath = run("related", articles.resolve("anniversaire.md").toString());
        assertEquals(0, bySource.exit(), bySource.err());
        assertTrue(bySource.out().startsWith("Related to \"Anniversaire des relations Maroc-Russie\""), bySource.out());
        assertEquals(bySource.out(), byPath.out());
    }

    @Test
    void unknownArticlesAndBadUsageAreReported() {
        Run unknown = run("related", "nope");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("`nope`"), unknown.err());
        assertEquals(2, run("related").exit(), "an article or --stats is needed");
        assertEquals(2, run("related", "x", "--count", "0").exit());
    }

    @Test
    void statsMeasureTheWholeSite() {
        Run r = run("related", "--stats");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Related step for 3 articles"), r.out());
        assertTrue(r.out().contains("coverage"), r.out());
        assertTrue(r.out().matches("(?s).*CPU time of the related step: analysis \\d+ ms, index \\d+ ms, lists \\d+ ms; total \\d+ ms\\..*"), r.out());
    }

    @Test
    void aBrokenSiteIsNotExplained() throws IOException {
        article("broken.md", "title: [unclosed\ndate: 2025-09-01", "x");
        Run r = run("related", "anniversaire.md");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("broken.md"), r.err());
    }
}
