package dev.gazette.render;

import dev.gazette.cache.Fingerprint;
import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.index.TermGroup;
import dev.gazette.model.Article;
import dev.gazette.model.ArticleId;
import dev.gazette.model.RelatedLists;
import dev.gazette.model.Term;
import dev.gazette.text.ContentHash;
import dev.gazette.images.ImageInfo;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Decides which pages a site has and what each one shows: one page per article and per article's
 * related list, paginated tag, rubric, author and archive pages, the tag, rubric and author indexes, the home page
 * and the 404 page. It only reads the index; views are built lazily, page by page.
 */
public final class SitePlanner {

    /** The templates a site needs. */
    public static final List<String> TEMPLATES = List.of("article.ftlh", "related.ftlh", "list.ftlh", "terms.ftlh",
            "home.ftlh", "404.ftlh", "redirect.ftlh", "search.ftlh");

    private final SiteConfig config;
    private final Instant now;
    private final SiteIndex index;
    private final RelatedLists related;
    private final SiteUrls urls;
    private final DateLabels dates;
    private final SiteView site;
    private final TeaserView[] teasers;
    /** Each article's body as pages show it (typeset when French), made when first asked for. */
    /** With their article counts: for the indexes and the home's sections, which show them. */
    private final Map<String, LinkView> rubricLinks = new HashMap<>();
    private final Map<String, LinkView> tagLinks = new HashMap<>();
    /**
     * Without counts (0): for the menu, teasers and article tags, which show only name and link.
     * A count there would make every page's data change at each publish, so no page could be
     * kept from the previous build.
     */
    private final Map<String, LinkView> rubricNames = new HashMap<>();
    private final Map<String, LinkView> tagNames = new HashMap<>();
    private final Map<String, LinkView> authorLinks = new HashMap<>();
    private final Map<String, LinkView> authorNames = new HashMap<>();
    private final Map<String, String> imageUrls;
    private final WebExtras extras;
    private final ArticleImages images;
    private final Heads heads;
    private final List<TeaserView> mostRead;
    /**
     * Per article, the hash of what it brings to every page that shows it ({@link #articleInputs}),
     * made when first asked for; {@link #NO_INPUTS} when it cannot be told.
     */
    private final Object[] articleInputs;
    private static final Object NO_INPUTS = new Object();
    /**
     * The hash of what an article's or a list's page shows besides its articles: the whole
     * configuration, the site's view (its menu, the build's year), the most read, the logo and
     * sharing image, whether feeds are published; {@code null} when it cannot be told.
     */
    private final String siteInputs;

    /** An article's inputs hash, as its two halves. */
    private record Inputs(long high, long low) {
    }
    /** The menu's rubrics, then the others with the most articles first: the order of the home page's sections. */
    private final List<TermGroup> rubricsByWeight;

    /**
     * @param related   each article's related articles, best first
     * @param imageUrls published URL (relative to the site's root) of each local image, by the
     *                  article source's image reference ({@code source|image})
     * @param year      the year of the build's reference time
     */
    public SitePlanner(SiteConfig config, SiteIndex index, RelatedLists related, Map<String, String> imageUrls, Instant now) {
        this(config, index, related, imageUrls, now, WebExtras.NONE);
    }

    /**
     * @param now    the build's reference time: the footer's year, and which articles are still to come
     * @param extras image sizes, the "most read" ranking, the logo, and whether feeds are published
     */
    public SitePlanner(SiteConfig config, SiteIndex index, RelatedLists related, Map<String, String> imageUrls, Instant now,
                       WebExtras extras) {
        this.config = config;
        this.now = now;
        int year = ZonedDateTime.ofInstant(now, config.timeZone()).getYear();
        this.extras = extras;
        this.images = new ArticleImages(imageUrls, extras.images());
        this.index = index;
        this.related = related;
        this.imageUrls = imageUrls;
        this.urls = new SiteUrls(config.permalinks());
        this.dates = new DateLabels(config.locale(), config.timeZone());
        this.heads = new Heads(config, index, urls, dates, extras, images);
        for (TermGroup g : index.rubrics()) {
            rubricLinks.put(g.term().slug(), new LinkView(g.term().name(), urls.rubric(g.term()), g.size()));
            rubricNames.put(g.term().slug(), new LinkView(g.term().name(), urls.rubric(g.term()), 0));
        }
        for (TermGroup g : index.tags()) {
            tagLinks.put(g.term().slug(), new LinkView(g.term().name(), urls.tag(g.term()), g.size()));
            tagNames.put(g.term().slug(), new LinkView(g.term().name(), urls.tag(g.term()), 0));
        }
        for (TermGroup g : index.authors()) {
            authorLinks.put(g.term().slug(), new LinkView(g.term().name(), urls.author(g.term()), g.size()));
            authorNames.put(g.term().slug(), new LinkView(g.term().name(), urls.author(g.term()), 0));
        }
        List<TermGroup> byWeight = index.rubrics().stream()
                .sorted(Comparator.comparingInt(TermGroup::size).reversed().thenComparing(g -> g.term().slug()))
                .toList();
        // The menu lists the rubrics site.yml's `menu:` names, in its order and with its labels, then
        // the others in alphabetical order (by slug, so accents sort as readers expect: Économie
        // before Monde), so that a new rubric is never missing from it. Not by article count: a menu
        // that moves as articles are published confuses readers, and would change every page of the
        // site at each publish. The home page's sections follow the menu's rubrics first too, then
        // the others with the most articles first.
        List<TermGroup> menuGroups = new ArrayList<>();
        List<LinkView> nav = new ArrayList<>();
        for (dev.gazette.config.MenuEntry e : config.menu()) {
            TermGroup g = rubricGroup(index, e.rubric());
            if (g != null && !menuGroups.contains(g)) {
                menuGroups.add(g);
                LinkView link = rubricNames.get(g.term().slug());
                nav.add(e.label().isEmpty() ? link : new LinkView(e.label(), link.url(), 0));
            }
        }
        index.rubrics().stream().filter(g -> !menuGroups.contains(g)).sorted(Comparator.comparing(g -> g.term().slug()))
                .forEach(g -> nav.add(rubricNames.get(g.term().slug())));
        List<TermGroup> sectionOrder = new ArrayList<>(menuGroups);
        byWeight.stream().filter(g -> !menuGroups.contains(g)).forEach(sectionOrder::add);
        this.rubricsByWeight = List.copyOf(sectionOrder);
        this.site = new SiteView(config.title(), config.description(), config.language(), config.baseUrl(), nav,
                urls.tagIndex(), urls.rubricIndex(), urls.archive(), urls.authorIndex(), year, config.search() ? SearchPage.url(config.language()) : "");
        // Made when first asked for: a preview's quick page needs a handful of an archive's teasers.
        this.teasers = new TeaserView[index.size()];
        this.mostRead = extras.mostRead().stream().map(this::teaserOf).toList();
        this.articleInputs = new Object[index.size()];
        // The configuration as its record writes itself out: every setting, nested ones included. A
        // part that wrote an identity instead would only change the key at every build (pages
        // rendered again, never one kept wrongly).
        this.siteInputs = Fingerprint.of("site inputs", Arrays.asList(config.toString(), site, mostRead, extras.logo(),
                extras.socialImage(), extras.feeds())).orElse(null);
    }

    /** The rubric of the site a menu entry names (by slug, as articles' rubrics are matched), or {@code null}. */
    public static TermGroup rubricGroup(SiteIndex index, String name) {
        String slug = dev.gazette.model.Slugs.of(name, index.slugRule());
        for (TermGroup g : index.rubrics()) {
            if (g.term().slug().equals(slug)) {
                return g;
            }
        }
        return null;
    }

    /**
     * The position in the index of the home page's lead story: the newest featured article (front
     * matter {@code featured}); among featured articles of the same day (in the site's time zone),
     * the one of highest weight, then the later. Without a featured article, the newest article.
     * Positions are newest first, so the first featured article met on a day is the latest of it.
     */
    int leadPosition() {
        int best = -1;
        for (int i = 0; i < index.size(); i++) {
            Article a = index.article(i);
            if (a.featured() == 0) {
                continue;
            }
            if (best < 0) {
                best = i;
                continue;
            }
            Article b = index.article(best);
            if (!a.date().withZoneSameInstant(config.timeZone()).toLocalDate().equals(b.date().withZoneSameInstant(config.timeZone()).toLocalDate())) {
                break;
            }
            if (a.featured() > b.featured()) {
                best = i;
            }
        }
        return best < 0 ? 0 : best;
    }

    /** The teaser of a published article, by id. */
    private TeaserView teaserOf(ArticleId id) {
        return teaserAt(positionOf(id));
    }

    /** The position of a published article, by id. */
    private int positionOf(ArticleId id) {
        return index.positionOf(id).orElseThrow(() -> new IllegalArgumentException("not a published article: " + id));
    }

    /**
     * The teaser of the article at {@code i}, made once. Pages rendered in parallel may both make
     * it: they get equal records, and the array keeps one.
     */
    private TeaserView teaserAt(int i) {
        TeaserView t = teasers[i];
        if (t == null) {
            t = teaser(index.article(i));
            teasers[i] = t;
        }
        return t;
    }

    public SiteUrls urls() {
        return urls;
    }

    /** Every page of the site, in a stable order. */
    public List<PageJob> plan() {
        List<PageJob> jobs = new ArrayList<>(index.size() * 2 + index.tags().size() + 64);
        jobs.add(home());
        for (int i = 0; i < index.size(); i++) {
            jobs.add(articlePage(i));
            jobs.add(relatedPage(i));
        }
        for (TermGroup g : index.tags()) {
            list(jobs, PageKind.TAG, urls.tag(g.term()), "#" + g.term().name(), "", g.articles()::get, g.size(), "tag " + g.term().name());
        }
        for (TermGroup g : index.authors()) {
            list(jobs, PageKind.AUTHOR, urls.author(g.term()), g.term().name(), "", g.articles()::get, g.size(), "author " + g.term().name());
        }
        for (TermGroup g : index.rubrics()) {
            list(jobs, PageKind.RUBRIC, urls.rubric(g.term()), g.term().name(), "", g.articles()::get, g.size(), "rubric " + g.term().name());
        }
        List<LinkView> months = new ArrayList<>();
        for (ArchiveMonths.Month m : ArchiveMonths.of(index, config.timeZone())) {
            String name = dates.month(m.month());
            String url = urls.archiveMonth(m.month());
            months.add(new LinkView(name, url, m.count()));
            list(jobs, PageKind.ARCHIVE, url, monthHeading(name), "", k -> m.first() + k, m.count(), "the archive of " + m.month());
        }
        jobs.add(terms(PageKind.ARCHIVE_INDEX, urls.archive(), heading("archive"), months));
        jobs.add(terms(PageKind.TAG_INDEX, urls.tagIndex(), heading("tags"), index.tags().stream().map(g -> tagLinks.get(g.term().slug())).toList()));
        jobs.add(terms(PageKind.RUBRIC_INDEX, urls.rubricIndex(), heading("rubrics"), index.rubrics().stream().map(g -> rubricLinks.get(g.term().slug())).toList()));
        jobs.add(terms(PageKind.AUTHOR_INDEX, urls.authorIndex(), heading("authors"), index.authors().stream().map(g -> authorLinks.get(g.term().slug())).toList()));
        if (config.search()) {
            jobs.add(SearchPage.job(config, index, this::base));
        }
        jobs.add(notFound());
        return jobs;
    }

    private PageJob home() {
        String url = urls.home();
        return new PageJob(url, PageKind.HOME, "the home page", () -> {
            Map<String, Object> m = base(new PageView("home", config.title(), config.description(), url, "", canonical(url)));
            m.put("head", heads.page((PageView) m.get("page"), null, null, null, null));
            List<TeaserView> latest = new ArrayList<>();
            if (index.size() > 0) {
                int lead = leadPosition();
                latest.add(teaserAt(lead));
                for (int i = 0; i < index.size() && latest.size() < config.homeLatest(); i++) {
                    if (i != lead) {
                        latest.add(teaserAt(i));
                    }
                }
            }
            List<SectionView> sections = new ArrayList<>();
            for (TermGroup g : rubricsByWeight) {
                List<TeaserView> items = g.articles().stream().limit(config.homePerRubric()).map(i -> teaserAt(i)).toList();
                sections.add(new SectionView(rubricLinks.get(g.term().slug()), items));
            }
            m.put("latest", latest);
            m.put("sections", sections);
            return m;
        });
    }

    /** The page of one published article, by id; empty when it is not published. */
    public java.util.Optional<PageJob> articleJob(ArticleId id) {
        return index.positionOf(id).map(this::articlePage);
    }

    private PageJob articlePage(int i) {
        Article a = index.article(i);
        // The teaser's address, without making the teaser: planning made every article's teaser
        // (typesetting its title and lead) on one thread, though most pages are then kept.
        String url = urls.article(a);
        return new PageJob(url, PageKind.ARTICLE, a.source(), () -> {
            // The teaser holds the title and lead typeset already: typesetting is a good share of a page's model.
            TeaserView t = teaserAt(i);
            Map<String, Object> m = base(new PageView("article", t.title(), t.lead(), url,
                    SiteUrls.rootFrom(url), canonical(url)));
            m.put("head", heads.article(i, (PageView) m.get("page")));
            m.put("article", articleView(i, config.relatedCount()));
            return m;
        }, () -> pageInputs(PageKind.ARTICLE, url, List.of(), withRelated(i, config.relatedCount())));
    }

    private PageJob relatedPage(int i) {
        Article a = index.article(i);
        String url = urls.related(a);
        return new PageJob(url, PageKind.RELATED, a.source() + " (related page)", () -> {
            TeaserView t = teaserAt(i);
            Map<String, Object> m = base(new PageView("related", t.title(), t.lead(), url,
                    SiteUrls.rootFrom(url), canonical(url)));
            // Only links found on other pages: worth following, not worth a place in search results.
            m.put("head", heads.page((PageView) m.get("page"), null, null, null, "noindex, follow"));
            m.put("article", articleView(i, config.relatedPageSize()));
            return m;
        }, () -> pageInputs(PageKind.RELATED, url, List.of(), withRelated(i, config.relatedPageSize())));
    }

    private void list(List<PageJob> jobs, PageKind kind, String first, String heading, String intro, IntFunction<Integer> member,
                      int count, String owner) {
        int size = config.pageSize();
        int pages = listPages(count, size);
        for (int p = 1; p <= pages; p++) {
            int page = p;
            int from = pageStart(page, count, size);
            int to = pageStart(page + 1, count, size);
            String url = SiteUrls.paged(first, page);
            jobs.add(new PageJob(url, kind, owner, () -> {
                Map<String, Object> m = base(new PageView(kind.label(), heading, intro, url, SiteUrls.rootFrom(url), canonical(url)));
                List<TeaserView> items = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    items.add(teaserAt(member.apply(k)));
                }
                m.put("heading", heading);
                m.put("intro", intro);
                m.put("articles", items);
                PagerView pager = PagerView.of(page, pages, q -> SiteUrls.paged(first, q));
                m.put("pager", pager);
                boolean ownFeeds = kind == PageKind.RUBRIC || kind == PageKind.AUTHOR || (kind == PageKind.TAG && config.tagFeeds());
                m.put("head", heads.page((PageView) m.get("page"), ownFeeds ? first : null, heading, pager, null));
                return m;
            }, () -> {
                int[] members = new int[to - from];
                for (int k = 0; k < members.length; k++) {
                    members[k] = member.apply(from + k);
                }
                return pageInputs(kind, url, Arrays.asList(heading, intro, first, page, pages), members);
            }));
        }
    }

    /**
     * How many pages a list of {@code count} articles (newest first) has, {@code size} a page:
     * every page but the first holds exactly {@code size}, counted from the oldest article, and the
     * first page holds the rest ({@code size} to {@code 2 size - 1}; all of a list shorter than two
     * pages). A new article then changes the first page only: the others hold the same articles
     * under the same numbers until the first page has {@code 2 size} and a page is added (then
     * every page's number moves by one, once every {@code size} articles). With pages counted
     * from the newest, as before, every page of the list moved at each publish: at 10,000
     * articles, 600 of a publish's 620 pages were the lists of its byline, rubric and tags.
     */
    static int listPages(int count, int size) {
        return Math.max(1, count / size);
    }

    /** The position in its list of page {@code page}'s first article ({@link #listPages}); {@code count} past the last page. */
    static int pageStart(int page, int count, int size) {
        int pages = listPages(count, size);
        if (page > pages) {
            return count;
        }
        return page == 1 ? 0 : count - (pages - page + 1) * size;
    }

    private PageJob terms(PageKind kind, String url, String heading, List<LinkView> terms) {
        return new PageJob(url, kind, "the " + kind.label() + " index", () -> {
            Map<String, Object> m = base(new PageView(kind.label(), heading, "", url, SiteUrls.rootFrom(url), canonical(url)));
            m.put("heading", heading);
            m.put("terms", terms);
            return m;
        });
    }

    /**
     * The pages at the old addresses of {@code plan}: each sends the reader on to the new one. Their
     * model is the target and the site's name and language only, so a redirect page is rendered
     * again only when where it leads changes.
     */
    public List<PageJob> redirectJobs(Redirects.Plan plan) {
        List<PageJob> jobs = new ArrayList<>(plan.redirects().size());
        for (Redirects.Redirect r : plan.redirects()) {
            String from = r.from();
            String root = SiteUrls.rootFrom(from);
            String href = r.internal() ? (root + r.to()).isEmpty() ? "./" : root + r.to() : r.to();
            String target = r.internal() ? canonical(r.to()) : r.to();
            // Shown to readers: the address as a browser shows it, escapes decoded.
            String title = r.title().isEmpty() ? (r.internal() ? "/" + dev.gazette.text.UrlPaths.decode(r.to()) : r.to()) : r.title();
            jobs.add(new PageJob(from, PageKind.REDIRECT, r.owner(), () -> {
                Map<String, Object> m = new HashMap<>();
                m.put("site", site);
                m.put("page", new PageView("redirect", title, "", from, root, target.isEmpty() ? href : target));
                m.put("redirect", new LinkView(title, href, 0));
                return m;
            }));
        }
        return jobs;
    }

    private PageJob notFound() {
        String url = "404.html";
        return new PageJob(url, PageKind.NOT_FOUND, "the 404 page", () -> {
            // Served at whatever URL was missing: relative links would break, so use the site's path.
            String root = config.baseUrl().isEmpty() ? "/" : URI.create(config.baseUrl()).getRawPath();
            return base(new PageView("404", "404", "", url, root.isEmpty() ? "/" : root, ""));
        });
    }

    /** The article at {@code i}, then the first {@code limit} of its related articles: the articles its pages show. */
    private int[] withRelated(int i, int limit) {
        List<ArticleId> rel = related.of(index.id(i));
        int n = (int) Math.min(limit, rel.size());
        int[] out = new int[n + 1];
        out[0] = i;
        for (int k = 0; k < n; k++) {
            out[k + 1] = positionOf(rel.get(k));
        }
        return out;
    }

    /**
     * The key of a page's data ({@link PageJob#inputs()}): what every such page shows
     * ({@link #siteInputs}), the page's kind, address and own values, and the inputs of the articles
     * it shows, in the order it shows them; {@code null} when one of them cannot be told.
     * Everything the page's data is built from must be in it: this page is kept from the last
     * build, not built again, when its key is the same.
     */
    private String pageInputs(PageKind kind, String url, List<Object> own, int[] articles) {
        if (siteInputs == null) {
            return null;
        }
        List<Object> parts = new ArrayList<>(3 + own.size() + 2 * articles.length);
        parts.add(siteInputs);
        parts.add(kind);
        parts.add(url);
        parts.addAll(own);
        for (int p : articles) {
            Inputs in = articleInputs(p);
            if (in == null) {
                return null;
            }
            parts.add(in.high());
            parts.add(in.low());
        }
        return Fingerprint.of("page inputs", parts).orElse(null);
    }

    /**
     * What the article at {@code i} brings to any page that shows it, hashed once per build: all
     * its fields as published (its body by the hash of its bytes), its image's size and copies,
     * whether it is a draft or still to come, and its rubric's, tags' and authors' names as the
     * whole site spells them (another article can change those). Its teaser, its page's head and
     * body are made of these and of the configuration only; {@code null} when it cannot be told.
     */
    private Inputs articleInputs(int i) {
        Object known = articleInputs[i];
        if (known == null) {
            Article a = index.article(i);
            List<Term> authors = a.authorTerms(index.slugRule());
            List<Object> parts = Arrays.asList(a, images.of(a), status(a),
                    a.rubric() == null ? null : rubricNames.get(a.rubric().slug()),
                    a.rubric() == null ? null : index.canonicalRubric(a.rubric()),
                    a.tags().stream().map(t -> tagNames.get(t.slug())).toList(),
                    a.tags().stream().map(index::canonicalTag).toList(),
                    authors,
                    authors.stream().map(t -> authorNames.get(t.slug())).toList(),
                    authors.stream().map(index::canonicalAuthor).toList());
            known = Fingerprint.of("article inputs", parts).<Object>map(h -> new Inputs(ContentHash.high(h), ContentHash.low(h)))
                    .orElse(NO_INPUTS);
            // Two threads may both make it: they make equal ones, and the array keeps one.
            articleInputs[i] = known;
        }
        return known instanceof Inputs in ? in : null;
    }

    /** How a teaser marks an article not yet for readers: a draft, one still to come, or {@code null}. */
    private String status(Article a) {
        return a.draft() ? "draft" : a.date().toInstant().isAfter(now) ? "scheduled" : null;
    }

    private Map<String, Object> base(PageView page) {
        Map<String, Object> m = new HashMap<>();
        m.put("site", site);
        m.put("page", page);
        m.put("head", heads.page(page, null, null, null, null));
        m.put("mostRead", mostRead);
        return m;
    }

    private String canonical(String url) {
        return config.baseUrl().isEmpty() ? "" : config.baseUrl() + url;
    }

    private ArticleView articleView(int i, int relatedLimit) {
        Article a = index.article(i);
        List<LinkView> tags = a.tags().stream().map(t -> tagNames.get(t.slug())).toList();
        // The articles its inputs key names (withRelated), in the same order: the two must agree.
        int[] shown = withRelated(i, relatedLimit);
        List<TeaserView> rel = Arrays.stream(shown, 1, shown.length).mapToObj(this::teaserAt).toList();
        return new ArticleView(teaserAt(i), a.updated() == null ? null : dates.iso(a.updated()),
                a.updated() == null ? null : dates.dateline(a.updated()), a.authors(),
                a.authorTerms(index.slugRule()).stream().map(t -> authorNames.get(t.slug())).toList(), bodyAt(i),
                Typeset.text(config, a, a.caption()), tags, rel,
                urls.related(a));
    }

    /** The body of the article at {@code i} as its pages show it (typeset when printed). */
    private BodyHtml bodyAt(int i) {
        Article a = index.article(i);
        return new BodyHtml(a.body(), Typeset.french(config, a));
    }

    private TeaserView teaser(Article a) {
        LinkView rubric = a.rubric() == null ? null : rubricNames.get(a.rubric().slug());
        ImageInfo info = images.of(a);
        String image = info == null ? null : info.url();
        String alt = Typeset.text(config, a, a.caption().isEmpty() ? a.title() : a.caption());
        String language = a.language() == null || sameLanguage(a.language(), config.language()) ? null : a.language();
        return new TeaserView(urls.article(a), Typeset.text(config, a, a.title()), Typeset.text(config, a, a.lead()), rubric, dates.iso(a.date()), dates.day(a.date()),
                dates.dateline(a.date(), a.dateOnly()), image, alt, language, info == null ? 0 : info.width(), info == null ? 0 : info.height(),
                info == null ? List.of() : info.renditions(), status(a));
    }

    private static boolean sameLanguage(String a, String b) {
        return a.equalsIgnoreCase(b) || a.regionMatches(true, 0, b, 0, 2) && (a.length() == 2 || b.length() == 2);
    }

    /** Headings of the pages that have no name of their own, in the site's language. */
    /** "Archives : septembre 2025" (a no-break space before the colon in French), "Archive: September 2025". */
    private String monthHeading(String month) {
        return config.locale().getLanguage().equals("en") ? "Archive: " + month : heading("archive") + "\u00A0: " + month;
    }

    private String heading(String kind) {
        boolean french = !config.locale().getLanguage().equals("en");
        return switch (kind) {
            case "archive" -> french ? "Archives" : "Archive";
            case "tags" -> french ? "Tous les tags" : "All tags";
            case "rubrics" -> french ? "Rubriques" : "Sections";
            case "authors" -> french ? "Auteurs" : "Authors";
            default -> kind;
        };
    }
}
