package dev.gazette.render;

import dev.gazette.config.Permalinks;
import dev.gazette.model.Article;
import dev.gazette.model.Term;
import dev.gazette.text.UrlPaths;
import java.time.ZonedDateTime;

/**
 * The URL of every page, relative to the site's root, as a folder ({@code politique/mon-article/});
 * the file written is that folder's {@code index.html}. Page 1 of a list is the list's own URL, page
 * {@code n} is {@code page/n/} under it.
 *
 * <p>The one place URLs are made: each slug is percent-encoded here ({@link UrlPaths#encode}), so
 * every link made from these URLs (pages, feeds, sitemaps, JSON-LD, redirects, the search index)
 * is a valid URL, and a Unicode slug ({@code slugs: unicode}) is written
 * {@code %D1%82%D0%B5%D0%B0%D1%82%D1%80/}. Only {@link #file} turns a URL back into the path on disk
 * (UTF-8 names). ASCII slugs are the same either way.
 */
public final class SiteUrls {

    /** The folder of articles that have no rubric, in the {@code {rubric}} placeholder. */
    public static final String NO_RUBRIC = "non-classe";

    private final Permalinks permalinks;

    public SiteUrls(Permalinks permalinks) {
        this.permalinks = permalinks;
    }

    public String home() {
        return "";
    }

    public String article(Article a) {
        return article(a, a.slug());
    }

    /** The URL {@code a} would have with another slug (its URL under an older slug rule). */
    public String article(Article a, String slug) {
        ZonedDateTime d = a.date();
        return permalinks.article()
                .replace("{slug}", UrlPaths.encode(slug))
                .replace("{rubric}", a.rubric() == null ? NO_RUBRIC : UrlPaths.encode(a.rubric().slug()))
                .replace("{year}", digits(d.getYear(), 4))
                .replace("{month}", digits(d.getMonthValue(), 2))
                .replace("{day}", digits(d.getDayOfMonth(), 2));
    }

    /**
     * {@code value} in ASCII digits, zero-padded to {@code width}, as {@code %0Nd} in the root
     * locale. Not {@code String.format}: it parses its pattern at each call, and was a twentieth
     * of a publish's CPU, for every article URL of every page's teasers.
     */
    static String digits(int value, int width) {
        if (value < 0) {
            return String.format(java.util.Locale.ROOT, "%0" + width + "d", value);
        }
        String plain = Integer.toString(value);
        return plain.length() >= width ? plain : "0".repeat(width - plain.length()) + plain;
    }

    public String related(Article a) {
        return article(a) + "related/";
    }

    public String tag(Term t) {
        return permalinks.tag().replace("{slug}", UrlPaths.encode(t.slug()));
    }

    public String rubric(Term t) {
        return permalinks.rubric().replace("{slug}", UrlPaths.encode(t.slug()));
    }

    /** The page of an author's articles ({@code auteurs/salma-benali/}). */
    public String author(Term t) {
        return permalinks.author().replace("{slug}", UrlPaths.encode(t.slug()));
    }

    /** The page listing every author: the author pattern's folder ({@code auteurs/}). */
    public String authorIndex() {
        return prefix(permalinks.author(), "auteurs/");
    }

    /** The page listing every tag: the tag pattern's folder ({@code tags/}). */
    public String tagIndex() {
        return prefix(permalinks.tag(), "tags/");
    }

    /** The page listing every rubric: the rubric pattern's folder ({@code rubriques/}). */
    public String rubricIndex() {
        return prefix(permalinks.rubric(), "rubriques/");
    }

    /** The archive's index, listing its months. */
    public String archive() {
        return "archives/";
    }

    /** The archive page of one month ({@code archives/2025/09/}). */
    public String archiveMonth(java.time.YearMonth month) {
        return archive() + digits(month.getYear(), 4) + "/" + digits(month.getMonthValue(), 2) + "/";
    }

    /** Page {@code page} (1-based) of the list at {@code first}. */
    public static String paged(String first, int page) {
        return page <= 1 ? first : first + "page/" + page + "/";
    }

    /** The file a page URL is written to, as a path on disk: percent escapes decoded. */
    public static String file(String url) {
        String path = UrlPaths.decode(url);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /** The relative path from the page at {@code url} back to the site's root ({@code ../../}). */
    public static String rootFrom(String url) {
        String file = file(url);
        int depth = 0;
        for (int i = 0; i < file.length(); i++) {
            if (file.charAt(i) == '/') {
                depth++;
            }
        }
        return "../".repeat(depth);
    }

    private static String prefix(String pattern, String fallback) {
        int at = pattern.indexOf('{');
        String head = at < 0 ? pattern : pattern.substring(0, at);
        return head.isEmpty() || !head.endsWith("/") ? fallback : head;
    }
}
