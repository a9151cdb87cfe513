package dev.gazette.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteServerTest {

    @TempDir
    Path tmp;

    private Path site;
    private LiveReload live;
    private SiteServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws IOException {
        site = Files.createDirectories(tmp.resolve("site"));
        write("index.html", "<!DOCTYPE html><html lang=\"fr\"><head><title>Une</title></head><body><p>Accueil</p></body></html>");
        write("politique/article/index.html", "<!DOCTYPE html><html><body><h1>Article</h1></body></html>");
        write("404.html", "<!DOCTYPE html><html><body><h1>Page introuvable</h1></body></html>");
        write("assets/gazette.css", "body{}");
        write("feed.xml", "<rss/>");
        write("images/photo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write(".gazette-manifest.tsv", "secret");
        Files.writeString(tmp.resolve("outside.txt"), "outside the site");
        live = new LiveReload();
        server = new SiteServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), site, live);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void write(String relative, String text) throws IOException {
        Path f = site.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void foldersServeTheirIndexWithTheLiveScriptAndACharset() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(home.body().contains("<p>Accueil</p><script src=\"/__gazette/live.js\" data-generation=\"0\"></script>\n</body>"), home.body());
        assertEquals(200, get("/politique/article/").statusCode());
        HttpResponse<String> bare = get("/politique/article");
        assertEquals(301, bare.statusCode());
        assertEquals("/politique/article/", bare.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void otherFilesKeepTheirBytesAndGetTheirType() throws Exception {
        HttpResponse<String> css = get("/assets/gazette.css");
        assertEquals("body{}", css.body());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/xml; charset=utf-8", get("/feed.xml").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("image/svg+xml", get("/images/photo.svg").headers().firstValue("Content-Type").orElseThrow());
        assertFalse(get("/feed.xml").body().contains("live.js"));
    }

    @Test
    void missingPagesGetTheSites404WithStatus404() throws Exception {
        HttpResponse<String> missing = get("/nulle-part/");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page introuvable"));
        assertTrue(missing.body().contains("live.js"), "a 404 page also shows a failed build's errors");
    }

    @Test
    void headSendsTheHeadersWithoutTheBody() throws Exception {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/assets/gazette.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("6", head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("", head.body());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void anUnchangedFileIsNotSentAgain() throws Exception {
        HttpResponse<String> first = get("/assets/gazette.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(first.headers().firstValue("Last-Modified").isPresent());
        assertEquals(304, get("/assets/gazette.css", "If-None-Match", etag).statusCode());
        assertEquals(304, get("/assets/gazette.css", "If-Modified-Since", first.headers().firstValue("Last-Modified").orElseThrow()).statusCode());
        write("assets/gazette.css", "body{color:red}");
        assertEquals(200, get("/assets/gazette.css", "If-None-Match", etag).statusCode());
    }

    @Test
    void aPageCachedBeforeARebuildIsSentAgainWithTheNewGeneration() throws Exception {
        String etag = get("/").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/", "If-None-Match", etag).statusCode());
        live.succeeded(true);
        HttpResponse<String> again = get("/", "If-None-Match", etag);
        assertEquals(200, again.statusCode(), "a cached page would reload for ever: its script holds the old generation");
        assertTrue(again.body().contains("data-generation=\"1\""));
    }

    @Test
    void noRequestPathLeavesTheSite() throws Exception {
        for (String path : new String[] {"/../outside.txt", "/%2e%2e/outside.txt", "/assets/..%2f..%2foutside.txt",
                "/.gazette-manifest.tsv", "/assets/%00.css", "/..%5coutside.txt"}) {
            assertEquals(404, rawStatus(path), path);
        }
        Files.createSymbolicLink(site.resolve("escape.txt"), tmp.resolve("outside.txt"));
        assertEquals(404, get("/escape.txt").statusCode(), "a link out of the site");
    }

    /** The status line of a request sent as written, without a client's normalisation of dot segments. */
    private int rawStatus(String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void aSitePublishedUnderAPathIsServedThere() throws Exception {
        server.basePath("/news/");
        assertEquals(301, get("/").statusCode());
        assertEquals("/news/", get("/").headers().firstValue("Location").orElseThrow());
        assertEquals(301, get("/news").statusCode());
        assertEquals(200, get("/news/").statusCode());
        assertEquals(200, get("/news/politique/article/").statusCode());
        assertEquals(404, get("/politique/article/").statusCode());
        assertEquals(200, get("/__gazette/live.js").statusCode(), "the script is at the server's root, whatever the base path");
    }

    @Test
    void theEventStreamSaysTheStateAtOnceThenEachBuild() throws Exception {
        live.failed(java.util.List.of(dev.gazette.model.Problem.error("a.md", 3, "title", "bad <b>title</b>", "quote it")));
        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/__gazette/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", events.headers().firstValue("Content-Type").orElseThrow());
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            String data = nextData(reader);
            assertTrue(data.contains("\"ok\":false") && data.contains("\"file\":\"a.md\"") && data.contains("\"line\":3"), data);
            live.succeeded(true);
            data = nextData(reader);
            assertTrue(data.contains("\"generation\":1") && data.contains("\"ok\":true"), data);
        }
    }

    private static String nextData(java.io.BufferedReader reader) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("data: ")) {
                return line;
            }
        }
        throw new AssertionError("the stream ended");
    }
}
