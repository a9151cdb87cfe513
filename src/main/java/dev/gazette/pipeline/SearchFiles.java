package dev.gazette.pipeline;

import dev.gazette.cache.BuildCache;
import dev.gazette.cache.PageMemo;
import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.model.Article;
import dev.gazette.model.ArticleId;
import dev.gazette.model.Term;
import dev.gazette.output.SiteOutput;
import dev.gazette.related.RelatedDocument;
import dev.gazette.related.RelatedIndex;
import dev.gazette.related.TextAnalyzer;
import dev.gazette.render.DateLabels;
import dev.gazette.render.SearchPage;
import dev.gazette.render.SiteUrls;
import dev.gazette.search.SearchDocument;
import dev.gazette.search.SearchIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The build's search step: the published articles as {@link SearchDocument}s, their index and
 * the search page's scripts written under the search page's folder. Through {@link SiteOutput},
 * so a file whose bytes did not change is kept as it was. Each article's text analysis is the
 * related step's: taken from the cache when it holds it (the related step has just stored it),
 * else made the same way.
 */
final class SearchFiles {

    /** How much of a body's HTML the snippet's text is taken from: a few times what it shows. */
    private static final int SNIPPET_HTML = 4000;

    private SearchFiles() {
    }

    /** The article's text as the related step analyses it (see RelatedContent's document), its body's HTML read once. */
    private static Text text(Article a, String bodyHtml, String language) {
        return new Text(a.title(), a.lead(), plainText(bodyHtml), language);
    }

    private static String plainText(String bodyHtml) {
        return bodyHtml.isEmpty() ? "" : HtmlSanitizer.plainText(bodyHtml);
    }

    /**
     * Writes the index and scripts when the site has a search page; returns the index's file count.
     * With a {@code memo} (the cache), an index whose inputs are all what they were is kept from the
     * previous site without being built: a rebuild that changed no article costs no analysis.
     */
    static int write(SiteConfig config, SiteIndex index, SiteOutput out, ForkJoinPool pool, BuildCache cache, PageMemo memo)
            throws java.io.IOException {
        if (!config.search()) {
            return 0;
        }
        SiteUrls urls = new SiteUrls(config.permalinks());
        DateLabels dates = new DateLabels(config.locale(), config.timeZone());
        String folder = SearchPage.url(config.language()) + SearchPage.INDEX_FOLDER;
        List<ArticleId> ids = IntStream.range(0, index.size()).mapToObj(index::id).toList();
        List<LocalDate> days = IntStream.range(0, index.size()).mapToObj(i -> day(index.article(i), config)).toList();
        List<String> names = SearchIndex.fileNames(ids, days);
        String fingerprint = memo == null || cache == null ? null : fingerprint(config, index, urls, dates, cache);
        Set<String> kept = new HashSet<>();
        if (fingerprint != null && names.stream().allMatch(n -> memo.previous(fingerprint + "|" + n).isPresent())) {
            for (String n : names) {
                if (KeptFiles.keep(memo, fingerprint + "|" + n, folder + n, out)) {
                    kept.add(n);
                }
            }
        }
        if (kept.size() < names.size()) {
            TextAnalyzer analyzer = new TextAnalyzer();
            Path scratch = out.scratchFile("search-postings");
            // Each document is made when the index reads it and dropped once analysed, and each
            // file written as soon as it is complete: the index is never all in memory.
            Pools.inPool(pool, () -> {
                SearchIndex.build(ids, days, i -> document(index, i, config, urls, dates, analyzer, cache), config.language(), scratch,
                        (name, bytes) -> {
                            if (!kept.contains(name)) {
                                KeptFiles.remember(memo, fingerprint == null ? null : fingerprint + "|" + name,
                                        out.write(folder + name, bytes));
                            }
                        });
                return null;
            });
        }
        String scripts = SearchPage.url(config.language());
        SearchIndex.scripts().forEach((name, bytes) -> out.write(scripts + name, bytes));
        return names.size();
    }

    /** Everything the index is made of, hashed with Gazette's build (which the index's format is part of). */
    private static String fingerprint(SiteConfig config, SiteIndex index, SiteUrls urls, DateLabels dates, BuildCache cache) {
        StringBuilder inputs = new StringBuilder(index.size() * 160).append(config.language()).append('\n');
        for (int i = 0; i < index.size(); i++) {
            Article a = index.article(i);
            String language = a.language() == null ? config.language() : a.language();
            inputs.append(index.id(i)).append('|').append(day(a, config)).append('|').append(urls.article(a)).append('|')
                    .append(cache.analysisKey(language, a.title(), a.lead(), a.body())).append('|').append(language).append('|')
                    .append(a.rubric() == null ? "" : a.rubric().slug() + "=" + a.rubric().name()).append('|');
            for (Term t : a.tags()) {
                inputs.append(t.slug()).append('=').append(t.name()).append(',');
            }
            inputs.append('|').append(dates.iso(a.date())).append('|').append(dates.day(a.date())).append('\n');
        }
        return cache.key("search", inputs.toString());
    }

    private static LocalDate day(Article a, SiteConfig config) {
        return a.date().withZoneSameInstant(config.timeZone()).toLocalDate();
    }

    private static SearchDocument document(SiteIndex index, int i, SiteConfig config, SiteUrls urls, DateLabels dates,
                                           TextAnalyzer analyzer, BuildCache cache) {
        Article a = index.article(i);
        String language = a.language() == null ? config.language() : a.language();
        // Read once: a kept body comes back from the build's file of bodies at each call.
        String html = a.bodyHtml();
        RelatedIndex.Analysis analysis;
        if (cache == null) {
            analysis = SearchIndex.analysis(a.title(), a.lead(), plainText(html), language, analyzer);
        } else {
            // The related step's key: the same texts give the same analysis, stored once.
            String key = cache.analysisKey(language, a.title(), a.lead(), a.body());
            analysis = cache.analysis(key).orElseGet(() -> {
                RelatedIndex.Analysis fresh = RelatedIndex.analyze(text(a, html, language), analyzer, language);
                cache.putAnalysis(key, fresh);
                return fresh;
            });
        }
        // The snippet needs the body's start only: its text from the HTML's first tags, cut after a tag.
        int cut = html.length() <= SNIPPET_HTML ? html.length() : html.lastIndexOf('>', SNIPPET_HTML) + 1;
        String body = cut <= 0 ? "" : HtmlSanitizer.plainText(html.substring(0, cut));
        return new SearchDocument(index.id(i), day(a, config), urls.article(a),
                a.title(), a.lead(), body, language, analysis, a.rubric() == null ? null : facet(a.rubric()),
                a.tags().stream().map(SearchFiles::facet).toList(), dates.iso(a.date()), dates.day(a.date()));
    }

    /** An article's text, all the analysis reads (the related engine's other inputs are not used). */
    private record Text(String title, String lead, String body, String language) implements RelatedDocument {
        @Override
        public String key() {
            return "";
        }

        @Override
        public Collection<String> keywords() {
            return List.of();
        }

        @Override
        public String group() {
            return null;
        }

        @Override
        public long epochSeconds() {
            return 0;
        }
    }

    private static SearchDocument.Facet facet(Term t) {
        return new SearchDocument.Facet(t.slug(), t.name());
    }
}
