package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.index.TermGroup;
import dev.gazette.model.Article;
import dev.gazette.model.Term;
import dev.gazette.web.Feed;
import dev.gazette.web.FeedItem;
import dev.gazette.images.ImageInfo;
import dev.gazette.web.NewsSitemap;
import dev.gazette.web.SitemapWriter;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides what the machine-readable files hold: one feed for the site, each rubric and each tag
 * (its latest articles), the pages a sitemap lists, the articles a news sitemap lists. Like
 * {@link SitePlanner} it only reads the index; feeds are built lazily, one by one. Every URL it
 * gives is absolute, so it needs a site with a base URL.
 */
public final class FeedPlanner {

    /**
     * One feed to write in both formats.
     *
     * @param rssFile  the RSS file, relative to the site's root
     * @param atomFile the Atom file
     * @param owner    what the feed follows, for messages
     * @param feed     builds the feed
     */
    public record FeedJob(String rssFile, String atomFile, String owner, Supplier<Feed> feed) {
    }

    private final SiteConfig config;
    private final SiteIndex index;
    private final SiteUrls urls;
    private final ArticleImages images;
    private final String base;
    private final ZonedDateTime now;
    /**
     * Each article's item, made when a feed first needs it: an article is in the site's feed, its
     * rubric's and its tags', the same item each time. Workers may both make one: they are equal.
     */
    private final FeedItem[] itemOf;

    /**
     * @param imageUrls published URL of each local image, by {@code source|image} (as for {@link SitePlanner})
     * @param now       the build's reference time: the date of a feed with no item
     */
    public FeedPlanner(SiteConfig config, SiteIndex index, java.util.Map<String, String> imageUrls, WebExtras extras, Instant now) {
        if (config.baseUrl().isEmpty()) {
            throw new IllegalArgumentException("feeds and sitemaps need the site's base URL");
        }
        this.config = config;
        this.index = index;
        this.urls = new SiteUrls(config.permalinks());
        this.images = new ArticleImages(imageUrls, extras.images());
        this.base = config.baseUrl();
        this.now = now.atZone(config.timeZone());
        this.itemOf = new FeedItem[index.size()];
    }

    /** The feeds: the site's, then each rubric's, each author's, then each tag's (when tag feeds are on), by slug. */
    public List<FeedJob> feeds() {
        List<FeedJob> jobs = new ArrayList<>(1 + index.rubrics().size() + index.authors().size() + (config.tagFeeds() ? index.tags().size() : 0));
        int n = Math.min(config.feedItems(), index.size());
        List<Integer> latest = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            latest.add(i);
        }
        jobs.add(job(urls.home(), config.title(), config.description(), latest, "the site"));
        for (TermGroup g : index.rubrics()) {
            jobs.add(job(urls.rubric(g.term()), config.title() + " – " + g.term().name(), null, head(g), "rubric " + g.term().name()));
        }
        for (TermGroup g : index.authors()) {
            jobs.add(job(urls.author(g.term()), config.title() + " – " + g.term().name(), null, head(g), "author " + g.term().name()));
        }
        if (config.tagFeeds()) {
            for (TermGroup g : index.tags()) {
                jobs.add(job(urls.tag(g.term()), config.title() + " – #" + g.term().name(), null, head(g), "tag " + g.term().name()));
            }
        }
        return jobs;
    }

    private List<Integer> head(TermGroup g) {
        return g.articles().subList(0, Math.min(config.feedItems(), g.size()));
    }

    private FeedJob job(String pageUrl, String title, String description, List<Integer> members, String owner) {
        String rss = FeedPaths.rss(pageUrl);
        String atom = FeedPaths.atom(pageUrl);
        // The URLs are percent-encoded; the files are where the page's own file is.
        return new FeedJob(SiteUrls.file(rss), SiteUrls.file(atom), owner, () -> {
            List<FeedItem> items = new ArrayList<>(members.size());
            ZonedDateTime updated = null;
            for (int i : members) {
                FeedItem item = itemOf[i];
                if (item == null) {
                    item = item(index.article(i));
                    itemOf[i] = item;
                }
                items.add(item);
                if (updated == null || item.updated().isAfter(updated)) {
                    updated = item.updated();
                }
            }
            String desc = description == null || description.isBlank() ? title : description;
            return new Feed(title, desc, config.language(), base + pageUrl, base + rss, base + atom, config.title(),
                    updated == null ? now : updated, items);
        });
    }

    private FeedItem item(Article a) {
        String url = base + urls.article(a);
        ImageInfo image = images.of(a);
        ImageInfo absolute = image == null ? null : image.absolute(base);
        StringBuilder html = new StringBuilder();
        if (absolute != null) {
            html.append("<p><img src=\"").append(escape(absolute.url())).append("\" alt=\"")
                    .append(escape(Typeset.text(config, a, a.caption().isEmpty() ? a.title() : a.caption()))).append('"');
            if (absolute.hasSize()) {
                html.append(" width=\"").append(absolute.width()).append("\" height=\"").append(absolute.height()).append('"');
            }
            html.append("></p>");
        }
        if (!a.lead().isEmpty()) {
            html.append("<p>").append(escape(Typeset.text(config, a, a.lead()))).append("</p>");
        }
        List<String> categories = new ArrayList<>(1 + a.tags().size());
        if (a.rubric() != null) {
            categories.add(index.canonicalRubric(a.rubric()).name());
        }
        for (Term t : a.tags()) {
            categories.add(index.canonicalTag(t).name());
        }
        // Feeds are read by people, in feed readers: their titles and leads are the pages' (typeset).
        // The authors as the site spells them, as on their pages.
        List<String> authors = a.authorTerms(index.slugRule()).stream().map(t -> index.canonicalAuthor(t).name()).toList();
        return new FeedItem(url, Typeset.text(config, a, a.title()), html.toString(), local(a.date()), local(a.lastModified()), authors, categories, absolute);
    }

    /**
     * Lists the site's pages: the home page, every article (newest first), the first page of each
     * rubric, author and tag, the rubric, tag and author indexes, the archive's index and its months. Related-content pages are left
     * out (they only repeat other pages' links and are marked {@code noindex}), as are later pages
     * of lists (crawlers reach them from the first).
     */
    public void sitemap(SitemapWriter sitemap) {
        ZonedDateTime newest = null;
        for (Article a : index.articles()) {
            if (newest == null || a.lastModified().isAfter(newest)) {
                newest = a.lastModified();
            }
        }
        sitemap.url(base + urls.home(), local(newest));
        for (Article a : index.articles()) {
            sitemap.url(base + urls.article(a), local(a.lastModified()));
        }
        for (TermGroup g : index.rubrics()) {
            sitemap.url(base + urls.rubric(g.term()), local(lastModified(g)));
        }
        for (TermGroup g : index.tags()) {
            sitemap.url(base + urls.tag(g.term()), local(lastModified(g)));
        }
        for (TermGroup g : index.authors()) {
            sitemap.url(base + urls.author(g.term()), local(lastModified(g)));
        }
        sitemap.url(base + urls.rubricIndex(), local(newest));
        sitemap.url(base + urls.tagIndex(), local(newest));
        sitemap.url(base + urls.authorIndex(), local(newest));
        sitemap.url(base + urls.archive(), local(newest));
        for (ArchiveMonths.Month m : ArchiveMonths.of(index, config.timeZone())) {
            ZonedDateTime last = null;
            for (int k = m.first(); k < m.first() + m.count(); k++) {
                ZonedDateTime t = index.article(k).lastModified();
                last = last == null || t.isAfter(last) ? t : last;
            }
            sitemap.url(base + urls.archiveMonth(m.month()), local(last));
        }
    }

    /** Lists the articles of the news sitemap's window; the index is newest first, so this stops at the first older one. */
    public void news(NewsSitemap news) {
        for (Article a : index.articles()) {
            if (!news.covers(a.date())) {
                break;
            }
            news.add(base + urls.article(a), Typeset.text(config, a, a.title()), local(a.date()), a.language());
        }
    }

    private ZonedDateTime lastModified(TermGroup g) {
        ZonedDateTime last = null;
        for (int i : g.articles()) {
            ZonedDateTime t = index.article(i).lastModified();
            if (last == null || t.isAfter(last)) {
                last = t;
            }
        }
        return last;
    }

    private ZonedDateTime local(ZonedDateTime t) {
        return t == null ? null : t.withZoneSameInstant(config.timeZone());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
