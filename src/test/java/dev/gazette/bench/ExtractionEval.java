package dev.gazette.bench;

import dev.gazette.model.Article;
import dev.gazette.source.ParseContext;
import dev.gazette.source.ParsedSource;
import dev.gazette.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * How well the HTML reader extracts saved pages, against reference text: the evaluation behind
 * {@code bench/extraction-eval.sh}. For each reference {@code NAME.txt} it reads the page
 * {@code NAME.html} (or {@code .htm}) as the build does and scores it:
 *
 * <ul>
 *   <li>accepted: the page gave an article (no error);</li>
 *   <li>title exact: the headline equals the reference's, whitespace collapsed;</li>
 *   <li>body word F1: words (letters and digits, lower-cased) of the body against the reference
 *       body, as bags: precision and recall of the words in common;</li>
 *   <li>byline exact: the authors, joined with {@code "; "}, equal the reference's (signed
 *       references only).</li>
 * </ul>
 *
 * <p>A reference file is {@code title: …}, {@code byline: …} (names separated by {@code "; "},
 * empty when unsigned), a line {@code ---}, then the body text. It lives with the tests: it reads
 * references no newsroom has.
 *
 * <pre>ExtractionEval PAGES REFERENCES   prints one line per page, then the totals</pre>
 */
public final class ExtractionEval {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The scores of one page. */
    public record Score(String name, boolean accepted, boolean titleExact, double f1, Boolean bylineExact, String got) {
    }

    /** The scores of a set, and its figures. */
    public record Summary(List<Score> scores) {

        public long accepted() {
            return scores.stream().filter(Score::accepted).count();
        }

        public long titlesExact() {
            return scores.stream().filter(Score::titleExact).count();
        }

        public double medianF1() {
            double[] f = scores.stream().mapToDouble(Score::f1).sorted().toArray();
            return f.length == 0 ? 0 : f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
        }

        public double meanF1() {
            return scores.stream().mapToDouble(Score::f1).average().orElse(0);
        }

        public double minF1() {
            return scores.stream().mapToDouble(Score::f1).min().orElse(0);
        }

        public long signed() {
            return scores.stream().filter(s -> s.bylineExact() != null).count();
        }

        public long bylinesExact() {
            return scores.stream().filter(s -> Boolean.TRUE.equals(s.bylineExact())).count();
        }

        public String describe() {
            return String.format(Locale.ROOT, "pages %d, accepted %d, titles exact %d, body F1 median %.3f mean %.3f min %.3f, "
                            + "bylines exact %d of %d signed", scores.size(), accepted(), titlesExact(), medianF1(), meanF1(), minF1(),
                    bylinesExact(), signed());
        }
    }

    private ExtractionEval() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ExtractionEval PAGES REFERENCES");
            System.exit(2);
        }
        Summary summary = evaluate(Path.of(args[0]), Path.of(args[1]));
        for (Score s : summary.scores()) {
            System.out.printf(Locale.ROOT, "%-40s %s title=%s f1=%.3f byline=%s %s%n", s.name(), s.accepted() ? "ok  " : "FAIL",
                    s.titleExact() ? "exact" : "DIFF", s.f1(), s.bylineExact() == null ? "-" : s.bylineExact() ? "exact" : "DIFF",
                    s.got());
        }
        System.out.println(summary.describe());
    }

    /** Scores every page of {@code pages} that has a reference in {@code references}. */
    public static Summary evaluate(Path pages, Path references) throws IOException {
        ParseContext ctx = ParseContext.of(ZoneOffset.UTC, "en");
        List<Score> scores = new ArrayList<>();
        List<Path> refs;
        try (Stream<Path> s = Files.list(references)) {
            refs = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path ref : refs) {
            String name = ref.getFileName().toString().replaceFirst("\\.txt$", "");
            Path page = pages.resolve(name + ".html");
            if (!Files.exists(page)) {
                page = pages.resolve(name + ".htm");
            }
            String[] parts = Files.readString(ref, StandardCharsets.UTF_8).split("\n---\n", 2);
            Map<String, String> head = new HashMap<>();
            for (String line : parts[0].split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    head.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
            String refBody = parts.length > 1 ? parts[1] : "";
            String refByline = head.getOrDefault("byline", "");
            if (!Files.exists(page)) {
                scores.add(new Score(name, false, false, 0, refByline.isEmpty() ? null : false, "no page"));
                continue;
            }
            ParsedSource parsed = SourceReader.parse(page.getFileName().toString(), Files.readAllBytes(page), ctx);
            Article a = parsed.article();
            if (a == null) {
                scores.add(new Score(name, false, false, 0, refByline.isEmpty() ? null : false,
                        parsed.problems().isEmpty() ? "" : parsed.problems().get(0).message()));
                continue;
            }
            String body = Jsoup.parseBodyFragment(a.bodyHtml()).body().text();
            // A lead printed on the page (a chapô) is part of the story's text as readers and
            // references see it; a description only in the page's meta tags is not.
            String printed = collapse(Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8)).body().text());
            String text = !a.lead().isEmpty() && printed.contains(collapse(a.lead())) ? a.lead() + " " + body : body;
            String authors = String.join("; ", a.authors());
            scores.add(new Score(name, true, collapse(a.title()).equals(collapse(head.getOrDefault("title", ""))),
                    f1(text, refBody), refByline.isEmpty() ? null : authors.equals(refByline), "[" + authors + "]"));
        }
        return new Summary(scores);
    }

    /** Word-level F1 of {@code got} against {@code expected}, words as bags. */
    public static double f1(String got, String expected) {
        Map<String, Integer> want = bag(expected);
        Map<String, Integer> have = bag(got);
        int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
        int haveTotal = have.values().stream().mapToInt(Integer::intValue).sum();
        if (wantTotal == 0 && haveTotal == 0) {
            return 1;
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : have.entrySet()) {
            common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / haveTotal;
        double recall = (double) common / wantTotal;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
