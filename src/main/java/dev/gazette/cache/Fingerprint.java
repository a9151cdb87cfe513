package dev.gazette.cache;

import dev.gazette.model.Body;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import dev.gazette.text.ContentHash;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A content hash ({@link ContentHash}) of a data value made of records, collections, maps, strings, numbers, booleans, enums
 * and dates: the fingerprint of a template's model. Two models with the same fingerprint render to
 * the same page (with the same templates), so a page whose fingerprint has not changed need not be
 * rendered again. The walk is structural, with a tag and a length before every part, so values
 * that merely print alike (a title holding ", lead=") never collide, as {@code toString()} could.
 * A value of any other type makes the model unfingerprintable: its page is always rendered.
 */
public final class Fingerprint {

    /** A record type's name, as bytes, and its components' accessors: looked up once per type. */
    private record Shape(byte[] name, Method[] accessors) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    /**
     * A value that is a pure function of its {@link #inputs()}, costly to compute: fingerprinted by
     * its inputs, so that a page kept from the last build never computes it (an article's JSON-LD,
     * built only to be hashed, was a twentieth of a publish's CPU). Its inputs must be everything
     * it is made from.
     */
    public interface Derived {
        /** What the value is made from, as a fingerprintable value; its type tells derivations apart. */
        Object inputs();
    }

    private Fingerprint() {
    }

    /** Per thread, the buffer a value is written out into before it is hashed in one pass. */
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    /**
     * Values that many models share (a teaser appears on every list and related block that names
     * its article; the site's view on every page), by type: each one's hash is computed once per
     * build and stands for it, instead of walking it again on every page. Values are told apart by
     * equality, so an equal copy shares the hash too. Thread-safe.
     */
    public static final class Shared {
        /** Past this many values a thread's own map is emptied: it must not grow with the archive. */
        private static final int OWN_LIMIT = 1 << 15;
        private final java.util.Set<Class<?>> types;
        private final Map<Object, byte[]> hashes = new ConcurrentHashMap<>();
        /**
         * Per thread, the hashes by identity: the values a page shares are, nearly always, the very
         * objects other pages hold (a planner makes each teaser once), and an identity lookup
         * skips the record's hashCode and equals over all its fields, which cost a sixth of
         * fingerprinting a publish's pages (profiled at 10,000 articles).
         */
        private final ThreadLocal<java.util.IdentityHashMap<Object, byte[]>> own =
                ThreadLocal.withInitial(java.util.IdentityHashMap::new);

        public Shared(java.util.Set<Class<?>> types) {
            this.types = java.util.Set.copyOf(types);
        }
    }

    /** The fingerprint of {@code value} under {@code context} (what else the output depends on), or empty. */
    public static Optional<String> of(String context, Object value) {
        return of(context, value, null);
    }

    /** As {@link #of(String, Object)}, with the hashes of {@code shared} values (may be {@code null}) computed once. */
    public static Optional<String> of(String context, Object value, Shared shared) {
        Buffer d = BUFFERS.get();
        d.reset();
        bytes(d, context.getBytes(StandardCharsets.UTF_8));
        try {
            walk(d, value, shared);
        } catch (Unfingerprintable e) {
            return Optional.empty();
        }
        String hash = ContentHash.of(d.bytes(), d.size());
        d.trim();
        return Optional.of(hash);
    }

    /**
     * A growable byte buffer, kept per thread: a page's data is tens of kilobytes. Not a
     * {@code ByteArrayOutputStream}, whose every write is synchronized: that cost more than the
     * hashing itself.
     */
    private static final class Buffer {
        /** A buffer grown past this by one huge page is dropped afterwards rather than kept. */
        private static final int KEEP = 1 << 22;
        private byte[] buf;
        private int count;

        Buffer() {
            this(1 << 16);
        }

        Buffer(int capacity) {
            buf = new byte[capacity];
        }

        void reset() {
            count = 0;
        }

        byte[] bytes() {
            return buf;
        }

        int size() {
            return count;
        }

        private void room(int n) {
            if (count + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + n));
            }
        }

        void update(byte b) {
            room(1);
            buf[count++] = b;
        }

        void update(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, count, b.length);
            count += b.length;
        }

        void updateInt(int n) {
            room(4);
            buf[count++] = (byte) (n >>> 24);
            buf[count++] = (byte) (n >>> 16);
            buf[count++] = (byte) (n >>> 8);
            buf[count++] = (byte) n;
        }

        private char[] chars = new char[256];

        /**
         * A string as its length and UTF-16 code units: one bulk copy out of the string, then a
         * plain loop. Encoding to UTF-8 first cost more than the hash on the quick compiler, with a
         * bounds check per character of every accented (UTF-16) string.
         */
        void updateString(String s) {
            int n = s.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            s.getChars(0, n, chars, 0);
            room(4 + 2 * n);
            updateInt(n);
            byte[] b = buf;
            int at = count;
            char[] c = chars;
            for (int i = 0; i < n; i++) {
                char ch = c[i];
                b[at++] = (byte) (ch >>> 8);
                b[at++] = (byte) ch;
            }
            count = at;
        }

        void updateLong(long n) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[count++] = (byte) (n >>> shift);
            }
        }

        void trim() {
            if (buf.length > KEEP) {
                buf = new byte[1 << 16];
            }
        }
    }

    private static final class Unfingerprintable extends Exception {
        private static final long serialVersionUID = 1L;

        Unfingerprintable() {
            super(null, null, false, false);
        }
    }

    private static void walk(Buffer d, Object v, Shared shared) throws Unfingerprintable {
        if (shared != null && v != null && shared.types.contains(v.getClass())) {
            java.util.IdentityHashMap<Object, byte[]> mine = shared.own.get();
            byte[] hash = mine.get(v);
            if (hash == null) {
                hash = shared.hashes.get(v);
                if (hash == null) {
                    Buffer own = new Buffer(1 << 10);
                    walk(own, v, null);
                    hash = ContentHash.raw(own.bytes(), own.size());
                    shared.hashes.putIfAbsent(v, hash);
                }
                if (mine.size() >= Shared.OWN_LIMIT) {
                    mine.clear();
                }
                mine.put(v, hash);
            }
            d.update((byte) 8);
            d.update(hash);
            return;
        }
        if (v == null) {
            d.update((byte) 0);
        } else if (v instanceof String s) {
            d.update((byte) 1);
            d.updateString(s);
        } else if (v instanceof Integer || v instanceof Long) {
            d.update((byte) 9);
            d.update(v instanceof Integer ? (byte) 0 : (byte) 1);
            d.updateLong(((Number) v).longValue());
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof TemporalAccessor) {
            d.update((byte) 2);
            bytes(d, (v.getClass().getName() + ":" + v).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Enum<?> e) {
            d.update((byte) 3);
            bytes(d, (e.getDeclaringClass().getName() + ":" + e.name()).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Derived derived) {
            d.update((byte) 11);
            bytes(d, derived.getClass().getName().getBytes(StandardCharsets.UTF_8));
            walk(d, derived.inputs(), shared);
        } else if (v instanceof Body b) {
            // A body by the hash of its bytes: the same whether held in memory or kept in the
            // build's file of bodies, and known there without reading the text back.
            d.update((byte) 10);
            bytes(d, hashOf(b).getBytes(StandardCharsets.US_ASCII));
        } else if (v instanceof Record r) {
            d.update((byte) 4);
            Shape shape = shape(r.getClass());
            bytes(d, shape.name());
            for (Method m : shape.accessors()) {
                try {
                    walk(d, m.invoke(r), shared);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new Unfingerprintable();
                }
            }
        } else if (v instanceof Collection<?> c) {
            d.update((byte) 5);
            length(d, c.size());
            for (Object o : c) {
                walk(d, o, shared);
            }
        } else if (v instanceof Map<?, ?> m) {
            // Iteration order is part of the value: templates list entries in that order.
            d.update((byte) 6);
            length(d, m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(d, e.getKey(), shared);
                walk(d, e.getValue(), shared);
            }
        } else if (v instanceof Optional<?> o) {
            d.update((byte) 7);
            walk(d, o.orElse(null), shared);
        } else {
            throw new Unfingerprintable();
        }
    }

    /** The hash of a body's UTF-8 bytes ({@link ContentHash}), without reading it when it is known. */
    static String hashOf(Body body) {
        return body.knownHash().orElseGet(() -> ContentHash.of(body.html().getBytes(StandardCharsets.UTF_8)));
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Method[] methods = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                methods[i] = components[i].getAccessor();
                methods[i].setAccessible(true);
            }
            return new Shape(t.getName().getBytes(StandardCharsets.UTF_8), methods);
        });
    }

    private static void bytes(Buffer d, byte[] b) {
        length(d, b.length);
        d.update(b);
    }

    private static void length(Buffer d, int n) {
        d.updateInt(n);
    }
}
