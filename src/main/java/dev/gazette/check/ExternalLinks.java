package dev.gazette.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLException;

/**
 * Tries outside links: a few at a time, each with a time-out, {@code HEAD} first and {@code GET}
 * when {@code HEAD} fails (many servers answer {@code HEAD} with 405, 404 or nothing at all).
 */
final class ExternalLinks {

    /** Some servers refuse Java's default agent outright; say what the request is instead. */
    static final String USER_AGENT = "Mozilla/5.0 (compatible; Gazette link checker)";

    /**
     * How one link answered.
     *
     * @param status   the final HTTP status after redirects, or 0 when there was no answer
     * @param timedOut whether the server did not connect or answer in time
     * @param failure  why there was no answer (when {@code status} is 0 and not timed out)
     */
    record Outcome(int status, boolean timedOut, String failure) {

        /** Fine: a success or a redirect that was not followed (to plain http, say). */
        boolean ok() {
            return status >= 200 && status < 400;
        }

        /** Answers that say the server refuses robots rather than that the page is gone. */
        boolean refused() {
            return status == 401 || status == 403 || status == 429;
        }
    }

    private ExternalLinks() {
    }

    /** Tries every URL in {@code urls}, at most {@code connections} at once; the outcomes by URL, in the given order. */
    static Map<String, Outcome> probe(Collection<String> urls, int connections, Duration timeout) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "gazette-check-external");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(urls.size());
            for (String url : urls) {
                futures.add(pool.submit(() -> probe(client, url, timeout)));
            }
            Map<String, Outcome> out = new LinkedHashMap<>();
            int i = 0;
            for (String url : urls) {
                out.put(url, result(futures.get(i++)));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome result(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, false, "interrupted");
        } catch (ExecutionException e) {
            return new Outcome(0, false, String.valueOf(e.getCause()));
        }
    }

    static Outcome probe(HttpClient client, String url, Duration timeout) {
        URI uri = SiteAddress.parse(url);
        if (uri == null || uri.getHost() == null) {
            return new Outcome(0, false, "not a valid URL");
        }
        try {
            HttpResponse<Void> head = client.send(request(uri, timeout).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (head.statusCode() < 400) {
                return new Outcome(head.statusCode(), false, null);
            }
        } catch (HttpTimeoutException e) {
            return new Outcome(0, true, null); // GET would only wait as long again
        } catch (IOException | IllegalArgumentException e) {
            // Fall back to GET: some servers drop HEAD requests instead of answering them.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, false, "interrupted");
        }
        try {
            HttpResponse<InputStream> get = client.send(request(uri, timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            // The status is all that is wanted: closing the body at once spares downloading it.
            get.body().close();
            return new Outcome(get.statusCode(), false, null);
        } catch (HttpTimeoutException e) {
            return new Outcome(0, true, null);
        } catch (IOException e) {
            return new Outcome(0, false, why(e));
        } catch (IllegalArgumentException e) {
            return new Outcome(0, false, "not a valid URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, false, "interrupted");
        }
    }

    private static HttpRequest.Builder request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    /** Why a server gave no answer, as a reader says it. */
    private static String why(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof ConnectException) {
                return "cannot connect";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getMessage();
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
