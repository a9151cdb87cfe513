package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.text.FrenchTypography;

/**
 * An article's text as pages show it: typeset by {@link FrenchTypography} when the article (its
 * {@code lang:}, else the site's {@code language}) is French, else as written. Titles, leads,
 * captions and bodies on pages, {@code <title>}, {@code og:title}, the descriptions, the feeds,
 * the JSON-LD and the news sitemap all go through here, so that a reader sees one headline wherever
 * it is shown (page, feed reader, search result). The model keeps the text as the editor wrote it.
 */
public final class Typeset {

    private Typeset() {
    }

    public static boolean french(SiteConfig config, Article a) {
        return FrenchTypography.appliesTo(a.language() == null ? config.language() : a.language());
    }

    /** Plain text of {@code a} (its title, lead, caption) as shown. */
    public static String text(SiteConfig config, Article a, String text) {
        return french(config, a) ? FrenchTypography.text(text) : text;
    }

    /** The sanitized body of {@code a} as shown. */
    static String html(SiteConfig config, Article a, String html) {
        return french(config, a) ? FrenchTypography.html(html) : html;
    }
}
