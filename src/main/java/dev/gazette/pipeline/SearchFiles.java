package dev.gazette.pipeline;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.model.Article;
import dev.gazette.model.Term;
import dev.gazette.output.SiteOutput;
import dev.gazette.related.TextAnalyzer;
import dev.gazette.render.DateLabels;
import dev.gazette.render.SearchPage;
import dev.gazette.render.SiteUrls;
import dev.gazette.search.SearchDocument;
import dev.gazette.search.SearchIndex;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The build's search step: the published articles as {@link SearchDocument}s, their index and
 * the search page's scripts written under the search page's folder. Through {@link SiteOutput},
 * so a file whose bytes did not change is kept as it was.
 */
final class SearchFiles {

    private SearchFiles() {
    }

    /** Writes the index and scripts when the site has a search page; returns the files' count for the summary. */
    static int write(SiteConfig config, SiteIndex index, SiteOutput out, ForkJoinPool pool) {
        if (!config.search()) {
            return 0;
        }
        SiteUrls urls = new SiteUrls(config.permalinks());
        DateLabels dates = new DateLabels(config.locale(), config.timeZone());
        Map<String, byte[]> files = Pools.inPool(pool, () -> {
            List<SearchDocument> docs = IntStream.range(0, index.size()).parallel()
                    .mapToObj(i -> document(index, i, config, urls, dates)).toList();
            return SearchIndex.build(docs, config.language(), new TextAnalyzer());
        });
        String folder = SearchPage.url(config.language());
        files.forEach((name, bytes) -> out.write(folder + SearchPage.INDEX_FOLDER + name, bytes));
        SearchIndex.scripts().forEach((name, bytes) -> out.write(folder + name, bytes));
        return files.size();
    }

    private static SearchDocument document(SiteIndex index, int i, SiteConfig config, SiteUrls urls, DateLabels dates) {
        Article a = index.article(i);
        return new SearchDocument(index.id(i), a.date().withZoneSameInstant(config.timeZone()).toLocalDate(), urls.article(a),
                a.title(), a.lead(), a.bodyHtml().isEmpty() ? "" : HtmlSanitizer.plainText(a.bodyHtml()),
                a.language() == null ? config.language() : a.language(), a.rubric() == null ? null : facet(a.rubric()),
                a.tags().stream().map(SearchFiles::facet).toList(), dates.iso(a.date()), dates.day(a.date()));
    }

    private static SearchDocument.Facet facet(Term t) {
        return new SearchDocument.Facet(t.slug(), t.name());
    }
}
