package dev.gazette.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a built site from its folder, as a web host would: {@code index.html} for folders, the
 * site's {@code 404.html} with status 404, content types with their charset, HEAD, ETag and
 * Last-Modified. The site is served under its base URL's path. HTML pages get the live-reload
 * script on the way out. No request path can leave the folder: {@code ..} and hidden names are
 * refused, and the real path of what is served must lie inside the folder.
 *
 * <p>The JDK's own server is enough for a preview on one machine (one connection per open page, a
 * few files a second) and adds nothing to the jar or to start-up.
 */
final class SiteServer implements AutoCloseable {

    /** Open pages at once: each keeps a connection for its live-reload events. */
    private static final int MAX_LISTENERS = 64;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService workers;
    private final Path root;
    private final LiveReload live;
    private final Semaphore listeners = new Semaphore(MAX_LISTENERS);
    private volatile String basePath = "/";

    /**
     * Binds {@code address}; {@link java.net.BindException} when the port is taken.
     *
     * @param root the site's folder (it may not exist yet: requests get a 404 until the first build)
     */
    SiteServer(InetSocketAddress address, Path root, LiveReload live) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.live = live;
        this.server = HttpServer.create(address, 64);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gazette-serve-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port bound (useful with port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    /** Serves the site under {@code path} ({@code /} or {@code /news/}): it follows the base URL. */
    void basePath(String path) {
        this.basePath = path;
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "Only GET and HEAD.\n".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            if (path == null || !path.startsWith("/")) {
                send(ex, 400, "text/plain; charset=utf-8", "Bad request path.\n".getBytes(StandardCharsets.UTF_8), head);
                return;
            }
            if (path.equals(LiveReload.SCRIPT)) {
                ex.getResponseHeaders().set("Cache-Control", "no-cache");
                send(ex, 200, "text/javascript; charset=utf-8", live.script(), head);
                return;
            }
            if (path.equals(LiveReload.EVENTS)) {
                events(ex, head);
                return;
            }
            String base = basePath;
            if (!path.startsWith(base)) {
                if (base.startsWith(path.endsWith("/") ? path : path + "/")) {
                    redirect(ex, base); // the root of a site published under /news/
                } else {
                    notFound(ex, head);
                }
                return;
            }
            serve(ex, path, path.substring(base.length()), head);
        }
    }

    private void serve(HttpExchange ex, String path, String relative, boolean head) throws IOException {
        Path file = resolve(relative);
        if (file == null) {
            notFound(ex, head);
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            notFound(ex, head);
            return;
        }
        if (attrs.isDirectory()) {
            if (!path.endsWith("/")) {
                String query = ex.getRequestURI().getRawQuery();
                redirect(ex, ex.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query));
                return;
            }
            file = file.resolve("index.html");
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                notFound(ex, head);
                return;
            }
        }
        if (!attrs.isRegularFile() || !inside(file)) {
            notFound(ex, head);
            return;
        }
        String type = ContentTypes.of(file.getFileName().toString());
        boolean html = ContentTypes.isHtml(type);
        long generation = live.generation();
        // The page's bytes include the generation its script compares with: a page cached across a
        // rebuild would reload for ever, so the generation is part of an HTML page's tag.
        String etag = "\"" + Long.toHexString(attrs.size()) + "-" + Long.toHexString(attrs.lastModifiedTime().toMillis())
                + (html ? "-g" + generation : "") + "\"";
        Instant modified = attrs.lastModifiedTime().toInstant();
        Headers h = ex.getResponseHeaders();
        h.set("ETag", etag);
        h.set("Last-Modified", HTTP_DATE.format(modified));
        h.set("Cache-Control", "no-cache");
        if (notModified(ex, etag, modified, html)) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            notFound(ex, head); // replaced by a rebuild between the two reads
            return;
        }
        send(ex, 200, type, html ? withScript(body, generation) : body, head);
    }

    /** The file for a path relative to the site's root, or {@code null} when the path may not be served. */
    private Path resolve(String relative) {
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
            return null;
        }
        for (String segment : relative.split("/", -1)) {
            // Hidden names are the build's own files (marker, manifest), never pages.
            if (segment.equals("..") || segment.equals(".") || segment.startsWith(".")) {
                return null;
            }
        }
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) ? file : null;
    }

    /** Whether the file's real path (links resolved) lies inside the site's real folder. */
    private boolean inside(Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean notModified(HttpExchange ex, String etag, Instant modified, boolean html) {
        String match = ex.getRequestHeaders().getFirst("If-None-Match");
        if (match != null) {
            for (String tag : match.split(",")) {
                String t = tag.strip();
                if (t.equals(etag) || t.equals("W/" + etag) || t.equals("*")) {
                    return true;
                }
            }
            return false;
        }
        String since = ex.getRequestHeaders().getFirst("If-Modified-Since");
        if (since != null && !html) {
            try {
                Instant when = Instant.from(HTTP_DATE.parse(since.strip()));
                return !modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(when);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** The page with the live-reload script just before {@code </body>} (or at its end). */
    private static byte[] withScript(byte[] page, long generation) {
        String html = new String(page, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + LiveReload.SCRIPT + "\" data-generation=\"" + generation + "\"></script>\n";
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String out = at < 0 ? html + tag : html.substring(0, at) + tag + html.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private void notFound(HttpExchange ex, boolean head) throws IOException {
        Path page = root.resolve("404.html");
        byte[] body;
        if (Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS)) {
            body = Files.readAllBytes(page);
        } else {
            // Before the first good build there is no site: a bare page, which still gets the script,
            // so that the build's errors show.
            body = ("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>404</title></head>"
                    + "<body><h1>404</h1><p>Not found / Introuvable.</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
        }
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        send(ex, 404, "text/html; charset=utf-8", withScript(body, live.generation()), head);
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        send(ex, 301, "text/plain; charset=utf-8", ("Moved to " + location + "\n").getBytes(StandardCharsets.UTF_8), ex.getRequestMethod().equals("HEAD"));
    }

    private void events(HttpExchange ex, boolean head) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "text/event-stream; charset=utf-8");
        h.set("Cache-Control", "no-cache");
        if (head) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        if (!listeners.tryAcquire()) {
            send(ex, 503, "text/plain; charset=utf-8", "Too many open pages.\n".getBytes(StandardCharsets.UTF_8), false);
            return;
        }
        try {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                live.stream(out);
            } catch (IOException e) {
                // The page went away.
            }
        } finally {
            listeners.release();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean head) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("X-Content-Type-Options", "nosniff");
        if (head) {
            // The JDK's server sends no length for HEAD: it is set by hand, as the API asks.
            h.set("Content-Length", Long.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
