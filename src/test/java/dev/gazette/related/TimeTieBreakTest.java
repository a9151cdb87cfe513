package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Nearness in time only breaks near-ties: on an archive whose dates say nothing of its subjects,
 * the default weights rank about as well as no time at all.
 */
class TimeTieBreakTest {

    static final RelatedWeights DEFAULTS = new RelatedWeights(1.0, 0.5, 0.1, 0.1, 30, 0.05, 0);
    static final RelatedWeights NO_TIME = new RelatedWeights(1.0, 0.5, 0.1, 0.0, 30, 0.05, 0);

    private static final String[] SYLLABLES = {"ma", "ro", "li", "ka", "ne", "to", "sa", "be", "ri", "lu", "vo", "de", "mi",
            "pa", "gu", "che", "tra", "zo", "fi", "ou", "an", "in", "ti", "que", "lon", "mar", "cas", "bla"};
    private static final String[] COMMON = ("le la les de des du un une et en au aux pour par sur dans avec qui que ne pas "
            + "cette ce ces son sa ses leur leurs").split(" ");

    private static String word(Random r) {
        StringBuilder w = new StringBuilder();
        for (int i = 2 + r.nextInt(3); i > 0; i--) {
            w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return w.toString();
    }

    /**
     * As ../shared/bench/gen_corpus.py makes them (hidden topics with their own words, common
     * words, random words), but harder: a topic's words are a fourteenth of a short text and topics
     * share part of their vocabulary, so that text scores are close and a time signal that
     * outweighed them would show. Dates are drawn at random over two years, whatever the topic.
     */
    static List<Doc> corpus(int n, int topics, boolean tagged, long seed) {
        Random r = new Random(seed);
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            shared.add(word(r));
        }
        List<List<String>> vocab = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            List<String> v = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                v.add(i < 25 ? word(r) : shared.get(r.nextInt(shared.size())));
            }
            vocab.add(v);
        }
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int t = r.nextInt(topics);
            List<String> v = vocab.get(t);
            StringBuilder title = new StringBuilder();
            for (int k = 0; k < 5; k++) {
                title.append(k == 0 ? "" : " ").append(r.nextDouble() < 0.5 ? v.get(r.nextInt(v.size())) : word(r));
            }
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 100; k++) {
                double x = r.nextDouble();
                String w = x < 0.07 ? v.get(r.nextInt(v.size())) : x < 0.6 ? COMMON[r.nextInt(COMMON.length)]
                        : x < 0.8 ? shared.get(r.nextInt(shared.size())) : word(r);
                body.append(' ').append(w);
            }
            long day = r.nextInt(730);
            Doc d = new Doc("d" + i + "-t" + t, title.toString(), "", body.toString(), "fr", List.of(), null,
                    1_600_000_000L + day * 86_400 + r.nextInt(86_400), List.of());
            docs.add(tagged && r.nextDouble() < 0.7 ? d.tags("tag" + t + "-" + r.nextInt(3), "general" + r.nextInt(20)) : d);
        }
        return docs;
    }

    static double precisionAt5(RelatedWeights weights, List<Doc> docs) {
        RelatedIndex index = RelatedIndexTest.index(weights, docs);
        int hits = 0;
        int links = 0;
        for (int d = 0; d < docs.size(); d++) {
            String topic = topicOf(docs.get(d).key());
            for (RelatedMatch m : index.find(d, 5)) {
                links++;
                hits += topicOf(docs.get(m.document()).key()).equals(topic) ? 1 : 0;
            }
        }
        return links == 0 ? 0 : (double) hits / links;
    }

    private static String topicOf(String key) {
        return key.substring(key.indexOf("-t") + 2);
    }

    @Test
    void unrelatedDatesCostAtMostOneHundredthOfPrecision() {
        for (boolean tagged : new boolean[] {false, true}) {
            List<Doc> docs = corpus(800, 25, tagged, 42);
            double withTime = precisionAt5(DEFAULTS, docs);
            double without = precisionAt5(NO_TIME, docs);
            assertTrue(without < 0.99, "the corpus must not be so easy that nothing can go wrong: " + without);
            System.out.println((tagged ? "tagged" : "untagged") + ": p@5 " + withTime + " with time, " + without + " without");
            assertTrue(withTime >= without - 0.01, (tagged ? "tagged" : "untagged") + ": p@5 " + withTime
                    + " with the default time weight, " + without + " without");
        }
    }

    @Test
    void aTimeWeightThatOutweighedTheTextWouldShow() {
        // The test's own check: were time to count as much as the text, this corpus would say so.
        List<Doc> docs = corpus(800, 25, false, 42);
        RelatedWeights heavy = new RelatedWeights(1.0, 0.5, 0.1, 3.0, 30, 0.05, 0);
        assertTrue(precisionAt5(heavy, docs) < precisionAt5(NO_TIME, docs) - 0.01);
    }
}
