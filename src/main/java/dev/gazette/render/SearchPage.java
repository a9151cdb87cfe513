package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.index.TermGroup;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The search page ({@code recherche/}, {@code search/} on an English site): a form that the
 * page's script answers from the index in {@link #INDEX_FOLDER}. Its model holds only the filters'
 * choices (rubrics, years), so it is rendered again only when one of those appears.
 */
public final class SearchPage {

    /** The index's folder, inside the search page's. */
    public static final String INDEX_FOLDER = "index/";

    private SearchPage() {
    }

    /** The search page's URL for a site in {@code language}: French unless English, as the templates' labels. */
    public static String url(String language) {
        return language.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "search/" : "recherche/";
    }

    /** The page's job; {@code base} gives the model every page shares. */
    static PageJob job(SiteConfig config, SiteIndex index, Function<PageView, Map<String, Object>> base) {
        String url = url(config.language());
        return new PageJob(url, PageKind.SEARCH, "the search page", () -> {
            String title = config.locale().getLanguage().equals("en") ? "Search" : "Rechercher";
            Map<String, Object> m = base.apply(new PageView(PageKind.SEARCH.label(), title, "", url, SiteUrls.rootFrom(url),
                    config.baseUrl().isEmpty() ? "" : config.baseUrl() + url));
            List<SearchView.Option> rubrics = index.rubrics().stream().map(TermGroup::term)
                    .sorted(Comparator.comparing(t -> t.slug()))
                    .map(t -> new SearchView.Option(t.slug(), t.name())).toList();
            TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
            for (int i = 0; i < index.size(); i++) {
                years.add(index.article(i).date().withZoneSameInstant(config.timeZone()).getYear());
            }
            m.put("search", new SearchView(INDEX_FOLDER, rubrics, years.stream().map(String::valueOf).toList()));
            return m;
        });
    }
}
