package dev.gazette.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gazette.check.Finding.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --external} against a local server that answers 200, 404, slowly, or refuses HEAD. */
class ExternalLinksTest {

    private HttpServer server;
    private ExecutorService handlers;
    private String root;
    /** Requests by "METHOD path". */
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    @TempDir
    Path site;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        // Slow answers must not hold up the others: one thread per request.
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
        root = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.computeIfAbsent(ex.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
        peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        boolean counted = true;
        try {
            boolean head = ex.getRequestMethod().equals("HEAD");
            int status = switch (path) {
                case "/ok", "/ok-too" -> 200;
                case "/missing" -> 404;
                case "/forbidden" -> 403;
                case "/no-head" -> head ? 405 : 200;
                case "/moved" -> {
                    ex.getResponseHeaders().add("Location", root + "/ok-too");
                    yield 301;
                }
                case "/slow" -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield 200;
                }
                default -> path.startsWith("/many/") ? slowly(200) : 500;
            };
            byte[] body = "<p>page</p>".getBytes();
            // Counted out before the answer leaves: once the client has it, its thread may start the
            // next request while this handler is still closing, which is not a ninth connection.
            concurrent.decrementAndGet();
            counted = false;
            ex.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                ex.getResponseBody().write(body);
            }
        } finally {
            if (counted) {
                concurrent.decrementAndGet();
            }
            ex.close();
        }
    }

    private static int slowly(int status) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    private void page(String relative, String title, String... links) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String link : links) {
            body.append("<a href=\"").append(link).append("\">x</a>");
        }
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>");
    }

    private CheckReport check() throws IOException {
        return SiteCheck.check(site, new CheckOptions("https://example.org/", 2, true, 8, Duration.ofMillis(700)));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void eachOutsideLinkIsTriedOnceHeadThenGet() throws IOException {
        String refused = "http://127.0.0.1:" + unusedPort() + "/";
        page("index.html", "Accueil", "a/", "b/", root + "/ok", root + "/ok#section", root + "/missing", root + "/slow", root + "/no-head",
                root + "/moved", root + "/forbidden", refused, "https://example.org/a/");
        page("a/index.html", "A", "../", root + "/ok", root + "/missing");
        page("b/index.html", "B", "../", root + "/ok");
        CheckReport r = check();

        // Within a page, by URL: the refused port may sort before or after the server's.
        assertEquals(java.util.Set.of(
                new Finding(Kind.BROKEN_EXTERNAL_LINK, "a/index.html", root + "/missing", "HTTP 404; also on index.html"),
                new Finding(Kind.UNVERIFIED_EXTERNAL_LINK, "index.html", root + "/forbidden", "HTTP 403: the server turns robots away; try it in a browser"),
                new Finding(Kind.UNVERIFIED_EXTERNAL_LINK, "index.html", root + "/slow", "no answer within 0.7 s"),
                new Finding(Kind.BROKEN_EXTERNAL_LINK, "index.html", refused, "cannot connect")),
                java.util.Set.copyOf(r.findings()));
        assertEquals(4, r.findings().size());
        assertEquals("a/index.html", r.findings().get(0).page(), "files in path order");
        assertFalse(r.passed());
        assertEquals(7, r.externalLinks(), "distinct outside links; the fragment never reaches the server");
        assertEquals(1, requests.get("HEAD /ok").get(), "linked from three pages, twice with a fragment: tried once");
        assertEquals(null, requests.get("GET /ok"), "HEAD answered: no GET");
        assertEquals(1, requests.get("GET /no-head").get(), "HEAD refused with 405: GET instead");
        assertEquals(1, requests.get("GET /missing").get(), "a 404 to HEAD is confirmed with GET");
        assertEquals(1, requests.get("HEAD /slow").get(), "a time-out is not tried again with GET");
    }

    @Test
    void atMostEightAtOnce() throws IOException {
        String[] links = new String[40];
        for (int i = 0; i < links.length; i++) {
            links[i] = root + "/many/" + i;
        }
        page("index.html", "Accueil", links);
        CheckReport r = check();
        assertEquals(List.of(), r.findings());
        assertEquals(40, requests.keySet().stream().filter(k -> k.startsWith("HEAD /many/")).count());
        assertTrue(peak.get() <= 8, "peak " + peak.get());
        assertTrue(peak.get() > 1, "tried in parallel: peak " + peak.get());
    }

    @Test
    void withoutExternalNothingIsTried() throws IOException {
        page("index.html", "Accueil", root + "/missing");
        CheckReport r = SiteCheck.check(site, CheckOptions.of(null, 1));
        assertEquals(List.of(), r.findings());
        assertEquals(1, r.externalLinks());
        assertTrue(requests.isEmpty());
    }
}
