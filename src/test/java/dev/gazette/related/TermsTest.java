package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermsTest {

    /** Characters that test the key: shared prefixes, accents, Arabic, a surrogate pair's halves, NUL, the top of the range. */
    private static final char[] ALPHABET = "aabbc éçü ب\u0000\uffff\ud83d\ude00Z".toCharArray();

    @Test
    void sortsAsStringsCompare() {
        Random random = new Random(20261202);
        for (int round = 0; round < 2000; round++) {
            Set<String> distinct = new LinkedHashSet<>();
            int size = random.nextInt(round % 50 == 0 ? 400 : 40);
            int maxLength = 4 + random.nextInt(6); // room for every size asked below
            while (distinct.size() < size) {
                StringBuilder s = new StringBuilder();
                for (int k = random.nextInt(maxLength + 1); k > 0; k--) {
                    s.append(ALPHABET[random.nextInt(random.nextBoolean() ? 3 : ALPHABET.length)]);
                }
                distinct.add(s.toString());
            }
            String[] terms = distinct.toArray(String[]::new);
            String[] expected = terms.clone();
            Arrays.sort(expected);
            int[] order = Terms.sortedOrder(terms);
            String[] got = new String[terms.length];
            for (int i = 0; i < order.length; i++) {
                got[i] = terms[order[i]];
            }
            assertArrayEquals(expected, got, "round " + round + ": " + Arrays.toString(terms));
        }
    }
}
