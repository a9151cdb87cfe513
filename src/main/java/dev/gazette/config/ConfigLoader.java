package dev.gazette.config;

import dev.gazette.model.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code site.yml} into a {@link SiteConfig}, collecting every problem instead of stopping at
 * the first.
 */
public final class ConfigLoader {

    private static final Set<String> KNOWN_KEYS = Set.of("title", "description", "baseUrl", "language", "timeZone",
            "pageSize", "relatedCount", "relatedPageSize", "homeLatest", "homePerRubric", "permalinks",
            "feedItems", "tagFeeds", "mostRead", "mostReadCount", "logo", "twitterSite", "related");
    private static final Set<String> RELATED_KEYS = Set.of("textWeight", "tagWeight", "rubricWeight", "timeWeight",
            "timeScaleDays", "minScore", "windowDays");
    private static final Set<String> PERMALINK_KEYS = Set.of("article", "tag", "rubric");
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

    /** Reads the file; {@code file} must exist. {@code name} is how messages call it. */
    public static Result load(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result(SiteConfig.defaults(), List.of(Problem.error(name, 0, null,
                    "cannot read the configuration file (" + e.getMessage() + ").", "check that it exists and is readable UTF-8.")));
        }
        return parse(text, name);
    }

    /** Parses configuration text; touches no disk. */
    public static Result parse(String text, String name) {
        List<Problem> problems = new ArrayList<>();
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            // A setting written twice is a mistake to show, not a choice of the last line.
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (DuplicateKeyException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String key = e.getProblem().replaceFirst("^found duplicate key ", "");
            return new Result(SiteConfig.defaults(), List.of(Problem.error(name, line, key,
                    "the setting is written twice.", "keep one of the two lines.")));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return new Result(SiteConfig.defaults(), List.of(Problem.error(name, line, null,
                    "invalid YAML: " + e.getProblem() + ".", "fix the YAML syntax (indentation, quotes around values containing `:`).")));
        } catch (YAMLException e) {
            return new Result(SiteConfig.defaults(), List.of(Problem.error(name, 0, null,
                    "invalid YAML: " + e.getMessage(), "fix the YAML syntax.")));
        }
        if (root == null) {
            return new Result(SiteConfig.defaults(), problems);
        }
        if (!(root instanceof Map<?, ?> map)) {
            return new Result(SiteConfig.defaults(), List.of(Problem.error(name, 1, null,
                    "the configuration must be a mapping of `key: value` lines.", "see the README's configuration section.")));
        }
        Fields f = new Fields(map, name, problems);
        for (Object key : map.keySet()) {
            if (!KNOWN_KEYS.contains(String.valueOf(key))) {
                problems.add(Problem.warning(name, 0, String.valueOf(key), "unknown setting, ignored.",
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
                problems.add(Problem.error(name, 0, "baseUrl", problem, "write an absolute URL such as `https://www.example.ma/` or `https://example.org/news/`."));
                baseUrl = "";
            }
        }
        String language = f.string("language", d.language());
        if (!LANGUAGE.matcher(language).matches()) {
            problems.add(Problem.error(name, 0, "language", "`" + language + "` is not a language tag.", "write a BCP 47 tag such as `fr`, `en` or `fr-MA`."));
            language = d.language();
        }
        ZoneId zone = d.timeZone();
        String zoneName = f.string("timeZone", null);
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                problems.add(Problem.error(name, 0, "timeZone", "`" + zoneName + "` is not a time zone.", "write a tz database name such as `Africa/Casablanca` or `Europe/Paris`."));
            }
        }
        int pageSize = f.positive("pageSize", d.pageSize());
        int relatedCount = f.positive("relatedCount", d.relatedCount());
        int relatedPageSize = f.positive("relatedPageSize", d.relatedPageSize());
        int homeLatest = f.positive("homeLatest", d.homeLatest());
        int homePerRubric = f.positive("homePerRubric", d.homePerRubric());
        Permalinks permalinks = permalinks(map.get("permalinks"), name, problems);
        RelatedSettings related = related(map.get("related"), name, problems);
        int feedItems = f.positive("feedItems", d.feedItems());
        boolean tagFeeds = f.bool("tagFeeds", d.tagFeeds());
        String mostRead = f.string("mostRead", d.mostRead());
        int mostReadCount = f.positive("mostReadCount", d.mostReadCount());
        String logo = f.string("logo", d.logo());
        if (logo.isEmpty() || (!logo.startsWith("https://") && !logo.startsWith("http://")
                && (logo.startsWith("/") || logo.contains("..") || logo.contains(":")))) {
            problems.add(Problem.error(name, 0, "logo", "`" + logo + "` is neither a path inside the site nor an absolute URL.",
                    "write a theme asset's path such as `assets/logo.png`, or an https:// URL."));
            logo = d.logo();
        }
        String twitterSite = f.string("twitterSite", d.twitterSite());
        if (!twitterSite.isEmpty() && !twitterSite.startsWith("@")) {
            twitterSite = "@" + twitterSite;
        }
        SiteConfig config = new SiteConfig(title, description, normaliseBaseUrl(baseUrl), language.toLowerCase(Locale.ROOT)
                .replace('_', '-'), zone, pageSize, relatedCount, relatedPageSize, homeLatest, homePerRubric, permalinks,
                feedItems, tagFeeds, mostRead, mostReadCount, logo, twitterSite, related);
        return new Result(config, problems);
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

    private static Permalinks permalinks(Object value, String name, List<Problem> problems) {
        Permalinks d = Permalinks.defaults();
        if (value == null) {
            return d;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(Problem.error(name, 0, "permalinks", "must be a mapping (article, tag, rubric).", "see the README's configuration section."));
            return d;
        }
        for (Object key : map.keySet()) {
            if (!PERMALINK_KEYS.contains(String.valueOf(key))) {
                problems.add(Problem.warning(name, 0, "permalinks." + key, "unknown permalink kind, ignored.", "use article, tag or rubric."));
            }
        }
        Fields f = new Fields(map, name, problems);
        String article = pattern(f.string("article", d.article()), "permalinks.article", Set.of("slug", "rubric", "year", "month", "day"), name, problems, d.article());
        String tag = pattern(f.string("tag", d.tag()), "permalinks.tag", Set.of("slug"), name, problems, d.tag());
        String rubric = pattern(f.string("rubric", d.rubric()), "permalinks.rubric", Set.of("slug"), name, problems, d.rubric());
        return new Permalinks(article, tag, rubric);
    }

    private static RelatedSettings related(Object value, String name, List<Problem> problems) {
        RelatedSettings d = RelatedSettings.defaults();
        if (value == null) {
            return d;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(Problem.error(name, 0, "related", "must be a mapping (textWeight, tagWeight, …).",
                    "see the README's configuration section."));
            return d;
        }
        for (Object key : map.keySet()) {
            if (!RELATED_KEYS.contains(String.valueOf(key))) {
                problems.add(Problem.warning(name, 0, "related." + key, "unknown setting, ignored.",
                        "known settings: " + String.join(", ", RELATED_KEYS.stream().sorted().toList()) + "."));
            }
        }
        Fields f = new Fields(map, name, problems);
        return new RelatedSettings(
                f.decimal("textWeight", d.textWeight(), "related."),
                f.decimal("tagWeight", d.tagWeight(), "related."),
                f.decimal("rubricWeight", d.rubricWeight(), "related."),
                f.decimal("timeWeight", d.timeWeight(), "related."),
                f.above0("timeScaleDays", d.timeScaleDays(), "related."),
                f.decimal("minScore", d.minScore(), "related."),
                f.wholeOrZero("windowDays", d.windowDays(), "related."));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern PATTERN_TEXT = Pattern.compile("[A-Za-z0-9_./{}-]+");

    private static String pattern(String value, String field, Set<String> allowed, String name, List<Problem> problems, String fallback) {
        String p = value.startsWith("/") ? value.substring(1) : value;
        if (!p.endsWith("/")) {
            p = p + "/";
        }
        List<String> unknown = PLACEHOLDER.matcher(p).results().map(m -> m.group(1)).filter(k -> !allowed.contains(k)).toList();
        if (!unknown.isEmpty()) {
            problems.add(Problem.error(name, 0, field, "unknown placeholder {" + unknown.get(0) + "}.", "use only " + allowed.stream().sorted().map(a -> "{" + a + "}").toList() + "."));
            return fallback;
        }
        if (!p.contains("{slug}")) {
            problems.add(Problem.error(name, 0, field, "the pattern must contain {slug}, or every page would share one URL.", "add {slug}, e.g. `" + fallback + "`."));
            return fallback;
        }
        if (!PATTERN_TEXT.matcher(p).matches() || p.contains("..") || p.contains("//")) {
            problems.add(Problem.error(name, 0, field, "`" + value + "` is not a clean relative URL path.", "use letters, digits, `-`, `_` and `/` around the placeholders, e.g. `" + fallback + "`."));
            return fallback;
        }
        return p;
    }

    /** Typed reads of a YAML mapping, each failure recorded as a problem naming the field. */
    private record Fields(Map<?, ?> map, String file, List<Problem> problems) {
        String string(String key, String fallback) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Map || v instanceof List) {
                problems.add(Problem.error(file, 0, key, "must be a single value, not a list or mapping.", "write `" + key + ": value`."));
                return fallback;
            }
            return String.valueOf(v).strip();
        }

        boolean bool(String key, boolean fallback) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            problems.add(Problem.error(file, 0, key, "must be true or false, not `" + v + "`.", "write `" + key + ": " + fallback + "`."));
            return fallback;
        }

        int positive(String key, int fallback) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Integer i && i > 0) {
                return i;
            }
            problems.add(Problem.error(file, 0, key, "must be a whole number above 0, not `" + v + "`.", "write e.g. `" + key + ": " + fallback + "`."));
            return fallback;
        }

        /** A number of 0 or more. */
        double decimal(String key, double fallback, String prefix) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Number number && number.doubleValue() >= 0 && Double.isFinite(number.doubleValue())) {
                return number.doubleValue();
            }
            problems.add(Problem.error(file, 0, prefix + key, "must be a number of 0 or more, not `" + v + "`.",
                    "write e.g. `" + key + ": " + fallback + "`."));
            return fallback;
        }

        /** A number above 0. */
        double above0(String key, double fallback, String prefix) {
            double value = decimal(key, fallback, prefix);
            if (value > 0) {
                return value;
            }
            problems.add(Problem.error(file, 0, prefix + key, "must be above 0.", "write e.g. `" + key + ": " + fallback + "`."));
            return fallback;
        }

        /** A whole number of 0 or more. */
        int wholeOrZero(String key, int fallback, String prefix) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Integer i && i >= 0) {
                return i;
            }
            problems.add(Problem.error(file, 0, prefix + key, "must be a whole number of 0 or more, not `" + v + "`.",
                    "write e.g. `" + key + ": " + fallback + "` (0: no limit)."));
            return fallback;
        }
    }
}
