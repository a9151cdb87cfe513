package dev.gazette.index;

import dev.gazette.model.Article;
import dev.gazette.model.Body;
import dev.gazette.model.ArticleId;
import dev.gazette.model.Problem;
import dev.gazette.model.SlugRule;
import dev.gazette.model.Slugs;
import dev.gazette.model.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The published articles, newest first, with their tags, rubrics and editor-chosen related
 * articles resolved. Articles are referred to by their position in {@link #articles()}.
 */
public final class SiteIndex {

    /**
     * Newest first; ties broken by slug so the order never depends on the file system. Compares
     * instants: {@code ZonedDateTime}'s own order also compares local times and zone names, so one
     * instant written in two zones would not tie.
     */
    public static final Comparator<Article> NEWEST_FIRST =
            Comparator.comparing((Article a) -> a.date().toInstant()).reversed().thenComparing(Article::slug);

    private final List<Article> articles;
    private final Map<String, Integer> bySlug;
    private final List<TermGroup> tags;
    private final List<TermGroup> rubrics;
    private final List<TermGroup> authors;
    private final List<List<Integer>> pins;
    private final Map<String, Integer> bySource;
    /** Each article's id, made once: every related list holds a score of them, and an id per entry added up. */
    private final ArticleId[] ids;
    private final SlugRule slugRule;

    private SiteIndex(List<Article> articles, Map<String, Integer> bySlug, List<TermGroup> tags,
                      List<TermGroup> rubrics, List<TermGroup> authors, List<List<Integer>> pins, SlugRule slugRule) {
        this.slugRule = slugRule;
        this.bySource = new HashMap<>(articles.size() * 2);
        this.ids = new ArticleId[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            bySource.put(articles.get(i).source(), i);
            ids[i] = ArticleId.of(articles.get(i));
        }
        this.articles = articles;
        this.bySlug = bySlug;
        this.tags = tags;
        this.rubrics = rubrics;
        this.authors = authors;
        this.pins = pins;
    }

    /**
     * The same index with the bodies of some articles replaced, by source: positions, slugs, tags
     * and rubrics are unchanged, since a body plays no part in them.
     */
    public SiteIndex withBodies(Map<String, Body> bodies) {
        if (bodies.isEmpty()) {
            return this;
        }
        List<Article> replaced = new ArrayList<>(articles.size());
        for (Article a : articles) {
            Body body = bodies.get(a.source());
            replaced.add(body == null ? a : a.withBody(body));
        }
        return new SiteIndex(List.copyOf(replaced), bySlug, tags, rubrics, authors, pins, slugRule);
    }

    /**
     * The same index with the article at {@code position} replaced by {@code article}, which must
     * keep what places it (source, slug, date, rubric, tags, authors, pins); empty when it does not, and the
     * index must be built again.
     */
    public java.util.Optional<SiteIndex> withArticle(int position, Article article) {
        Article old = articles.get(position);
        if (!old.source().equals(article.source()) || !old.slug().equals(article.slug()) || !old.date().equals(article.date())
                || !java.util.Objects.equals(old.rubric(), article.rubric()) || !old.tags().equals(article.tags())
                || !old.authors().equals(article.authors())
                || !old.pinnedSlugs().equals(article.pinnedSlugs()) || !old.relatedTitles().equals(article.relatedTitles())) {
            return java.util.Optional.empty();
        }
        List<Article> replaced = new ArrayList<>(articles);
        replaced.set(position, article);
        return java.util.Optional.of(new SiteIndex(List.copyOf(replaced), bySlug, tags, rubrics, authors, pins, slugRule));
    }

    /** The index, or the problems that make the set of articles ambiguous. */
    public record Result(SiteIndex index, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Indexes the articles to publish. Two articles with one slug are an error (their pages would
     * overwrite each other); pins to unknown slugs are warnings.
     */
    public static Result build(List<Article> published) {
        return build(published, SlugRule.ASCII);
    }

    /**
     * Indexes the articles of a site whose slugs follow {@code slugRule} (the rule authors' names
     * are keyed by, as the readers keyed tags and rubrics).
     */
    public static Result build(List<Article> published, SlugRule slugRule) {
        List<Problem> problems = new ArrayList<>();
        List<Article> sorted = keepTitleSlugsApart(published);
        sorted.sort(NEWEST_FIRST);

        Map<String, Integer> bySlug = new HashMap<>(sorted.size() * 2);
        Map<String, Article> firstBySlug = new HashMap<>();
        List<Article> kept = new ArrayList<>(sorted.size());
        // Report duplicates in source order, so the message names the same "first" file every time.
        List<Article> bySource = new ArrayList<>(sorted);
        bySource.sort(Comparator.comparing(Article::source));
        Set<String> duplicated = new LinkedHashSet<>();
        for (Article a : bySource) {
            Article first = firstBySlug.putIfAbsent(a.slug(), a);
            if (first != null) {
                duplicated.add(a.slug());
                problems.add(Problem.error(a.source(), 0, "slug", "the slug `" + a.slug() + "` is also used by `" + first.source()
                        + "`; both would be published at the same URL.", "give one of them another `slug:` (or another title)."));
            }
        }
        for (Article a : sorted) {
            if (!duplicated.contains(a.slug()) || firstBySlug.get(a.slug()) == a) {
                bySlug.put(a.slug(), kept.size());
                kept.add(a);
            }
        }

        List<TermGroup> tags = group(kept, Article::tags);
        List<TermGroup> rubrics = group(kept, a -> a.rubric() == null ? List.of() : List.of(a.rubric()));
        List<TermGroup> authors = group(kept, a -> a.authorTerms(slugRule));
        List<List<Integer>> pins = resolvePins(kept, bySlug, problems);
        return new Result(new SiteIndex(List.copyOf(kept), Map.copyOf(bySlug), tags, rubrics, authors, pins, slugRule), problems);
    }

    /**
     * Leaving stop words out can give two titles one slug ("Le Maroc et la Russie", "Maroc-Russie")
     * where the old rule gave two: a site that built before must still build, with the same URLs.
     * Of the articles sharing a slug, one whose slug the editor chose (or the old rule gave too)
     * keeps it, else the oldest; the others whose slug comes from their title keep their old slug
     * ({@link Article#withLegacySlug()}), so their published URLs stay. What remains shared is
     * reported as a duplicate.
     */
    static List<Article> keepTitleSlugsApart(List<Article> published) {
        Map<String, List<Article>> bySlug = new HashMap<>(published.size() * 2);
        for (Article a : published) {
            bySlug.computeIfAbsent(a.slug(), k -> new ArrayList<>(1)).add(a);
        }
        if (bySlug.size() == published.size()) {
            return new ArrayList<>(published);
        }
        Map<Article, Article> moved = new java.util.IdentityHashMap<>();
        for (List<Article> same : bySlug.values()) {
            if (same.size() < 2) {
                continue;
            }
            List<Article> ranked = new ArrayList<>(same);
            ranked.sort(Comparator.comparing((Article a) -> a.legacySlug() != null).thenComparing(a -> a.date().toInstant())
                    .thenComparing(Article::source));
            for (Article a : ranked.subList(1, ranked.size())) {
                if (a.legacySlug() != null) {
                    moved.put(a, a.withLegacySlug());
                }
            }
        }
        List<Article> out = new ArrayList<>(published.size());
        for (Article a : published) {
            out.add(moved.getOrDefault(a, a));
        }
        return out;
    }

    private static List<TermGroup> group(List<Article> articles, Function<Article, List<Term>> termsOf) {
        Map<String, List<Integer>> members = new TreeMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            for (Term t : termsOf.apply(articles.get(i))) {
                members.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(i);
                spellings.computeIfAbsent(t.slug(), k -> new HashMap<>()).merge(t.name(), 1, Integer::sum);
            }
        }
        List<TermGroup> groups = new ArrayList<>(members.size());
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            String name = spellings.get(e.getKey()).entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            groups.add(new TermGroup(new Term(name, e.getKey()), e.getValue()));
        }
        return List.copyOf(groups);
    }

    private static List<List<Integer>> resolvePins(List<Article> articles, Map<String, Integer> bySlug, List<Problem> problems) {
        // Titles are slugged only when some article names a related one by title (saved pages do):
        // slugging every title was a tenth of loading an archive from the cache.
        Map<String, Integer> byTitle = new HashMap<>();
        if (articles.stream().anyMatch(a -> !a.relatedTitles().isEmpty())) {
            for (int i = 0; i < articles.size(); i++) {
                byTitle.putIfAbsent(Slugs.of(articles.get(i).title()), i);
            }
        }
        List<List<Integer>> pins = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            if (a.pinnedSlugs().isEmpty() && a.relatedTitles().isEmpty()) {
                pins.add(List.of());
                continue;
            }
            LinkedHashSet<Integer> resolved = new LinkedHashSet<>();
            for (String slug : a.pinnedSlugs()) {
                Integer target = bySlug.get(slug);
                if (target == null) {
                    problems.add(Problem.warning(a.source(), 0, "related", "no published article has the slug `" + slug + "`; pin ignored.",
                            "check the slug (the file name without `.md`, or its `slug:` field), or publish that article."));
                } else if (target != i) {
                    resolved.add(target);
                }
            }
            // Title hints come from saved pages: an unknown title is normal (that article is not in
            // this archive), so it is not worth a warning.
            for (String title : a.relatedTitles()) {
                Integer target = byTitle.get(Slugs.of(title));
                if (target != null && target != i) {
                    resolved.add(target);
                }
            }
            pins.add(List.copyOf(resolved));
        }
        return List.copyOf(pins);
    }

    /** The published articles, newest first. */
    public List<Article> articles() {
        return articles;
    }

    public Article article(int position) {
        return articles.get(position);
    }

    public int size() {
        return articles.size();
    }

    /** The id of the article at {@code position}. */
    public ArticleId id(int position) {
        return ids[position];
    }

    /** Where the article {@code id} is in {@link #articles()}, if it is published. */
    public Optional<Integer> positionOf(ArticleId id) {
        return Optional.ofNullable(bySource.get(id.path()));
    }

    /** The articles the editor pinned as related to {@code id}, in the editor's order. */
    public List<ArticleId> pins(ArticleId id) {
        Integer position = bySource.get(id.path());
        return position == null ? List.of() : pins.get(position).stream().map(this::id).toList();
    }

    /** The position of the article with {@code slug}. */
    public Optional<Integer> positionOf(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The tags, sorted by slug. */
    public List<TermGroup> tags() {
        return tags;
    }

    /** The rubrics, sorted by slug. */
    public List<TermGroup> rubrics() {
        return rubrics;
    }

    /** The authors, sorted by slug, each named with the spelling its bylines use most. */
    public List<TermGroup> authors() {
        return authors;
    }

    /** The articles the editor pinned as related to the article at {@code position}, in the editor's order. */
    public List<Integer> pinsOf(int position) {
        return pins.get(position);
    }

    /** The shared name of a term's slug, as the index spells it, for a term of one article. */
    public Term canonicalTag(Term t) {
        return lookup(tags, t);
    }

    public Term canonicalRubric(Term t) {
        return lookup(rubrics, t);
    }

    /** The rule the site's slugs follow: how a name given later (a menu entry, a byline) finds its term. */
    public SlugRule slugRule() {
        return slugRule;
    }

    /** The shared name of an author, as the index spells it (see {@link Article#authorTerms(SlugRule)}). */
    public Term canonicalAuthor(Term t) {
        return lookup(authors, t);
    }

    private static Term lookup(List<TermGroup> groups, Term t) {
        int lo = 0;
        int hi = groups.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = groups.get(mid).term().slug().compareTo(t.slug());
            if (c == 0) {
                return groups.get(mid).term();
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return t;
    }
}
