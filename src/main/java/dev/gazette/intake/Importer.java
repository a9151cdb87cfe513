package dev.gazette.intake;

import dev.gazette.intake.ImportReport.Outcome;
import dev.gazette.intake.ImportReport.Status;
import dev.gazette.markup.MarkdownRenderer;
import dev.gazette.model.Article;
import dev.gazette.model.Body;
import dev.gazette.model.Problem;
import dev.gazette.model.SlugRule;
import dev.gazette.model.SourceFormat;
import dev.gazette.source.ParseContext;
import dev.gazette.source.ParsedSource;
import dev.gazette.source.SourceFinder;
import dev.gazette.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Imports saved pages into a folder of Markdown articles: each page is read by the reader the
 * build uses ({@link SourceReader}), written as Markdown with front matter, and read back to
 * check that it says the same. A page that cannot be imported is reported and the next one
 * read: an archive of thousands of pages is never all or nothing.
 *
 * <p><b>Never overwriting.</b> An article already in the target folder is left as it is. When it
 * holds exactly what this import would write, the page is {@link Status#UNCHANGED}: running the
 * same import twice gives the same folder, and says so. When it differs (an editor changed it,
 * or the page did), the page is {@link Status#SKIPPED}, naming the file to delete to import it
 * again. Images are copied the same way: a file already there with other bytes is never
 * replaced; the new one takes the next free name.
 *
 * <p>Everything is written inside the target folder: slugs and image names are made of
 * {@code [a-z0-9._-]}, and a folder that leads out of the target through a link is refused.
 */
public final class Importer {

    /**
     * @param zone     the site's time zone (dates without an offset are read in it)
     * @param language the site's language (stop words of slugs from titles)
     * @param fallback the date of a page that gives none, or {@code null} to skip such pages
     * @param slugs    the site's slug rule ({@code slugs:}): the names of the files written, and so the articles' slugs
     */
    public record Settings(ZoneId zone, String language, DateFallback fallback, SlugRule slugs) {

        public Settings {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(slugs, "slugs");
        }

        /** Settings for a site with ASCII slugs. */
        public Settings(ZoneId zone, String language, DateFallback fallback) {
            this(zone, language, fallback, SlugRule.ASCII);
        }
    }

    private final Settings settings;
    private final Path target;
    private final ParseContext readBack;
    /** Slugs given in this run, so that two pages with one title get two files. */
    private final Set<String> claimed = new HashSet<>();

    private Importer(Path target, Settings settings) {
        this.target = target.toAbsolutePath().normalize();
        this.settings = settings;
        this.readBack = ParseContext.of(settings.zone(), settings.language()).withSlugs(settings.slugs());
    }

    /**
     * Imports every page named by {@code sources} (files, or folders searched for {@code .html},
     * {@code .htm} and {@code .txt} pages) into {@code target}, created when missing.
     */
    public static ImportReport run(List<Path> sources, Path target, Settings settings) {
        Importer importer = new Importer(target, settings);
        List<Outcome> outcomes = new ArrayList<>();
        for (Page page : importer.pages(sources, outcomes)) {
            outcomes.add(page.skipped != null ? page.skipped : importer.importPage(page));
        }
        return new ImportReport(outcomes);
    }

    /** A file to import, named as the user would recognise it; or one refused before reading. */
    private record Page(Path file, String display, Outcome skipped) {
    }

    // ---- finding the pages ----

    private List<Page> pages(List<Path> sources, List<Outcome> early) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Page> pages = new ArrayList<>();
        for (Path source : sources) {
            String display = slashes(source.toString());
            if (Files.isDirectory(source)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(source)) {
                    found = walk.filter(Files::isRegularFile).filter(f -> !hidden(source, f)).sorted().toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    pages.add(new Page(source, display, skipped(display, "cannot read the folder (" + e.getMessage() + ").",
                            "check that it exists and that Gazette may read it.")));
                    continue;
                }
                for (Path f : found) {
                    if (isPage(f) && seen.add(f.toAbsolutePath().normalize())) {
                        pages.add(new Page(f, slashes(source.resolve(source.relativize(f)).toString()), null));
                    }
                }
            } else if (!Files.exists(source)) {
                pages.add(new Page(source, display, skipped(display, "no such file or folder.", "check the path.")));
            } else if (isPage(source)) {
                if (seen.add(source.toAbsolutePath().normalize())) {
                    pages.add(new Page(source, display, null));
                }
            } else {
                Optional<SourceFormat> format = SourceFinder.formatOf(source.getFileName().toString());
                pages.add(new Page(source, display, format.isPresent()
                        ? skipped(display, "is a Markdown article already.", "copy it into the articles folder as it is.")
                        : skipped(display, "is not a page Gazette imports.", "give saved pages (`.html`, `.htm`) or plain-text "
                                + "news articles (`.txt`).")));
            }
        }
        return pages;
    }

    private static boolean isPage(Path f) {
        Optional<SourceFormat> format = SourceFinder.formatOf(f.getFileName().toString());
        return format.isPresent() && format.get() != SourceFormat.MARKDOWN;
    }

    /**
     * Whether {@code f}, found under the folder {@code root}, is left out: hidden or
     * underscored names (as the build leaves them), the target folder itself, and the folder a
     * browser saves beside a page for its images and frames ({@code page_files/} beside
     * {@code page.html}), whose HTML files are pieces of the page and no articles.
     */
    private boolean hidden(Path root, Path f) {
        if (f.toAbsolutePath().normalize().startsWith(target)) {
            return true;
        }
        Path rel = root.relativize(f);
        for (int i = 0; i < rel.getNameCount(); i++) {
            String name = rel.getName(i).toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
            if (i < rel.getNameCount() - 1 && isCompanionFolder(root.resolve(rel.subpath(0, i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCompanionFolder(Path dir) {
        String name = dir.getFileName().toString();
        for (String sep : List.of("_", "-", ".")) {
            int cut = name.lastIndexOf(sep);
            if (cut > 0) {
                String stem = name.substring(0, cut);
                for (String ext : List.of(".html", ".htm")) {
                    if (Files.isRegularFile(dir.resolveSibling(stem + ext))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---- one page ----

    private Outcome importPage(Page page) {
        String name = page.file().getFileName().toString();
        byte[] bytes;
        ZonedDateTime fileTime;
        try {
            bytes = Files.readAllBytes(page.file());
            fileTime = Files.getLastModifiedTime(page.file()).toInstant().atZone(settings.zone()).truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException | SecurityException e) {
            return skipped(page.display(), "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").",
                    "check that the file exists and that Gazette may read it.");
        }
        ParseContext ctx = ParseContext.of(settings.zone(), settings.language()).withSlugs(settings.slugs());
        DateFallback fallback = settings.fallback();
        if (fallback != null) {
            ctx = ctx.withFallbackDate(fallback.usesFileTime()
                    ? new ParseContext.FallbackDate(fileTime, false, "the file's time (--date-fallback file)")
                    : new ParseContext.FallbackDate(fallback.date(), fallback.dayOnly(), "the date given with --date-fallback"));
        }
        // Read under its own name, so the reader's path rules see a page alone in its folder.
        ParsedSource parsed = SourceReader.parse(name, bytes, ctx);
        List<Problem> problems = new ArrayList<>(renamed(parsed.problems(), page.display()));
        if (parsed.article() == null) {
            return new Outcome(page.display(), Status.SKIPPED, null, problems);
        }
        Article read = parsed.article();
        String slug = read.slug();
        for (int n = 2; claimed.contains(slug); n++) {
            slug = read.slug() + "-" + n;
        }
        claimed.add(slug);
        if (!slug.equals(read.slug())) {
            problems.add(Problem.warning(page.display(), 0, "slug", "another page of this import has the slug `" + read.slug()
                    + "`; this one is `" + slug + "`.", "check that the two pages are not the same article saved twice."));
        }
        SavedImages.Plan images = SavedImages.plan(page.file(), page.display(), slug, target, read.bodyHtml(), read.image());
        problems.addAll(images.problems());
        Article article = new Article(slug + ".md", SourceFormat.MARKDOWN, slug, read.title(), read.date(), read.updated(),
                read.rubric(), read.tags(), read.authors(), read.lead(), Body.of(images.bodyHtml()), images.image(), read.caption(), false,
                read.language(), List.of(), List.of(), List.of(), null, 0, read.dateOnly());
        if (!read.relatedTitles().isEmpty()) {
            problems.add(Problem.warning(page.display(), 0, "related", "the related articles the page lists by title ("
                    + read.relatedTitles().size() + ") are not imported.", "pin them with `related: [slug, …]` once they are imported."));
        }

        String markdown = HtmlToMarkdown.convert(article.bodyHtml());
        // The Markdown parser's time grows with the square of a paragraph's marks: a paragraph of
        // thousands of escaped characters (a pasted table of `|`) is kept as HTML without trying.
        String mismatch = tooDense(markdown) ? "a paragraph of more than " + MarkdownRenderer.MAX_PARAGRAPH_MARKUP + " marks" : null;
        String text = MarkdownArticle.render(article, markdown, name);
        if (mismatch == null) {
            mismatch = mismatch(article, text);
        }
        if (mismatch != null) {
            // Markdown could not say this body: keep it as HTML, which Markdown allows.
            text = MarkdownArticle.render(article, HtmlToMarkdown.asHtmlBlocks(article.bodyHtml()), name);
            problems.add(Problem.warning(page.display(), 0, "body", "the body does not read back the same as Markdown (" + mismatch
                    + "); it is kept as HTML in the Markdown file.", "edit it as HTML, or rewrite it in Markdown."));
            String still = mismatch(article, text);
            if (still != null) {
                problems.add(Problem.error(page.display(), 0, null, "the imported article does not read back as the page (" + still + ").",
                        "this is a bug in Gazette: please report it with the page attached."));
                return new Outcome(page.display(), Status.SKIPPED, null, problems);
            }
        }
        return write(page, slug, text, images.copies(), problems);
    }

    /** What the Markdown {@code text} reads back differently from {@code a}, or {@code null} when nothing. */
    private String mismatch(Article a, String text) {
        ParsedSource back = SourceReader.parse(a.slug() + ".md", text.getBytes(StandardCharsets.UTF_8), readBack);
        Article b = back.article();
        if (b == null) {
            return back.problems().stream().filter(Problem::isError).map(Problem::message).findFirst().orElse("unreadable");
        }
        if (!b.title().equals(a.title()) || !b.date().toInstant().equals(a.date().toInstant()) || !b.slug().equals(a.slug())
                || !b.authors().equals(a.authors()) || !b.tags().equals(a.tags()) || !b.lead().equals(a.lead())
                || !Objects.equals(b.image(), a.image()) || !Objects.equals(b.rubric(), a.rubric())) {
            return "its fields";
        }
        return words(b.bodyHtml()).equals(words(a.bodyHtml())) ? null : "its text";
    }

    /** Whether a paragraph of {@code markdown} holds more marks than the renderer takes in one. */
    private static boolean tooDense(String markdown) {
        for (String paragraph : markdown.split("\n\n")) {
            if (paragraph.length() > MarkdownRenderer.MAX_PARAGRAPH_MARKUP) {
                long marks = paragraph.chars().filter(c -> c == '\\' || c == '[' || c == '<' || c == '&' || c == '*' || c == '_' || c == '`').count();
                if (marks > MarkdownRenderer.MAX_PARAGRAPH_MARKUP) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String words(String html) {
        return Jsoup.parseBodyFragment(html).body().text().replaceAll("\\s+", " ").strip();
    }

    // ---- writing ----

    private Outcome write(Page page, String slug, String text, Map<String, Path> copies, List<Problem> problems) {
        String fileName = slug + ".md";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(target);
            Path file = target.resolve(fileName);
            for (String other : List.of(".markdown", ".txt", ".html", ".htm")) {
                if (Files.exists(target.resolve(slug + other))) {
                    problems.add(Problem.error(page.display(), 0, "slug", "the target folder has `" + slug + other
                            + "` already, which would get the same URL as `" + fileName + "`.", "import into another folder, "
                            + "or rename one of the two."));
                    return new Outcome(page.display(), Status.SKIPPED, null, problems);
                }
            }
            boolean existed = Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (existed && !(Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && java.util.Arrays.equals(Files.readAllBytes(file), bytes))) {
                problems.add(Problem.error(page.display(), 0, null, "`" + slashes(target.relativize(file).toString())
                        + "` exists already and differs from this import (edited since, or another page); it is left as it is.",
                        "keep it; or delete it and run the import again to replace it."));
                return new Outcome(page.display(), Status.SKIPPED, null, problems);
            }
            copyImages(copies);
            if (!existed) {
                Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            Status status = existed ? Status.UNCHANGED : problems.isEmpty() ? Status.IMPORTED : Status.IMPORTED_WITH_WARNINGS;
            return new Outcome(page.display(), status, fileName, problems);
        } catch (FileAlreadyExistsException e) {
            problems.add(Problem.error(page.display(), 0, null, "`" + fileName + "` appeared while importing; left as it is.",
                    "run the import again when nothing else writes to the folder."));
        } catch (IOException | SecurityException e) {
            problems.add(Problem.error(page.display(), 0, null, "cannot write into `" + target + "` (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ").", "check that the folder is writable and the disk has room."));
        }
        return new Outcome(page.display(), Status.SKIPPED, null, problems);
    }

    private void copyImages(Map<String, Path> copies) throws IOException {
        Path root = target.toRealPath();
        for (Map.Entry<String, Path> copy : copies.entrySet()) {
            Path dest = target.resolve(copy.getKey());
            Files.createDirectories(dest.getParent());
            if (!dest.getParent().toRealPath().startsWith(root)) {
                throw new IOException("`" + copy.getKey() + "` leads out of the target folder through a link");
            }
            if (!Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.copy(copy.getValue(), dest);
            }
        }
    }

    // ---- helpers ----

    private static Outcome skipped(String display, String message, String fix) {
        return new Outcome(display, Status.SKIPPED, null, List.of(Problem.error(display, 0, null, message, fix)));
    }

    private static List<Problem> renamed(List<Problem> problems, String display) {
        return problems.stream().map(p -> new Problem(p.severity(), display, p.line(), p.field(), p.message(), p.fix())).toList();
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
