package dev.gazette.render;

/**
 * Where feeds are published: beside the page they follow, {@code feed.xml} (RSS 2.0) and
 * {@code atom.xml} (Atom 1.0): {@code feed.xml} at the root for the whole site,
 * {@code rubriques/politique/feed.xml} for a rubric, {@code tags/maroc/feed.xml} for a tag.
 */
public final class FeedPaths {

    public static final String RSS = "feed.xml";
    public static final String ATOM = "atom.xml";
    public static final String RSS_TYPE = "application/rss+xml";
    public static final String ATOM_TYPE = "application/atom+xml";

    private FeedPaths() {
    }

    /** The RSS feed of the page at {@code pageUrl} (relative to the site's root). */
    public static String rss(String pageUrl) {
        return pageUrl + RSS;
    }

    /** The Atom feed of the page at {@code pageUrl}. */
    public static String atom(String pageUrl) {
        return pageUrl + ATOM;
    }
}
