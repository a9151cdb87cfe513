package dev.gazette.related;

import java.util.Arrays;

/** Sorting a document's terms: the analysis sorts each document's few hundred, so it pays to sort them fast. */
final class Terms {
    /** Characters of a term in its sort key; its position takes the key's other 16 bits. */
    private static final int PREFIX_CHARS = 3;
    /** Runs of terms with the same first characters this short are put in order by insertion. */
    private static final int INSERTION_RUN = 16;

    private Terms() {
    }

    /**
     * The positions of {@code terms} (distinct strings) in their natural order, the order of
     * {@link String#compareTo}. They are sorted as longs, each holding a term's first three
     * characters above its position: one primitive sort orders nearly all of them, and only terms
     * that share their first three characters are compared as strings. (Sorting the strings
     * themselves was a tenth of the analysis, most of it in the sort's own steps, not in comparing.)
     */
    static int[] sortedOrder(String[] terms) {
        int n = terms.length;
        int[] order = new int[n];
        if (n >= 1 << 16) {
            // Too many for a position in 16 bits: all compared as strings.
            Arrays.setAll(order, i -> i);
            byWholeString(terms, order, 0, n);
            return order;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            // The sign bit flipped: the sort compares signed longs, the characters are unsigned.
            keys[i] = (prefix(terms[i]) << 16 | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & 0xffff);
        }
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && keys[to] >>> 16 == keys[from] >>> 16) {
                to++;
            }
            if (to - from > 1) {
                byWholeString(terms, order, from, to);
            }
            from = to;
        }
        return order;
    }

    /** The first characters of {@code term}, 16 bits each as {@link String#compareTo} reads them; 0 past its end. */
    private static long prefix(String term) {
        long p = 0;
        for (int k = 0; k < PREFIX_CHARS; k++) {
            p = p << 16 | (k < term.length() ? term.charAt(k) : 0);
        }
        return p;
    }

    /** Puts {@code order[from, to)} in the order of their terms. */
    private static void byWholeString(String[] terms, int[] order, int from, int to) {
        if (to - from > INSERTION_RUN) {
            Integer[] run = new Integer[to - from];
            for (int i = 0; i < run.length; i++) {
                run[i] = order[from + i];
            }
            Arrays.sort(run, (a, b) -> terms[a].compareTo(terms[b]));
            for (int i = 0; i < run.length; i++) {
                order[from + i] = run[i];
            }
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int moving = order[i];
            int j = i - 1;
            while (j >= from && terms[order[j]].compareTo(terms[moving]) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = moving;
        }
    }
}
