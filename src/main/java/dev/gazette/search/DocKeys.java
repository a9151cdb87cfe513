package dev.gazette.search;

import dev.gazette.model.ArticleId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each article's key in the search index: its publication day (days since 1800-01-01) times
 * {@link #SLOTS}, plus a slot from a hash of its id. A key depends on the article alone, not on
 * its position among the others, so publishing an article renumbers none: only two articles of
 * one day whose ids hash to the same slot share a run, and the later one (by slot, then id) takes
 * the next free slot. Ordering by key is ordering by day, which is what sorting results by date
 * and filtering them by year read, without any other download.
 */
final class DocKeys {

    /**
     * Slots per day: a day with more articles spills into the next day's first free slots. Few, so
     * that the gaps between the keys of a term's postings stay small (two bytes for most).
     */
    static final int SLOTS = 1 << 9;
    /** Day 0 of the keys; earlier articles share it. */
    static final long FIRST_DAY = LocalDate.of(1800, 1, 1).toEpochDay();

    private DocKeys() {
    }

    /** The key of each document, by id. Deterministic: the same documents give the same keys in any order. */
    static Map<ArticleId, Integer> of(List<SearchDocument> docs) {
        return of(docs.stream().map(SearchDocument::id).toList(), docs.stream().map(SearchDocument::day).toList());
    }

    /** The key of each article, by id, from the ids and days alone (what a key depends on). */
    static Map<ArticleId, Integer> of(List<ArticleId> ids, List<LocalDate> days) {
        long[] wanted = new long[ids.size()];
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long day = Math.max(0, days.get(i).toEpochDay() - FIRST_DAY);
            wanted[i] = day * SLOTS + (hash(ids.get(i).path()) & (SLOTS - 1));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> wanted[i]).thenComparing(i -> ids.get(i)));
        Map<ArticleId, Integer> keys = new HashMap<>(ids.size() * 2);
        long last = -1;
        for (int i : order) {
            long key = Math.max(wanted[i], last + 1);
            if (key > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a date too far in the future for the search index: " + days.get(i));
            }
            keys.put(ids.get(i), (int) key);
            last = key;
        }
        return keys;
    }

    /** The first key of {@code day}'s slots. */
    static long firstOf(LocalDate day) {
        return Math.max(0, day.toEpochDay() - FIRST_DAY) * SLOTS;
    }

    /**
     * FNV-1a over the UTF-8 bytes (a lone surrogate as U+FFFD, as the browser's TextEncoder writes
     * it): the browser's {@code hash} in search.js computes the same. Encoded on the fly: it runs
     * once for every term of every article.
     */
    static int hash(String text) {
        int h = 0x811c9dc5;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            int c = text.charAt(i);
            if (c < 0x80) {
                h = (h ^ c) * 0x01000193;
                continue;
            }
            if (Character.isHighSurrogate((char) c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, text.charAt(++i));
            } else if (Character.isSurrogate((char) c)) {
                c = 0xFFFD;
            }
            if (c < 0x800) {
                h = (h ^ (0xC0 | c >> 6)) * 0x01000193;
            } else if (c < 0x10000) {
                h = (h ^ (0xE0 | c >> 12)) * 0x01000193;
                h = (h ^ (0x80 | (c >> 6 & 0x3F))) * 0x01000193;
            } else {
                h = (h ^ (0xF0 | c >> 18)) * 0x01000193;
                h = (h ^ (0x80 | (c >> 12 & 0x3F))) * 0x01000193;
                h = (h ^ (0x80 | (c >> 6 & 0x3F))) * 0x01000193;
            }
            h = (h ^ (0x80 | (c & 0x3F))) * 0x01000193;
        }
        return h;
    }
}
