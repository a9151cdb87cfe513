package dev.gazette.cli;

import static dev.gazette.cli.GazetteCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.cli.GazetteCommandTest.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette check}, driven as {@link Main} drives it. */
class CheckCommandTest {

    private static final Pattern SUMMARY = Pattern.compile("Checked .+: \\d+ pages, \\d+ feeds, sitemaps and other data files, "
            + "\\d+ links inside the site, \\d+ outside links[^;]*; \\d+ errors?( \\(.+\\))?, \\d+ warnings?( \\(.+\\))?(; .+)?; in \\d+\\.\\d\\d s\\.");

    private static String[] checkArgs(Path tmp, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--source", tmp.resolve("articles").toString(),
                "--templates", tmp.resolve("templates").toString(), "--config", tmp.resolve("site.yml").toString(),
                "--now", "2025-09-13T00:00:00Z", "--jobs", "1", "--base-url", "https://example.org/"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<Path> tempBuilds() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("gazette-check-")).toList();
        }
    }

    @Test
    void buildsTheSiteIntoATemporaryFolderAndChecksIt(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        List<Path> before = tempBuilds();
        Run r = run(checkArgs(tmp));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
        assertEquals(1, r.outLines().size(), r.out());
        assertTrue(SUMMARY.matcher(r.outLines().get(0)).matches(), r.out());
        assertTrue(r.out().startsWith("Checked the site built from " + tmp.resolve("articles") + ": "), r.out());
        assertTrue(r.out().contains("; 0 errors, 0 warnings;"), r.out());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing built beside the sources");
        assertEquals(before, tempBuilds(), "the temporary build is removed");
    }

    @Test
    void aBrokenSiteFailsWithOneLinePerProblem(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        assertEquals(0, run(GazetteCommandTest.buildArgs(tmp)).exit());
        Path out = tmp.resolve("out");
        Files.writeString(out.resolve("tags/maroc/index.html"), Files.readString(out.resolve("tags/maroc/index.html"))
                .replace("</main>", "<a href=\"/politique/foo/\">foo</a><img src=\"../../media/x.png\"></main>"));
        Run r = run("check", "--site", out.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> lines = r.outLines();
        assertEquals(List.of(
                "tags/maroc/index.html: error: broken link /politique/foo/ (no such page: politique/foo/index.html)",
                "tags/maroc/index.html: error: missing image ../../media/x.png (no such file: media/x.png)",
                "tags/maroc/index.html: error: image without a text alternative ../../media/x.png (add alt=\"…\" saying what it shows, "
                        + "or alt=\"\" if it is only decoration)"),
                lines.subList(0, lines.size() - 1));
        String summary = lines.get(lines.size() - 1);
        assertTrue(SUMMARY.matcher(summary).matches(), summary);
        assertTrue(summary.contains("3 errors (1 broken link, 1 missing image, 1 image without alt), 0 warnings"), summary);
    }

    @Test
    void warningsAloneDoNotFail(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        assertEquals(0, run(GazetteCommandTest.buildArgs(tmp)).exit());
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("vieux"));
        Files.writeString(out.resolve("vieux/index.html"), "<!DOCTYPE html><html><head><title>Vieux</title></head><body></body></html>");
        Run r = run("check", "--site", out.toString());
        assertEquals(0, r.exit(), r.out());
        assertEquals("vieux/index.html: warning: orphan page (no chain of links from the home page reaches it)", r.outLines().get(0));
        assertTrue(r.out().contains("0 errors, 1 warning (1 orphan page)"), r.out());
    }

    @Test
    void aSiteThatDoesNotBuildFails(@TempDir Path tmp) throws IOException {
        GazetteCommandTest.tinySite(tmp);
        Files.writeString(tmp.resolve("articles/cassé.md"), "pas de front matter\n");
        Run r = run(checkArgs(tmp));
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("cassé.md") && r.err().contains("The site does not build"), r.err());
    }

    @Test
    void badUsage(@TempDir Path tmp) throws IOException {
        assertEquals(2, run("check", "--site", tmp.resolve("nowhere").toString()).exit());
        Files.writeString(tmp.resolve("file"), "x");
        assertEquals(2, run("check", "--site", tmp.resolve("file").toString()).exit());
        assertEquals(2, run("check", "--site", tmp.toString(), "--base-url", "not absolute").exit());
        assertEquals(2, run("check", "--templates", tmp.resolve("no-theme").toString()).exit());
        assertEquals(2, run("check", "--colour").exit());
    }

    @Test
    void externalLinksAgainstALocalServer(@TempDir Path tmp) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/gone") ? 404 : 200, -1);
            ex.close();
        });
        server.start();
        try {
            String root = "http://127.0.0.1:" + server.getAddress().getPort();
            GazetteCommandTest.tinySite(tmp);
            Files.writeString(tmp.resolve("articles/liens.md"), "---\ntitle: Liens\ndate: 2025-09-03 10:00\n---\n"
                    + "[Une source](" + root + "/source) et [une autre](" + root + "/gone).\n");
            Run without = run(checkArgs(tmp));
            assertEquals(0, without.exit(), without.out());
            assertTrue(without.out().contains("outside links (not tried: add --external)"), without.out());

            Run with = run(checkArgs(tmp, "--external"));
            assertEquals(1, with.exit(), with.out() + with.err());
            assertEquals("non-classe/liens/index.html: error: broken external link " + root + "/gone (HTTP 404)", with.outLines().get(0));
            assertTrue(with.out().contains("1 error (1 broken outside link)"), with.out());
        } finally {
            server.stop(0);
        }
    }
}
