package dev.gazette.cli;

import dev.gazette.model.Problem;
import dev.gazette.pipeline.BuildOptions;
import dev.gazette.pipeline.BuildReport;
import dev.gazette.serve.Preview;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette serve}: the newsroom's preview, rebuilt and reloaded at each change. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Builds the site, serves it on this machine and rebuilds it when an article, a template, the configuration "
                + "or the most-read file changes; open pages reload by themselves, and show the errors of a failed build.",
                "The preview is built into a folder of its own in the cache folder: site-out/ is not touched."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped (Ctrl-C)", "1:the server could not start (port taken, address unknown)", "2:bad usage"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions site;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Templates folder; templates it lacks come from the default theme (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--port", paramLabel = "N", defaultValue = "1313", description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 shows drafts to the whole network).")
    String bind;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Build cache folder (default: .gazette beside the configuration file, or in the current folder).")
    Path cache;

    @Option(names = "--open", description = "Open the home page in the default browser.")
    boolean open;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and one line per rebuild.")
    boolean quiet;

    @Option(names = "--timings", description = "Also print the wall time of each build step.")
    boolean timings;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535 (got " + port + ").");
        }
        BuildCommand.checkTemplates(spec, templates);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("gazette serve: unknown address `" + bind + "`; use an address of this machine, such as 127.0.0.1 (the default).");
            err.flush();
            return 1;
        }
        Path configFile = site.configFile();
        Path cacheFolder = cache != null ? cache : BuildCommand.defaultCache(configFile);
        // The preview has a site of its own: its drafts, its local base URL and its live script must
        // never be mistaken for the published site-out/.
        Path previewOut = cacheFolder.resolve("preview");
        Instant fixed = site.now == null ? null : site.reference();
        BuildOptions options = new BuildOptions(site.source, templates, previewOut, configFile, null, site.drafts, site.future,
                fixed == null ? Instant.now() : fixed, site.threads(), cacheFolder);
        Preview preview;
        try {
            preview = Preview.open(options, () -> fixed == null ? Instant.now() : fixed, new InetSocketAddress(address, port));
        } catch (BindException e) {
            err.println("gazette serve: port " + port + " on " + bind + " is taken (another `gazette serve`, or another server?). "
                    + "Stop it, or pick another port: gazette serve --port " + (port == 1313 ? 1314 : port + 1) + " (or --port 0 for any free one).");
            err.flush();
            return 1;
        }
        try (preview) {
            if (!address.isLoopbackAddress()) {
                err.println("gazette serve: warning: listening on " + bind + ": every machine that can reach this one sees the preview"
                        + (site.drafts ? ", drafts included" : "") + ".");
            }
            boolean[] started = {false};
            preview.run(new Preview.Listener() {
                @Override
                public void built(BuildReport report, List<Path> changes) {
                    report(report, changes, out, err);
                    if (!started[0]) {
                        started[0] = true;
                        out.println("Serving the preview at " + preview.address() + " (Ctrl-C to stop)"
                                + (site.drafts || site.future ? "; drafts and future articles are marked." : "."));
                        out.flush();
                        if (open) {
                            openBrowser(preview.address().toString(), err);
                        }
                    }
                }

                @Override
                public void refreshed(Path changed, long millis) {
                    if (timings) {
                        out.println("Refreshed the page of " + display(changed) + " ahead of the rebuild, in " + millis + " ms.");
                        out.flush();
                    }
                }

                @Override
                public void crashed(RuntimeException e) {
                    GazetteCommand.reportInternalError(e, err);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void report(BuildReport report, List<Path> changes, PrintWriter out, PrintWriter err) {
        for (Problem p : report.problems()) {
            if (p.isError() || !quiet) {
                err.println(p.describe());
            }
        }
        String cause = changes.isEmpty() ? "" : " after " + (changes.size() == 1 ? "a change to " + display(changes.get(0))
                : changes.size() + " changes");
        if (report.succeeded()) {
            out.printf(Locale.ROOT, "Built%s: %s, %s rendered; files: %d written, %d unchanged, %d removed; in %.2f s.%n",
                    cause, BuildCommand.count(report.articles(), "article"), BuildCommand.count(report.pagesRendered(), "page"),
                    report.filesWritten(), report.filesUnchanged(),
                    report.filesRemoved(), report.elapsedMillis() / 1000.0);
            if (timings) {
                out.println(BuildCommand.steps(report));
            }
        } else {
            err.printf(Locale.ROOT, "Build failed%s: %s, %s; the open pages show them, over the last good site.%n",
                    cause, BuildCommand.count(report.errors(), "error"), BuildCommand.count(report.warnings(), "warning"));
        }
        out.flush();
        err.flush();
    }

    private static String display(Path changed) {
        Path here = Path.of("").toAbsolutePath();
        return changed.startsWith(here) ? here.relativize(changed).toString() : changed.toString();
    }

    /** The desktop's own opener; a preview without one still works. */
    private static void openBrowser(String url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("mac") ? List.of("open", url)
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            err.println("gazette serve: cannot open a browser (" + e.getMessage() + "); open " + url + " yourself.");
        }
    }
}
