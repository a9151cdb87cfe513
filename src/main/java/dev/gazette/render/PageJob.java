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
 */
public record PageJob(String url, PageKind kind, String owner, Supplier<Map<String, Object>> model) {

    /** The template's name. */
    public String template() {
        return kind.template();
    }

    /** The file the page is written to. */
    public String file() {
        return SiteUrls.file(url);
    }
}
