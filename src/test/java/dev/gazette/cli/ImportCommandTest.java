package dev.gazette.cli;

import static dev.gazette.cli.GazetteCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.cli.GazetteCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gazette import} on the folder of saved-page fixtures (good and broken, in four scripts),
 * then {@code gazette build} on what it wrote: the report, the files, a second run, an editor's
 * change, and the site.
 */
class ImportCommandTest {

    private static final Path PAGES = Path.of("src/test/resources/intake/pages");

    private static Path copyPages(Path tmp) throws IOException {
        Path to = tmp.resolve("saved");
        try (Stream<Path> walk = Files.walk(PAGES)) {
            for (Path p : walk.sorted().toList()) {
                Path dest = to.resolve(PAGES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        // A plain-text article of the news format, and a file that is no page.
        Files.writeString(to.resolve("depeche.txt"), """
                 date 2025-09-09 Politique

                Un partenariat renforcé

                Légende de la photo.

                Le chapô de la dépêche, en une phrase.

                Par Salma Benali

                Le 09/09/2025 à 18h36

                Premier paragraphe du corps de la dépêche.

                Second paragraphe du corps.

                Par Salma Benali

                #Maroc#Russie
                """, StandardCharsets.UTF_8);
        Files.writeString(to.resolve("notes.csv"), "a,b\n");
        return to;
    }

    private static Map<String, String> lines(String out) {
        Map<String, String> byFile = new TreeMap<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(": ");
            if (!line.startsWith(" ") && colon > 0 && line.contains("saved/")) {
                String rest = line.substring(colon + 2);
                String file = rest.replaceFirst(" -> .*", "");
                byFile.put(file.substring(file.indexOf("saved/") + 6), line.substring(0, colon));
            }
        }
        return byFile;
    }

    @Test
    void importsAFolderReportsEachFileAndBuilds(@TempDir Path tmp) throws IOException {
        Path saved = copyPages(tmp);
        Path articles = tmp.resolve("articles");
        String config = tmp.resolve("site.yml").toString();
        Files.writeString(tmp.resolve("site.yml"), "title: The Harbour Courier\nlanguage: en\ntimeZone: UTC\n");
        Run r = run("import", saved.toString(), "--to", articles.toString(), "--config", config);
        assertEquals(1, r.exit(), "some files were skipped: " + r.out() + r.err());
        Map<String, String> status = lines(r.out());
        assertEquals("skipped", status.get("broken-no-date.html"), r.out());
        assertEquals("skipped", status.get("broken-empty.html"), r.out());
        assertEquals("skipped", status.get("broken-bad-date.html"), r.out());
        assertEquals("imported", status.get("ferry-itemprop.html"), r.out());
        assertEquals("imported", status.get("depeche.txt"), r.out());
        assertEquals("imported with warnings", status.get("lighthouse-images.html"), r.out());
        assertFalse(status.containsKey("notes.csv"), "files in a folder that are no pages are not reported: " + r.out());
        assertFalse(status.keySet().stream().anyMatch(f -> f.startsWith("lighthouse_files/")),
                "the folder saved beside a page is not imported: " + r.out());
        assertTrue(r.out().contains("no publication date"), r.out());
        assertTrue(r.out().contains("--date-fallback"), "the reason says how to import it anyway: " + r.out());
        assertTrue(r.out().contains("missing.png"), "the image not saved beside the page is named: " + r.out());
        assertTrue(r.out().strip().endsWith("24 files: 21 imported (2 with warnings), 0 unchanged, 3 skipped."), r.out());

        String ferry = Files.readString(articles.resolve("ferry-operator-adds-two-late-evening-crossings.md"));
        assertTrue(ferry.startsWith("---\n# Imported by gazette import from ferry-itemprop.html\n"
                + "title: \"Ferry operator adds two late-evening crossings\"\ndate: 2016-01-05T16:15:00Z\n"), ferry);
        assertTrue(ferry.contains("author: \"Steven Musil\"\n"), ferry);
        assertTrue(ferry.contains("\nThe city's ferry operator said on Tuesday"), ferry);
        for (String slug : List.of("afttah-hdyqt-jdydt-ly-dfaf-alnhr", "de-tie-xin-xian-ming-nian-chun-tian-kai-tong",
                "teatr-otkroet-sezon-posle-rekonstrukcii", "neos-epibatikos-stathmos-sto-limani")) {
            assertTrue(Files.exists(articles.resolve(slug + ".md")), () -> slug + ": the page in another script gets a "
                    + "transliterated slug: " + list(articles));
        }
        assertTrue(Files.exists(articles.resolve("images/lighthouse-keeper-s-cottage-goes-under-hammer/keeper.png")), () -> list(articles));
        assertTrue(Files.exists(articles.resolve("images/lighthouse-keeper-s-cottage-goes-under-hammer/tower.png")), () -> list(articles));

        // Running it again changes nothing and says so.
        Map<String, String> before = snapshot(articles);
        Run again = run("import", saved.toString(), "--to", articles.toString(), "--config", config);
        assertEquals(before, snapshot(articles));
        assertTrue(again.out().strip().endsWith("24 files: 0 imported, 21 unchanged, 3 skipped."), again.out());

        // An editor's change is never overwritten.
        Path edited = articles.resolve("ferry-operator-adds-two-late-evening-crossings.md");
        Files.writeString(edited, ferry.replace("Tuesday", "Wednesday"));
        Run third = run("import", saved.resolve("ferry-itemprop.html").toString(), "--to", articles.toString(), "--config", config);
        assertEquals(1, third.exit());
        assertTrue(third.out().contains("exists already and differs"), third.out());
        assertTrue(Files.readString(edited).contains("Wednesday"));

        // The pages without a date, with a fallback date.
        Run fallback = run("import", saved.resolve("broken-no-date.html").toString(), "--to", articles.toString(),
                "--date-fallback", "2020-02-03", "--config", config);
        assertEquals(0, fallback.exit(), fallback.out());
        assertTrue(fallback.out().contains("imported with warnings"), fallback.out());
        assertTrue(Files.readString(articles.resolve("undated-note.md")).contains("date: 2020-02-03\n"));

        // The imported folder builds, and the Arabic article reads right to left.
        Files.createDirectories(tmp.resolve("templates"));
        Run build = run("build", "--source", articles.toString(), "--out", tmp.resolve("site-out").toString(),
                "--templates", tmp.resolve("templates").toString(), "--no-cache", "--now", "2025-09-13T00:00:00Z", "--config", config);
        assertEquals(0, build.exit(), build.out() + build.err());
        Path arabic;
        try (Stream<Path> walk = Files.walk(tmp.resolve("site-out"))) {
            arabic = walk.filter(p -> p.toString().endsWith("index.html")).filter(p -> {
                try {
                    return Files.readString(p).contains("افتتاح حديقة جديدة");
                } catch (IOException e) {
                    return false;
                }
            }).filter(p -> p.getParent().getFileName().toString().contains("hdyq")).findFirst().orElse(null);
        }
        assertNotNull(arabic, "the Arabic article's page");
        Document page = Jsoup.parse(arabic.toFile(), "UTF-8");
        Element story = page.selectFirst("article.story");
        assertEquals("rtl", story.attr("dir"), story.outerHtml().substring(0, 120));
        assertEquals("ar", story.attr("lang"));
    }

    @Test
    void badUsageIsExitTwo(@TempDir Path tmp) {
        Run r = run("import", tmp.toString(), "--date-fallback", "someday");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--date-fallback"), r.err());
        assertEquals(2, run("import").exit());
    }

    @Test
    void aMissingSourceIsSkippedAndTheOthersImported(@TempDir Path tmp) throws IOException {
        Path page = tmp.resolve("p.html");
        Files.writeString(page, "<html lang=en><head><meta property=article:published_time content=2024-01-02T10:00:00Z></head>"
                + "<body><article><h1>A small page</h1><p>With one paragraph of text, long enough to be prose.</p></article></body></html>");
        Run r = run("import", tmp.resolve("nope.html").toString(), page.toString(), "--to", tmp.resolve("out").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("skipped: " + tmp.resolve("nope.html").toString().replace('\\', '/')), r.out());
        assertTrue(r.out().contains("imported: "), r.out());
        assertTrue(Files.exists(tmp.resolve("out/small-page.md")));
        assertEquals(List.of("small-page.md"), Files.list(tmp.resolve("out")).map(p -> p.getFileName().toString()).toList(),
                "nothing else written");
    }

    @Test
    void aUnicodeSlugSiteGetsFilesNamedInTheTitlesScript(@TempDir Path tmp) throws IOException {
        Path config = tmp.resolve("site.yml");
        Files.writeString(config, "title: Вести\nlanguage: ru\nslugs: unicode\n", StandardCharsets.UTF_8);
        Path page = tmp.resolve("teatr.html");
        Files.writeString(page, "<html lang=ru><head><meta charset=utf-8><meta property=article:published_time content=2024-03-02T10:00:00+03:00>"
                + "</head><body><article><h1>Театр откроет сезон</h1><p>Городской театр откроет новый сезон премьерой в сентябре, "
                + "сообщила дирекция театра.</p></article></body></html>", StandardCharsets.UTF_8);
        Path articles = tmp.resolve("articles");
        Run r = run("import", page.toString(), "--to", articles.toString(), "--config", config.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(Files.exists(articles.resolve("театр-откроет-сезон.md")), list(articles));
        assertTrue(Files.readString(articles.resolve("театр-откроет-сезон.md")).contains("Театр откроет сезон"));
        // Again: the file is the import's, unchanged.
        Run again = run("import", page.toString(), "--to", articles.toString(), "--config", config.toString());
        assertTrue(again.out().contains("unchanged: "), again.out());
        // And the build publishes it at the Unicode address, linked percent-encoded.
        Path out = tmp.resolve("site-out");
        Run built = run("build", "--source", articles.toString(), "--config", config.toString(), "--out", out.toString(), "--no-cache");
        assertEquals(0, built.exit(), built.err());
        try (Stream<Path> walk = Files.walk(out)) {
            assertTrue(walk.anyMatch(p -> p.endsWith(Path.of("театр-откроет-сезон", "index.html"))), list(out));
        }
        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertTrue(home.select("a[href]").stream().anyMatch(a -> a.attr("href").contains("%D1%82%D0%B5%D0%B0%D1%82%D1%80")),
                home.select("a[href]").toString());
        // With the default rule the same page gets its transliterated file name.
        Path ascii = tmp.resolve("ascii");
        assertEquals(0, run("import", page.toString(), "--to", ascii.toString()).exit());
        assertTrue(Files.exists(ascii.resolve("teatr-otkroet-sezon.md")), list(ascii));
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)
                        + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    private static String list(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(Path::toString).sorted().toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
