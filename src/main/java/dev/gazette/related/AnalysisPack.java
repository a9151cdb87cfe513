package dev.gazette.related;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The text analyses of a whole archive in one file, as the index's builder holds them: each
 * distinct term once (its characters and its hash), in the terms' order, then each document's terms by their number in
 * that table, with their weights, under the document's analysis key.
 *
 * <p>Why: read back one by one, the analyses of 10,000 articles are three million terms, each
 * made into a string, hashed and looked up in the builder's term table, to find about 300,000
 * distinct ones; that was half of the related step of a publish (1.1 s of 2.3 s, profiled).
 * From the pack, each term is registered once, and a document's terms are numbers into an array.
 * The pack is read in place (a mapped file, off the heap): 17 MB at 10,000 synthetic articles, 131 MB at 100,000.
 * Its terms' characters too are read from it when asked for, not made into strings when it is
 * opened: 1.3 million strings at 100,000 articles were some 60 MB of the heap at the related step's
 * peak, and a tenth of a second of a publish into 10,000 on one core. A publish asks for a few.
 *
 * <p>Layout (big-endian): magic, format; the number of terms, then per term its hash (8 bytes)
 * and its UTF-8 (a varint length, the bytes), in the terms' order; the terms' table by hash (a
 * varint capacity, a power of two more than twice the terms, then per slot the number + 1 of the
 * term its probe from the hash's low bits meets there, 4 bytes, 0 for none); the number of entries, then per entry its key
 * (a varint length, UTF-8) and its terms (a varint count, then per term a varint number and the
 * weight as a float). The file's soundness is the cache's business (a checksum); a pack that does
 * not parse is not used.
 */
public final class AnalysisPack {

    private static final int MAGIC = 0x475a4150; // "GZAP"
    private static final int FORMAT = 3;

    private final ByteBuffer data;
    /** Where each term's UTF-8 (its varint length, then the bytes) is in {@link #data}, by number. */
    private final int[] termAt;
    private final long[] hashes;
    /** Where the table by hash starts in {@link #data}, and its capacity less one. */
    private final int table;
    private final int tableMask;
    /** Each entry's key, to its number. */
    private final Map<String, Integer> entries;
    /** By entry number, where its terms start in {@link #data}, and where they end. */
    private final int[] starts;
    private final int[] ends;

    private AnalysisPack(ByteBuffer data, int[] termAt, long[] hashes, int table, int capacity, Map<String, Integer> entries, int[] starts,
                         int[] ends) {
        this.data = data;
        this.termAt = termAt;
        this.hashes = hashes;
        this.table = table;
        this.tableMask = capacity - 1;
        this.entries = entries;
        this.starts = starts;
        this.ends = ends;
    }

    /** The pack in {@code data} (read in place, never copied), or empty when it is not one of this format. */
    public static Optional<AnalysisPack> read(ByteBuffer data) {
        try {
            int[] at = {0};
            if (data.getInt(0) != MAGIC || data.getInt(4) != FORMAT) {
                return Optional.empty();
            }
            at[0] = 8;
            int termCount = varint(data, at);
            if (termCount < 0 || termCount > data.limit()) {
                return Optional.empty();
            }
            int[] termAt = new int[termCount];
            long[] hashes = new long[termCount];
            int before = -1;
            int beforeLength = 0;
            for (int t = 0; t < termCount; t++) {
                hashes[t] = data.getLong(at[0]);
                at[0] += 8;
                termAt[t] = at[0];
                int length = varint(data, at);
                if (length < 0 || length > data.limit() - at[0]) {
                    return Optional.empty();
                }
                if (t > 0 && compare(data, before, beforeLength, at[0], length) >= 0) {
                    return Optional.empty(); // distinct, in their order: the index relies on it
                }
                before = at[0];
                beforeLength = length;
                at[0] += length;
            }
            int capacity = varint(data, at);
            if (capacity != capacity(termCount)) {
                return Optional.empty();
            }
            int table = at[0];
            at[0] += 4 * capacity; // each slot is checked when a lookup reads it
            int entryCount = varint(data, at);
            if (entryCount < 0 || entryCount > data.limit()) {
                return Optional.empty();
            }
            Map<String, Integer> entries = new HashMap<>(entryCount * 2);
            int[] starts = new int[entryCount];
            int[] ends = new int[entryCount];
            for (int e = 0; e < entryCount; e++) {
                String key = utf8(data, at);
                entries.put(key, e);
                starts[e] = at[0];
                int n = varint(data, at);
                if (n < 0) {
                    return Optional.empty();
                }
                for (int k = 0; k < n; k++) {
                    if (varint(data, at) >= termCount) {
                        return Optional.empty();
                    }
                    at[0] += 4;
                }
                ends[e] = at[0];
            }
            if (at[0] != data.limit() || entries.size() != entryCount) {
                return Optional.empty();
            }
            return Optional.of(new AnalysisPack(data, termAt, hashes, table, capacity, entries, starts, ends));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Entries in the pack. */
    public int size() {
        return entries.size();
    }

    /** Whether the pack holds the analysis of key {@code key}. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The number of distinct terms. */
    int terms() {
        return termAt.length;
    }

    /** Term {@code t}'s characters, read from the pack (a new string at each call). Safe from many threads. */
    String term(int t) {
        return utf8(data, new int[] {termAt[t]});
    }

    /** Term {@code t}'s hash ({@link TermIds#hash}). */
    long hash(int t) {
        return hashes[t];
    }

    /**
     * The order of the UTF-8 strings at {@code a} and {@code b} in {@code data}, as their {@link
     * String#compareTo} has it, without making them: byte by byte, which is the order of their
     * code points and so of their UTF-16 units, unless one holds a character from U+E000 on (a
     * lead byte from 0xEE): there a character past U+FFFF, two surrogates from U+D800, sorts
     * before it as a string. Those few are compared as strings.
     */
    private static int compare(ByteBuffer data, int a, int aLength, int b, int bLength) {
        for (int i = 0; i < aLength; i++) {
            if ((data.get(a + i) & 0xff) >= 0xee) {
                return stringAt(data, a, aLength).compareTo(stringAt(data, b, bLength));
            }
        }
        for (int i = 0; i < bLength; i++) {
            if ((data.get(b + i) & 0xff) >= 0xee) {
                return stringAt(data, a, aLength).compareTo(stringAt(data, b, bLength));
            }
        }
        for (int i = 0, n = Math.min(aLength, bLength); i < n; i++) {
            int x = data.get(a + i) & 0xff;
            int y = data.get(b + i) & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return aLength - bLength;
    }

    private static String stringAt(ByteBuffer data, int at, int length) {
        byte[] bytes = new byte[length];
        data.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The number of the term of hash {@code h} ({@link TermIds#hash}), or -1 when the pack has
     * none. By hash alone, as {@link TermIds} knows terms: a term is the same one here and there.
     */
    int numberOf(long h) {
        for (int i = (int) h & tableMask, probes = 0; probes <= tableMask; i = (i + 1) & tableMask, probes++) {
            int slot = data.getInt(table + 4 * i);
            if (slot <= 0 || slot > hashes.length) {
                return -1; // empty (or not a number this pack has: then no term is found by it)
            }
            if (hashes[slot - 1] == h) {
                return slot - 1;
            }
        }
        return -1;
    }

    /** The table's capacity for {@code terms} terms: a power of two more than twice as many, so a probe meets an empty slot soon. */
    private static int capacity(int terms) {
        return Integer.highestOneBit(Math.max(1, 2 * terms)) << 1;
    }

    /** The number of the entry {@code key}, for {@link #read}; -1 when the pack has none. */
    int entryOf(String key) {
        Integer e = entries.get(key);
        return e == null ? -1 : e;
    }

    /**
     * Reads the entry numbered {@code entry} into {@code into}: each term by its number, with its weight. Safe from many threads (reads only), each with its own {@code into}.
     * The entry's bytes are copied out in one call, then decoded from the copy: decoded byte by
     * byte from the mapped file, each read through the buffer's checks, the related step at
     * 100,000 articles was slower than with the analyses held in arrays.
     */
    void read(int entry, DocTerms into) {
        int start = starts[entry];
        byte[] raw = into.raw(ends[entry] - start);
        data.get(start, raw, 0, ends[entry] - start);
        long count = varint(raw, 0);
        int n = (int) (count >>> 32);
        int at = (int) count;
        into.fill(n);
        int[] ids = into.ids();
        float[] weights = into.weights();
        for (int k = 0; k < n; k++) {
            long number = varint(raw, at);
            at = (int) number;
            ids[k] = (int) (number >>> 32);
            weights[k] = Float.intBitsToFloat(((raw[at] & 0xff) << 24) | ((raw[at + 1] & 0xff) << 16) | ((raw[at + 2] & 0xff) << 8)
                    | (raw[at + 3] & 0xff));
            at += 4;
        }
    }

    /** What gives a pack being written each document's terms (as numbered in its {@code byId}) and weights. */
    interface Documents {
        /** How many. */
        int size();

        /** Document {@code d}'s terms and weights, into {@code into}. */
        void load(int d, DocTerms into);
    }

    /**
     * Writes a pack of {@code docs}: document {@code d}'s terms are numbers into {@code terms}
     * (the builder's ids), under the key {@code keys[d]}. Only the terms some document has are
     * written, numbered in their strings' order; a key met twice is written once.
     */
    static void write(OutputStream sink, String[] keys, Documents docs, RelatedIndex.BuilderTerms terms) throws IOException {
        boolean[] used = new boolean[terms.size()];
        int count = 0;
        DocTerms doc = new DocTerms();
        for (int d = 0; d < docs.size(); d++) {
            docs.load(d, doc);
            for (int k = 0; k < doc.length(); k++) {
                int id = doc.ids()[k];
                count += used[id] ? 0 : 1;
                used[id] = true;
            }
        }
        // Numbered in the terms' order: a builder that registers them first has them in order (see RelatedIndex.Builder#withPack).
        int[] once = new int[count];
        for (int id = 0, at = 0; id < used.length; id++) {
            if (used[id]) {
                once[at++] = id;
            }
        }
        int[] order = RelatedIndex.inTermOrder(once, terms::term);
        long[] hashById = new long[used.length];
        for (int id : once) {
            hashById[id] = terms.hash(id);
        }
        int[] number = new int[used.length];
        for (int t = 0; t < count; t++) {
            number[order[t]] = t;
        }
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(sink, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        writeVarint(out, count);
        for (int t = 0; t < count; t++) {
            out.writeLong(hashById[order[t]]);
            byte[] utf8 = terms.term(order[t]).getBytes(StandardCharsets.UTF_8);
            writeVarint(out, utf8.length);
            out.write(utf8);
        }
        int capacity = capacity(count);
        int[] table = new int[capacity];
        for (int t = 0; t < count; t++) {
            int i = (int) hashById[order[t]] & (capacity - 1);
            while (table[i] != 0 && hashById[order[table[i] - 1]] != hashById[order[t]]) {
                i = (i + 1) & (capacity - 1);
            }
            if (table[i] == 0) {
                table[i] = t + 1; // two terms of one hash are one term to a lookup, as in TermIds: the first
            }
        }
        writeVarint(out, capacity);
        for (int slot : table) {
            out.writeInt(slot);
        }
        java.util.Set<String> written = new java.util.HashSet<>(keys.length * 2);
        int distinct = 0;
        for (String key : keys) {
            distinct += written.add(key) ? 1 : 0;
        }
        writeVarint(out, distinct);
        written.clear();
        for (int d = 0; d < keys.length; d++) {
            if (!written.add(keys[d])) {
                continue;
            }
            docs.load(d, doc);
            byte[] key = keys[d].getBytes(StandardCharsets.UTF_8);
            writeVarint(out, key.length);
            out.write(key);
            writeVarint(out, doc.length());
            for (int k = 0; k < doc.length(); k++) {
                writeVarint(out, number[doc.ids()[k]]);
                out.writeFloat(doc.weights()[k]);
            }
        }
        out.flush();
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7f) != 0) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    /** The varint at {@code raw[at]}: its value in the high half, the place after it in the low half. */
    private static long varint(byte[] raw, int at) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = raw[at++];
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                return ((long) value << 32) | at;
            }
        }
    }

    private static int varint(ByteBuffer data, int[] at) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = data.get(at[0]++);
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static String utf8(ByteBuffer data, int[] at) {
        int length = varint(data, at);
        if (length < 0 || length > data.limit() - at[0]) {
            throw new IllegalArgumentException("string past the end");
        }
        byte[] bytes = new byte[length];
        data.get(at[0], bytes);
        at[0] += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
