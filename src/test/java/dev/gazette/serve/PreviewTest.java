package dev.gazette.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.pipeline.BuildOptions;
import dev.gazette.pipeline.BuildReport;
import dev.gazette.pipeline.SiteBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewTest {

    private static final Instant NOW = Instant.parse("2025-09-13T00:00:00Z");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private Path site() throws Exception {
        Path articles = Files.createDirectories(tmp.resolve("articles"));
        Files.writeString(articles.resolve("publie.md"), "---\ntitle: Article publié\ndate: 2025-09-10\ncategory: Politique\n---\nTexte publié.\n");
        Files.writeString(articles.resolve("brouillon.md"), "---\ntitle: Article en cours\ndate: 2025-09-11\ncategory: Politique\ndraft: true\n---\nTexte.\n");
        Files.writeString(articles.resolve("demain.md"), "---\ntitle: Article de demain\ndate: 2025-09-20\ncategory: Politique\n---\nTexte.\n");
        Files.writeString(tmp.resolve("site.yml"), "title: Essai\nbaseUrl: https://example.org/news/\n");
        return articles;
    }

    private BuildOptions options(Path articles, Path out, boolean drafts) {
        return new BuildOptions(articles, tmp.resolve("templates"), out, tmp.resolve("site.yml"), null, drafts, drafts, NOW, 2,
                tmp.resolve(".gazette"));
    }

    private Document page(URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), uri.toString());
        return Jsoup.parse(r.body(), uri.toString());
    }

    @Test
    void draftsAndScheduledArticlesAreMarkedAndTheSiteIsServedUnderItsPath() throws Exception {
        Path articles = site();
        Path out = tmp.resolve(".gazette/preview");
        try (Preview preview = Preview.open(options(articles, out, true), () -> NOW, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            BuildReport report = preview.build();
            assertTrue(report.succeeded(), report.problems().toString());
            assertTrue(preview.address().toString().endsWith("/news/"), preview.address().toString());
            Document home = page(preview.address());
            assertEquals(List.of("Brouillon", "Programmé"), home.select(".status").eachText().stream().distinct().sorted().toList());
            assertEquals("Brouillon", home.select(".card:has(a:contains(Article en cours)) .status").first().text());
            Document draft = page(preview.address().resolve("politique/brouillon/"));
            assertEquals("Brouillon", draft.select("h1 .status").text());
            assertTrue(draft.select("link[rel=canonical]").attr("href").startsWith(preview.address().toString()),
                    "links stay on the preview");
            assertEquals(1, draft.select("script[src=/__gazette/live.js]").size());
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.UTF_8).contains("__gazette"), "the script is added when serving, never written: " + f);
            }
        }
    }

    @Test
    void buildOutputHasNoMarksNoDraftsAndNoScript() throws Exception {
        Path articles = site();
        Path out = tmp.resolve("site-out");
        BuildReport report = SiteBuilder.build(options(articles, out, false));
        assertTrue(report.succeeded(), report.problems().toString());
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("__gazette") || text.contains("class=\"status") || text.contains("Article en cours")
                        || text.contains("Article de demain"), f.toString());
            }
        }
    }

    @Test
    void aChangeRebuildsAndAFailedRebuildKeepsTheLastGoodSite() throws Exception {
        Path articles = site();
        Path out = tmp.resolve(".gazette/preview");
        List<BuildReport> builds = new CopyOnWriteArrayList<>();
        try (Preview preview = Preview.open(options(articles, out, false), () -> NOW, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread watcher = new Thread(() -> {
                try {
                    preview.run((report, changes) -> builds.add(report));
                } catch (Exception e) {
                    // interrupted: the test is over
                }
            });
            watcher.setDaemon(true);
            watcher.start();
            awaitBuilds(builds, 1); // the first build
            assertTrue(builds.get(0).succeeded());
            URI article = preview.address().resolve("politique/publie/");
            Files.writeString(articles.resolve("publie.md"), "---\ntitle: Article corrigé\ndate: 2025-09-10\ncategory: Politique\n---\nTexte corrigé.\n");
            awaitBuilds(builds, 2);
            assertEquals("Article corrigé", page(article).select("h1").text());
            Files.writeString(articles.resolve("publie.md"), "---\ntitle: [cassé\n---\n");
            awaitBuilds(builds, 3);
            assertFalse(builds.get(2).succeeded());
            assertEquals("Article corrigé", page(article).select("h1").text(), "the last good site stays served");
            watcher.interrupt();
        }
    }

    private static void awaitBuilds(List<BuildReport> builds, int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (builds.size() < n && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(builds.size() >= n, "no rebuild after the change");
    }
}
