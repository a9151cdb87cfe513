package dev.gazette.authoring;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.model.SlugRule;
import dev.gazette.model.Slugs;
import dev.gazette.model.SourceFormat;
import dev.gazette.model.Term;
import dev.gazette.render.SiteUrls;
import dev.gazette.source.ParseContext;
import dev.gazette.source.ParsedSource;
import dev.gazette.source.SourceReader;
import dev.gazette.text.TextDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A new article, as {@code gazette new} writes it: the title, the date (now, in the site's time
 * zone), the rubric, the tags and the slug, filled into the site's archetype or Gazette's own.
 *
 * <p>The text is read back with the reader of its format before anything is written, and must
 * give the article that was asked for: so the slug, the file name and the URL printed are those a
 * build gives, and an archetype, or a title the plain-text format cannot carry, is refused instead
 * of leaving a file the build reads otherwise.
 */
public final class NewArticle {

    /** Slugs made from a headline are cut at a word to this length, as the readers cut them. */
    static final int SLUG_LENGTH = 80;

    /** The folder of the site's archetypes, beside the configuration file. */
    public static final String ARCHETYPES = "archetypes";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATELINE = DateTimeFormatter.ofPattern("dd/MM/uuuu 'à' HH'h'mm", Locale.ROOT);

    static final String MARKDOWN_ARCHETYPE = """
            ---
            title: {title}
            date: {date}
            category: {rubric}
            tags: {tags}
            slug: {slug}
            ---

            """;

    /** The plain-text news format is positional: the placeholder paragraphs keep each part where the reader looks for it. */
    static final String NEWS_TEXT_ARCHETYPE = """
            date {day} {rubric}

            {title}

            Le chapô : l’essentiel de l’article en une ou deux phrases.

            Par La Rédaction
            Le {dateline}

            Le corps de l’article, en paragraphes séparés par des lignes vides.

            Par La Rédaction
            Le {dateline}
            {hashtags}
            """;

    private NewArticle() {
    }

    /**
     * What to write.
     *
     * @param title  the headline
     * @param rubric the rubric, or {@code null} / blank for none
     * @param tags   the tags, in order (blank entries are ignored)
     * @param format {@link SourceFormat#MARKDOWN} or {@link SourceFormat#NEWS_TEXT}
     * @param now    the publication time; the article is dated to its minute, in the site's time zone
     */
    public record Request(String title, String rubric, List<String> tags, SourceFormat format, Instant now) {
        public Request {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(now, "now");
            tags = tags == null ? List.of() : List.copyOf(tags);
            if (format == SourceFormat.HTML) {
                throw new IllegalArgumentException("new articles are written as Markdown or plain text");
            }
        }
    }

    /**
     * A new article, ready to write.
     *
     * @param file      its file name in the articles folder ({@code mon-article.md})
     * @param text      its text
     * @param article   the article a build reads from it
     * @param url       the URL it will have: absolute with the site's {@code baseUrl}, else relative to the site's root
     * @param archetype what it was made from
     * @param warnings  what the reader said of it (never an error)
     */
    public record Draft(String file, String text, Article article, String url, Archetype archetype, List<Problem> warnings) {
        public Draft {
            warnings = List.copyOf(warnings);
        }
    }

    /** Why no article can be made; {@link #usage()} when the command line asked for something impossible. */
    public static final class Refusal extends Exception {
        private final boolean usage;
        private final String fix;

        Refusal(boolean usage, String message, String fix) {
            super(message);
            this.usage = usage;
            this.fix = fix;
        }

        /** Whether the request itself is wrong (a bad title, rubric or tag), not the site's archetype. */
        public boolean usage() {
            return usage;
        }

        /** What to do about it. */
        public String fix() {
            return fix;
        }
    }

    /**
     * The archetype for a new article of {@code format} in the site whose configuration file is in
     * {@code siteFolder}: {@code archetypes/<rubric slug>.<ext>} when there is one for the rubric,
     * else {@code archetypes/default.<ext>}, else Gazette's own ({@code .md} or {@code .txt}).
     */
    public static Archetype archetype(Path siteFolder, SourceFormat format, String rubric) throws IOException {
        return archetype(siteFolder, format, rubric, SlugRule.ASCII);
    }

    /**
     * As {@link #archetype(Path, SourceFormat, String)}, the rubric's slug made by the site's rule
     * ({@code archetypes/سياسة.md} on a {@code slugs: unicode} site), then by the ASCII one, as
     * the archetype may have been named before the site changed its rule.
     */
    public static Archetype archetype(Path siteFolder, SourceFormat format, String rubric, SlugRule slugs) throws IOException {
        Path folder = siteFolder.resolve(ARCHETYPES);
        String ext = extension(format);
        List<String> names = new ArrayList<>();
        for (String rubricSlug : rubric == null ? List.<String>of() : List.of(Slugs.of(rubric, slugs), Slugs.of(rubric))) {
            if (!rubricSlug.isEmpty() && !names.contains(rubricSlug + ext)) {
                names.add(rubricSlug + ext);
            }
        }
        names.add("default" + ext);
        for (String name : names) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                // Decoded as sources are (a byte-order mark, Windows-1252): an archetype is a source in waiting.
                String text = TextDecoder.decode(file.toString(), Files.readAllBytes(file), new ArrayList<>());
                return new Archetype(file.toString(), text);
            }
        }
        return new Archetype(Archetype.BUILT_IN, format == SourceFormat.MARKDOWN ? MARKDOWN_ARCHETYPE : NEWS_TEXT_ARCHETYPE);
    }

    /** Makes the article's text from {@code archetype} and checks that it reads back as asked; touches no disk. */
    public static Draft draft(Request request, SiteConfig config, Archetype archetype) throws Refusal {
        String title = oneLine(request.title(), "title", "the headline");
        if (title.isEmpty()) {
            throw new Refusal(true, "the title is empty.", "give the headline in quotes: gazette new \"Titre de l’article\".");
        }
        String slug = Slugs.ofTitle(title, SLUG_LENGTH, config.language(), config.slugs());
        if (slug.isEmpty()) {
            throw new Refusal(true, "the title `" + title + "` has no letter or digit to make a URL from.", "write the headline with words.");
        }
        String rubric = oneLine(request.rubric(), "rubric", "the rubric");
        if (!rubric.isEmpty() && Slugs.of(rubric, config.slugs()).isEmpty()) {
            throw new Refusal(true, "the rubric `" + rubric + "` has no letter or digit to make a URL from.",
                    "name the rubric with words, e.g. --rubric Politique.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : request.tags()) {
            String name = oneLine(tag, "tags", "each tag");
            if (name.isEmpty()) {
                continue;
            }
            if (Slugs.of(name, config.slugs()).isEmpty()) {
                throw new Refusal(true, "the tag `" + name + "` has no letter or digit to make a URL from.", "write each tag with words.");
            }
            // Tags differing only by case or accents are one tag, as the build counts them.
            tags.putIfAbsent(Slugs.of(name, config.slugs()), name);
        }

        ZonedDateTime date = request.now().atZone(config.timeZone()).truncatedTo(ChronoUnit.MINUTES);
        Placeholders.Values values = new Placeholders.Values(title, slug, ISO.format(date), DAY.format(date), DATELINE.format(date),
                rubric, List.copyOf(tags.values()));
        boolean markdown = request.format() == SourceFormat.MARKDOWN;
        String text = Placeholders.fill(archetype.text(), values, markdown);
        String file = slug + extension(request.format());

        ParsedSource parsed = SourceReader.parse(file, text.getBytes(StandardCharsets.UTF_8), ParseContext.of(config.timeZone(), config.language()).withSlugs(config.slugs()));
        String source = archetype.builtIn() ? (markdown ? "The Markdown article" : "The plain-text format") : "The archetype `" + archetype.name() + "`";
        String fix = archetype.builtIn()
                ? (markdown ? "this is a bug in Gazette: please report it with the command you ran." : "write the article as Markdown: leave out --format txt.")
                : "correct the archetype so that it keeps the placeholders {title}, {date} and the others it needs (see the README, `gazette new`).";
        Problem error = parsed.problems().stream().filter(Problem::isError).findFirst().orElse(null);
        if (error != null || parsed.article() == null) {
            throw new Refusal(archetype.builtIn() && !markdown, source + " makes an article Gazette cannot read: "
                    + (error == null ? "no article." : error.describe()), fix);
        }
        Article article = parsed.article();
        List<String> differences = differences(article, title, slug, date, rubric, tags, markdown);
        if (!differences.isEmpty()) {
            throw new Refusal(archetype.builtIn() && !markdown, source + " does not keep what was asked: " + String.join("; ", differences) + ".", fix);
        }
        String url = config.baseUrl() + new SiteUrls(config.permalinks()).article(article);
        return new Draft(file, text, article, url, archetype, parsed.problems());
    }

    /**
     * Writes the draft into {@code articles}, never over a file: the file is created in one step
     * ({@link StandardOpenOption#CREATE_NEW}), so two editors creating the same article at once
     * cannot overwrite each other. A source of another format with the same name is refused too:
     * the build would give both the same slug.
     *
     * @return the file written
     * @throws FileAlreadyExistsException when the file, or a namesake, exists; its reason says which
     */
    public static Path write(Path articles, Draft draft) throws IOException {
        Path target = articles.resolve(draft.file());
        String base = draft.file().substring(0, draft.file().lastIndexOf('.'));
        for (String ext : List.of(".md", ".markdown", ".txt", ".html", ".htm")) {
            Path namesake = articles.resolve(base + ext);
            if (!namesake.equals(target) && Files.exists(namesake)) {
                throw new FileAlreadyExistsException(target.toString(), namesake.toString(), "an article of that name exists already");
            }
        }
        byte[] bytes = draft.text().getBytes(StandardCharsets.UTF_8);
        Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return target;
    }

    private static String extension(SourceFormat format) {
        return format == SourceFormat.MARKDOWN ? ".md" : ".txt";
    }

    /** {@code text} stripped; a line break or control character in it is refused, as no headline, rubric or tag holds one. */
    private static String oneLine(String text, String field, String what) throws Refusal {
        String t = text == null ? "" : text.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                throw new Refusal(true, "the " + field + " `" + t.replaceAll("\\p{Cntrl}|[\u2028\u2029]", "?")
                        + "` holds a line break or control character.", "write " + what + " on one line.");
            }
        }
        return t;
    }

    /** What the article read back differs in from what was asked, said for the editor. */
    private static List<String> differences(Article a, String title, String slug, ZonedDateTime date, String rubric,
                                            Map<String, String> tags, boolean markdown) {
        List<String> out = new ArrayList<>();
        if (!same(a.title(), title, markdown)) {
            out.add("the title reads back as `" + a.title() + "`");
        }
        if (!a.slug().equals(slug)) {
            out.add("the slug reads back as `" + a.slug() + "`, not `" + slug + "`");
        }
        if (!a.date().toInstant().equals(date.toInstant())) {
            out.add("the date reads back as " + a.date() + ", not " + date);
        }
        if (!rubric.isEmpty() && (a.rubric() == null || !same(a.rubric().name(), rubric, markdown))) {
            out.add("the rubric reads back as " + (a.rubric() == null ? "none" : "`" + a.rubric().name() + "`"));
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            Term found = a.tags().stream().filter(t -> t.slug().equals(tag.getKey())).findFirst().orElse(null);
            if (found == null || !same(found.name(), tag.getValue(), markdown)) {
                out.add("the tag `" + tag.getValue() + "` " + (found == null ? "is lost" : "reads back as `" + found.name() + "`"));
            }
        }
        return out;
    }

    /**
     * Whether {@code read} is {@code asked}. The plain-text reader joins and collapses white space
     * (no-break spaces included), as it must for pages saved from news sites: there only the words
     * are compared.
     */
    private static boolean same(String read, String asked, boolean markdown) {
        return markdown ? read.equals(asked) : spaces(read).equals(spaces(asked));
    }

    private static String spaces(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").strip();
    }
}
