package dev.gazette.render;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One page to render: where it goes, with which template, over which data. The data is built when
 * the page is rendered, on the rendering thread, so a large site never holds every page's views.
 *
 * @param url      the page's URL, relative to the site's root ({@code politique/mon-article/})
 * @param kind     the page kind (which names its template)
 * @param owner    what the page belongs to (a source file, a tag…), for collision messages
 * @param model    builds the template's data
 * @param inputs   a key of everything {@code model} is made of, much cheaper than the data itself
 *                 (hashes of the articles it shows, of the configuration…), or {@code null} when
 *                 the page has none; it gives {@code null} when it cannot tell. Two builds whose
 *                 key for a page is the same build the same data for it (see {@link SitePlanner})
 */
public record PageJob(String url, PageKind kind, String owner, Supplier<Map<String, Object>> model, Supplier<String> inputs) {

    /** A page known by its data only: its fingerprint is the data's. */
    public PageJob(String url, PageKind kind, String owner, Supplier<Map<String, Object>> model) {
        this(url, kind, owner, model, null);
    }

    /** The template's name. */
    public String template() {
        return kind.template();
    }

    /** The file the page is written to. */
    public String file() {
        return SiteUrls.file(url);
    }
}
