package dev.gazette.index;

import dev.gazette.model.Term;
import java.util.List;

/**
 * A tag or rubric with its articles.
 *
 * @param term     the term, named with the spelling editors use most
 * @param articles positions in {@link SiteIndex#articles()}, newest first
 */
public record TermGroup(Term term, List<Integer> articles) {

    public TermGroup {
        articles = List.copyOf(articles);
    }

    public int size() {
        return articles.size();
    }
}
