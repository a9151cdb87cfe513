package dev.gazette.config;

import dev.gazette.model.SlugRule;
import dev.gazette.model.Slugs;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * The validated site configuration.
 *
 * @param title         the site's name, shown in every page header
 * @param description   a one-line description of the site, may be empty
 * @param baseUrl       the absolute URL the site is published at, ending with {@code /}; or empty when
 *                      unknown (every link is relative anyway, so the site works from any folder)
 * @param language      the site's language (BCP 47 tag, e.g. {@code fr})
 * @param timeZone      the newsroom's time zone: dates without an offset are read in it, all dates shown in it
 * @param pageSize      articles per list page (tag, rubric, archive)
 * @param relatedCount  related articles shown in an article's "related" block
 * @param relatedPageSize related articles listed on an article's related page
 * @param homeLatest    articles in the home page's "latest" list
 * @param homePerRubric articles in each rubric section of the home page
 * @param permalinks    URL patterns of the generated pages
 * @param feedItems     entries in each feed (the site's, each rubric's, each tag's)
 * @param tagFeeds      whether each tag has its own feeds (the site and rubrics always do)
 * @param mostRead      the analytics export ranking the "most read" articles (CSV, path relative to
 *                      the configuration file's folder), or empty for none
 * @param mostReadCount articles in the "most read" block
 * @param logo          the publication's logo for structured data: a path in the published site (a
 *                      theme asset) or an absolute URL
 * @param twitterSite   the newsroom's X/Twitter account ({@code @gazette}), or empty
 * @param related       how related content is ranked
 * @param redirects     the site-wide redirects file (CSV or TSV of old address, new address; path
 *                      relative to the configuration file's folder), or empty for none
 * @param menu          the rubrics the menu lists first, in this order, with their labels; the rubrics
 *                      it does not name follow in alphabetical order. Empty: every rubric, alphabetically
 * @param socialImage   the image social networks show for pages without an image of their own (a theme
 *                      asset's path or an absolute URL), or empty for the logo
 * @param search        whether the site has a search page and a search box in every page's header
 *                      ({@code search: false} turns them off)
 * @param organizationAuthors the bylines that name the publication, not a person ("La Rédaction"):
 *                      structured data calls their author an Organization. Matched as tags are (by slug)
 * @param slugs         how titles, tags, rubrics and authors become slugs ({@code slugs: ascii}, the
 *                      default, or {@code unicode}: other scripts kept, links percent-encoded)
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        ZoneId timeZone,
        int pageSize,
        int relatedCount,
        int relatedPageSize,
        int homeLatest,
        int homePerRubric,
        Permalinks permalinks,
        int feedItems,
        boolean tagFeeds,
        String mostRead,
        int mostReadCount,
        String logo,
        String twitterSite,
        RelatedSettings related,
        String redirects,
        java.util.List<MenuEntry> menu,
        String socialImage,
        boolean search,
        java.util.List<String> organizationAuthors,
        SlugRule slugs) {

    /** Bylines that are the newsroom's own when {@code site.yml} names none (the site's title is one too). */
    public static final java.util.List<String> DEFAULT_ORGANIZATION_AUTHORS = java.util.List.of("La Rédaction", "Rédaction", "The Newsroom", "Staff");

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(permalinks, "permalinks");
        Objects.requireNonNull(related, "related");
        description = description == null ? "" : description;
        baseUrl = baseUrl == null ? "" : baseUrl;
        mostRead = mostRead == null ? "" : mostRead;
        logo = logo == null ? "" : logo;
        twitterSite = twitterSite == null ? "" : twitterSite;
        redirects = redirects == null ? "" : redirects;
        menu = menu == null ? java.util.List.of() : java.util.List.copyOf(menu);
        socialImage = socialImage == null ? "" : socialImage;
        organizationAuthors = organizationAuthors == null ? withTitle(title) : java.util.List.copyOf(organizationAuthors);
        slugs = slugs == null ? SlugRule.ASCII : slugs;
    }

    /** A configuration with ASCII slugs (the default rule). */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timeZone, int pageSize,
            int relatedCount, int relatedPageSize, int homeLatest, int homePerRubric, Permalinks permalinks, int feedItems,
            boolean tagFeeds, String mostRead, int mostReadCount, String logo, String twitterSite, RelatedSettings related,
            String redirects, java.util.List<MenuEntry> menu, String socialImage, boolean search, java.util.List<String> organizationAuthors) {
        this(title, description, baseUrl, language, timeZone, pageSize, relatedCount, relatedPageSize, homeLatest, homePerRubric,
                permalinks, feedItems, tagFeeds, mostRead, mostReadCount, logo, twitterSite, related, redirects, menu, socialImage, search,
                organizationAuthors, SlugRule.ASCII);
    }

    private static java.util.List<String> withTitle(String title) {
        java.util.List<String> names = new java.util.ArrayList<>(DEFAULT_ORGANIZATION_AUTHORS);
        names.add(title);
        return java.util.List.copyOf(names);
    }

    /** A configuration whose newsroom bylines are the defaults. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timeZone, int pageSize,
            int relatedCount, int relatedPageSize, int homeLatest, int homePerRubric, Permalinks permalinks, int feedItems,
            boolean tagFeeds, String mostRead, int mostReadCount, String logo, String twitterSite, RelatedSettings related,
            String redirects, java.util.List<MenuEntry> menu, String socialImage, boolean search) {
        this(title, description, baseUrl, language, timeZone, pageSize, relatedCount, relatedPageSize, homeLatest, homePerRubric,
                permalinks, feedItems, tagFeeds, mostRead, mostReadCount, logo, twitterSite, related, redirects, menu, socialImage, search, null);
    }

    /** Whether the byline {@code name} is the publication's own (compared as tags are: case and accents aside). */
    public boolean isOrganizationAuthor(String name) {
        String slug = Slugs.of(name, slugs);
        return organizationAuthors.stream().anyMatch(n -> Slugs.of(n, slugs).equals(slug));
    }

    /** A configuration with a search page. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timeZone, int pageSize,
            int relatedCount, int relatedPageSize, int homeLatest, int homePerRubric, Permalinks permalinks, int feedItems,
            boolean tagFeeds, String mostRead, int mostReadCount, String logo, String twitterSite, RelatedSettings related,
            String redirects, java.util.List<MenuEntry> menu, String socialImage) {
        this(title, description, baseUrl, language, timeZone, pageSize, relatedCount, relatedPageSize, homeLatest, homePerRubric,
                permalinks, feedItems, tagFeeds, mostRead, mostReadCount, logo, twitterSite, related, redirects, menu, socialImage, true, null);
    }

    /** A configuration without a redirects file, with the default menu and no social image of its own. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timeZone, int pageSize,
            int relatedCount, int relatedPageSize, int homeLatest, int homePerRubric, Permalinks permalinks, int feedItems,
            boolean tagFeeds, String mostRead, int mostReadCount, String logo, String twitterSite, RelatedSettings related) {
        this(title, description, baseUrl, language, timeZone, pageSize, relatedCount, relatedPageSize, homeLatest, homePerRubric,
                permalinks, feedItems, tagFeeds, mostRead, mostReadCount, logo, twitterSite, related, "");
    }

    /** A configuration with the default menu and no social image of its own. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timeZone, int pageSize,
            int relatedCount, int relatedPageSize, int homeLatest, int homePerRubric, Permalinks permalinks, int feedItems,
            boolean tagFeeds, String mostRead, int mostReadCount, String logo, String twitterSite, RelatedSettings related,
            String redirects) {
        this(title, description, baseUrl, language, timeZone, pageSize, relatedCount, relatedPageSize, homeLatest, homePerRubric,
                permalinks, feedItems, tagFeeds, mostRead, mostReadCount, logo, twitterSite, related, redirects, java.util.List.of(), "");
    }

    /** The logo the default theme ships. */
    public static final String DEFAULT_LOGO = "assets/logo.png";

    /** The configuration used when there is no {@code site.yml}. */
    public static SiteConfig defaults() {
        return new SiteConfig("Gazette", "", "", "fr", ZoneId.of("UTC"), 20, 5, 20, 12, 4, Permalinks.defaults(),
                50, true, "", 5, DEFAULT_LOGO, "", RelatedSettings.defaults());
    }

    /** The site's locale, for dates and collation. */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** This configuration with another base URL (normalised to end with {@code /}). */
    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, ConfigLoader.normaliseBaseUrl(url), language, timeZone, pageSize,
                relatedCount, relatedPageSize, homeLatest, homePerRubric, permalinks, feedItems, tagFeeds, mostRead, mostReadCount,
                logo, twitterSite, related, redirects, menu, socialImage, search, organizationAuthors, slugs);
    }

    /** This configuration with another slug rule. */
    public SiteConfig withSlugs(SlugRule rule) {
        return new SiteConfig(title, description, baseUrl, language, timeZone, pageSize, relatedCount, relatedPageSize, homeLatest,
                homePerRubric, permalinks, feedItems, tagFeeds, mostRead, mostReadCount, logo, twitterSite, related, redirects, menu,
                socialImage, search, organizationAuthors, rule);
    }
}
