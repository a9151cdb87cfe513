package dev.gazette.cli;

import dev.gazette.pipeline.BuildOptions;
import dev.gazette.pipeline.RelatedContent;
import dev.gazette.pipeline.SiteLoader;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.related.RelatedIndex;
import dev.gazette.related.RelatedMatch;
import dev.gazette.related.TextAnalyzer;
import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.render.DateLabels;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gazette related}: shows why an article's related content is what it is, signal by signal,
 * or measures the related step over the whole site.
 */
@Command(name = "related", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Prints the ranked related articles of one article, with each signal's share of the score.",
                "With --stats, computes every article's list and prints the time and memory of the related step."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:errors in the sources or configuration, or no such article", "2:bad usage", "3:the build could not finish: out of memory, or an internal error (a bug in Gazette: please report it)"})
final class RelatedCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ARTICLE",
            description = "The article: its slug, or its source file (relative to the articles folder, or a path).")
    String article;

    @CommandLine.Mixin
    SiteOptions site;

    @Option(names = "--count", paramLabel = "N", description = "How many related articles to list (default: the related page's size).")
    Integer count;

    @Option(names = "--stats", description = "Compute the related lists of every article; print times and memory.")
    boolean stats;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (article == null && !stats) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give an ARTICLE (slug or source file), or --stats.");
        }
        Instant reference = site.reference();
        int threads = site.threads();
        if (count != null && count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        BuildOptions options = new BuildOptions(site.source, Path.of("templates"), Path.of("site-out"), site.configFile(), null,
                site.drafts, site.future, reference, threads);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            long start = System.nanoTime();
            SiteLoader.Loaded site = SiteLoader.load(options, pool);
            long loaded = System.nanoTime();
            long loadedCpu = processCpuNanos();
            for (Problem p : site.problems()) {
                if (p.isError()) {
                    err.println(p.describe());
                }
            }
            if (site.hasErrors()) {
                err.println("The site has errors: fix them first (`gazette build` lists warnings too).");
                return 1;
            }
            int limit = count != null ? count : site.config().relatedPageSize();
            RelatedIndex.Builder builder = RelatedContent.analyze(site.index(), site.config(), pool);
            long analyzed = System.nanoTime();
            long analyzedCpu = processCpuNanos();
            RelatedIndex related = RelatedContent.build(builder, pool);
            long indexed = System.nanoTime();
            long indexedCpu = processCpuNanos();
            if (stats) {
                List<List<Integer>> lists = RelatedContent.lists(related, limit, pool);
                long listed = System.nanoTime();
                long listedCpu = processCpuNanos();
                long withAny = lists.stream().filter(l -> !l.isEmpty()).count();
                long links = lists.stream().mapToLong(List::size).sum();
                out.printf(Locale.ROOT, "Related step for %d articles on %d threads: analysis %d ms, index %d ms, lists %d ms; "
                                + "total %d ms (loading the sources before it: %d ms).%n", site.index().size(), threads,
                        millis(loaded, analyzed), millis(analyzed, indexed), millis(indexed, listed), millis(loaded, listed),
                        millis(start, loaded));
                out.printf(Locale.ROOT, "Lists: %d links, %d of %d articles with at least one (coverage %.3f); index ~%.1f MiB; "
                                + "heap in use %.0f MiB.%n", links, withAny, lists.size(),
                        lists.isEmpty() ? 0.0 : (double) withAny / lists.size(), related.estimatedBytes() / 1048576.0,
                        usedHeapMiB());
                if (loadedCpu >= 0) {
                    // CPU time, all threads and the collector's: steadier than wall time on a shared machine.
                    out.printf(Locale.ROOT, "CPU time of the related step: analysis %d ms, index %d ms, lists %d ms; total %d ms.%n",
                            millis(loadedCpu, analyzedCpu), millis(analyzedCpu, indexedCpu), millis(indexedCpu, listedCpu),
                            millis(loadedCpu, listedCpu));
                }
            }
            if (article != null) {
                Optional<Integer> position = find(site.index(), article);
                if (position.isEmpty()) {
                    err.println("No published article has the slug or source file `" + article + "`. (Drafts and future "
                            + "articles need --drafts / --future.)");
                    return 1;
                }
                explain(out, site, related, position.get(), limit);
            }
            out.flush();
            return 0;
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<Integer> find(SiteIndex index, String wanted) {
        Optional<Integer> bySlug = index.positionOf(wanted);
        if (bySlug.isPresent()) {
            return bySlug;
        }
        String relative = wanted.replace('\\', '/');
        Path asPath = Path.of(wanted).toAbsolutePath().normalize();
        Path root = site.source.toAbsolutePath().normalize();
        if (asPath.startsWith(root)) {
            relative = root.relativize(asPath).toString().replace('\\', '/');
        }
        for (int i = 0; i < index.size(); i++) {
            if (index.article(i).source().equals(relative)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static void explain(PrintWriter out, SiteLoader.Loaded site, RelatedIndex related, int doc, int limit) {
        DateLabels dates = new DateLabels(Locale.ROOT, site.config().timeZone());
        Article a = site.index().article(doc);
        out.printf("Related to \"%s\" (%s, %s, %s%s)%n", a.title(), a.slug(), a.source(), dates.iso(a.date()).substring(0, 10),
                a.rubric() == null ? "" : ", " + a.rubric().name());
        TextAnalyzer analyzer = new TextAnalyzer();
        Map<String, String> own = surfaceForms(analyzer, site, a);
        out.printf("Distinctive terms: %s%n", String.join(", ", readable(related.distinctiveTerms(doc, 12), own)));
        List<RelatedMatch> matches = related.find(doc, limit);
        if (matches.isEmpty()) {
            out.println("No related article: nothing in common with any other (text, tags, rubric), or all below the minimum score.");
            return;
        }
        out.printf("%3s  %-6s  %-6s %-6s %-6s %-6s  %s%n", "#", "score", "text", "tags", "rubric", "time", "article");
        int rank = 1;
        for (RelatedMatch m : matches) {
            Article r = site.index().article(m.document());
            out.printf(Locale.ROOT, "%3d  %-6s  %6.3f %6.3f %6.3f %6.3f  %s \"%s\" (%s)%n", rank++,
                    m.pinned() ? "pinned" : String.format(Locale.ROOT, "%6.3f", m.score()), m.text(), m.keywords(), m.group(),
                    m.time(), r.slug(), r.title(), dates.iso(r.date()).substring(0, 10));
            RelatedIndex.Explanation why = related.explain(doc, m.document(), 8);
            StringBuilder line = new StringBuilder("     ");
            // The words as written: the form either article uses most, for each shared stem.
            Map<String, String> both = surfaceForms(analyzer, site, a, r);
            line.append(why.terms().isEmpty() ? "no shared terms" : "terms: " + String.join(", ", readable(why.terms(), both)));
            if (!why.keywords().isEmpty()) {
                line.append("; tags: ").append(String.join(", ", why.keywords()));
            }
            if (m.pinned()) {
                line.append("; chosen by the editor");
            }
            out.println(line);
        }
        out.println("Score = text + tags + rubric + time (weights in site.yml, `related:`); pinned articles come first.");
    }

    /** The most frequent surface form of each term of the articles' title, lead and body. */
    private static Map<String, String> surfaceForms(TextAnalyzer analyzer, SiteLoader.Loaded site, Article... articles) {
        String language = articles[0].language() == null ? site.config().language() : articles[0].language();
        List<String> texts = new java.util.ArrayList<>();
        for (Article x : articles) {
            texts.add(x.title());
            texts.add(x.lead());
            texts.add(x.bodyHtml().isEmpty() ? "" : HtmlSanitizer.plainText(x.bodyHtml()));
        }
        return analyzer.surfaceForms(language, texts.toArray(String[]::new));
    }

    /** Terms as their surface forms, each once (two stems may be written alike). */
    private static List<String> readable(List<String> terms, Map<String, String> forms) {
        return terms.stream().map(t -> forms.getOrDefault(t, t)).distinct().toList();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** The process's CPU time so far, in nanoseconds, or -1 where the JVM does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static double usedHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }
}
