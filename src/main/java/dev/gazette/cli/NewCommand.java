package dev.gazette.cli;

import dev.gazette.authoring.Archetype;
import dev.gazette.authoring.NewArticle;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gazette new}: writes a new article, dated now, and says where it is and the URL it will have. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Writes a new article into the articles folder: the title, the date (now, in the site's time zone), "
                + "the rubric, the tags and the slug; prints the file written and the URL the article will have.",
                "It starts from archetypes/<rubric>.md or archetypes/default.md beside the configuration file when the site has one "
                        + "(.txt for --format txt). It never overwrites a file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the article was written", "1:the file exists already, or the configuration or archetype is wrong, or the file could not be written",
                "2:bad usage: no title, or a title, rubric or tag without a letter or digit", "3:an internal error (a bug in Gazette: please report it)"})
final class NewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The headline, in quotes.")
    String title;

    // Not the SiteOptions mixin: publishing rules and threads (--drafts, --future, --jobs) mean
    // nothing to a command that writes one file.
    @Option(names = "--source", paramLabel = "DIR", defaultValue = "articles", description = "Articles folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: site.yml when present).")
    Path config;

    @Option(names = "--now", paramLabel = "TIME",
            description = "The article's date, ISO 8601 with offset (default: the current time, in the site's time zone).")
    String now;

    @Option(names = "--rubric", paramLabel = "RUBRIC", description = "The rubric (category), e.g. Politique.")
    String rubric;

    @Option(names = "--tags", paramLabel = "TAG", split = ",", description = "Tags, separated by commas: --tags Maroc,Russie.")
    List<String> tags;

    @Option(names = "--format", paramLabel = "md|txt", defaultValue = "md",
            description = "md: Markdown with front matter (default); txt: the plain-text news format.")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceFormat sourceFormat = switch (format) {
            case "md" -> SourceFormat.MARKDOWN;
            case "txt" -> SourceFormat.NEWS_TEXT;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format: `" + format + "` is not a format `gazette new` writes; give md (the default) or txt.");
        };
        NewArticle.Request request = new NewArticle.Request(title, rubric, tags, sourceFormat, SiteOptions.reference(now, spec.commandLine()));

        Path configFile = SiteOptions.configFile(config);
        SiteConfig config = SiteConfig.defaults();
        if (configFile != null) {
            ConfigLoader.Result loaded = ConfigLoader.load(configFile, configFile.toString());
            if (!loaded.ok()) {
                loaded.problems().stream().filter(Problem::isError).forEach(p -> err.println(p.describe()));
                err.println("Fix the configuration first: the date and the URL of the article depend on it.");
                return 1;
            }
            config = loaded.config();
        }
        if (!Files.isDirectory(source)) {
            err.println(Problem.error(source.toString(), 0, null, "the articles folder does not exist.",
                    "create it, or point --source at the articles folder.").describe());
            return 1;
        }
        // Archetypes live beside the configuration, as the site's other settings do.
        Path siteFolder = configFile == null || configFile.getParent() == null ? Path.of("") : configFile.getParent();
        NewArticle.Draft draft;
        try {
            Archetype archetype = NewArticle.archetype(siteFolder, sourceFormat, rubric, config.slugs());
            draft = NewArticle.draft(request, config, archetype);
        } catch (NewArticle.Refusal e) {
            if (e.usage()) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + " Fix: " + e.fix());
            }
            err.println("error: " + e.getMessage() + " Fix: " + e.fix());
            return 1;
        } catch (IOException e) {
            err.println("error: cannot read the archetype (" + e.getMessage() + "). Fix: check the folder `"
                    + siteFolder.resolve(NewArticle.ARCHETYPES) + "` and its permissions.");
            return 1;
        }

        Path written;
        try {
            written = NewArticle.write(source, draft);
        } catch (FileAlreadyExistsException e) {
            boolean namesake = e.getOtherFile() != null;
            err.println(Problem.error(namesake ? e.getOtherFile() : e.getFile(), 0, null,
                    namesake ? "an article of that name exists already, so `" + e.getFile() + "` would get the same slug and URL."
                            : "the file exists already; Gazette never overwrites an article.",
                    "edit that article, or give the new one another title (the file name comes from it).").describe());
            return 1;
        } catch (IOException e) {
            err.println(Problem.error(source.resolve(draft.file()).toString(), 0, null,
                    "cannot write the article (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").",
                    "check that the articles folder is writable and the disk has room.").describe());
            return 1;
        }
        for (Problem p : draft.warnings()) {
            err.println(new Problem(p.severity(), written.toString(), p.line(), p.field(), p.message(), p.fix()).describe());
        }
        out.println("Wrote " + written + (draft.archetype().builtIn() ? "" : " (from " + draft.archetype().name() + ")"));
        String note = config.baseUrl().isEmpty() ? " (from the site's root: set baseUrl in the configuration for the full URL)" : "";
        if (draft.article().draft()) {
            note += " (a draft: published with --drafts, or once `draft: true` is removed)";
        }
        out.println("URL: " + draft.url() + note);
        out.flush();
        err.flush();
        return 0;
    }
}
