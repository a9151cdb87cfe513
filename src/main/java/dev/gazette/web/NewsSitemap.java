package dev.gazette.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Google News sitemap (namespace {@code sitemap-news/0.9}): the articles of the last two days
 * before the build's reference time, each with the publication's name and language, its
 * publication date and title; at most 1,000 URLs per file, parts under an index past that.
 */
public final class NewsSitemap {

    public static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Google News reads at most this many URLs per file. */
    public static final int MAX_URLS = 1_000;
    /** How far back the sitemap reaches. */
    public static final Duration WINDOW = Duration.ofDays(2);
    /** The language codes the schema accepts: ISO 639 codes, and Chinese by script. */
    private static final Pattern LANGUAGE = Pattern.compile("zh-cn|zh-tw|[a-z]{2,3}");

    private final SitemapWriter sitemap;
    private final String publication;
    private final String language;
    private final Instant since;

    /**
     * @param publication the publication's name, as Google News knows it
     * @param language    the site's language (BCP 47)
     * @param now         the build's reference time
     */
    public NewsSitemap(Sink sink, String baseUrl, String publication, String language, Instant now) {
        this(sink, baseUrl, publication, language, now, MAX_URLS);
    }

    NewsSitemap(Sink sink, String baseUrl, String publication, String language, Instant now, int maxUrls) {
        this.sitemap = new SitemapWriter(sink, baseUrl, "news-sitemap", maxUrls, SitemapWriter.MAX_BYTES, Map.of("news", NEWS_NS));
        this.publication = publication;
        this.language = newsLanguage(language);
        this.since = now.minus(WINDOW);
    }

    /** Whether an article published at {@code published} belongs in the sitemap. */
    public boolean covers(ZonedDateTime published) {
        return !published.toInstant().isBefore(since);
    }

    /**
     * Lists an article if it was published within the window; articles are expected newest first.
     *
     * @param language the article's own language, or {@code null} for the site's
     * @return whether it was listed
     */
    public boolean add(String loc, String title, ZonedDateTime published, String language) {
        if (!covers(published)) {
            return false;
        }
        String lang = language == null ? this.language : newsLanguage(language);
        sitemap.entry(loc, published, x -> {
            x.start("news:news");
            x.start("news:publication");
            x.leaf("news:name", publication);
            x.leaf("news:language", lang);
            x.end();
            x.leaf("news:publication_date", FeedWriter.iso(published));
            x.leaf("news:title", title);
            x.end();
        });
        return true;
    }

    /** Writes the files (none when no article is recent enough); the entry point first. */
    public List<String> finish() {
        return sitemap.finish();
    }

    public long urls() {
        return sitemap.urls();
    }

    /**
     * The code Google News wants for a BCP 47 tag: the language alone ({@code fr-MA} → {@code fr}),
     * except Chinese, named by script or region ({@code zh-cn}, {@code zh-tw}).
     */
    static String newsLanguage(String tag) {
        String t = tag.toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.startsWith("zh")) {
            return t.contains("tw") || t.contains("hant") || t.contains("hk") ? "zh-tw" : "zh-cn";
        }
        int dash = t.indexOf('-');
        String lang = dash < 0 ? t : t.substring(0, dash);
        return LANGUAGE.matcher(lang).matches() ? lang : "en";
    }
}
