package dev.gazette.web;

import dev.gazette.model.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The "most read" ranking from the newsroom's analytics export: a CSV file of article (slug or
 * URL) and view count. Comma, semicolon or tab separated (the first line tells), quotes as in RFC
 * 4180, an optional header line naming the columns. Rows naming no published article, or with no
 * readable count, are warnings: analytics exports always hold other pages too.
 */
public final class MostRead {

    /** Unknown articles reported one by one; past that, one line sums up the rest. */
    static final int MAX_UNKNOWN_REPORTED = 10;
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,]\\d{3})+");
    private static final Pattern KEY_HEADER = Pattern.compile(".*(slug|url|page|path|article|chemin|adresse|lien).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VIEWS_HEADER = Pattern.compile(".*(view|vue|count|hits|lectures|visites|pageviews|sessions).*",
            Pattern.CASE_INSENSITIVE);

    /** One line of the file: what it names and its views. */
    public record Row(int line, String key, long views) {
    }

    /** The readable rows, and what was wrong with the others. */
    public record Parsed(List<Row> rows, List<Problem> problems) {
        public Parsed {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    /** The ranking: article positions, most read first, and warnings about rows that named none. */
    public record Ranking(List<Integer> articles, List<Problem> problems) {
        public Ranking {
            articles = List.copyOf(articles);
            problems = List.copyOf(problems);
        }
    }

    private MostRead() {
    }

    /** Reads the CSV text; {@code file} is how messages name it. Touches no disk. */
    public static Parsed parse(String text, String file) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\r?\n|\r", -1) : text.split("\r?\n|\r", -1);
        char delimiter = 0;
        int keyColumn = 0;
        int viewsColumn = 1;
        boolean first = true;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (delimiter == 0) {
                delimiter = delimiterOf(line);
            }
            List<String> cells = cells(line, delimiter);
            if (first) {
                first = false;
                if (cells.size() >= 2 && views(cells.get(Math.min(1, cells.size() - 1))) < 0 && views(cells.get(cells.size() - 1)) < 0) {
                    // A header: find the columns by name, else keep the first two.
                    for (int c = 0; c < cells.size(); c++) {
                        String h = cells.get(c).strip();
                        if (VIEWS_HEADER.matcher(h).matches()) {
                            viewsColumn = c;
                        } else if (KEY_HEADER.matcher(h).matches()) {
                            keyColumn = c;
                        }
                    }
                    continue;
                }
            }
            if (cells.size() <= Math.max(keyColumn, viewsColumn)) {
                problems.add(Problem.warning(file, n + 1, null, "expected an article (slug or URL) and a view count, found `" + line.strip() + "`; line ignored.",
                        "write `slug-or-url" + delimiter + "views` on each line."));
                continue;
            }
            String key = cells.get(keyColumn).strip();
            long views = views(cells.get(viewsColumn));
            if (key.isEmpty() || views < 0) {
                problems.add(Problem.warning(file, n + 1, null, "`" + cells.get(viewsColumn).strip() + "` is not a view count; line ignored.",
                        "give a whole number of views, e.g. `12500`."));
                continue;
            }
            rows.add(new Row(n + 1, key, views));
        }
        return new Parsed(rows, problems);
    }

    /**
     * Ranks the articles the rows name. Views of one article under several keys (its slug, its URL
     * with and without the host…) add up. Ties go to the newer article (the lower position).
     *
     * @param resolve the position of the published article a key names, if any (see {@link #resolver})
     * @param count   how many articles to keep
     */
    public static Ranking rank(List<Row> rows, Function<String, Optional<Integer>> resolve, int count, String file) {
        Map<Integer, Long> views = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        int unknown = 0;
        for (Row row : rows) {
            Optional<Integer> article = resolve.apply(row.key());
            if (article.isPresent()) {
                views.merge(article.get(), row.views(), Long::sum);
            } else if (++unknown <= MAX_UNKNOWN_REPORTED) {
                problems.add(Problem.warning(file, row.line(), null, "no published article has the slug or URL `" + row.key() + "`; ignored.",
                        "check the slug, or remove the line (pages other than articles are ignored anyway)."));
            }
        }
        if (unknown > MAX_UNKNOWN_REPORTED) {
            problems.add(Problem.warning(file, 0, null, (unknown - MAX_UNKNOWN_REPORTED) + " more lines name no published article; ignored.",
                    null));
        }
        List<Integer> ranked = views.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(Map.Entry::getKey).toList();
        return new Ranking(ranked, problems);
    }

    /**
     * Finds the article a key names: an absolute URL or a path (with or without the site's base
     * path, query, fragment or {@code index.html}) matched against the article pages' URLs, else
     * the last segment of the path, or the key itself, as a slug.
     *
     * @param byUrl   article positions by page URL relative to the site's root ({@code politique/mon-article/})
     * @param bySlug  article position by slug
     * @param baseUrl the site's absolute URL, or empty
     */
    public static Function<String, Optional<Integer>> resolver(Map<String, Integer> byUrl, Function<String, Optional<Integer>> bySlug,
                                                              String baseUrl) {
        String basePath = basePath(baseUrl);
        return key -> {
            String path = pathOf(key, basePath);
            Integer byPath = byUrl.get(path);
            if (byPath != null) {
                return Optional.of(byPath);
            }
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            return last.isEmpty() ? Optional.empty() : bySlug.apply(last.toLowerCase(Locale.ROOT));
        };
    }

    /** {@code key} as a page URL relative to the site's root, ending with {@code /}. */
    static String pathOf(String key, String basePath) {
        String k = key.strip();
        if (k.startsWith("http://") || k.startsWith("https://") || k.startsWith("//")) {
            try {
                URI uri = new URI(k.startsWith("//") ? "https:" + k : k);
                k = uri.getRawPath() == null ? "/" : uri.getRawPath();
            } catch (URISyntaxException e) {
                return k;
            }
        }
        int cut = indexOfAny(k, '?', '#');
        if (cut >= 0) {
            k = k.substring(0, cut);
        }
        if (k.startsWith("/")) {
            if (!basePath.isEmpty() && k.startsWith(basePath)) {
                k = k.substring(basePath.length());
            } else {
                k = k.substring(1);
            }
        }
        if (k.endsWith("index.html")) {
            k = k.substring(0, k.length() - "index.html".length());
        }
        return k.isEmpty() || k.endsWith("/") ? k : k + "/";
    }

    private static String basePath(String baseUrl) {
        if (baseUrl == null || baseUrl.isEmpty()) {
            return "";
        }
        try {
            String p = new URI(baseUrl).getRawPath();
            return p == null || p.isEmpty() ? "/" : p;
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** A count: digits, maybe grouped by spaces, {@code _}, or {@code ,}/{@code .} every three digits; -1 when not one. */
    static long views(String cell) {
        String v = cell.strip().replaceAll("[\\s\\u00A0\\u202F_']", "");
        if (GROUPED.matcher(v).matches()) {
            v = v.replace(",", "").replace(".", "");
        }
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(v);
    }

    private static char delimiterOf(String line) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > 0 && tabs >= semicolons && tabs >= commas) {
            return '\t';
        }
        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    /** The cells of one line, RFC 4180 quoting ({@code ""} inside quotes is a quote). */
    static List<String> cells(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
