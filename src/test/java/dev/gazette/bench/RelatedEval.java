package dev.gazette.bench;

import dev.gazette.pipeline.BuildOptions;
import dev.gazette.pipeline.RelatedContent;
import dev.gazette.pipeline.SiteLoader;
import dev.gazette.related.RelatedIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The related-content evaluation behind {@code bench/related-eval.sh}: precision of the related
 * links against reference labels, and the plain TF-IDF baseline on the same corpus. It lives with
 * the tests, not in the product: it reads labels no newsroom has, and its baseline is a yardstick,
 * not a feature.
 *
 * <pre>
 * RelatedEval site SITE TOPICS            scores a built site's pages (as ../shared/bench/score_related.py)
 * RelatedEval engine ARTICLES TOPICS [CONFIG]   scores the engine's lists without rendering a site
 * RelatedEval baseline ARTICLES TOPICS    the full-vector TF-IDF baseline (as ../shared/bench/tfidf_baseline.py)
 * </pre>
 *
 * Labels: {@code slug<TAB>label}; two articles are related when their labels are equal, or, when
 * either holds {@code ;}-separated keyphrases, when they share one.
 */
public final class RelatedEval {

    private RelatedEval() {
    }

    /** Precision at 1 and 5 (hits over links shown, as the reference scorer counts), and coverage. */
    public record Scores(int articles, double p1, double p5, double coverage, double coverageWhereRelated) {
        String line(String who) {
            return String.format(Locale.ROOT, "%-9s p@1 %.3f  p@5 %.3f  coverage %.3f (%.3f where a related article exists; %d articles)",
                    who, p1, p5, coverage, coverageWhereRelated, articles);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RelatedEval site SITE TOPICS | engine ARTICLES TOPICS [CONFIG] | baseline ARTICLES TOPICS");
            System.exit(2);
        }
        Map<String, String> labels = labels(Path.of(args[2]));
        Scores s = switch (args[0]) {
            case "site" -> score(siteLinks(Path.of(args[1]), labels), labels);
            case "engine" -> score(engineLinks(Path.of(args[1]), args.length > 3 ? Path.of(args[3]) : null), labels);
            case "baseline" -> score(baselineLinks(Path.of(args[1]), 5), labels);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.out.println(s.line(args[0].equals("baseline") ? "tf-idf" : "gazette"));
    }

    /** {@code slug<TAB>label} lines; other lines are ignored. */
    public static Map<String, String> labels(Path topics) throws IOException {
        Map<String, String> labels = new HashMap<>();
        for (String line : Files.readAllLines(topics, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 2) {
                labels.put(f[0], f[1]);
            }
        }
        return labels;
    }

    /** Whether two labels make their articles related. */
    static boolean related(String a, String b) {
        if (a.contains(";") || b.contains(";")) {
            Set<String> x = new HashSet<>(Arrays.asList(a.split(";")));
            x.remove("");
            for (String y : b.split(";")) {
                if (!y.isEmpty() && x.contains(y)) {
                    return true;
                }
            }
            return false;
        }
        return a.equals(b);
    }

    /** Scores each labelled article's related links (slugs, best first). */
    public static Scores score(Map<String, List<String>> links, Map<String, String> labels) {
        int seen = 0;
        int covered = 0;
        int withRelated = 0;
        int coveredWithRelated = 0;
        int hits1 = 0;
        int total1 = 0;
        int hits5 = 0;
        int total5 = 0;
        Map<String, Integer> relatedCount = new HashMap<>();
        for (String a : labels.keySet()) {
            int c = 0;
            for (String b : labels.keySet()) {
                if (!a.equals(b) && related(labels.get(a), labels.get(b))) {
                    c++;
                }
            }
            relatedCount.put(a, c);
        }
        for (Map.Entry<String, List<String>> e : links.entrySet()) {
            String slug = e.getKey();
            if (!labels.containsKey(slug)) {
                continue;
            }
            seen++;
            List<String> shown = e.getValue().stream().filter(s -> labels.containsKey(s) && !s.equals(slug)).limit(5).toList();
            boolean hasRelated = relatedCount.get(slug) > 0;
            withRelated += hasRelated ? 1 : 0;
            if (!shown.isEmpty()) {
                covered++;
                coveredWithRelated += hasRelated ? 1 : 0;
            }
            for (int i = 0; i < shown.size(); i++) {
                boolean hit = related(labels.get(slug), labels.get(shown.get(i)));
                if (i == 0) {
                    total1++;
                    hits1 += hit ? 1 : 0;
                }
                total5++;
                hits5 += hit ? 1 : 0;
            }
        }
        return new Scores(seen, total1 == 0 ? 0 : (double) hits1 / total1, total5 == 0 ? 0 : (double) hits5 / total5,
                seen == 0 ? 0 : (double) covered / seen, withRelated == 0 ? 1 : (double) coveredWithRelated / withRelated);
    }

    /**
     * Each article page's related links, as the reference scorer reads them: the links inside the
     * first element whose class contains "related" (or that has {@code data-related}).
     */
    static Map<String, List<String>> siteLinks(Path site, Map<String, String> labels) throws IOException {
        Map<String, List<String>> links = new TreeMap<>();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            String slug = slugOf(site.relativize(page).toString().replace('\\', '/'));
            if (!labels.containsKey(slug)) {
                continue;
            }
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            Element block = doc.selectFirst("[class*=related], [data-related]");
            List<String> found = new ArrayList<>();
            if (block != null) {
                for (Element a : block.select("a[href]")) {
                    found.add(slugOf(a.attr("href")));
                }
            }
            links.put(slug, found);
        }
        return links;
    }

    /** The slug a link or page path names: its last segment, {@code index.html} and {@code .html} removed. */
    static String slugOf(String href) {
        String p = java.net.URLDecoder.decode(href.split("#")[0].split("\\?")[0].replace("+", "%2B"), StandardCharsets.UTF_8);
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] parts = p.split("/");
        String last = parts[parts.length - 1];
        if ((last.equals("index.html") || last.equals("index.htm")) && parts.length > 1) {
            last = parts[parts.length - 2];
        }
        return last.replaceAll("\\.html?$", "");
    }

    /** The engine's lists for a folder of articles, as a build would compute them, without rendering. */
    static Map<String, List<String>> engineLinks(Path articles, Path config) {
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            BuildOptions options = new BuildOptions(articles, Path.of("templates"), Path.of("site-out"), config, null, true, true,
                    Instant.parse("2100-01-01T00:00:00Z"), Runtime.getRuntime().availableProcessors());
            SiteLoader.Loaded site = SiteLoader.load(options, pool);
            RelatedIndex related = RelatedContent.build(RelatedContent.analyze(site.index(), site.config(), pool), pool);
            // As the build asks: the related page's length, of which the article page shows the first.
            int limit = Math.max(site.config().relatedCount(), site.config().relatedPageSize());
            List<List<Integer>> lists = RelatedContent.lists(related, limit, pool);
            Map<String, List<String>> links = new TreeMap<>();
            for (int i = 0; i < lists.size(); i++) {
                links.put(site.index().article(i).slug(), lists.get(i).stream().map(j -> site.index().article(j).slug()).toList());
            }
            return links;
        } finally {
            pool.shutdownNow();
        }
    }

    private static final Pattern TITLE = Pattern.compile("^title: (.*)$", Pattern.MULTILINE);
    private static final Pattern SUMMARY = Pattern.compile("^summary: (.*)$", Pattern.MULTILINE);
    private static final Pattern WORD = Pattern.compile("[a-zà-ÿ]+");

    /**
     * The plain baseline of {@code ../shared/bench/tfidf_baseline.py}: words of three letters or
     * more (a-z and à-ÿ, lower-cased, no stemming), title and summary lines as plain text,
     * sublinear tf × idf, terms in half the documents or more dropped, cosine over the whole
     * vocabulary, the {@code k} best (ties: the slug).
     */
    static Map<String, List<String>> baselineLinks(Path articles, int k) throws IOException {
        Map<String, Map<String, Integer>> docs = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(articles)) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path f : files) {
            String s = Files.readString(f, StandardCharsets.UTF_8);
            String body = s;
            if (s.startsWith("---")) {
                String[] parts = s.split("---", 3);
                body = parts.length > 2 ? parts[2] : "";
            }
            StringBuilder text = new StringBuilder();
            for (Pattern p : new Pattern[] {TITLE, SUMMARY}) {
                Matcher m = p.matcher(s);
                if (m.find()) {
                    text.append(text.length() == 0 ? "" : " ").append(m.group(1));
                }
            }
            text.append(' ').append(body);
            Map<String, Integer> counts = new LinkedHashMap<>();
            Matcher m = WORD.matcher(text.toString().toLowerCase(Locale.ROOT));
            while (m.find()) {
                if (m.group().length() > 2) {
                    counts.merge(m.group(), 1, Integer::sum);
                }
            }
            String name = f.getFileName().toString();
            docs.put(name.substring(0, name.length() - 3), counts);
        }
        Map<String, Integer> df = new HashMap<>();
        docs.values().forEach(c -> c.keySet().forEach(w -> df.merge(w, 1, Integer::sum)));
        int n = docs.size();
        Map<String, Map<String, Double>> vectors = new LinkedHashMap<>();
        Map<String, List<Map.Entry<String, Double>>> postings = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> d : docs.entrySet()) {
            Map<String, Double> v = new LinkedHashMap<>();
            double norm = 0;
            for (Map.Entry<String, Integer> t : d.getValue().entrySet()) {
                int dft = df.get(t.getKey());
                if (dft < n * 0.5) {
                    double w = (1 + Math.log(t.getValue())) * Math.log((double) n / dft);
                    v.put(t.getKey(), w);
                    norm += w * w;
                }
            }
            double length = norm == 0 ? 1 : Math.sqrt(norm);
            v.replaceAll((w, x) -> x / length);
            vectors.put(d.getKey(), v);
            v.forEach((w, x) -> postings.computeIfAbsent(w, z -> new ArrayList<>()).add(Map.entry(d.getKey(), x)));
        }
        Map<String, List<String>> links = new TreeMap<>();
        for (Map.Entry<String, Map<String, Double>> d : vectors.entrySet()) {
            Map<String, Double> scores = new HashMap<>();
            d.getValue().forEach((w, x) -> {
                for (Map.Entry<String, Double> p : postings.get(w)) {
                    if (!p.getKey().equals(d.getKey())) {
                        scores.merge(p.getKey(), x * p.getValue(), Double::sum);
                    }
                }
            });
            links.put(d.getKey(), scores.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(k).map(Map.Entry::getKey).toList());
        }
        return links;
    }
}
