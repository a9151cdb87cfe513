package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import dev.gazette.render.PageKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old addresses that keep working: an article's {@code aliases:}, the site's redirects file, and an
 * article's URL under the slug rule before stop words were left out.
 */
class RedirectsTest {

    private static final String SEED = "000_2ef354383e72c04e.txt";
    private static final String SEED_OLD = "politique/le-partenariat-strategique-approfondi-au-menu-d-un-entretien-telephonique-entre/";
    private static final String SEED_NEW = "politique/partenariat-strategique-approfondi-menu-entretien-telephonique-nasser-bourita/";

    @TempDir
    Path tmp;

    private FixtureSite site() throws IOException {
        return new FixtureSite(tmp)
                .file("site.yml", "title: Gazette\nbaseUrl: https://gazette.example.ma/\nredirects: data/redirects.csv\n")
                .file("data/redirects.csv", """
                        # moved by hand
                        from,to
                        /ancienne-rubrique/,/rubriques/politique/
                        https://gazette.example.ma/vieux/article.html,/politique/nouveau-titre/
                        /partenaire/,https://partenaire.example.org/
                        """)
                .article("nouveau-titre.md", "Corps.", "title: Nouveau titre", "date: 2025-09-01T10:00:00+01:00", "category: Politique",
                        "aliases: [/politique/ancien-titre/, 'https://gazette.example.ma/2024/01/ancien.html']");
    }

    private static Document page(FixtureSite site, String file) throws IOException {
        Path p = site.out.resolve(file);
        assertTrue(Files.exists(p), file);
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    /** The redirect page's target, checking the pieces every redirect page has. */
    private static String target(Document doc) {
        String refresh = doc.selectFirst("meta[http-equiv=refresh]").attr("content");
        assertTrue(refresh.startsWith("0; url="), refresh);
        assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"));
        String href = refresh.substring("0; url=".length());
        assertEquals(href, doc.selectFirst("body a").attr("href"), "a visible link to the same place");
        return href;
    }

    @Test
    void aliasesAndTheRedirectsFileMakeRedirectPages() throws IOException {
        FixtureSite site = site();
        BuildReport report = site.build();
        assertTrue(report.succeeded(), () -> report.problems().toString());
        assertEquals(5, report.pages().get(PageKind.REDIRECT));

        Document alias = page(site, "politique/ancien-titre/index.html");
        assertEquals("../../politique/nouveau-titre/", target(alias));
        assertEquals("https://gazette.example.ma/politique/nouveau-titre/", alias.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Nouveau titre", alias.selectFirst("body a").text());

        assertEquals("../../politique/nouveau-titre/", target(page(site, "2024/01/ancien.html")));
        assertEquals("../rubriques/politique/", target(page(site, "ancienne-rubrique/index.html")));
        assertEquals("../politique/nouveau-titre/", target(page(site, "vieux/article.html")));
        Document outside = page(site, "partenaire/index.html");
        assertEquals("https://partenaire.example.org/", target(outside));
        assertEquals("https://partenaire.example.org/", outside.selectFirst("link[rel=canonical]").attr("href"));

        List<String> netlify = Files.readAllLines(site.out.resolve("_redirects"));
        assertTrue(netlify.contains("/politique/ancien-titre/ /politique/nouveau-titre/ 301"), netlify::toString);
        assertTrue(netlify.contains("/2024/01/ancien.html /politique/nouveau-titre/ 301"), netlify::toString);
        assertTrue(netlify.contains("/partenaire/ https://partenaire.example.org/ 301"), netlify::toString);
        assertEquals(6, netlify.size(), "a comment line and one line a redirect");

        String nginx = Files.readString(site.out.resolve("redirects.nginx.conf"));
        assertTrue(nginx.startsWith("# "), nginx);
        assertTrue(nginx.contains("map $uri $gazette_redirect {\n    default \"\";\n"), nginx);
        assertTrue(nginx.contains("    \"/politique/ancien-titre/\" \"/politique/nouveau-titre/\";\n"), nginx);
        assertTrue(nginx.contains("    \"/politique/ancien-titre/index.html\" \"/politique/nouveau-titre/\";\n"), nginx);
        assertTrue(nginx.strip().endsWith("}"), nginx);

        String sitemap = Files.readString(site.out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("politique/nouveau-titre/"));
        assertFalse(sitemap.contains("ancien"), "old addresses are not in the sitemap");
    }

    @Test
    void anOldAddressWithAccentsOrEscapesIsWrittenAtItsDecodedPath() throws IOException {
        FixtureSite site = new FixtureSite(tmp).article("a.md", "Corps.", "title: A", "date: 2025-09-01T10:00:00+01:00",
                "aliases: [/ancien/blé/, /vieux/caf%C3%A9/]");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), () -> report.problems().toString());
        assertEquals("../../non-classe/a/", target(page(site, "ancien/blé/index.html")));
        assertEquals("../../non-classe/a/", target(page(site, "vieux/café/index.html")));
        List<String> netlify = Files.readAllLines(site.out.resolve("_redirects"));
        assertTrue(netlify.contains("/ancien/bl%C3%A9/ /non-classe/a/ 301"), netlify::toString);
        assertTrue(Files.readString(site.out.resolve("redirects.nginx.conf")).contains("\"/vieux/café/\" \"/non-classe/a/\";"),
                "nginx compares the decoded path");
    }

    @Test
    void theSeedsOldUrlRedirectsToItsNewOne() throws IOException {
        FixtureSite site = new FixtureSite(tmp).file("site.yml", "title: Gazette\nbaseUrl: https://gazette.example.ma/news/\n")
                .file("articles/" + SEED, Files.readString(Path.of("articles", SEED)));
        BuildReport report = site.build();
        assertTrue(report.succeeded(), () -> report.problems().toString());
        assertTrue(Files.exists(site.out.resolve(SEED_NEW + "index.html")));
        Document old = page(site, SEED_OLD + "index.html");
        assertEquals("../../" + SEED_NEW, target(old));
        assertEquals("https://gazette.example.ma/news/" + SEED_NEW, old.selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(old.selectFirst("body a").text().startsWith("Le partenariat stratégique approfondi"));
        assertEquals(List.of("# Written by Gazette: old addresses and where they moved (301).", "/news/" + SEED_OLD + " /news/" + SEED_NEW + " 301"),
                Files.readAllLines(site.out.resolve("_redirects")));
    }

    @Test
    void withoutRedirectsThereAreNoRedirectFiles() throws IOException {
        FixtureSite site = new FixtureSite(tmp).article("a.md", "Corps.", "title: A", "date: 2025-09-01T10:00:00+01:00");
        assertTrue(site.build().succeeded());
        assertFalse(Files.exists(site.out.resolve("_redirects")));
        assertFalse(Files.exists(site.out.resolve("redirects.nginx.conf")));
    }

    @Test
    void anOldTitleUrlTakenByAPageIsNotRedirected() throws IOException {
        // "Un titre" made `un-titre` under the old rule; another article now has that slug.
        FixtureSite site = new FixtureSite(tmp)
                .article("!.md", "Corps.", "title: Un titre", "date: 2025-09-01T10:00:00+01:00")
                .article("un-titre.md", "Autre.", "title: Autre chose", "date: 2025-09-02T10:00:00+01:00");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), () -> report.problems().toString());
        assertEquals(null, report.pages().get(PageKind.REDIRECT));
        assertTrue(page(site, "non-classe/un-titre/index.html").select("meta[http-equiv=refresh]").isEmpty());
        assertTrue(Files.exists(site.out.resolve("non-classe/titre/index.html")));
    }

    @Test
    void titlesThatTheNewRuleWouldMergeKeepTheirOldDistinctUrls() throws IOException {
        // The old rule gave `le-maroc-et-la-russie` and `maroc-russie`; the new one would give both `maroc-russie`.
        FixtureSite site = new FixtureSite(tmp)
                .article("!.md", "Corps.", "title: Le Maroc et la Russie", "date: 2025-09-01T10:00:00+01:00")
                .article("!!.md", "Autre.", "title: Maroc-Russie", "date: 2025-09-02T10:00:00+01:00")
                .article("!!!.md", "Encore.", "title: Un Maroc, une Russie", "date: 2025-08-01T10:00:00+01:00");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), () -> report.problems().toString());
        assertEquals("Maroc-Russie", page(site, "non-classe/maroc-russie/index.html").selectFirst("h1").text(),
                "the article whose slug both rules give keeps it");
        assertEquals("Le Maroc et la Russie", page(site, "non-classe/le-maroc-et-la-russie/index.html").selectFirst("h1").text());
        assertEquals("Un Maroc, une Russie", page(site, "non-classe/un-maroc-une-russie/index.html").selectFirst("h1").text());
        assertEquals(null, report.pages().get(PageKind.REDIRECT), "nothing moved, nothing to redirect");
    }

    // ---- collisions and mistakes: errors naming the file and line, with a fix ----

    private static List<Problem> errors(FixtureSite site) throws IOException {
        BuildReport report = site.build();
        assertFalse(report.succeeded(), () -> "expected a failed build: " + report.problems());
        List<Problem> errors = report.problems().stream().filter(Problem::isError).toList();
        for (Problem p : errors) {
            assertNotNull(p.fix(), p.describe());
        }
        return errors;
    }

    @Test
    void anAliasAtARealPageIsAnError() throws IOException {
        List<Problem> errors = errors(site().article("autre.md", "Corps.", "title: Autre", "date: 2025-09-02T10:00:00+01:00",
                "category: Politique", "aliases: [/politique/nouveau-titre/]"));
        assertEquals(1, errors.size(), errors::toString);
        Problem p = errors.get(0);
        assertEquals("autre.md", p.file());
        assertEquals("aliases", p.field());
        assertTrue(p.message().contains("/politique/nouveau-titre/") && p.message().contains("nouveau-titre.md"), p.message());
        assertTrue(p.fix().contains("remove"), p.fix());
    }

    @Test
    void anAliasToItselfIsAnError() throws IOException {
        List<Problem> errors = errors(new FixtureSite(tmp).article("a.md", "Corps.", "title: A", "date: 2025-09-01T10:00:00+01:00",
                "aliases: [/non-classe/a/index.html]"));
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).message().contains("the page it redirects to"), errors.get(0).message());
    }

    @Test
    void twoRedirectsFromOneAddressAreAnErrorNamingBoth() throws IOException {
        FixtureSite site = site().file("data/redirects.csv", "/a/,/politique/nouveau-titre/\n/politique/ancien-titre,/rubriques/politique/\n");
        List<Problem> errors = errors(site);
        assertEquals(1, errors.size(), errors::toString);
        Problem p = errors.get(0);
        assertTrue(p.file().endsWith("data/redirects.csv"), p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("nouveau-titre.md"), "names the article whose alias came first: " + p.message());
    }

    @Test
    void aLineOfTheRedirectsFileAtARealPageOrOffTheSiteIsAnError() throws IOException {
        FixtureSite site = site().file("data/redirects.csv", "/rubriques/politique/,/politique/nouveau-titre/\n"
                + "https://ailleurs.example.org/x/,/politique/nouveau-titre/\nsans-slash/,/politique/nouveau-titre/\n/seul\n");
        List<Problem> errors = errors(site);
        assertEquals(4, errors.size(), errors::toString);
        assertEquals(List.of(1, 2, 3, 4), errors.stream().map(Problem::line).sorted().toList());
        assertTrue(errors.stream().anyMatch(p -> p.message().contains("rubric Politique")), errors::toString);
        assertTrue(errors.stream().anyMatch(p -> p.message().contains("not on this site")), errors::toString);
    }

    @Test
    void anOldAddressThatIsNoHtmlPageIsAnError() throws IOException {
        List<Problem> errors = errors(site().file("data/redirects.csv", "/feed.xml,/politique/nouveau-titre/\n/index.php,/\n"));
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().allMatch(p -> p.message().contains("not a page address")), errors::toString);
    }

    @Test
    void aMissingRedirectsFileIsAnError() throws IOException {
        FixtureSite site = new FixtureSite(tmp).file("site.yml", "title: G\nredirects: data/absent.csv\n")
                .article("a.md", "Corps.", "title: A", "date: 2025-09-01T10:00:00+01:00");
        List<Problem> errors = errors(site);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("redirects", errors.get(0).field());
    }
}
