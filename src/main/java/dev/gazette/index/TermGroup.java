package dev.gazette.index;

import dev.gazette.model.Term;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A tag or rubric with its articles.
 *
 * @param term     the term, named with the spelling editors use most
 * @param articles positions in {@link SiteIndex#articles()}, newest first
 */
public record TermGroup(Term term, List<Integer> articles) {

    public TermGroup {
        articles = Positions.of(articles);
    }

    public int size() {
        return articles.size();
    }

    /**
     * Positions held as an array of ints, read as a list: the groups of 100,000 articles (their
     * tags, rubrics and authors) held some 700,000 boxed positions through the whole build.
     */
    private static final class Positions extends AbstractList<Integer> implements RandomAccess {
        private final int[] positions;

        private Positions(int[] positions) {
            this.positions = positions;
        }

        static List<Integer> of(List<Integer> positions) {
            if (positions instanceof Positions held) {
                return held;
            }
            int[] copy = new int[positions.size()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = positions.get(i); // null is refused here, as List.copyOf refused it
            }
            return new Positions(copy);
        }

        @Override
        public Integer get(int index) {
            return positions[index];
        }

        @Override
        public int size() {
            return positions.length;
        }
    }
}
