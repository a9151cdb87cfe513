package dev.gazette.cli;

import dev.gazette.pipeline.BuildOptions;
import dev.gazette.pipeline.BuildReport;
import dev.gazette.pipeline.SiteBuilder;
import dev.gazette.pipeline.SkippedArticle;
import dev.gazette.model.Problem;
import dev.gazette.render.PageKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "2:bad usage", "3:the build could not finish: out of memory, or an internal error (a bug in Gazette: please report it)"})
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions site;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Templates folder; templates it lacks come from the default theme (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL", description = "Absolute URL the site is published at; overrides the configuration's.")
    String baseUrl;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Build cache folder (default: .gazette beside the configuration file, or in the current folder).")
    Path cache;

    @Option(names = "--no-cache", description = "Build from nothing, without reading or writing the build cache.")
    boolean noCache;

    @Option(names = "--timings", description = "Also print the wall time of each build step.")
    boolean timings;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the summary line.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        checkTemplates(spec, templates);
        if (noCache && cache != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cache and --no-cache: give one or the other.");
        }
        Path configFile = site.configFile();
        Path cacheFolder = noCache ? null : cache != null ? cache : defaultCache(configFile);
        dev.gazette.pipeline.BuildProgress progress = new dev.gazette.pipeline.BuildProgress();
        BuildReport report;
        try (ProgressLine line = ProgressLine.start(progress, quiet)) {
            report = SiteBuilder.build(new BuildOptions(site.source, templates, out, configFile, baseUrl,
                    site.drafts, site.future, site.reference(), site.threads(), cacheFolder), progress);
        }
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
            outWriter.printf(Locale.ROOT, "Built %s: %s (%d skipped), %s (%s), %s%s; %s rendered; "
                            + "files: %d written, %d unchanged, %d removed; in %.2f s.%n", out, count(report.articles(), "article"),
                    report.skipped().size(), count(report.totalPages(), "page"), counts, web.isEmpty() ? "" : web + ", ",
                    count(report.warnings(), "warning"), count(report.pagesRendered(), "page"),
                    report.filesWritten(), report.filesUnchanged(), report.filesRemoved(), report.elapsedMillis() / 1000.0);
            if (!quiet) {
                for (SkippedArticle a : report.skipped()) {
                    outWriter.println("Skipped " + a.describe());
                }
            }
            if (timings) {
                outWriter.println(steps(report));
            }
        } else {
            err.printf(Locale.ROOT, "Build failed: %s, %s, in %.2f s; %s left as it was.%n", count(report.errors(), "error"),
                    count(report.warnings(), "warning"),
                    report.elapsedMillis() / 1000.0, out);
        }
        outWriter.flush();
        err.flush();
        return report.succeeded() ? 0 : 1;
    }

    /** "1 error", "2 errors", "0 warnings". */
    /**
     * Refuses a {@code --templates} folder named on the command line that is not there. Only the
     * default {@code templates} may be missing (the theme in the jar is used then): a folder named
     * on purpose that is not there is a typo, not a wish for the default theme.
     */
    static void checkTemplates(CommandLine.Model.CommandSpec spec, Path templates) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--templates") && !Files.isDirectory(templates)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--templates: `" + templates + "` "
                    + (Files.exists(templates) ? "is not a folder" : "does not exist") + "; give the folder of your templates, or leave --templates out for the default theme.");
        }
    }

    /**
     * {@code Steps: config 27 ms, parse 140 ms, …}: each step's wall time, for {@code --timings};
     * then, when the related step ran, how many lists it computed and kept.
     */
    static String steps(BuildReport report) {
        String steps = "Steps: " + report.stepMillis().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                .collect(Collectors.joining(", ")) + ".";
        if (!report.stepMillis().containsKey("related")) {
            return steps;
        }
        return steps + System.lineSeparator() + "Related lists: " + report.relatedComputed() + " computed, "
                + (report.articles() - report.relatedComputed()) + " kept.";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code .gazette} beside the configuration file, or in the current folder without one. */
    static Path defaultCache(Path configFile) {
        Path folder = configFile == null ? null : configFile.toAbsolutePath().getParent();
        return folder == null ? Path.of(".gazette") : folder.resolve(".gazette");
    }

    /** "3 articles", "1 tag page", "1 tag index": the page kinds as a reader says them. */
    private static String plural(Map.Entry<PageKind, Integer> e) {
        boolean one = e.getValue() == 1;
        return switch (e.getKey()) {
            case HOME -> "home";
            case NOT_FOUND -> "404";
            case TAG_INDEX -> "tag index";
            case RUBRIC_INDEX -> "rubric index";
            case ARCHIVE_INDEX -> "archive index";
            case AUTHOR_INDEX -> "author index";
            case ARTICLE -> one ? "article" : "articles";
            case RELATED -> one ? "related page" : "related pages";
            case REDIRECT -> one ? "redirect" : "redirects";
            default -> e.getKey().label() + (one ? " page" : " pages");
        };
    }
}
