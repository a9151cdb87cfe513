package dev.gazette.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the open pages are told: the site's generation (one more at each build that changed a file)
 * and, when the last build failed, its problems. Pages listen with Server-Sent Events; each
 * listener's thread waits here for the next state, so a page hears of every build at once.
 *
 * <p>The script the pages load compares the generation it was served with to the one it hears:
 * a page served before a change reloads, even when the change landed before its connection.
 */
final class LiveReload {

    /** The path of the script and of the event stream, outside any site's own paths. */
    static final String PREFIX = "/__gazette/";
    static final String SCRIPT = PREFIX + "live.js";
    static final String EVENTS = PREFIX + "events";

    /** A comment line this often lets a listener notice that its page has gone. */
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final byte[] script;
    private long generation;
    private List<Problem> errors = List.of();
    /** Bumped at every state change, generation or errors, so listeners know there is news. */
    private long version;
    private boolean closed;

    LiveReload() {
        try (InputStream in = LiveReload.class.getResourceAsStream("live.js")) {
            if (in == null) {
                throw new IllegalStateException("live.js is missing from Gazette's jar");
            }
            script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client script. */
    byte[] script() {
        return script.clone();
    }

    /** The generation pages are served with now. */
    synchronized long generation() {
        return generation;
    }

    /** Whether the last build failed. */
    synchronized boolean failing() {
        return errors.stream().anyMatch(Problem::isError);
    }

    /** A build succeeded; {@code changed}: it wrote or removed files, so open pages are stale. */
    synchronized void succeeded(boolean changed) {
        if (changed) {
            generation++;
        }
        errors = List.of();
        version++;
        notifyAll();
    }

    /** A build failed: open pages show {@code problems} (its errors and warnings) over the last good site. */
    synchronized void failed(List<Problem> problems) {
        errors = List.copyOf(problems);
        version++;
        notifyAll();
    }

    /** Ends every listener. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * Streams states to one page until it goes away or the server stops: the current state at once,
     * then each new one.
     */
    void stream(OutputStream out) throws IOException {
        out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        long sent = -1;
        while (true) {
            String event;
            synchronized (this) {
                long deadline = System.currentTimeMillis() + KEEP_ALIVE_MILLIS;
                while (!closed && version == sent) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                if (version == sent) {
                    event = ": keep-alive\n\n";
                } else {
                    sent = version;
                    event = "event: state\ndata: " + stateJson() + "\n\n";
                }
            }
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** {@code {"generation":3,"ok":false,"problems":[{"severity":"error","file":…}]}}: one line, as an event's data must be. */
    private String stateJson() {
        JsonObject state = new JsonObject();
        state.addProperty("generation", generation);
        state.addProperty("ok", !failing());
        JsonArray list = new JsonArray();
        for (Problem p : errors) {
            JsonObject o = new JsonObject();
            o.addProperty("severity", p.isError() ? "error" : "warning");
            o.addProperty("file", p.file());
            o.addProperty("line", p.line());
            if (p.field() != null) {
                o.addProperty("field", p.field());
            }
            o.addProperty("message", p.message());
            if (p.fix() != null) {
                o.addProperty("fix", p.fix());
            }
            list.add(o);
        }
        state.add("problems", list);
        return state.toString();
    }
}
