package dev.gazette.cli;

import dev.gazette.check.CheckOptions;
import dev.gazette.check.CheckReport;
import dev.gazette.check.Finding;
import dev.gazette.check.SiteCheck;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.model.Problem;
import dev.gazette.pipeline.BuildOptions;
import dev.gazette.pipeline.BuildReport;
import dev.gazette.pipeline.SiteBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette check}: builds the site into a temporary folder, or reads a built one, and reports what is broken. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Builds the site into a temporary folder (or reads one built already, with --site) and reports broken links "
                + "and anchors, missing images, images without alt, pages no link from the home page reaches, duplicate titles, "
                + "and feeds or sitemaps that do not parse. One line per problem, then a summary.",
                "With --external it also tries every outside link (8 at a time, 10 s time-outs)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing is broken (warnings may have been printed)",
                "1:something is broken, or the site does not build", "2:bad usage",
                "3:an internal error (a bug in Gazette: please report it)"})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions site;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Templates folder for the build (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Absolute URL the site is published at (default: the configuration's, as the home page's canonical link states it).")
    String baseUrl;

    @Option(names = "--site", paramLabel = "DIR", description = "Check this built site (e.g. site-out) instead of building one.")
    Path siteFolder;

    @Option(names = "--external", description = "Also try outside (http, https) links.")
    boolean external;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (baseUrl != null && ConfigLoader.checkBaseUrl(baseUrl) != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--base-url: " + ConfigLoader.checkBaseUrl(baseUrl)
                    + " Give an absolute URL such as https://example.org/news/.");
        }
        String base = baseUrl == null ? null : SiteConfig.defaults().withBaseUrl(baseUrl).baseUrl();
        CheckOptions options = new CheckOptions(base, site.threads(), external, CheckOptions.CONNECTIONS, CheckOptions.TIMEOUT);
        if (siteFolder != null) {
            if (!Files.isDirectory(siteFolder)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--site: `" + siteFolder + "` "
                        + (Files.exists(siteFolder) ? "is not a folder" : "does not exist") + "; give the folder of a built site, such as site-out.");
            }
            return check(siteFolder, siteFolder.toString(), options, 0, out, err);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--templates") && !Files.isDirectory(templates)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--templates: `" + templates + "` "
                    + (Files.exists(templates) ? "is not a folder" : "does not exist") + "; give the folder of your templates, or leave --templates out for the default theme.");
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("gazette-check-");
        } catch (IOException e) {
            err.println("gazette check: cannot make a temporary folder to build the site in (" + e.getMessage()
                    + "). Fix: free some space in the temporary folder, or build with `gazette build` and run `gazette check --site site-out`.");
            return 1;
        }
        try {
            Path built = scratch.resolve("site");
            BuildReport report = SiteBuilder.build(new BuildOptions(site.source, templates, built, site.configFile(), baseUrl,
                    site.drafts, site.future, site.reference(), site.threads()));
            if (!report.succeeded()) {
                report.problems().stream().filter(Problem::isError).forEach(p -> err.println(p.describe()));
                err.printf(Locale.ROOT, "The site does not build: %d errors. Fix them first; `gazette build` lists the warnings too.%n",
                        report.errors());
                err.flush();
                return 1;
            }
            return check(built, "the site built from " + site.source, options, report.warnings(), out, err);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private int check(Path folder, String name, CheckOptions options, long buildWarnings, PrintWriter out, PrintWriter err) {
        CheckReport report;
        try {
            report = SiteCheck.check(folder, options);
        } catch (IOException e) {
            err.println("gazette check: cannot read `" + folder + "` (" + e.getMessage() + "). Fix: check that the folder is readable.");
            return 1;
        }
        for (Finding f : report.findings()) {
            out.println(f.describe());
        }
        out.println(summary(name, report, buildWarnings));
        out.flush();
        err.flush();
        return report.passed() ? 0 : 1;
    }

    /** One line: what was checked, then the problems by kind, errors first. */
    private String summary(String name, CheckReport report, long buildWarnings) {
        Map<Finding.Kind, Integer> counts = report.counts();
        String errors = kinds(counts, true);
        String warnings = kinds(counts, false);
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "Checked %s: %d pages, %d feeds, sitemaps and other data files, %d links inside the site, ",
                name, report.pages(), report.dataFiles(), report.links()));
        line.append(report.externalLinks()).append(external ? " outside links tried" : " outside links (not tried: add --external)");
        line.append(String.format(Locale.ROOT, "; %d %s%s, %d %s%s",
                report.errors(), report.errors() == 1 ? "error" : "errors", errors.isEmpty() ? "" : " (" + errors + ")",
                report.warnings(), report.warnings() == 1 ? "warning" : "warnings", warnings.isEmpty() ? "" : " (" + warnings + ")"));
        if (buildWarnings > 0) {
            line.append("; the build gave ").append(buildWarnings).append(buildWarnings == 1 ? " warning" : " warnings")
                    .append(" (`gazette build` lists them)");
        }
        line.append(String.format(Locale.ROOT, "; in %.2f s.", report.elapsedMillis() / 1000.0));
        return line.toString();
    }

    private static String kinds(Map<Finding.Kind, Integer> counts, boolean errors) {
        return counts.entrySet().stream().filter(e -> e.getKey().error() == errors)
                .map(e -> e.getValue() + " " + plural(e.getKey(), e.getValue() == 1)).collect(Collectors.joining(", "));
    }

    /** "2 broken links", "1 page without a title": the kinds as a reader counts them. */
    private static String plural(Finding.Kind kind, boolean one) {
        return switch (kind) {
            case BROKEN_LINK -> one ? "broken link" : "broken links";
            case BROKEN_ANCHOR -> one ? "broken anchor" : "broken anchors";
            case MISSING_IMAGE -> one ? "missing image" : "missing images";
            case MISSING_ALT -> one ? "image without alt" : "images without alt";
            case UNREADABLE_FILE -> one ? "file that does not parse" : "files that do not parse";
            case BROKEN_EXTERNAL_LINK -> one ? "broken outside link" : "broken outside links";
            case UNVERIFIED_EXTERNAL_LINK -> one ? "unverified outside link" : "unverified outside links";
            case ORPHAN_PAGE -> one ? "orphan page" : "orphan pages";
            case DUPLICATE_TITLE -> one ? "duplicate title" : "duplicate titles";
            case MISSING_TITLE -> one ? "page without a title" : "pages without a title";
        };
    }

    /** Removes the temporary build: the check leaves nothing behind. */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // A leftover temporary folder is the system's to clean; the check's result stands.
        }
    }
}
