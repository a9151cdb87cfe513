package dev.gazette.source;

import dev.gazette.images.ImagePaths;
import dev.gazette.markup.MarkdownRenderer;
import dev.gazette.model.Article;
import dev.gazette.model.Body;
import dev.gazette.model.Problem;
import dev.gazette.model.SlugRule;
import dev.gazette.model.Slugs;
import dev.gazette.model.SourceFormat;
import dev.gazette.model.Term;
import dev.gazette.text.ControlCharacters;
import dev.gazette.yaml.YamlTree;
import dev.gazette.yaml.YamlTree.Mapping;
import dev.gazette.yaml.YamlTree.Node;
import dev.gazette.yaml.YamlTree.Scalar;
import dev.gazette.yaml.YamlTree.Sequence;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Markdown with YAML front matter:
 * <pre>
 * ---
 * title: "Maroc-Russie: les partenariats stratégiques se renforcent"
 * date: 2025-09-05T11:20:00+01:00
 * category: Politique
 * tags: [Maroc, Russie]
 * ---
 * Body in Markdown.
 * </pre>
 * Every front-matter value arrives as the text written ({@link YamlTree}); each field converts
 * it: text fields keep it, {@code date}/{@code updated} read a date, {@code draft} a boolean.
 */
final class MarkdownReader {

    static final Set<String> FIELDS = Set.of("title", "date", "updated", "category", "rubric", "tags", "author",
            "authors", "summary", "lead", "image", "caption", "slug", "draft", "related", "lang", "language", "aliases",
            "featured");

    private MarkdownReader() {
    }

    static ParsedSource read(String source, String text, ParseContext ctx) {
        List<Problem> problems = new ArrayList<>();
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!normalised.startsWith("---\n")) {
            return ParsedSource.failed(List.of(Problem.error(source, 1, null,
                    "no front matter found.",
                    "start the file with a line `---`, then `title: ...` and `date: ...`, then a closing `---` line before the body.")));
        }
        int close = findClosingFence(normalised);
        if (close < 0) {
            return ParsedSource.failed(List.of(Problem.error(source, 1, null,
                    "the front matter is never closed.", "add a line `---` after the last front-matter field.")));
        }
        String frontMatter = normalised.substring(4, close);
        int bodyStart = normalised.indexOf('\n', close + 1);
        String body = bodyStart < 0 ? "" : normalised.substring(bodyStart + 1);

        YamlTree.Document yaml;
        try {
            yaml = YamlTree.parse(frontMatter);
        } catch (YamlTree.Refusal e) {
            return ParsedSource.failed(List.of(refused(source, e)));
        }
        Optional<Node> root = yaml.root();
        // The front matter starts on the file's second line.
        yaml.controls().ifPresent(r -> problems.add(r.warning(source, 1, " written as YAML escapes",
                "remove the escapes such as `\\0`, `\\x01` or `\\u0007` from the quoted value; write a tab as `\\t` "
                        + "and a line break as `\\n`.")));
        if (root.isEmpty() || !(root.get() instanceof Mapping map)) {
            return ParsedSource.failed(List.of(Problem.error(source, 2, null,
                    "the front matter must be `field: value` lines.", "write at least `title: ...` and `date: ...` between the `---` lines.")));
        }
        Fields f = new Fields(source, map, problems);
        for (String key : map.keys()) {
            if (!FIELDS.contains(key)) {
                problems.add(Problem.warning(source, f.line(key), key,
                        "unknown front-matter field, ignored.", "check its spelling; known fields: "
                                + String.join(", ", FIELDS.stream().sorted().toList()) + "."));
            }
        }

        String title = f.text("title");
        // A list or mapping was already reported by text(): it is there, just not a single value.
        boolean titleHasWrongType = !(map.get("title") == null || map.get("title") instanceof Scalar);
        if ((title == null || title.isBlank()) && !titleHasWrongType) {
            problems.add(Problem.error(source, f.line("title"), "title", "the title is missing.",
                    "add a line `title: \"Your headline\"` to the front matter."));
        }
        ZonedDateTime date = f.date("date", ctx, true);
        ZonedDateTime updated = f.date("updated", ctx, false);
        if (date != null && updated != null && updated.isBefore(date)) {
            problems.add(Problem.warning(source, f.line("updated"), "updated", "the update time is before the publication date; ignored.",
                    "set `updated` to a time after `date`, or remove it."));
            updated = null;
        }
        String rubricKey = map.keys().contains("category") ? "category" : "rubric";
        String rubricName = f.text(rubricKey);
        Term rubric = rubricName == null || rubricName.isBlank() ? null : Term.of(rubricName, ctx.slugs());
        if (rubric != null && rubric.slug().isEmpty()) {
            problems.add(Problem.error(source, f.line(rubricKey), rubricKey, "`" + rubricName + "` has no letter or digit to make a URL from.",
                    "name the rubric with words, e.g. `" + rubricKey + ": Politique`."));
        }
        List<Term> tags = terms(f.list("tags"), ctx.slugs(), source, f.line("tags"), problems);
        List<String> authors = f.list(map.keys().contains("authors") ? "authors" : "author");
        String lead = f.text(map.keys().contains("summary") ? "summary" : "lead");
        String image = f.text("image");
        if (image != null) {
            String problem = ImagePaths.check(source, image);
            if (problem != null) {
                problems.add(Problem.error(source, f.line("image"), "image", problem,
                        "give a path inside the articles folder, e.g. `images/photo.jpg`, or an absolute https:// URL."));
                image = null;
            }
        }
        String caption = f.text("caption");
        boolean draft = f.bool("draft");
        int featured = f.featured("featured");
        String language = f.text(map.keys().contains("lang") ? "lang" : "language");
        List<String> pins = new ArrayList<>();
        for (String pin : f.list("related")) {
            String s = Slugs.of(pin, ctx.slugs());
            if (!s.isEmpty() && !pins.contains(s)) {
                pins.add(s);
            }
        }
        String articleLanguage = language == null || language.isBlank() ? ctx.language() : language.strip();
        String slug = slug(source, f, articleLanguage, ctx.slugs(), problems);
        String legacySlug = slugFromTitle(source, f, ctx.slugs()) && title != null ? Slugs.legacyOfTitle(title, 80) : null;
        List<String> aliases = aliases(source, f, problems);

        if (problems.stream().anyMatch(Problem::isError)) {
            return ParsedSource.failed(problems);
        }
        ControlCharacters.Tally bodyControls = new ControlCharacters.Tally();
        String bodyHtml;
        try {
            bodyHtml = ctx.markdown().toSafeHtml(body, ctx.sanitizer(), bodyControls);
        } catch (MarkdownRenderer.TooDeepException e) {
            problems.add(Problem.error(source, fileLine(normalised, bodyStart, e.line()), null, "the body nests quotes, lists, emphasis or links more than "
                            + MarkdownRenderer.MAX_NESTING + " levels deep; Gazette does not render it.",
                    "flatten it at that line: fewer `>` quotes inside quotes, lists inside lists, `*emphasis*` or `[links]` inside each other."));
            return ParsedSource.failed(problems);
        } catch (MarkdownRenderer.TooDenseException e) {
            problems.add(Problem.error(source, fileLine(normalised, bodyStart, e.line()), null, "the paragraph starting here holds more than "
                            + MarkdownRenderer.MAX_PARAGRAPH_MARKUP + " links, tags or entities (`[`, `<`, `&`); Gazette does not render it.",
                    "split it into paragraphs with blank lines, or publish such a page as an HTML article."));
            return ParsedSource.failed(problems);
        }
        bodyControls.removed().ifPresent(r -> problems.add(r.warning(source, 0, " written as character references",
                "remove the references such as `&#1;` or `&#x7f;` from the body.")));
        Article article = new Article(source, SourceFormat.MARKDOWN, slug, title.strip(), date, updated, rubric, tags,
                authors, lead == null ? "" : lead.strip(), Body.of(bodyHtml), image, caption, draft,
                language == null || language.isBlank() ? null : language.strip(), pins, List.of(), aliases, legacySlug, featured,
                Dates.dayOnly(f.text("date")));
        return ParsedSource.of(article, problems);
    }

    /** The line of the file that the body's line {@code bodyLine} is (the body starts after {@code bodyStart}). */
    private static int fileLine(String normalised, int bodyStart, int bodyLine) {
        int first = bodyStart < 0 ? 1 : (int) normalised.substring(0, bodyStart + 1).chars().filter(c -> c == '\n').count() + 1;
        return first + bodyLine - 1;
    }

    /** Whether the article's slug comes from its title: no {@code slug:} field, and a file name without a letter or digit. */
    private static boolean slugFromTitle(String source, Fields f, SlugRule rule) {
        String given = f.text("slug");
        if (given != null && !given.isBlank()) {
            return false;
        }
        String name = source.substring(source.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return Slugs.ofFileName(dot > 0 ? name.substring(0, dot) : name, rule).isEmpty();
    }

    /**
     * The {@code aliases:} field: old addresses of the article, each a path from the site's root
     * ({@code /politique/ancien-titre/}) or an absolute http(s) URL; kept as written, checked
     * against the site's pages and base URL when the site is planned.
     */
    private static List<String> aliases(String source, Fields f, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        for (String alias : f.list("aliases")) {
            String a = alias.strip();
            if (a.isEmpty()) {
                continue;
            }
            boolean absolute = a.startsWith("https://") || a.startsWith("http://");
            if (!absolute && !a.startsWith("/") || a.chars().anyMatch(Character::isWhitespace)) {
                problems.add(Problem.error(source, f.line("aliases"), "aliases", "`" + alias + "` is not an address of the site.",
                        "write each old address from the site's root, e.g. `aliases: [/politique/ancien-titre/]`, "
                                + "or as a full URL on the site's baseUrl, without spaces."));
                continue;
            }
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static String slug(String source, Fields f, String language, SlugRule rule, List<Problem> problems) {
        String given = f.text("slug");
        if (given != null && !given.isBlank()) {
            if (given.contains("/") || given.contains("\\") || given.contains("..")) {
                problems.add(Problem.error(source, f.line("slug"), "slug", "`" + given + "` tries to leave the article's folder.",
                        "use only lower-case letters, digits and hyphens, e.g. `slug: " + orFallback(Slugs.of(given, rule)) + "`."));
                return "";
            }
            String clean = Slugs.of(given, rule);
            if (clean.isEmpty()) {
                problems.add(Problem.error(source, f.line("slug"), "slug", "`" + given + "` has no letter or digit.",
                        "use lower-case letters, digits and hyphens."));
                return "";
            }
            if (!clean.equals(given)) {
                problems.add(Problem.warning(source, f.line("slug"), "slug", "`" + given + "` is not a clean slug; using `" + clean + "`.",
                        "write `slug: " + clean + "`."));
            }
            return clean;
        }
        String name = source.substring(source.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        // Under the ASCII rule file names keep the rule they always had, so no existing article's URL
        // moves, and a name without a Latin letter gives way to the title, which is transliterated;
        // under the Unicode rule a name follows it (see Slugs.ofFileName).
        String fromName = Slugs.ofFileName(dot > 0 ? name.substring(0, dot) : name, rule);
        if (fromName.isEmpty()) {
            String title = f.text("title");
            fromName = title == null ? "" : Slugs.ofTitle(title, 80, language, rule);
        }
        if (fromName.isEmpty()) {
            problems.add(Problem.error(source, 1, "slug", "cannot make a URL from the file name or the title.",
                    "add `slug: my-article` to the front matter."));
        }
        return fromName;
    }

    private static String orFallback(String slug) {
        return slug.isEmpty() ? "mon-article" : slug;
    }

    private static List<Term> terms(List<String> names, SlugRule rule, String source, int line, List<Problem> problems) {
        Map<String, Term> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            Term t = Term.of(name, rule);
            if (t.slug().isEmpty()) {
                problems.add(Problem.warning(source, line, "tags", "the tag `" + name + "` has no letter or digit; ignored.",
                        "remove it or write it with words."));
                continue;
            }
            bySlug.putIfAbsent(t.slug(), t);
        }
        return List.copyOf(bySlug.values());
    }

    private static int findClosingFence(String text) {
        int from = 4;
        while (true) {
            int i = text.indexOf("\n---", from - 1);
            if (i < 0) {
                return -1;
            }
            int end = i + 4;
            if (end == text.length() || text.charAt(end) == '\n' || text.substring(end, text.indexOf('\n', end) < 0 ? text.length() : text.indexOf('\n', end)).isBlank()) {
                return i + 1;
            }
            from = end;
        }
    }

    /** The problem for front matter the YAML reader refused. */
    private static Problem refused(String source, YamlTree.Refusal e) {
        // The front matter starts on the file's second line.
        int line = e.line() == 0 ? 1 : e.line() + 1;
        return switch (e.kind()) {
            case SYNTAX -> Problem.error(source, line, null, "the front matter is not valid YAML: " + e.reason() + ".",
                    "check the indentation and put quotes around values that contain `: ` or start with `[`, `#` or `@`.");
            case DUPLICATE_KEY -> Problem.error(source, line, e.key(), "the field " + e.reason() + ".", e.fix());
            case TOO_COMPLEX -> Problem.error(source, line, null, "the front matter is refused: " + e.reason() + ".", e.fix());
        };
    }

    /**
     * Typed reads of the front matter; each mistake becomes a problem naming the field and line.
     * Every value arrives as the text written: a text field keeps it, a boolean or date field
     * converts it.
     */
    private record Fields(String source, Mapping map, List<Problem> problems) {

        /** The file line of {@code key} (the front matter starts on line 2), or 1 when it is absent. */
        int line(String key) {
            int line = map.lineOf(key);
            return line == 0 ? 1 : line + 1;
        }

        /** The value of {@code key}, or {@code null} when it is absent or YAML's "no value". */
        private Node value(String key) {
            Node v = map.get(key);
            return v instanceof Scalar s && s.isNull() ? null : v;
        }

        String text(String key) {
            Node v = value(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Scalar s) {
                return s.text();
            }
            problems.add(Problem.error(source, line(key), key, "must be a single value, not a list or mapping.",
                    "write `" + key + ": value` on one line."));
            return null;
        }

        List<String> list(String key) {
            Node v = value(key);
            if (v == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (v instanceof Sequence items) {
                for (Node item : items.items()) {
                    if (!(item instanceof Scalar s)) {
                        problems.add(Problem.error(source, line(key), key, "each entry must be plain text.",
                                "write `" + key + ": [First, Second]`."));
                    } else if (!s.isNull() && !s.text().isBlank()) {
                        out.add(s.text().strip());
                    }
                }
            } else if (v instanceof Scalar s) {
                // A single value, or the comma-separated form editors often type.
                for (String part : s.text().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            } else {
                problems.add(Problem.error(source, line(key), key, "must be a list, not a mapping.", "write `" + key + ": [First, Second]`."));
            }
            return out;
        }

        boolean bool(String key) {
            Node v = value(key);
            if (v == null) {
                return false;
            }
            Optional<Boolean> b = v instanceof Scalar s ? s.bool() : Optional.empty();
            if (b.isPresent()) {
                return b.get();
            }
            problems.add(Problem.error(source, line(key), key, "must be `true` or `false`, not " + v.shown() + ".",
                    "write `" + key + ": true` or `" + key + ": false`, without quotes."));
            return false;
        }

        /**
         * The featured weight: {@code true} is 1, {@code false} or absent 0, a whole number (written
         * without quotes) its value.
         */
        int featured(String key) {
            Node v = value(key);
            if (v == null) {
                return 0;
            }
            if (v instanceof Scalar s) {
                Optional<Boolean> b = s.bool();
                if (b.isPresent()) {
                    return b.get() ? 1 : 0;
                }
                if (s.plain() && s.text().strip().matches("[0-9]{1,6}")) {
                    return Integer.parseInt(s.text().strip());
                }
            }
            problems.add(Problem.error(source, line(key), key, "must be `true`, `false` or a weight (a whole number), not " + v.shown() + ".",
                    "write `" + key + ": true` to put the article at the top of the home page, or `" + key + ": 2` to outweigh other featured articles of the same day."));
            return 0;
        }

        ZonedDateTime date(String key, ParseContext ctx, boolean required) {
            boolean wrongType = value(key) != null && !(value(key) instanceof Scalar);
            String v = text(key);
            if (v == null || v.isBlank()) {
                if (required && !wrongType) {
                    problems.add(Problem.error(source, line(key), key, "the publication date is missing.",
                            "add a line such as `date: 2025-09-09T18:36:00+01:00` to the front matter."));
                }
                return null;
            }
            try {
                return Dates.parse(v, ctx.zone());
            } catch (DateTimeParseException e) {
                problems.add(Problem.error(source, line(key), key, e.getMessage() + ".", "write it as one of " + Dates.FORMS + "."));
                return null;
            }
        }
    }
}
