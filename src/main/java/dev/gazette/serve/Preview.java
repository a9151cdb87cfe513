package dev.gazette.serve;

import dev.gazette.pipeline.ArticleRefresh;
import dev.gazette.pipeline.BuildOptions;
import dev.gazette.pipeline.BuildReport;
import dev.gazette.pipeline.SiteBuilder;
import dev.gazette.pipeline.SiteInputs;
import dev.gazette.pipeline.Rebuilds;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code gazette serve}: builds the site with the cache into a folder of its own, serves it, and
 * rebuilds it whenever an input changes, telling the open pages to reload (or to show the errors of
 * a failed build over the last good site).
 *
 * <p>The preview's site is built like any other, with the same guarantees: a failed rebuild leaves
 * the last good site served. Its base URL is the server's address, so that every link, feed and
 * canonical URL stays on the preview; the path of the configured base URL is kept.
 */
public final class Preview implements AutoCloseable {

    /** What a preview tells its user. */
    public interface Listener {
        /** A build ended; {@code changes}: the paths that caused it (empty for the first build). */
        void built(BuildReport report, List<Path> changes);

        /** The page of the article in {@code changed} was rendered again, in {@code millis}, ahead of the full rebuild. */
        default void refreshed(Path changed, long millis) {
        }

        /** A build stopped on an internal error (a bug); the preview goes on. */
        default void crashed(RuntimeException e) {
        }
    }

    private final BuildOptions options;
    private final Supplier<Instant> clock;
    private final LiveReload live = new LiveReload();
    private final Rebuilds rebuilds = new Rebuilds();
    private final SiteServer server;
    private final String host;
    private SiteInputs inputs;

    private Preview(BuildOptions options, Supplier<Instant> clock, InetSocketAddress address) throws IOException {
        this.options = options;
        this.clock = clock;
        this.server = new SiteServer(address, options.out(), live);
        InetAddress ip = address.getAddress();
        String name = ip == null || ip.isAnyLocalAddress() ? "localhost" : ip.getHostAddress();
        this.host = ip instanceof Inet6Address && !ip.isAnyLocalAddress() ? "[" + name + "]" : name;
        this.inputs = SiteInputs.of(options);
        server.basePath(inputs.basePath());
    }

    /**
     * Binds the server; nothing is built yet. {@link java.net.BindException} when the port is taken.
     *
     * @param options what to build; its output folder is the preview's own, its base URL is replaced
     * @param clock   the reference time of each build ({@code --now}, or the current time)
     */
    public static Preview open(BuildOptions options, Supplier<Instant> clock, InetSocketAddress address) throws IOException {
        return new Preview(options, clock, address);
    }

    /** The address of the site's home page. */
    public URI address() {
        return URI.create("http://" + host + ":" + server.port() + inputs.basePath());
    }

    /** The options of the next build: the preview's base URL, the clock's time. */
    private BuildOptions buildOptions() {
        return options.withBaseUrl(address().toString()).withNow(clock.get());
    }

    /** Builds the site once, and tells the open pages. */
    public BuildReport build() {
        BuildReport report = SiteBuilder.build(buildOptions(), rebuilds);
        if (report.succeeded()) {
            live.succeeded(report.filesWritten() + report.filesRemoved() > 0);
        } else {
            live.failed(report.problems());
        }
        return report;
    }

    /**
     * Builds the site, then rebuilds it at each batch of changes, until the thread is interrupted or
     * the preview closed. The inputs are watched before the first build, so that what an editor
     * saves while it runs is built next.
     *
     * <p>Two threads: this one watches, and at each batch renders the saved article's own page at
     * once ({@link ArticleRefresh}), even while a full build runs; the builder runs one full build at
     * a time, each for every change since the one before.
     */
    public void run(Listener listener) throws IOException, InterruptedException {
        try (SourceWatcher watcher = new SourceWatcher(inputs)) {
            Thread builder = new Thread(() -> buildLoop(listener), "gazette-preview-build");
            builder.setDaemon(true);
            want(List.of());
            builder.start();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    List<Path> changes = watcher.next();
                    if (changes.isEmpty()) {
                        return;
                    }
                    if (changes.stream().anyMatch(inputs.files()::contains)) {
                        // The configuration may name another most-read file, or another base URL.
                        inputs = SiteInputs.of(options);
                        server.basePath(inputs.basePath());
                        watcher.watch(inputs);
                    }
                    rebuilds.changed(options.source(), changes);
                    long start = System.nanoTime();
                    if (changes.size() == 1 && !live.failing()
                            && ArticleRefresh.refresh(buildOptions(), rebuilds, changes.get(0)).isPresent()) {
                        // The edited article's own page first, in milliseconds; the rest of the site follows.
                        live.succeeded(true);
                        listener.refreshed(changes.get(0), (System.nanoTime() - start) / 1_000_000);
                    }
                    want(changes);
                }
            } finally {
                builder.interrupt();
            }
        }
    }

    private final Object pendingLock = new Object();
    private final java.util.Set<Path> pending = new java.util.TreeSet<>();
    private boolean buildWanted;

    /** Asks the builder for a build covering {@code changes}. */
    private void want(List<Path> changes) {
        synchronized (pendingLock) {
            pending.addAll(changes);
            buildWanted = true;
            pendingLock.notifyAll();
        }
    }

    private void buildLoop(Listener listener) {
        while (true) {
            List<Path> changes;
            synchronized (pendingLock) {
                while (!buildWanted) {
                    try {
                        pendingLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                buildWanted = false;
                changes = List.copyOf(pending);
                pending.clear();
            }
            try {
                listener.built(build(), changes);
            } catch (RuntimeException e) {
                // A bug in Gazette: say it, and keep the preview alive for the next change.
                live.failed(List.of(dev.gazette.model.Problem.error("gazette", 0, null, "internal error: " + e,
                        "this is a bug in Gazette, not a problem with the site: please report it with the terminal's output.")));
                listener.crashed(e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
