package dev.gazette.cli;

import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.intake.DateFallback;
import dev.gazette.intake.ImportReport;
import dev.gazette.intake.Importer;
import dev.gazette.model.Problem;
import dev.gazette.source.Dates;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gazette import}: saved pages into Markdown articles, with a line per file and a summary. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Converts saved pages (HTML pages saved from news sites, and the plain-text news format) into Markdown "
                + "articles with front matter, with the images saved beside them, into the articles folder.",
                "Reports each file: imported, imported with warnings, unchanged (imported before) or skipped and why; "
                        + "a bad file never stops the others. It never overwrites an article: one that differs is left as it is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was imported, or was already", "1:some files were skipped (each says why), or the configuration is wrong",
                "2:bad usage: no source, or a --date-fallback that is neither `file` nor a date", "3:an internal error (a bug in Gazette: please report it)"})
final class ImportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Saved pages (.html, .htm, .txt), or folders of them (searched below).")
    List<Path> sources;

    @Option(names = "--to", paramLabel = "DIR", defaultValue = "articles", description = "Where the articles go (default: ${DEFAULT-VALUE}).")
    Path to;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file, for the time zone, language and slug rule (default: site.yml when present).")
    Path config;

    @Option(names = "--date-fallback", paramLabel = "file|DATE",
            description = "The date of a page that states none: `file` for the file's time, or a date (2025-09-11, 2025-09-11T10:30+01:00). "
                    + "Without it such a page is skipped.")
    String dateFallback;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path configFile = SiteOptions.configFile(config);
        SiteConfig site = SiteConfig.defaults();
        if (configFile != null) {
            ConfigLoader.Result loaded = ConfigLoader.load(configFile, configFile.toString());
            if (!loaded.ok()) {
                loaded.problems().stream().filter(Problem::isError).forEach(p -> err.println(p.describe()));
                err.println("Fix the configuration first: the dates and slugs of the articles depend on it.");
                err.flush();
                return 1;
            }
            site = loaded.config();
        }
        DateFallback fallback = null;
        if (dateFallback != null) {
            if (dateFallback.strip().equals("file")) {
                fallback = DateFallback.fileTime();
            } else {
                try {
                    fallback = DateFallback.of(Dates.parse(dateFallback, site.timeZone()), Dates.dayOnly(dateFallback));
                } catch (DateTimeParseException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--date-fallback: " + e.getMessage()
                            + "; give `file` (each file's time) or a date: " + Dates.FORMS + ".");
                }
            }
        }
        if (Files.exists(to) && !Files.isDirectory(to)) {
            err.println(Problem.error(to.toString(), 0, null, "is a file, not a folder.", "give --to a folder (created when missing).").describe());
            err.flush();
            return 1;
        }
        ImportReport report = Importer.run(sources, to, new Importer.Settings(site.timeZone(), site.language(), fallback, site.slugs()));
        for (ImportReport.Outcome o : report.outcomes()) {
            String written = o.written() == null ? "" : " -> " + to.resolve(o.written()).toString().replace('\\', '/');
            String label = switch (o.status()) {
                case IMPORTED -> "imported";
                case IMPORTED_WITH_WARNINGS -> "imported with warnings";
                case UNCHANGED -> "unchanged";
                case SKIPPED -> "skipped";
            };
            out.println(label + ": " + o.source() + written);
            for (Problem p : o.problems()) {
                out.println("    " + p.describe());
            }
        }
        out.println(report.summary());
        out.flush();
        return report.complete() ? 0 : 1;
    }
}
