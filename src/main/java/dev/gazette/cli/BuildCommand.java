package dev.gazette.cli;

import dev.gazette.build.BuildOptions;
import dev.gazette.build.BuildReport;
import dev.gazette.build.SiteBuilder;
import dev.gazette.model.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette build}: builds the site. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Builds the site from the articles into the output folder (replaced only when the build succeeds).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site was built", "1:errors in the sources, templates or configuration; nothing was written",
                "2:bad usage"})
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = "articles", description = "Articles folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Templates folder; templates it lacks come from the default theme (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: site.yml when present).")
    Path config;

    @Option(names = "--base-url", paramLabel = "URL", description = "Absolute URL the site is published at; overrides the configuration's.")
    String baseUrl;

    @Option(names = "--drafts", description = "Publish drafts too.")
    boolean drafts;

    @Option(names = "--future", description = "Publish articles dated after the reference time too.")
    boolean future;

    @Option(names = "--now", paramLabel = "TIME",
            description = "Reference time for the publishing rules, ISO 8601 with offset (default: the current time).")
    String now;

    @Option(names = "--jobs", paramLabel = "N", description = "Threads for parsing and rendering (default: the number of processors).")
    Integer jobs;

    @Option(names = "--timings", description = "Also print the wall time of each build step.")
    boolean timings;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the summary line.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        Instant reference;
        try {
            reference = now == null ? Instant.now() : OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--now: `" + now + "` is not an ISO 8601 time with offset, e.g. 2025-09-10T12:00:00+01:00");
        }
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        Path configFile = config != null ? config : defaultConfig();
        BuildReport report = SiteBuilder.build(new BuildOptions(source, templates, out, configFile, baseUrl, drafts, future,
                reference, threads));
        for (Problem p : report.problems()) {
            if (p.isError() || !quiet) {
                err.println(p.describe());
            }
        }
        String counts = report.pages().entrySet().stream().map(e -> e.getValue() + " " + plural(e))
                .collect(Collectors.joining(", "));
        if (report.succeeded()) {
            String web = report.webFiles().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "));
            outWriter.printf(Locale.ROOT, "Built %s: %d articles (%d skipped), %d pages (%s), %s%d warnings, in %.2f s.%n", out, report.articles(),
                    report.skipped(), report.totalPages(), counts, web.isEmpty() ? "" : web + ", ", report.warnings(),
                    report.elapsedMillis() / 1000.0);
            if (timings) {
                outWriter.println("Steps: " + report.stepMillis().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                        .collect(Collectors.joining(", ")) + ".");
            }
        } else {
            err.printf(Locale.ROOT, "Build failed: %d errors, %d warnings, in %.2f s; %s left as it was.%n", report.errors(), report.warnings(),
                    report.elapsedMillis() / 1000.0, out);
        }
        outWriter.flush();
        err.flush();
        return report.succeeded() ? 0 : 1;
    }

    /** {@code site.yml} in the current folder, when there is one. */
    static Path defaultConfig() {
        return Files.isRegularFile(Path.of("site.yml")) ? Path.of("site.yml") : null;
    }

    /** "3 articles", "1 tag page", "1 tag index": the page kinds as a reader says them. */
    private static String plural(Map.Entry<String, Integer> e) {
        boolean one = e.getValue() == 1;
        return switch (e.getKey()) {
            case "home", "404" -> e.getKey();
            case "tags" -> "tag index";
            case "rubrics" -> "rubric index";
            case "article" -> one ? "article" : "articles";
            default -> e.getKey() + (one ? " page" : " pages");
        };
    }
}
