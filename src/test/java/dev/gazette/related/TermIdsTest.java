package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TermIdsTest {

    @Test
    void oneIdPerTermFromManyThreads() {
        Random random = new Random(20261202);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            terms.add(Integer.toString(random.nextInt(40_000), 36));
        }
        // Strings with one hash: "Aa" and "BB" hash alike, and so do all their concatenations.
        for (String a : new String[] {"Aa", "BB"}) {
            for (String b : new String[] {"Aa", "BB"}) {
                for (String c : new String[] {"Aa", "BB"}) {
                    terms.add(a + b + c);
                }
            }
        }
        terms.add("");
        terms.add("sergueï lavrov");
        TermIds ids = new TermIds();
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        IntStream.range(0, 8).parallel().forEach(shift -> {
            for (int k = 0; k < terms.size(); k++) {
                String term = new String(terms.get((k + shift * 7919) % terms.size())); // equal, not the same object
                int id = ids.idOf(term);
                Integer before = seen.putIfAbsent(term, id);
                assertEquals(before == null ? id : before, id, term);
            }
        });
        int distinct = new HashSet<>(terms).size();
        assertEquals(distinct, ids.size());
        String[] byId = ids.byId().terms();
        long[] hashes = ids.byId().hashes();
        Map<String, Integer> back = new HashMap<>();
        for (int id = 0; id < byId.length; id++) {
            back.put(byId[id], id);
            assertEquals(id, ids.idOf(byId[id]), "a term has one id");
            assertEquals(TermIds.hash(byId[id]), hashes[id], byId[id]);
        }
        assertEquals(distinct, back.size());
        assertEquals(seen, back);
        assertEquals(distinct, ids.size(), "looking a known term up hands out no id");
        assertEquals(distinct, ids.idOf("jamais vu"), "a new term: the next id");
        assertNotEquals(ids.idOf("AaAaAa"), ids.idOf("BBBBBB"));
    }

    /**
     * Terms are told apart by a 64-bit hash of their characters alone: near neighbours (one
     * character apart, an accent, a long shared prefix, the same letters in another order) must
     * not share one, or two words would count as one in every related list.
     */
    @Test
    void nearTermsGetDistinctIds() {
        Random random = new Random(7);
        HashSet<String> terms = new HashSet<>();
        String[] stems = {"russ", "lavrov", "sergueï lavrov", "conseil de sécurité", "maroc", "a", ""};
        for (String stem : stems) {
            for (int i = 0; i < 20_000; i++) {
                terms.add(stem + Integer.toString(i, 36));
                terms.add(Integer.toString(i, 36) + stem);
            }
        }
        StringBuilder longPrefix = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            longPrefix.append((char) ('a' + random.nextInt(26)));
        }
        for (char c = 0; c < 2_000; c++) {
            terms.add(longPrefix.toString() + c);
            terms.add(c + longPrefix.toString());
        }
        TermIds ids = new TermIds();
        HashSet<Integer> distinct = new HashSet<>();
        for (String term : terms) {
            distinct.add(ids.idOf(term));
        }
        assertEquals(terms.size(), distinct.size());
        assertEquals(terms.size(), ids.size());
        for (String term : terms) {
            assertNotEquals(0L, TermIds.hash(term));
        }
    }
}
