package dev.gazette.related;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Term strings and the ids handed out to them, in the order threads first meet them (the index
 * numbers them again in the terms' order). Each document's distinct terms are looked up here, from
 * every analysis thread, at every build: three million lookups at 10,000 articles.
 *
 * <p>A term is known by a 64-bit hash of its characters, and its string is kept only the first
 * time it is met. A lookup reads one slot (the hash and the id side by side), never the key's
 * string: comparing strings, as a map keyed by them must, cost two more cache misses a lookup (the
 * key, then its characters), and the lookups were a sixth of a publish's processor time at 10,000
 * articles. Two distinct terms with one hash would count as one term; over a million distinct
 * terms the odds are about one in forty million, and the result would still be the same on every
 * build. Open addressing in stripes, each under its own lock: two threads seldom want the same one.
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
        return idOf(term, hash(term));
    }

    /** As {@link #idOf(String)}, the term's {@link #hash} known already (kept with it). */
    int idOf(String term, long h) {
        Stripe s = stripes[(int) (h >>> (64 - STRIPE_BITS))];
        synchronized (s) {
            return s.idOf(term, h, next);
        }
    }

    /** How many terms have an id. */
    int size() {
        return next.get();
    }

    /** Every term and its hash ({@link #hash}, kept, not worked out again), at its id. Once the threads that hand ids out are done. */
    record ById(String[] terms, long[] hashes) {
    }

    /** See {@link ById}. */
    ById byId() {
        String[] terms = new String[size()];
        long[] hashes = new long[terms.length];
        for (Stripe s : stripes) {
            synchronized (s) {
                for (int i = 0; i < s.keys.length; i++) {
                    if (s.keys[i] != null) {
                        terms[s.idAt(i)] = s.keys[i];
                        hashes[s.idAt(i)] = s.slots[2 * i];
                    }
                }
            }
        }
        return new ById(terms, hashes);
    }

    /**
     * A 64-bit hash of the term's characters, never 0 (an empty slot): the terms' seed of the
     * latent space ({@link LatentSpace#seed}), whose mixed bits let the top ones choose the
     * stripe and the bottom ones the slot.
     */
    static long hash(String term) {
        long h = LatentSpace.seed(term);
        return h == 0 ? 1 : h;
    }

    private static final class Stripe {
        /** Per slot, two longs: the term's hash (0 when empty), then its id + 1. */
        private long[] slots = new long[2 << 10];
        /** Per slot, the term's string, for {@link TermIds#byId()}; never read by a lookup. */
        private String[] keys = new String[1 << 10];
        private int count;

        int idOf(String term, long h, AtomicInteger next) {
            int i = slot(h);
            if (slots[2 * i] != 0) {
                return idAt(i);
            }
            int id = next.getAndIncrement();
            slots[2 * i] = h;
            slots[2 * i + 1] = id + 1L;
            keys[i] = term;
            if (++count * 2 > keys.length) {
                grow();
            }
            return id;
        }

        /** The id of the term in the (full) slot {@code i}. */
        int idAt(int i) {
            return (int) slots[2 * i + 1] - 1;
        }

        /** The slot that holds the term of hash {@code h}, or the empty one where it would go. */
        private int slot(long h) {
            int mask = keys.length - 1;
            for (int i = (int) h & mask; ; i = (i + 1) & mask) {
                long e = slots[2 * i];
                if (e == 0 || e == h) {
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
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                long h = oldSlots[2 * j];
                if (h != 0) {
                    int i = (int) h & mask;
                    while (slots[2 * i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[2 * i] = h;
                    slots[2 * i + 1] = oldSlots[2 * j + 1];
                    keys[i] = oldKeys[j];
                }
            }
        }
    }
}
