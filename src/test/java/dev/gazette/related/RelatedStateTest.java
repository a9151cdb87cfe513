package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lists kept from the last build's state are the lists computed afresh: after seeded random
 * edits to an archive large enough to be sampled (more than {@link LatentSpace#SAMPLE} documents),
 * {@link RelatedIndex#lists} with the state gives exactly the lists it gives without.
 */
class RelatedStateTest {

    static final int LIMIT = 5;
    static final int TOPICS = 160;
    /**
     * Lists twelve publishes may compute (rank again) in all: measured 382; 8,094 when every list
     * that read a changed head or window was ranked again.
     */
    static final int MAX_COMPUTED = 2000;

    /** An article of the test archive, its pins by key. */
    record Story(String key, String title, String body, List<String> tags, String group, String date, List<String> pins) {
        Story withBody(String b) {
            return new Story(key, title, b, tags, group, date, pins);
        }

        Story withTags(List<String> t) {
            return new Story(key, title, body, t, group, date, pins);
        }

        Story withGroup(String g) {
            return new Story(key, title, body, tags, g, date, pins);
        }

        Story withDate(String d) {
            return new Story(key, title, body, tags, group, d, pins);
        }

        Story withPins(List<String> p) {
            return new Story(key, title, body, tags, group, date, p);
        }
    }

    /** Made-up words: each topic has its own, and every text has some of the common ones. */
    static String word(int topic, int i) {
        String[] syllables = {"ba", "ko", "ri", "tu", "ne", "sa", "lo", "mi", "da", "ve", "zu", "pe"};
        int x = topic * 97 + i * 13 + 7;
        StringBuilder w = new StringBuilder();
        for (int k = 0; k < 3 + (i % 2); k++) {
            w.append(syllables[Math.floorMod(x, syllables.length)]);
            x = x / syllables.length + topic + k * 5 + i;
        }
        return w.append(topic).toString();
    }

    static String text(SplittableRandom r, int topic, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int roll = r.nextInt(10);
            int t = roll < 6 ? topic : roll < 8 ? r.nextInt(TOPICS) : TOPICS; // TOPICS: the common words
            s.append(word(t, r.nextInt(t == TOPICS ? 60 : 25))).append(i % 12 == 11 ? ". " : " ");
        }
        return s.toString();
    }

    static Story story(SplittableRandom r, String key) {
        int topic = r.nextInt(TOPICS);
        List<String> tags = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            String tag = "tag-" + topic + "-" + r.nextInt(3);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        // Tags many articles of every subject carry: windows shorter than their postings.
        if (r.nextInt(8) == 0) {
            tags.add("une");
        }
        if (r.nextInt(12) == 0) {
            tags.add("dossier-" + r.nextInt(2));
        }
        String date = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700)).toString();
        return new Story(key, text(r, topic, 8), text(r, topic, 40 + r.nextInt(60)), tags, "rubric-" + r.nextInt(6), date, List.of());
    }

    static RelatedIndex index(List<Story> stories) {
        return index(RelatedIndexTest.WEIGHTS, stories);
    }

    static RelatedIndex index(RelatedWeights weights, List<Story> stories) {
        List<Story> sorted = new ArrayList<>(stories);
        sorted.sort(Comparator.comparing(Story::key)); // a stable order, as the site's (newest first, then slug)
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            position.put(sorted.get(i).key(), i);
        }
        RelatedIndex.Builder b = RelatedIndex.builder(weights, new TextAnalyzer(), "fr", sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Story s = sorted.get(i);
            List<Integer> pins = s.pins().stream().filter(position::containsKey).map(position::get).toList();
            b.add(i, new Doc(s.key(), s.title(), "", s.body(), null, s.tags(), s.group(), Doc.epoch(s.date()), pins));
        }
        return b.build();
    }

    @Test
    void keptListsAreTheListsComputedAfresh() {
        assertKeptListsAreFresh(RelatedIndexTest.WEIGHTS, 20261202, 12);
    }

    /**
     * With the labels weighing more than the text, candidates that share only a tag or the rubric
     * make the lists: then the lists read the keywords' and rubrics' time windows, and a window
     * left marked unchanged when it changed gives another list.
     */
    @Test
    void keptListsAreTheListsComputedAfreshWhenLabelsLead() {
        assertKeptListsAreFresh(LABELS_FIRST, 11, 8);
    }

    static final RelatedWeights LABELS_FIRST = new RelatedWeights(0.2, 2.0, 1.0, 0.1, 30, 0.05, 0);

    private static void assertKeptListsAreFresh(RelatedWeights weights, long seed, int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Story> archive = new ArrayList<>();
        int next = 0;
        while (archive.size() < LatentSpace.SAMPLE + 600) {
            archive.add(story(r, String.format("a%05d", next++)));
        }
        RelatedState state = index(weights, archive).lists(LIMIT, null).state();
        int incremental = 0;
        List<String> done = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            String what = edit(r, archive, step, next++);
            done.add(what);
            RelatedIndex index = index(weights, archive);
            RelatedIndex.Lists kept = index.lists(LIMIT, state);
            RelatedIndex.Lists fresh = index.lists(LIMIT, null);
            assertEquals(fresh.byPosition(), kept.byPosition(), "after " + done);
            assertEquals(archive.size(), fresh.computed());
            if (kept.computed() < archive.size() / 4) {
                incremental++;
            }
            state = RelatedState.read(kept.state().bytes());
            assertNotNull(state, "the state reads back");
        }
        // Most edits must leave most lists to be kept (an edit to a sampled document computes them all).
        assertTrue(incremental >= steps / 2, "lists were kept after only " + incremental + " of " + steps + " edits: " + done);
    }

    /**
     * One seeded edit of the archive, described. Every fourth is made to an article of the
     * statistics' sample (then every list is computed again); the others, to articles outside it,
     * as most edits of a large archive are.
     */
    private static String edit(SplittableRandom r, List<Story> archive, int step, int next) {
        boolean sampled = step % 4 == 3;
        long[] keys = archive.stream().mapToLong(x -> LatentSpace.seed(x.key())).toArray();
        long[] dates = archive.stream().mapToLong(x -> Doc.epoch(x.date())).toArray();
        java.util.Set<Integer> sample = Arrays.stream(LatentSpace.sample(keys, dates)).boxed().collect(Collectors.toSet());
        int at = r.nextInt(archive.size());
        while (sample.contains(at) != sampled) {
            at = r.nextInt(archive.size());
        }
        Story s = archive.get(at);
        switch (step % 6) {
            case 0 -> {
                // Its key decides whether it joins the sample (at this size, one in two do).
                String key = String.format("a%05d", next);
                while (((LatentSpace.seed(key) & 1) == 0) != sampled) {
                    key = key + "x";
                }
                Story added = story(r, key);
                archive.add(added);
                return "added " + added.key() + (sampled ? " (sampled)" : "");
            }
            case 1 -> {
                archive.remove(at);
                return "removed " + s.key();
            }
            case 2 -> {
                archive.set(at, s.withBody(s.body() + " " + text(r, r.nextInt(TOPICS), 30)));
                return "body of " + s.key();
            }
            case 3 -> {
                // Only a broad tag: then the article's neighbours are those of its windows.
                List<String> tags = r.nextBoolean() ? List.of("une") : List.of("une", "tag-" + r.nextInt(TOPICS) + "-0");
                archive.set(at, s.withTags(tags).withGroup("rubric-" + r.nextInt(6)));
                return "tags and rubric of " + s.key();
            }
            case 4 -> {
                archive.set(at, s.withDate(LocalDate.parse(s.date()).minusDays(40).toString()));
                return "date of " + s.key();
            }
            default -> {
                String pinned = archive.get(r.nextInt(archive.size())).key();
                archive.set(at, s.withPins(List.of(pinned)));
                // and an edit to the pinned article, which the pinning one must see
                int p = archive.stream().map(Story::key).toList().indexOf(pinned);
                archive.set(p, archive.get(p).withBody(archive.get(p).body() + " " + text(r, r.nextInt(TOPICS), 20)));
                return s.key() + " pins " + pinned + ", edited";
            }
        }
    }

    /** Words no other document has: {@code count} of them for document {@code d}. */
    static String uniqueWords(int d, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int x = d * count + i;
            StringBuilder w = new StringBuilder("q");
            do {
                w.append((char) ('a' + x % 26));
                x /= 26;
            } while (x > 0);
            s.append(w).append("zy ");
        }
        return s.toString();
    }

    static final long BASE = Doc.epoch("2024-01-01");

    /** An archive of {@code n} documents an hour apart, keyed in time order, and one added between two of them, outside the sample. */
    private static void assertAWindowAloneCarriesTheChange(java.util.function.IntFunction<Doc> at, java.util.function.Function<String, Doc> added,
                                                           int n, int near) {
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(at.apply(i));
        }
        RelatedState state = build(docs).lists(LIMIT, null).state();
        List<List<Integer>> before = build(docs).lists(LIMIT, null).byPosition();
        String key = "zz";
        while ((LatentSpace.seed(key) & 1) == 0) { // at this size, a document is sampled when its hash is even
            key = key + "z";
        }
        docs.add(added.apply(key));
        RelatedIndex index = build(docs);
        RelatedIndex.Lists kept = index.lists(LIMIT, state);
        RelatedIndex.Lists fresh = index.lists(LIMIT, null);
        assertTrue(fresh.byPosition().get(near).contains(n), "the scenario holds: the new document joins " + near + "'s list, "
                + before.get(near) + " → " + fresh.byPosition().get(near));
        assertEquals(fresh.byPosition(), kept.byPosition());
        assertTrue(kept.computed() < n / 10, kept.computed() + " lists computed");
    }

    private static RelatedIndex build(List<Doc> docs) {
        RelatedIndex.Builder b = RelatedIndex.builder(RelatedIndexTest.WEIGHTS, new TextAnalyzer(), "fr", docs.size());
        for (int i = 0; i < docs.size(); i++) {
            b.add(i, docs.get(i));
        }
        return b.build();
    }

    /** Every document tagged alike and nothing else in common: each list is its nearest in time, through its tag's window only. */
    @Test
    void aKeywordWindowAloneCarriesTheChange() {
        int n = LatentSpace.SAMPLE + 800; // its settled part (before its last month) above SAMPLE: one in two sampled
        assertAWindowAloneCarriesTheChange(
                i -> new Doc(String.format("d%05d", i), "", "", uniqueWords(i, 12), null, List.of("une"), null, BASE + 3600L * i, List.of()),
                key -> new Doc(key, "", "", uniqueWords(n, 12), null, List.of("une"), null, BASE + 3600L * 2050 + 1800, List.of()),
                n, 2050);
    }

    /**
     * One document in four shares a word, all share a rubric; the new one sorts last, so it stays
     * out of the word's postings head, and reaches its neighbours through the rubric's window only.
     */
    @Test
    void aGroupWindowAloneCarriesTheChange() {
        int n = LatentSpace.SAMPLE + 800; // its settled part (before its last month) above SAMPLE: one in two sampled
        assertAWindowAloneCarriesTheChange(
                i -> new Doc(String.format("d%05d", i), "", "", (i % 4 == 0 ? "alphazy " : "") + uniqueWords(i, 12), null, List.of(),
                        "r", BASE + 3600L * i, List.of()),
                key -> new Doc(key, "", "", "alphazy " + uniqueWords(n, 12), null, List.of(), "r", BASE + 3600L * 2048 + 1800, List.of()),
                n, 2048);
    }

    @Test
    void aPublishComputesOnlyTheListsTheNewArticleCanJoin() {
        SplittableRandom r = new SplittableRandom(99);
        List<Story> archive = new ArrayList<>();
        int next = 0;
        while (archive.size() < LatentSpace.SAMPLE + 600) {
            archive.add(story(r, String.format("a%05d", next++)));
        }
        RelatedState state = index(archive).lists(LIMIT, null).state();
        List<Integer> computed = new ArrayList<>();
        for (int step = 0; step < 12; step++) {
            // A new article outside the statistics' sample, as most of a large archive's are.
            String key = String.format("a%05d", next++);
            while ((LatentSpace.seed(key) & 1) == 0) {
                key = key + "x";
            }
            archive.add(story(r, key));
            RelatedIndex index = index(archive);
            RelatedIndex.Lists kept = index.lists(LIMIT, state);
            RelatedIndex.Lists fresh = index.lists(LIMIT, null);
            assertEquals(fresh.byPosition(), kept.byPosition(), "after publishing " + key);
            computed.add(kept.computed());
            state = RelatedState.read(kept.state().bytes());
            assertNotNull(state);
        }
        System.out.println("lists computed per publish: " + computed);
        // Each publish ranks again its own list and those whose shortlist it changed: not those of
        // every article that reads a postings head or a window it joined.
        int total = computed.stream().mapToInt(Integer::intValue).sum();
        assertTrue(total <= MAX_COMPUTED, "lists computed: " + computed);
    }

    @Test
    void aStateReadsBackAndDamageReadsAsNone() {
        SplittableRandom r = new SplittableRandom(7);
        List<Story> archive = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            archive.add(story(r, "s" + i));
        }
        RelatedState state = index(archive).lists(LIMIT, null).state();
        byte[] bytes = state.bytes();
        RelatedState read = RelatedState.read(bytes);
        assertNotNull(read);
        assertArrayEquals(bytes, read.bytes());
        assertEquals(40, read.size());
        assertNull(RelatedState.read(Arrays.copyOf(bytes, bytes.length - 3)), "cut short");
        assertNull(RelatedState.read(Arrays.copyOf(bytes, bytes.length + 1)), "with bytes after it");
        byte[] layout = bytes.clone();
        layout[3]++;
        assertNull(RelatedState.read(layout), "another layout");
        assertNull(RelatedState.read(null));
    }

    @Test
    void anotherLimitOrOtherSettingsComputeEveryList() {
        SplittableRandom r = new SplittableRandom(3);
        List<Story> archive = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            archive.add(story(r, "s" + i));
        }
        RelatedIndex index = index(archive);
        RelatedState state = index.lists(LIMIT, null).state();
        assertEquals(0, index.lists(LIMIT, state).computed(), "nothing changed: every list kept");
        assertEquals(60, index.lists(LIMIT + 1, state).computed(), "another limit");
        RelatedIndex.Builder b = RelatedIndex.builder(new RelatedWeights(1.0, 0.5, 0.1, 0.0, 30, 0.05, 0), new TextAnalyzer(), "fr", 60);
        List<Story> sorted = archive.stream().sorted(Comparator.comparing(Story::key)).collect(Collectors.toList());
        for (int i = 0; i < sorted.size(); i++) {
            Story s = sorted.get(i);
            b.add(i, new Doc(s.key(), s.title(), "", s.body(), null, s.tags(), s.group(), Doc.epoch(s.date()), List.of()));
        }
        assertEquals(60, b.build().lists(LIMIT, state).computed(), "other weights");
    }
}
