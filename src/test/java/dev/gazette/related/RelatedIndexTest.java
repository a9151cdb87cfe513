package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RelatedIndexTest {

    static final RelatedWeights WEIGHTS = new RelatedWeights(1.0, 0.5, 0.1, 0.1, 30, 0.05, 0);

    static RelatedIndex index(RelatedWeights weights, List<Doc> docs) {
        RelatedIndex.Builder b = RelatedIndex.builder(weights, new TextAnalyzer(), "fr", docs.size());
        for (int i = 0; i < docs.size(); i++) {
            b.add(i, docs.get(i));
        }
        return b.build();
    }

    static RelatedIndex index(List<Doc> docs) {
        return index(WEIGHTS, docs);
    }

    static List<String> keys(RelatedIndex index, int doc, int limit) {
        return index.find(doc, limit).stream().map(m -> index.key(m.document())).toList();
    }

    /** Filler so that words common to the whole corpus exist, as in any newsroom. */
    static final String COMMON = " Le gouvernement a annoncé mardi une série de mesures, selon un communiqué publié à Rabat. ";

    static List<Doc> newsroom() {
        List<Doc> docs = new ArrayList<>();
        docs.add(Doc.of("bourita-lavrov", "2025-09-09", "Entretien téléphonique entre Nasser Bourita et Sergueï Lavrov",
                "Les deux ministres ont évoqué le partenariat stratégique entre le Maroc et la Russie et la coopération diplomatique."
                        + COMMON));
        docs.add(Doc.of("maroc-russie-65-ans", "2025-09-01", "65 ans de relations diplomatiques Maroc-Russie",
                "Bourita et Lavrov ont échangé des messages sur la diplomatie entre Rabat et Moscou, partenaires stratégiques." + COMMON));
        // Long, and unrelated: it repeats the corpus's common words many times.
        docs.add(Doc.of("budget-long", "2025-09-08", "Le projet de loi de finances présenté au conseil",
                (COMMON + "Le budget prévoit des recettes fiscales en hausse et une dette maîtrisée. ").repeat(40)));
        docs.add(Doc.of("football", "2025-09-05", "Les Lions de l'Atlas qualifiés pour le Mondial",
                "Victoire large face au Niger, l'équipe nationale file vers la Coupe du monde." + COMMON));
        docs.add(Doc.of("hydrogene", "2025-09-02", "Hydrogène vert: les premiers projets entrent en phase d'études",
                "Les investisseurs retenus construiront des unités de production d'hydrogène et d'ammoniac verts." + COMMON));
        docs.add(Doc.of("gazoduc", "2025-08-22", "Gazoduc Nigeria-Maroc: les études d'ingénierie s'achèvent",
                "Le gazoduc reliera le Nigeria au Maroc; la production d'énergie et les investisseurs sont au rendez-vous." + COMMON));
        return docs;
    }

    @Test
    void theNthSmallestIsTheSortedArraysNth() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(200);
            long[] a = new long[n];
            int spread = random.nextBoolean() ? 5 : Integer.MAX_VALUE; // with many equal keys, and without
            for (int i = 0; i < n; i++) {
                a[i] = round % 3 == 0 ? i : random.nextInt(spread) - spread / 2; // some already in order
            }
            long[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            int k = 1 + random.nextInt(n);
            assertEquals(sorted[k - 1], RelatedIndex.nthSmallest(a.clone(), k), "n=" + n + " k=" + k);
        }
    }

    @Test
    void idsInTermOrderMergeTheOrderedOnesWithTheOthersSorted() {
        // Ids 0..4 in their terms' order (a pack's); 5..9 in any order; df < 2 are left out.
        String[] byId = {"b", "d", "f", "h", "j", "k", "a", "e", "c", "ba"};
        int[] df = {2, 1, 3, 2, 2, 2, 2, 5, 1, 2};
        int count = (int) java.util.Arrays.stream(df).filter(x -> x >= 2).count();
        int[] merged = RelatedIndex.inTermOrder(df, byId, 5, count);
        List<String> terms = new ArrayList<>();
        for (int id : merged) {
            terms.add(byId[id]);
        }
        assertEquals(List.of("a", "b", "ba", "e", "f", "h", "j", "k"), terms);
        // Nothing ordered: all sorted, as with no pack.
        assertEquals(java.util.Arrays.toString(merged), java.util.Arrays.toString(RelatedIndex.inTermOrder(df, byId, 0, count)));
        // Every id once, by its term, whatever the split.
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(300);
            String[] words = IntStream.range(0, n).mapToObj(k -> Integer.toString(random.nextInt(1_000_000), 36) + "-" + k).toArray(String[]::new);
            int ordered = random.nextInt(n + 1);
            java.util.Arrays.sort(words, 0, ordered);
            int[] dfs = IntStream.range(0, n).map(k -> random.nextInt(3)).toArray();
            int c = (int) java.util.Arrays.stream(dfs).filter(x -> x >= 2).count();
            List<String> expected = IntStream.range(0, n).filter(k -> dfs[k] >= 2).mapToObj(k -> words[k]).sorted().toList();
            assertEquals(expected, java.util.Arrays.stream(RelatedIndex.inTermOrder(dfs, words, ordered, c)).mapToObj(k -> words[k]).toList());
        }
    }

    @Test
    void aTopicalNeighbourBeatsALongUnrelatedArticle() {
        RelatedIndex index = index(newsroom());
        List<RelatedMatch> found = index.find(0, 5);
        assertEquals("maroc-russie-65-ans", index.key(found.get(0).document()), found.toString());
        assertTrue(found.stream().noneMatch(m -> index.key(m.document()).equals("budget-long")),
                "sharing only the newsroom's common words is not being related: " + found);
        assertEquals("hydrogene", keys(index, 5, 1).get(0), "no tags at all: the text alone finds the energy story");
    }

    @Test
    void aSharedKickerRelatesStoriesTheirWordsBarelyJoin() {
        // The newsroom's label for the story ("Mali :") says more than a word both texts happen to use.
        List<Doc> labelled = List.of(
                Doc.of("tombouctou", "2025-07-01", "Mali : les islamistes poursuivent leurs destructions à Tombouctou",
                        "Les mausolées de la ville sont détruits un à un par les groupes armés." + COMMON),
                Doc.of("nord", "2025-07-10", "Mali : des citoyens appellent à libérer le nord du pays",
                        "Une marche a réuni des milliers de manifestants dans la capitale." + COMMON),
                Doc.of("libye", "2025-07-05", "Des mausolées restaurés en Libye",
                        "Les artisans ont restauré les mausolées de Tripoli." + COMMON),
                Doc.of("budget", "2025-07-03", "Budget : la dette maîtrisée", "Les recettes fiscales sont en hausse." + COMMON));
        // The same stories with "Mali" only as a word of their titles.
        List<Doc> unlabelled = labelled.stream()
                .map(d -> Doc.of(d.key(), "2025-07-0" + (labelled.indexOf(d) + 1), d.title().replace(" : ", ", "), d.body())).toList();
        RelatedIndex withKicker = index(labelled);
        RelatedIndex withoutKicker = index(unlabelled);
        assertEquals("nord", keys(withKicker, 0, 1).get(0), withKicker.find(0, 3).toString());
        assertTrue(withKicker.find(0, 3).get(0).text() > 1.5 * withoutKicker.find(0, 3).stream()
                        .filter(m -> m.document() == 1).findFirst().orElseThrow().text(),
                withKicker.find(0, 3) + " against " + withoutKicker.find(0, 3));
        assertEquals(List.of("§mali"), withKicker.explain(0, 1, 5).terms().stream().filter(t -> t.startsWith("§")).toList());
    }

    @Test
    void frenchInflectionsMatch() {
        RelatedIndex index = index(newsroom());
        RelatedIndex.Explanation why = index.explain(0, 1, 20);
        assertTrue(why.terms().contains("diplomatiqu"), "diplomatique (0) and diplomatiques (1) share a stem: " + why);
        assertTrue(why.terms().contains("lavrov") && why.terms().contains("bourita"), why.toString());
        assertTrue(why.cosine() > 0);
    }

    @Test
    void neverItselfAndNeverUnrelated() {
        RelatedIndex index = index(newsroom());
        for (int d = 0; d < index.size(); d++) {
            int doc = d;
            assertTrue(index.find(d, 10).stream().noneMatch(m -> m.document() == doc), "self in " + index.key(d));
        }
        List<Doc> docs = List.of(Doc.of("a", "2025-01-01", "Volcan", "Éruption du volcan en Islande"),
                Doc.of("b", "2025-01-01", "Cuisine", "Recette du tajine aux pruneaux"));
        assertEquals(List.of(), index(docs).find(0, 5), "nothing in common, nothing related, however close in time");
    }

    @Test
    void pinsComeFirstWhateverTheirScore() {
        List<Doc> docs = new ArrayList<>(newsroom());
        docs.set(0, docs.get(0).pin(3, 0, 3));
        RelatedIndex index = index(docs);
        List<RelatedMatch> found = index.find(0, 3);
        assertEquals(List.of("football", "maroc-russie-65-ans"), found.stream().limit(2).map(m -> index.key(m.document())).toList());
        assertTrue(found.get(0).pinned());
        assertFalse(found.get(1).pinned());
        assertEquals(1, found.stream().filter(RelatedMatch::pinned).count(), "itself and the repeated pin are dropped");
        assertEquals(1, index.find(0, 1).size(), "pins count toward the limit");
    }

    @Test
    void sharesAddUpToTheScoreAndFollowTheWeights() {
        List<Doc> docs = List.of(
                Doc.of("a", "2025-03-01", "Séisme à Al Haouz", "Reconstruction des villages après le séisme").tags("seisme", "al-haouz").group("societe"),
                Doc.of("b", "2025-03-11", "Al Haouz: reconstruction", "Les villages du séisme se reconstruisent").tags("seisme").group("societe"));
        RelatedIndex index = index(docs);
        RelatedMatch m = index.find(0, 1).get(0);
        assertEquals(m.score(), m.text() + m.keywords() + m.group() + m.time(), 1e-9);
        assertEquals(0.1, m.group(), 1e-9);
        assertEquals((m.text() + m.keywords() + m.group()) * 0.1 * Math.exp(-10.0 / 30), m.time(), 1e-6,
                "time scales the content score: a tie-breaker, not a reason");
        assertTrue(m.text() > 0 && m.keywords() > 0);

        RelatedIndex textOnly = index(new RelatedWeights(1, 0, 0, 0, 30, 0.0, 0), docs);
        RelatedMatch t = textOnly.find(0, 1).get(0);
        assertEquals(t.text(), t.score(), 1e-9);
        assertEquals(m.text(), t.text(), 1e-9, "the text signal does not depend on the other weights");
    }

    @Test
    void keywordsAloneRelateArticlesWithoutSharedWords() {
        List<Doc> docs = List.of(Doc.of("a", "2025-01-01", "Volcan", "Éruption en Islande").tags("islande"),
                Doc.of("b", "2025-01-02", "Tourisme", "Reykjavik attire les visiteurs").tags("islande"),
                Doc.of("c", "2025-01-03", "Cuisine", "Recette du tajine"));
        RelatedIndex index = index(docs);
        assertEquals(List.of("b"), keys(index, 0, 5));
        assertTrue(index.find(0, 1).get(0).keywords() > 0);
    }

    @Test
    void minimumScoreAndTimeWindowLeaveOut() {
        List<Doc> docs = List.of(Doc.of("a", "2025-01-01", "Volcan en Islande", "Éruption du volcan"),
                Doc.of("b", "2025-01-05", "Islande", "Le volcan s'est calmé"),
                Doc.of("c", "2021-01-05", "Islande", "Le volcan s'est réveillé"));
        assertEquals(List.of("b", "c"), keys(index(docs), 0, 5));
        assertEquals(List.of("b"), keys(index(new RelatedWeights(1, 0.5, 0.1, 0.1, 30, 0.05, 365), docs), 0, 5));
        assertEquals(List.of(), keys(index(new RelatedWeights(1, 0.5, 0.1, 0.1, 30, 5.0, 0), docs), 0, 5));
    }

    @Test
    void aSharedRubricAndDateAloneAreNotEnough() {
        List<Doc> docs = List.of(Doc.of("a", "2025-01-01", "Volcan", "Éruption en Islande").group("monde"),
                Doc.of("b", "2025-01-01", "Tajine", "Recette aux pruneaux").group("monde"));
        assertEquals(List.of(), keys(index(docs), 0, 5));
        assertEquals(List.of("b"), keys(index(new RelatedWeights(1, 0.5, 0.1, 0.1, 30, 0.0, 0), docs), 0, 5),
                "with no minimum, the rubric is a fallback");
    }

    @Test
    void tiesGoToTheNewerThenToTheKey() {
        List<Doc> docs = List.of(Doc.of("a", "2025-01-10", "Volcan", "Éruption"),
                Doc.of("old", "2025-01-01", "Volcan", "Éruption"),
                Doc.of("new-b", "2025-01-19", "Volcan", "Éruption"),
                Doc.of("new-a", "2025-01-19", "Volcan", "Éruption"));
        // Same text everywhere, same distance in time for all but "old": only the tie-breaks decide.
        assertEquals(List.of("new-a", "new-b", "old"), keys(index(docs), 0, 5));
    }

    @Test
    void languagesAreAnalyzedEachWithItsOwnRules() {
        List<Doc> docs = List.of(Doc.of("en-a", "2025-01-01", "Running the marathon", "Runners ran").language("en"),
                Doc.of("en-b", "2025-01-02", "Marathon runs", "The runner runs").language("en"),
                Doc.of("fr", "2025-01-03", "Cuisine", "Recette du tajine"));
        RelatedIndex index = index(docs);
        assertTrue(index.explain(0, 1, 10).terms().contains("run"), index.explain(0, 1, 10).toString());
    }

    @Test
    void theOrderDocumentsAreAddedInDoesNotChangeAnything() {
        List<Doc> docs = newsroom();
        RelatedIndex inOrder = index(docs);
        RelatedIndex.Builder b = RelatedIndex.builder(WEIGHTS, new TextAnalyzer(), "fr", docs.size());
        List<Integer> positions = new ArrayList<>(IntStream.range(0, docs.size()).boxed().toList());
        Collections.reverse(positions);
        positions.parallelStream().forEach(i -> b.add(i, docs.get(i)));
        RelatedIndex shuffled = b.build();
        for (int d = 0; d < docs.size(); d++) {
            assertEquals(inOrder.find(d, 10), shuffled.find(d, 10), "document " + d);
        }
    }

    @Test
    void everyDocumentGetsTheSameAnswerOnEveryThread() {
        List<Doc> docs = new ArrayList<>();
        String[] topics = {"volcan islande éruption lave", "tajine cuisine recette pruneaux", "football lions atlas mondial",
                "budget finances loi dette", "hydrogène énergie gazoduc production"};
        for (int i = 0; i < 500; i++) {
            String topic = topics[i % topics.length];
            docs.add(Doc.of("d" + i, "2025-01-01", topic.split(" ")[i % 4] + " " + i, topic + " article numéro " + i + COMMON)
                    .tags("t" + (i % 7)).group("g" + (i % 3)));
        }
        RelatedIndex index = index(docs);
        List<List<RelatedMatch>> sequential = IntStream.range(0, docs.size()).mapToObj(d -> index.find(d, 5)).toList();
        List<List<RelatedMatch>> parallel = IntStream.range(0, docs.size()).parallel().mapToObj(d -> index.find(d, 5)).toList();
        assertEquals(sequential, parallel);
        for (int d = 0; d < docs.size(); d++) {
            int topic = d % topics.length;
            assertTrue(sequential.get(d).stream().allMatch(m -> m.document() % topics.length == topic),
                    "document " + d + " relates within its topic: " + sequential.get(d));
        }
    }
}
