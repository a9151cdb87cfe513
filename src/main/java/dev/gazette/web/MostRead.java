package dev.gazette.web;

import dev.gazette.model.Problem;
import dev.gazette.text.TextDecoder;
import dev.gazette.text.UrlPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The "most read" ranking from the newsroom's analytics export: a CSV file of article (slug or
 * URL) and view count. Comma, semicolon or tab separated (the first line tells), records as in RFC
 * 4180 (read by Commons CSV: a quoted field may hold the separator, a {@code ""} or a line break),
 * {@code #} comment lines, an optional header line naming the columns. Rows naming no published
 * article, or with no readable count, are warnings: analytics exports always hold other pages too.
 * Past {@link #MAX_REPORTED} of a kind they are counted in one warning, and a file that is mostly
 * not such rows (a system file or an image named by mistake) is one warning saying so.
 */
public final class MostRead {

    /**
     * Lines reported one by one, for each kind of trouble (not an article and a count; naming no
     * published article); past that, one warning counts the rest of that kind.
     */
    static final int MAX_REPORTED = 10;
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,]\\d{3})+");
    private static final Pattern KEY_HEADER = Pattern.compile(".*(slug|url|page|path|article|chemin|adresse|lien).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VIEWS_HEADER = Pattern.compile(".*(view|vue|count|hits|lectures|visites|pageviews|sessions).*",
            Pattern.CASE_INSENSITIVE);
    private static final String FILE_FIX = "point `mostRead` at your analytics export of page views: a CSV file with the article "
            + "(slug or URL) and its views on each line, e.g. `page,views` then `mon-article,12500`.";

    /** One record of the file: the line it starts on, what it names and its views. */
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

    /**
     * Reads the file's bytes; {@code file} is how messages name it. A file holding NUL bytes is not
     * text at all (an image, a spreadsheet, a program named by mistake): one warning says so, rather
     * than one per line of garbage. Otherwise the text is decoded as in {@link #decode}; a file that
     * then does not look like page views gets that one warning, not also the decoder's.
     */
    public static Parsed parse(byte[] bytes, String file) {
        if (!TextDecoder.hasWideByteOrderMark(bytes)) {
            for (byte b : bytes) {
                if (b == 0) {
                    return new Parsed(List.of(), List.of(Problem.warning(file, 0, null, "`" + file + "` does not look like a CSV of page views: "
                            + "it is a binary file (an image, a spreadsheet, a program?), not text; no \"most read\" block.", FILE_FIX)));
                }
            }
        }
        List<Problem> decoding = new ArrayList<>();
        String text = decode(bytes, file, decoding);
        return parse(text, file, decoding);
    }

    /**
     * The text of the file as {@link TextDecoder} reads every text file: UTF-8, or UTF-16 or UTF-32
     * after their byte-order mark (Excel's "Unicode text"); text that is not valid UTF-8 is read as
     * Windows-1252 with a warning (Excel's CSV on a French Windows); control characters removed
     * with a warning.
     */
    private static String decode(byte[] bytes, String file, List<Problem> problems) {
        return TextDecoder.decode(file, bytes, "export it as UTF-8 (in Excel: \"CSV UTF-8\").", problems);
    }

    /**
     * Reads the CSV text; {@code file} is how messages name it. Touches no disk. Records are read
     * by Commons CSV, so a quoted field may hold the separator or a line break; each row and
     * warning carries the line its record starts on.
     */
    public static Parsed parse(String text, String file) {
        return parse(text, file, List.of());
    }

    /**
     * {@link #parse(String, String)}, with the warnings {@code decoding} from reading the text
     * first; a file that is no CSV of page views gets only that verdict.
     */
    private static Parsed parse(String text, String file, List<Problem> decoding) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Lines lines = new Lines(csv);
        char delimiter = delimiterOf(lines.firstData());
        List<Row> rows = new ArrayList<>();
        Warnings bad = new Warnings(file, "more lines are not an article and a view count; ignored.");
        List<Problem> problems = new ArrayList<>();
        int records = 0;
        int noArticle = 0;
        int firstBad = 0;
        int keyColumn = 0;
        int viewsColumn = 1;
        boolean first = true;
        // Lenient: a quote left open at the end, or text after a closing quote, is read as it is
        // rather than stopping the file; a CSV written by hand has both.
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(delimiter).setQuote('"').setCommentMarker('#')
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setLenientEof(true).setTrailingData(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            try {
                while (it.hasNext()) {
                    CSVRecord record = it.next();
                    List<String> cells = record.toList();
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    int line = lines.recordStart(record.getCharacterPosition());
                    if (first) {
                        first = false;
                        if (cells.size() >= 2 && views(cells.get(1)) < 0 && views(cells.get(cells.size() - 1)) < 0) {
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
                    records++;
                    String key = cells.size() > keyColumn ? cells.get(keyColumn).strip() : "";
                    long views = cells.size() > viewsColumn ? views(cells.get(viewsColumn)) : -1;
                    int breaks = cells.stream().mapToInt(MostRead::lineBreaks).sum();
                    if (breaks > 0 && (views < 0 || key.isEmpty())) {
                        bad.add(Problem.warning(file, line, null, "a quote opened on this line closes only " + breaks
                                        + " line(s) further, or never: the lines in between were read as one field, not as articles and "
                                        + "view counts; ignored.",
                                "check the quotes on this line: a `\"` inside a quoted field is written `\"\"`."));
                    } else if (cells.size() <= Math.max(keyColumn, viewsColumn)) {
                        bad.add(Problem.warning(file, line, null, "expected an article (slug or URL) and a view count, found `"
                                        + lines.excerpt(line) + "`; line ignored.",
                                "write `slug-or-url" + delimiter + "views` on each line."));
                    } else if (views < 0) {
                        bad.add(Problem.warning(file, line, null, "`" + abbreviate(cells.get(viewsColumn).strip())
                                + "` is not a view count; line ignored.", "give a whole number of views, e.g. `12500`."));
                    } else if (key.isEmpty()) {
                        noArticle++;
                        bad.add(Problem.warning(file, line, null, "a view count without an article; line ignored.",
                                "put the article's slug or URL before the count, or remove the line."));
                    } else {
                        rows.add(new Row(line, key, views));
                        continue;
                    }
                    firstBad = firstBad == 0 ? line : firstBad;
                }
            } catch (UncheckedIOException e) {
                problems.add(Problem.warning(file, (int) parser.getCurrentLineNumber() + 1, null, "the file cannot be read past this line ("
                        + e.getCause().getMessage() + "); used the lines before it.", "check the quotes on that line."));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a string: never happens
        }
        if (bad.count() * 2 > records) {
            String which = noArticle == 0 ? " have no view count" : " are not an article and its view count";
            return new Parsed(List.of(), List.of(Problem.warning(file, 0, null, "`" + file + "` does not look like a CSV of page views: "
                    + bad.count() + " of " + records + " lines" + which + " (the first, line " + firstBad + ": `" + lines.excerpt(firstBad)
                    + "`); no \"most read\" block.", FILE_FIX)));
        }
        problems.addAll(0, bad.list());
        problems.addAll(0, decoding);
        return new Parsed(rows, problems);
    }

    /** Warnings of one kind about lines of a file: the first {@link #MAX_REPORTED} kept, the rest only counted. */
    private static final class Warnings {
        private final String file;
        private final String more;
        private final List<Problem> first = new ArrayList<>();
        private int count;

        Warnings(String file, String more) {
            this.file = file;
            this.more = more;
        }

        void add(Problem warning) {
            if (++count <= MAX_REPORTED) {
                first.add(warning);
            }
        }

        int count() {
            return count;
        }

        /** The warnings kept, and one counting the others. */
        List<Problem> list() {
            List<Problem> out = new ArrayList<>(first);
            if (count > MAX_REPORTED) {
                out.add(Problem.warning(file, 0, null, (count - MAX_REPORTED) + " " + more, null));
            }
            return out;
        }
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
        Warnings unknown = new Warnings(file, "more lines name no published article; ignored.");
        for (Row row : rows) {
            Optional<Integer> article = resolve.apply(row.key());
            if (article.isPresent()) {
                views.merge(article.get(), row.views(), Long::sum);
            } else {
                unknown.add(Problem.warning(file, row.line(), null, "no published article has the slug or URL `" + abbreviate(row.key())
                                + "`; ignored.",
                        "check the slug, or remove the line (pages other than articles are ignored anyway)."));
            }
        }
        List<Problem> problems = unknown.list();
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
     * @param byUrl   article positions by page URL relative to the site's root ({@code politique/mon-article/}),
     *                percent escapes decoded: an export may give {@code /театр/} or {@code /%D1%82…/}, and either matches
     * @param bySlug  article position by slug
     * @param baseUrl the site's absolute URL, or empty
     */
    public static Function<String, Optional<Integer>> resolver(Map<String, Integer> byUrl, Function<String, Optional<Integer>> bySlug,
                                                              String baseUrl) {
        String basePath = basePath(baseUrl);
        return key -> {
            String path = UrlPaths.decode(pathOf(key, basePath));
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

    /** How many line breaks a field holds: a quoted field may span lines. */
    private static int lineBreaks(String cell) {
        int breaks = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    /** Text for a message: one line of at most 60 characters, spaces collapsed, control characters shown as {@code ?}. */
    private static String abbreviate(String text) {
        String shown = text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= 60 ? shown : shown.substring(0, 57) + "...";
    }

    /** The physical lines of the text, as Commons CSV counts them (CR LF, LF or CR). */
    private static final class Lines {
        private final String text;
        /** Where each line starts; one more entry for the end of the text. */
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            if (starts.get(starts.size() - 1) != text.length()) {
                starts.add(text.length());
            }
            this.starts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Line {@code n} (1-based) without its line break. */
        String line(int n) {
            if (n < 1 || n >= starts.length) {
                return "";
            }
            int end = starts[n];
            while (end > starts[n - 1] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            return text.substring(starts[n - 1], end);
        }

        String excerpt(int n) {
            return abbreviate(line(n).strip());
        }

        /** The first line that is neither blank nor a comment, which tells the separator. */
        String firstData() {
            for (int n = 1; n < starts.length; n++) {
                String line = line(n);
                if (!line.isBlank() && !line.startsWith("#")) {
                    return line;
                }
            }
            return "";
        }

        /**
         * The line a record starts on. Commons CSV gives where it began reading the record, before
         * the empty and comment lines it skipped on the way: skip them too.
         */
        int recordStart(long position) {
            int i = Arrays.binarySearch(starts, (int) position);
            int n = (i >= 0 ? i : -i - 2) + 1;
            while (n < starts.length - 1 && (line(n).isEmpty() || line(n).startsWith("#"))) {
                n++;
            }
            return n;
        }
    }
}
