package dev.gazette.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each article's related articles, best first, by id: what the related-content step hands to page
 * planning (and what the build cache keeps), so that neither depends on where an article sits in
 * any list.
 */
public final class RelatedLists {

    private final Map<ArticleId, List<ArticleId>> lists;

    private RelatedLists(Map<ArticleId, List<ArticleId>> lists) {
        this.lists = lists;
    }

    /** The lists, by article; every list is copied. */
    public static RelatedLists of(Map<ArticleId, List<ArticleId>> lists) {
        Map<ArticleId, List<ArticleId>> copy = new HashMap<>(lists.size() * 2);
        lists.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new RelatedLists(copy);
    }

    /** No related article for anyone. */
    public static RelatedLists none() {
        return new RelatedLists(Map.of());
    }

    /** The related articles of {@code id}, best first; empty for an article with none (or unknown). */
    public List<ArticleId> of(ArticleId id) {
        return lists.getOrDefault(id, List.of());
    }

    /** How many articles have a list. */
    public int size() {
        return lists.size();
    }
}
