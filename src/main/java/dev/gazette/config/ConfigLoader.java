package dev.gazette.config;

import dev.gazette.model.Problem;
import dev.gazette.model.SlugRule;
import dev.gazette.text.TextDecoder;
import dev.gazette.yaml.YamlTree;
import dev.gazette.yaml.YamlTree.Mapping;
import dev.gazette.yaml.YamlTree.Node;
import dev.gazette.yaml.YamlTree.Scalar;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code site.yml} into a {@link SiteConfig}, collecting every problem instead of stopping at
 * the first. Values arrive as the text written ({@link YamlTree}): text settings keep it
 * ({@code title: Yes} is "Yes"), number and boolean settings convert it.
 */
public final class ConfigLoader {

    private static final Set<String> KNOWN_KEYS = Set.of("title", "description", "baseUrl", "language", "timeZone",
            "pageSize", "relatedCount", "relatedPageSize", "homeLatest", "homePerRubric", "permalinks",
            "feedItems", "tagFeeds", "mostRead", "mostReadCount", "logo", "twitterSite", "related", "redirects", "menu",
            "socialImage", "search", "organizationAuthors", "slugs");
    private static final Set<String> RELATED_KEYS = Set.of("textWeight", "tagWeight", "rubricWeight", "timeWeight",
            "timeScaleDays", "minScore", "windowDays");
    private static final Set<String> PERMALINK_KEYS = Set.of("article", "tag", "rubric", "author");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    /** The configuration, or the problems that stopped it from being read. */
    public record Result(SiteConfig config, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }
    }

    private ConfigLoader() {
    }

    /**
     * Reads the file; {@code file} must exist. {@code name} is how messages call it. Its bytes are
     * decoded as the sources' are ({@link TextDecoder}): a byte-order mark is followed, text that
     * is not UTF-8 is read as Windows-1252 and control characters are removed, each with a warning.
     */
    public static Result load(Path file, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return new Result(SiteConfig.defaults(), List.of(Problem.error(name, 0, null,
                    "cannot read the configuration file (" + e.getMessage() + ").", "check that it exists and is readable.")));
        }
        List<Problem> problems = new ArrayList<>();
        String text = TextDecoder.decode(name, bytes, problems);
        Result parsed = parse(text, name);
        if (problems.isEmpty()) {
            return parsed;
        }
        problems.addAll(parsed.problems());
        return new Result(parsed.config(), problems);
    }

    /** Parses configuration text; touches no disk. */
    public static Result parse(String text, String name) {
        List<Problem> problems = new ArrayList<>();
        YamlTree.Document yaml;
        try {
            yaml = YamlTree.parse(text);
        } catch (YamlTree.Refusal e) {
            return new Result(SiteConfig.defaults(), List.of(refused(name, e)));
        }
        Optional<Node> root = yaml.root();
        yaml.controls().ifPresent(r -> problems.add(r.warning(name, 0, " written as YAML escapes",
                "remove the escapes such as `\\0`, `\\x01` or `\\u0007` from the quoted value.")));
        if (root.isEmpty()) {
            return new Result(SiteConfig.defaults(), problems);
        }
        if (!(root.get() instanceof Mapping map)) {
            return new Result(SiteConfig.defaults(), List.of(Problem.error(name, 1, null,
                    "the configuration must be a mapping of `key: value` lines.", "see the README's configuration section.")));
        }
        Fields f = new Fields(map, name, "", problems);
        for (String key : map.keys()) {
            if (!KNOWN_KEYS.contains(key)) {
                problems.add(Problem.warning(name, map.lineOf(key), key, "unknown setting, ignored.",
                        "check its spelling; known settings: " + String.join(", ", KNOWN_KEYS.stream().sorted().toList()) + "."));
            }
        }
        SiteConfig d = SiteConfig.defaults();
        String title = f.string("title", d.title());
        String description = f.string("description", d.description());
        String baseUrl = f.string("baseUrl", "");
        if (!baseUrl.isEmpty()) {
            String problem = checkBaseUrl(baseUrl);
            if (problem != null) {
                problems.add(Problem.error(name, f.line("baseUrl"), "baseUrl", problem, "write an absolute URL such as `https://www.example.ma/` or `https://example.org/news/`."));
                baseUrl = "";
            }
        }
        String language = f.string("language", d.language());
        if (!LANGUAGE.matcher(language).matches()) {
            problems.add(Problem.error(name, f.line("language"), "language", "`" + language + "` is not a language tag.", "write a BCP 47 tag such as `fr`, `en` or `fr-MA`."));
            language = d.language();
        }
        ZoneId zone = d.timeZone();
        String zoneName = f.string("timeZone", null);
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                problems.add(Problem.error(name, f.line("timeZone"), "timeZone", "`" + zoneName + "` is not a time zone.", "write a tz database name such as `Africa/Casablanca` or `Europe/Paris`."));
            }
        }
        int pageSize = f.positive("pageSize", d.pageSize());
        int relatedCount = f.positive("relatedCount", d.relatedCount());
        int relatedPageSize = f.positive("relatedPageSize", d.relatedPageSize());
        int homeLatest = f.positive("homeLatest", d.homeLatest());
        int homePerRubric = f.positive("homePerRubric", d.homePerRubric());
        Permalinks permalinks = permalinks(f, language);
        RelatedSettings related = related(f);
        int feedItems = f.positive("feedItems", d.feedItems());
        boolean tagFeeds = f.bool("tagFeeds", d.tagFeeds());
        String mostRead = f.string("mostRead", d.mostRead());
        int mostReadCount = f.positive("mostReadCount", d.mostReadCount());
        String logo = f.string("logo", d.logo());
        if (logo.isEmpty() || (!logo.startsWith("https://") && !logo.startsWith("http://")
                && (logo.startsWith("/") || logo.contains("..") || logo.contains(":")))) {
            problems.add(Problem.error(name, f.line("logo"), "logo", "`" + logo + "` is neither a path inside the site nor an absolute URL.",
                    "write a theme asset's path such as `assets/logo.png`, or an https:// URL."));
            logo = d.logo();
        }
        String socialImage = f.string("socialImage", "");
        if (!socialImage.isEmpty() && !socialImage.startsWith("https://") && !socialImage.startsWith("http://")
                && (socialImage.startsWith("/") || socialImage.contains("..") || socialImage.contains(":"))) {
            problems.add(Problem.error(name, f.line("socialImage"), "socialImage", "`" + socialImage + "` is neither a path inside the site nor an absolute URL.",
                    "write a theme asset's path such as `assets/social.png` (at least 1200×630 pixels), or an https:// URL."));
            socialImage = "";
        }
        SlugRule slugs = slugs(f);
        List<MenuEntry> menu = menu(f, slugs);
        boolean search = f.bool("search", d.search());
        List<String> organizationAuthors = organizationAuthors(f);
        String redirects = f.string("redirects", d.redirects());
        String twitterSite = f.string("twitterSite", d.twitterSite());
        if (!twitterSite.isEmpty() && !twitterSite.startsWith("@")) {
            twitterSite = "@" + twitterSite;
        }
        SiteConfig config = new SiteConfig(title, description, normaliseBaseUrl(baseUrl), language.toLowerCase(Locale.ROOT)
                .replace('_', '-'), zone, pageSize, relatedCount, relatedPageSize, homeLatest, homePerRubric, permalinks,
                feedItems, tagFeeds, mostRead, mostReadCount, logo, twitterSite, related, redirects, menu, socialImage, search, organizationAuthors, slugs);
        return new Result(config, problems);
    }

    /** The problem for a file the YAML reader refused. */
    private static Problem refused(String name, YamlTree.Refusal e) {
        return switch (e.kind()) {
            case SYNTAX -> Problem.error(name, e.line(), null, "invalid YAML: " + e.reason() + ".",
                    "fix the YAML syntax (indentation, quotes around values containing `:`).");
            case DUPLICATE_KEY -> Problem.error(name, e.line(), e.key(), "the setting is written twice.", e.fix());
            case TOO_COMPLEX -> Problem.error(name, e.line(), null, "the configuration is refused: " + e.reason() + ".", e.fix());
        };
    }

    /** {@code url} with a trailing slash; empty stays empty. */
    static String normaliseBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String u = url.strip();
        return u.endsWith("/") ? u : u + "/";
    }

    /** Why {@code url} cannot be a base URL, or {@code null} when it can. */
    public static String checkBaseUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return "`" + url + "` is not an absolute http(s) URL.";
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return "`" + url + "` must not have a query or fragment.";
            }
            return null;
        } catch (URISyntaxException e) {
            return "`" + url + "` is not a URL (" + e.getReason() + ").";
        }
    }

    private static Permalinks permalinks(Fields site, String language) {
        Permalinks d = Permalinks.defaults();
        String author = Permalinks.defaultAuthor(language);
        Fields f = site.mapping("permalinks", "must be a mapping (article, tag, rubric, author).", "see the README's configuration section.");
        if (f == null) {
            return new Permalinks(d.article(), d.tag(), d.rubric(), author);
        }
        for (String key : f.map().keys()) {
            if (!PERMALINK_KEYS.contains(key)) {
                f.problems().add(Problem.warning(f.file(), f.line(key), f.prefix() + key, "unknown permalink kind, ignored.", "use article, tag, rubric or author."));
            }
        }
        String article = pattern(f, "article", Set.of("slug", "rubric", "year", "month", "day"), d.article());
        String tag = pattern(f, "tag", Set.of("slug"), d.tag());
        String rubric = pattern(f, "rubric", Set.of("slug"), d.rubric());
        return new Permalinks(article, tag, rubric, pattern(f, "author", Set.of("slug"), author));
    }

    private static final String MENU_FIX = "write the rubrics in the menu's order, e.g. `menu: [Politique, Économie]`, or entries "
            + "such as `- {rubric: Économie, label: Éco}`.";

    /**
     * The {@code menu:} list: rubric names, or {@code {rubric, label}} mappings. Whether each names a
     * rubric of the site is known only once the articles are read (see the build).
     */
    private static List<MenuEntry> menu(Fields site, SlugRule slugs) {
        Node v = site.value("menu");
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof YamlTree.Sequence items)) {
            site.problems().add(Problem.error(site.file(), site.line("menu"), "menu", "must be a list of rubrics, not " + v.shown() + ".", MENU_FIX));
            return List.of();
        }
        List<MenuEntry> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Node item : items.items()) {
            int line = lineOf(item, site.line("menu"));
            MenuEntry entry = null;
            if (item instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
                entry = new MenuEntry(s.text().strip(), "", line);
            } else if (item instanceof Mapping m) {
                Fields f = new Fields(m, site.file(), "menu.", site.problems());
                for (String key : m.keys()) {
                    if (!key.equals("rubric") && !key.equals("label")) {
                        site.problems().add(Problem.warning(site.file(), m.lineOf(key), "menu." + key, "unknown menu setting, ignored.", "use rubric and label."));
                    }
                }
                String rubric = f.string("rubric", "");
                if (rubric.isEmpty()) {
                    site.problems().add(Problem.error(site.file(), line, "menu", "a menu entry names no rubric.", MENU_FIX));
                    continue;
                }
                entry = new MenuEntry(rubric, f.string("label", ""), line);
            } else {
                site.problems().add(Problem.error(site.file(), line, "menu", "each menu entry must be a rubric's name or `{rubric: …, label: …}`, not "
                        + item.shown() + ".", MENU_FIX));
                continue;
            }
            String slug = dev.gazette.model.Slugs.of(entry.rubric(), slugs);
            if (slug.isEmpty()) {
                site.problems().add(Problem.error(site.file(), line, "menu", "`" + entry.rubric() + "` has no letter or digit: it names no rubric.", MENU_FIX));
            } else if (!seen.add(slug)) {
                site.problems().add(Problem.error(site.file(), line, "menu", "the rubric `" + entry.rubric() + "` is in the menu twice.",
                        "remove one of the two entries."));
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * The {@code slugs:} setting: {@code ascii} (the default) or {@code unicode}, in any case. Any
     * other value is an error, and the site keeps the default rule.
     */
    private static SlugRule slugs(Fields site) {
        String value = site.string("slugs", SlugRule.ASCII.setting());
        for (SlugRule rule : SlugRule.values()) {
            if (rule.setting().equalsIgnoreCase(value)) {
                return rule;
            }
        }
        site.problems().add(Problem.error(site.file(), site.line("slugs"), "slugs", "must be `ascii` or `unicode`, not `" + value + "`.",
                "write `slugs: ascii` (other scripts transliterated: `teatr-otkroet-sezon`) or `slugs: unicode` (their letters kept: "
                        + "`театр-откроет-сезон`, percent-encoded in links)."));
        return SlugRule.ASCII;
    }

    /**
     * The bylines that name the publication itself, not a person ({@code organizationAuthors:}, a
     * list of names); without it, {@link SiteConfig#DEFAULT_ORGANIZATION_AUTHORS} and the site's title.
     */
    private static List<String> organizationAuthors(Fields site) {
        Node v = site.value("organizationAuthors");
        if (v == null) {
            return null; // the defaults, with the title: see SiteConfig
        }
        String fix = "write a list of the bylines that are the newsroom's, e.g. `organizationAuthors: [La Rédaction, AFP]`.";
        List<Node> items = v instanceof YamlTree.Sequence q ? q.items() : List.of(v);
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
                out.add(s.text().strip());
            } else if (!(item instanceof Scalar s && s.isNull())) {
                site.problems().add(Problem.error(site.file(), lineOf(item, site.line("organizationAuthors")), "organizationAuthors",
                        "each entry must be a name, not " + item.shown() + ".", fix));
            }
        }
        return out;
    }

    /** The line of a YAML node, or {@code fallback} when the node does not know it. */
    private static int lineOf(Node node, int fallback) {
        int line = node instanceof Scalar s ? s.line() : node instanceof Mapping m ? m.line() : node instanceof YamlTree.Sequence q ? q.line() : 0;
        return line > 0 ? line : fallback;
    }

    private static RelatedSettings related(Fields site) {
        RelatedSettings d = RelatedSettings.defaults();
        Fields f = site.mapping("related", "must be a mapping (textWeight, tagWeight, …).", "see the README's configuration section.");
        if (f == null) {
            return d;
        }
        for (String key : f.map().keys()) {
            if (!RELATED_KEYS.contains(key)) {
                f.problems().add(Problem.warning(f.file(), f.line(key), f.prefix() + key, "unknown setting, ignored.",
                        "known settings: " + String.join(", ", RELATED_KEYS.stream().sorted().toList()) + "."));
            }
        }
        return new RelatedSettings(
                f.decimal("textWeight", d.textWeight()),
                f.decimal("tagWeight", d.tagWeight()),
                f.decimal("rubricWeight", d.rubricWeight()),
                f.decimal("timeWeight", d.timeWeight()),
                f.above0("timeScaleDays", d.timeScaleDays()),
                f.decimal("minScore", d.minScore()),
                f.wholeOrZero("windowDays", d.windowDays()));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern PATTERN_TEXT = Pattern.compile("[A-Za-z0-9_./{}-]+");

    private static String pattern(Fields f, String key, Set<String> allowed, String fallback) {
        String value = f.string(key, fallback);
        String field = f.prefix() + key;
        int line = f.line(key);
        String p = value.startsWith("/") ? value.substring(1) : value;
        if (!p.endsWith("/")) {
            p = p + "/";
        }
        List<String> unknown = PLACEHOLDER.matcher(p).results().map(m -> m.group(1)).filter(k -> !allowed.contains(k)).toList();
        if (!unknown.isEmpty()) {
            f.problems().add(Problem.error(f.file(), line, field, "unknown placeholder {" + unknown.get(0) + "}.", "use only " + allowed.stream().sorted().map(a -> "{" + a + "}").toList() + "."));
            return fallback;
        }
        if (!p.contains("{slug}")) {
            f.problems().add(Problem.error(f.file(), line, field, "the pattern must contain {slug}, or every page would share one URL.", "add {slug}, e.g. `" + fallback + "`."));
            return fallback;
        }
        if (!PATTERN_TEXT.matcher(p).matches() || p.contains("..") || p.contains("//")) {
            f.problems().add(Problem.error(f.file(), line, field, "`" + value + "` is not a clean relative URL path.", "use letters, digits, `-`, `_` and `/` around the placeholders, e.g. `" + fallback + "`."));
            return fallback;
        }
        return p;
    }

    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    /**
     * Typed reads of a YAML mapping, each failure recorded as a problem naming the field and its
     * line. Every value arrives as the text written: text settings keep it, number and boolean
     * settings convert it, and only when written without quotes (a quoted value is text).
     *
     * @param prefix what goes before a key to name it in messages: {@code ""} or {@code "related."}
     */
    private record Fields(Mapping map, String file, String prefix, List<Problem> problems) {

        /** The 1-based line of {@code key}, or 0 when it is absent. */
        int line(String key) {
            return map.lineOf(key);
        }

        /** The value of {@code key}, or {@code null} when it is absent or YAML's "no value". */
        Node value(String key) {
            Node v = map.get(key);
            return v instanceof Scalar s && s.isNull() ? null : v;
        }

        /** The nested mapping under {@code key}, or {@code null} when absent or reported as not one. */
        Fields mapping(String key, String message, String fix) {
            Node v = value(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Mapping m) {
                return new Fields(m, file, prefix + key + ".", problems);
            }
            problems.add(Problem.error(file, line(key), prefix + key, message, fix));
            return null;
        }

        String string(String key, String fallback) {
            Node v = value(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Scalar s) {
                return s.text().strip();
            }
            problems.add(Problem.error(file, line(key), prefix + key, "must be a single value, not a list or mapping.", "write `" + key + ": value`."));
            return fallback;
        }

        boolean bool(String key, boolean fallback) {
            Node v = value(key);
            if (v == null) {
                return fallback;
            }
            Optional<Boolean> b = v instanceof Scalar s ? s.bool() : Optional.empty();
            if (b.isPresent()) {
                return b.get();
            }
            problems.add(Problem.error(file, line(key), prefix + key, "must be true or false, not " + v.shown() + ".",
                    "write `" + key + ": " + fallback + "`, without quotes."));
            return fallback;
        }

        int positive(String key, int fallback) {
            return whole(key, fallback, 1, "must be a whole number above 0", "write e.g. `" + key + ": " + fallback + "`.");
        }

        /** A whole number of 0 or more. */
        int wholeOrZero(String key, int fallback) {
            return whole(key, fallback, 0, "must be a whole number of 0 or more", "write e.g. `" + key + ": " + fallback + "` (0: no limit).");
        }

        /** A number of 0 or more. */
        double decimal(String key, double fallback) {
            Node v = value(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Scalar s && s.plain() && DECIMAL.matcher(s.text()).matches()) {
                double number = Double.parseDouble(s.text());
                if (number >= 0 && Double.isFinite(number)) {
                    return number;
                }
            }
            problems.add(Problem.error(file, line(key), prefix + key, "must be a number of 0 or more, not " + v.shown() + ".",
                    "write e.g. `" + key + ": " + fallback + "`."));
            return fallback;
        }

        /** A number above 0. */
        double above0(String key, double fallback) {
            double value = decimal(key, fallback);
            if (value > 0) {
                return value;
            }
            problems.add(Problem.error(file, line(key), prefix + key, "must be above 0.", "write e.g. `" + key + ": " + fallback + "`."));
            return fallback;
        }

        /**
         * The whole number of at least {@code min} written under {@code key}, in decimal ({@code 010}
         * is ten, not YAML 1.1's octal eight); the fallback when it is absent or, reported, when it is not one.
         */
        private int whole(String key, int fallback, int min, String must, String fix) {
            Node v = value(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Scalar s && s.plain() && WHOLE.matcher(s.text()).matches()) {
                try {
                    int i = Integer.parseInt(s.text());
                    if (i >= min) {
                        return i;
                    }
                } catch (NumberFormatException tooBig) {
                    // Reported below, like any other text that is no number Gazette can use.
                }
            }
            problems.add(Problem.error(file, line(key), prefix + key, must + ", not " + v.shown() + ".", fix));
            return fallback;
        }
    }
}
