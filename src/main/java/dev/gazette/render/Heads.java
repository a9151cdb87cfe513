package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Article;
import dev.gazette.model.Term;
import dev.gazette.images.ImageInfo;
import dev.gazette.web.JsonLd;
import dev.gazette.web.NewsArticleFacts;
import java.util.ArrayList;
import java.util.List;

/** Builds each page's {@link HeadView}: sharing cards, feeds, pagination links and structured data. */
final class Heads {

    private final SiteConfig config;
    private final SiteIndex index;
    private final SiteUrls urls;
    private final DateLabels dates;
    private final WebExtras extras;
    private final ArticleImages images;
    private final List<FeedLinkView> siteFeeds;
    private final ImageInfo logo;
    /** What social networks show for a page without an image: the site's social image, else the logo. */
    private final ImageInfo card;

    Heads(SiteConfig config, SiteIndex index, SiteUrls urls, DateLabels dates, WebExtras extras, ArticleImages images) {
        this.config = config;
        this.index = index;
        this.urls = urls;
        this.dates = dates;
        this.extras = extras;
        this.images = images;
        this.siteFeeds = feedsOf(urls.home(), config.title());
        this.logo = extras.logo() == null ? null : absolute(extras.logo());
        ImageInfo social = extras.socialImage() == null ? null : absolute(extras.socialImage());
        this.card = social != null ? social : logo;
    }

    /** The head of a page that is not an article: the site's feeds plus {@code ownFeeds}, its pagination. */
    HeadView page(PageView page, String ownFeedsOf, String ownFeedsTitle, PagerView pager, String robots) {
        List<FeedLinkView> feeds = new ArrayList<>(siteFeeds);
        if (ownFeedsOf != null) {
            feeds.addAll(feedsOf(ownFeedsOf, config.title() + " – " + ownFeedsTitle));
        }
        String title = page.kind().equals("home") ? config.title() : page.title();
        String description = page.description().isEmpty() ? config.description() : page.description();
        return new HeadView("website", title, description, page.canonical(), card, config.title(), null, null, null, List.of(),
                card != null && card != logo ? "summary_large_image" : "summary", config.twitterSite(), feeds, pager == null ? null : pager.previous(), pager == null ? null : pager.next(),
                robots, List.of());
    }

    /** The head of an article's page: Open Graph {@code article:*}, the card, NewsArticle and BreadcrumbList. */
    HeadView article(int position, PageView page) {
        Article a = index.article(position);
        ImageInfo image = images.of(a);
        ImageInfo shared = image == null ? null : absolute(image);
        Term rubric = a.rubric() == null ? null : index.canonicalRubric(a.rubric());
        List<String> tags = a.tags().stream().map(t -> index.canonicalTag(t).name()).toList();
        List<FeedLinkView> feeds = new ArrayList<>(siteFeeds);
        if (rubric != null) {
            feeds.addAll(feedsOf(urls.rubric(rubric), config.title() + " – " + rubric.name()));
        }
        // The page's title and description are the article's, typeset (see SitePlanner): not typeset again.
        String title = page.title();
        String lead = page.description();
        List<String> jsonLd = List.of();
        if (!config.baseUrl().isEmpty()) {
            String url = config.baseUrl() + urls.article(a);
            List<NewsArticleFacts.Author> authors = a.authorTerms(index.slugRule()).stream().map(t -> new NewsArticleFacts.Author(index.canonicalAuthor(t).name(),
                    config.baseUrl() + urls.author(t), config.isOrganizationAuthor(t.name()))).toList();
            List<JsonLd.Crumb> trail = new ArrayList<>(3);
            trail.add(new JsonLd.Crumb(config.title(), config.baseUrl()));
            if (rubric != null) {
                trail.add(new JsonLd.Crumb(rubric.name(), config.baseUrl() + urls.rubric(rubric)));
            }
            trail.add(new JsonLd.Crumb(title, url));
            // Written out only if the page is rendered: see JsonLdBlocks.
            jsonLd = new JsonLdBlocks(new NewsArticleFacts(url, title, lead, a.date().withZoneSameInstant(config.timeZone()),
                    a.lastModified().withZoneSameInstant(config.timeZone()), authors, shared, rubric == null ? null : rubric.name(),
                    tags, a.language() == null ? config.language() : a.language(), config.title(), config.baseUrl(), logo), trail);
        }
        // og:title and the description are the page's h1 and lead, typeset as they are (see Typeset).
        String alt = Typeset.text(config, a, a.caption().isEmpty() ? a.title() : a.caption());
        return new HeadView("article", title, a.lead().isEmpty() ? config.description() : lead, page.canonical(),
                shared == null ? card : shared, shared == null ? config.title() : alt, dates.iso(a.date()), dates.iso(a.lastModified()),
                rubric == null ? null : rubric.name(), tags, shared != null || (card != null && card != logo) ? "summary_large_image" : "summary",
                config.twitterSite(),
                feeds, null, null, null, jsonLd);
    }

    private List<FeedLinkView> feedsOf(String pageUrl, String title) {
        if (!extras.feeds()) {
            return List.of();
        }
        return List.of(new FeedLinkView(title + " (RSS)", config.baseUrl() + FeedPaths.rss(pageUrl), FeedPaths.RSS_TYPE),
                new FeedLinkView(title + " (Atom)", config.baseUrl() + FeedPaths.atom(pageUrl), FeedPaths.ATOM_TYPE));
    }

    /** {@code image} with an absolute URL, or {@code null} when the site has no base URL to make one. */
    private ImageInfo absolute(ImageInfo image) {
        if (image.url().startsWith("http://") || image.url().startsWith("https://")) {
            return image;
        }
        return config.baseUrl().isEmpty() ? null : image.absolute(config.baseUrl());
    }
}
