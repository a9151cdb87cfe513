package dev.gazette.source;

import dev.gazette.markup.MarkdownRenderer;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.model.Slugs;
import dev.gazette.model.SourceFormat;
import dev.gazette.model.Term;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

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
 */
final class MarkdownReader {

    static final Set<String> FIELDS = Set.of("title", "date", "updated", "category", "rubric", "tags", "author",
            "authors", "summary", "lead", "image", "caption", "slug", "draft", "related", "lang", "language");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:");

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
        Map<String, Integer> lines = keyLines(frontMatter);

        Object root;
        try {
            root = yaml().load(frontMatter);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            return ParsedSource.failed(List.of(Problem.error(source, line, null,
                    "the front matter is not valid YAML: " + e.getProblem() + ".",
                    "check the indentation and put quotes around values that contain `: ` or start with `[`, `#` or `@`.")));
        } catch (YAMLException e) {
            return ParsedSource.failed(List.of(Problem.error(source, 1, null,
                    "the front matter is not valid YAML: " + e.getMessage(), "fix the YAML syntax.")));
        }
        if (!(root instanceof Map<?, ?> map)) {
            return ParsedSource.failed(List.of(Problem.error(source, 2, null,
                    "the front matter must be `field: value` lines.", "write at least `title: ...` and `date: ...` between the `---` lines.")));
        }
        Fields f = new Fields(source, map, lines, problems);
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                problems.add(Problem.warning(source, f.line(String.valueOf(key)), String.valueOf(key),
                        "unknown front-matter field, ignored.", "check its spelling; known fields: "
                                + String.join(", ", FIELDS.stream().sorted().toList()) + "."));
            }
        }

        String title = f.text("title");
        // A list or mapping was already reported by text(): it is there, just not a single value.
        boolean titleHasWrongType = map.get("title") instanceof Map || map.get("title") instanceof List;
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
        String rubricKey = map.containsKey("category") ? "category" : "rubric";
        String rubricName = f.text(rubricKey);
        Term rubric = rubricName == null || rubricName.isBlank() ? null : Term.of(rubricName);
        if (rubric != null && rubric.slug().isEmpty()) {
            problems.add(Problem.error(source, f.line(rubricKey), rubricKey, "`" + rubricName + "` has no letter or digit to make a URL from.",
                    "name the rubric with words, e.g. `" + rubricKey + ": Politique`."));
        }
        List<Term> tags = terms(f.list("tags"), source, f.line("tags"), problems);
        List<String> authors = f.list(map.containsKey("authors") ? "authors" : "author");
        String lead = f.text(map.containsKey("summary") ? "summary" : "lead");
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
        String language = f.text(map.containsKey("lang") ? "lang" : "language");
        List<String> pins = new ArrayList<>();
        for (String pin : f.list("related")) {
            String s = Slugs.of(pin);
            if (!s.isEmpty() && !pins.contains(s)) {
                pins.add(s);
            }
        }
        String slug = slug(source, f, problems);

        if (problems.stream().anyMatch(Problem::isError)) {
            return ParsedSource.failed(problems);
        }
        String bodyHtml;
        try {
            bodyHtml = ctx.markdown().toSafeHtml(body, ctx.sanitizer());
        } catch (MarkdownRenderer.TooDeepException e) {
            int bodyLine = bodyStart < 0 ? 1 : (int) normalised.substring(0, bodyStart + 1).chars().filter(c -> c == '\n').count() + 1;
            problems.add(Problem.error(source, bodyLine + e.line() - 1, null, "the body nests quotes, lists, emphasis or links more than "
                            + MarkdownRenderer.MAX_NESTING + " levels deep; Gazette does not render it.",
                    "flatten it at that line: fewer `>` quotes inside quotes, lists inside lists, `*emphasis*` or `[links]` inside each other."));
            return ParsedSource.failed(problems);
        }
        Article article = new Article(source, SourceFormat.MARKDOWN, slug, title.strip(), date, updated, rubric, tags,
                authors, lead == null ? "" : lead.strip(), bodyHtml, image, caption, draft,
                language == null || language.isBlank() ? null : language.strip(), pins, List.of());
        return ParsedSource.of(article, problems);
    }

    private static String slug(String source, Fields f, List<Problem> problems) {
        String given = f.text("slug");
        if (given != null && !given.isBlank()) {
            if (given.contains("/") || given.contains("\\") || given.contains("..")) {
                problems.add(Problem.error(source, f.line("slug"), "slug", "`" + given + "` tries to leave the article's folder.",
                        "use only lower-case letters, digits and hyphens, e.g. `slug: " + orFallback(Slugs.of(given)) + "`."));
                return "";
            }
            String clean = Slugs.of(given);
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
        String fromName = Slugs.of(dot > 0 ? name.substring(0, dot) : name);
        if (fromName.isEmpty()) {
            String title = f.text("title");
            fromName = title == null ? "" : Slugs.ofTitle(title, 80);
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

    private static List<Term> terms(List<String> names, String source, int line, List<Problem> problems) {
        Map<String, Term> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            Term t = Term.of(name);
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

    /** The 1-based file line of each top-level key (the front matter starts on line 2). */
    private static Map<String, Integer> keyLines(String frontMatter) {
        Map<String, Integer> lines = new HashMap<>();
        String[] rows = frontMatter.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            Matcher m = TOP_LEVEL_KEY.matcher(rows[i]);
            if (m.find()) {
                lines.putIfAbsent(m.group(1), i + 2);
            }
        }
        return lines;
    }

    /**
     * A YAML loader that keeps timestamps as text: SnakeYAML would turn them into
     * {@code java.util.Date}, losing the offset the editor wrote.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, resolver);
    }

    /** Typed reads of the front matter; each mistake becomes a problem naming the field and line. */
    private record Fields(String source, Map<?, ?> map, Map<String, Integer> lines, List<Problem> problems) {

        int line(String key) {
            return lines.getOrDefault(key, 1);
        }

        String text(String key) {
            Object v = map.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Map || v instanceof List) {
                problems.add(Problem.error(source, line(key), key, "must be a single value, not a list or mapping.",
                        "write `" + key + ": value` on one line."));
                return null;
            }
            return String.valueOf(v);
        }

        List<String> list(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (v instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map || item instanceof List) {
                        problems.add(Problem.error(source, line(key), key, "each entry must be plain text.",
                                "write `" + key + ": [First, Second]`."));
                    } else if (item != null && !String.valueOf(item).isBlank()) {
                        out.add(String.valueOf(item).strip());
                    }
                }
            } else if (v instanceof Map) {
                problems.add(Problem.error(source, line(key), key, "must be a list, not a mapping.", "write `" + key + ": [First, Second]`."));
            } else {
                // A single value, or the comma-separated form editors often type.
                for (String part : String.valueOf(v).split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
            return out;
        }

        boolean bool(String key) {
            Object v = map.get(key);
            if (v == null) {
                return false;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            problems.add(Problem.error(source, line(key), key, "must be `true` or `false`, not `" + v + "`.", "write `" + key + ": true`."));
            return false;
        }

        ZonedDateTime date(String key, ParseContext ctx, boolean required) {
            Object v = map.get(key);
            if (v == null || String.valueOf(v).isBlank()) {
                if (required) {
                    problems.add(Problem.error(source, line(key), key, "the publication date is missing.",
                            "add a line such as `date: 2025-09-09T18:36:00+01:00` to the front matter."));
                }
                return null;
            }
            try {
                return Dates.parse(String.valueOf(v), ctx.zone());
            } catch (DateTimeParseException e) {
                problems.add(Problem.error(source, line(key), key, e.getMessage() + ".", "write it as one of " + Dates.FORMS + "."));
                return null;
            }
        }
    }
}
