package dev.gazette.related;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Term strings and the ids handed out to them, in the order threads first meet them (the index
 * numbers them again in the terms' order). Each document's distinct terms are looked up here, from
 * every analysis thread: a {@code ConcurrentHashMap<String, Integer>} cost five cache misses a
 * known term (the table, its node, the key, the key's bytes, the boxed id), and was a quarter of
 * the analysis at 100,000 articles. Here a term's hash and id share one long, read first, and the
 * key is compared only when its hash matches. Open addressing in stripes, each under its own
 * lock: two threads seldom want the same stripe.
 */
final class TermIds {
    private static final int STRIPE_BITS = 6;
    private final Stripe[] stripes = new Stripe[1 << STRIPE_BITS];
    private final AtomicInteger next = new AtomicInteger();

    TermIds() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** The id of {@code term}, handed out now if it has none. */
    int idOf(String term) {
        int h = hash(term);
        Stripe s = stripes[h >>> (32 - STRIPE_BITS)];
        synchronized (s) {
            return s.idOf(term, h, next);
        }
    }

    /** The id of {@code term}, or -1. */
    int get(String term) {
        int h = hash(term);
        Stripe s = stripes[h >>> (32 - STRIPE_BITS)];
        synchronized (s) {
            return s.get(term, h);
        }
    }

    /** How many terms have an id. */
    int size() {
        return next.get();
    }

    /** Every term, at its id. Once the threads that hand ids out are done. */
    String[] byId() {
        String[] out = new String[size()];
        for (Stripe s : stripes) {
            synchronized (s) {
                for (int i = 0; i < s.slots.length; i++) {
                    if (s.slots[i] != 0) {
                        out[(int) s.slots[i] - 1] = s.keys[i];
                    }
                }
            }
        }
        return out;
    }

    /** The string's hash, its bits spread (the top ones choose the stripe, the bottom ones the slot). */
    private static int hash(String term) {
        int h = term.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static final class Stripe {
        /** Per slot: the term's hash in the high half, its id + 1 in the low half; 0 when empty. */
        private long[] slots = new long[1 << 10];
        private String[] keys = new String[1 << 10];
        private int count;

        int idOf(String term, int h, AtomicInteger next) {
            int i = slot(term, h);
            if (slots[i] != 0) {
                return (int) slots[i] - 1;
            }
            int id = next.getAndIncrement();
            slots[i] = (long) h << 32 | (id + 1L);
            keys[i] = term;
            if (++count * 2 > slots.length) {
                grow();
            }
            return id;
        }

        int get(String term, int h) {
            long e = slots[slot(term, h)];
            return e == 0 ? -1 : (int) e - 1;
        }

        /** The slot that holds {@code term} (hash {@code h}), or the empty one where it would go. */
        private int slot(String term, int h) {
            int mask = slots.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                long e = slots[i];
                if (e == 0 || (int) (e >>> 32) == h && keys[i].equals(term)) {
                    return i;
                }
            }
        }

        /** Twice the room, at most half full again. */
        private void grow() {
            long[] oldSlots = slots;
            String[] oldKeys = keys;
            slots = new long[oldSlots.length * 2];
            keys = new String[oldKeys.length * 2];
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                long e = oldSlots[j];
                if (e != 0) {
                    int i = (int) (e >>> 32) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = e;
                    keys[i] = oldKeys[j];
                }
            }
        }
    }
}
