package dev.gazette.cache;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed sources of an output's last builds in one file, each under its path with what the
 * file system said of the source then (size, modification time, identity) and its key: a source
 * the look before the build finds as it was is taken from here, its bytes neither read nor hashed,
 * and its entry not opened. A publish into 10,000 articles read 10,000 sources and opened 10,000
 * entries to find that one had changed; at 100,000 that was 5 to 9 seconds of each publish.
 *
 * <p>Only sources whose time is older than the look by the racy margin ({@code UpToDate}) are
 * trusted by their file system's word, as Git does with its index: a file changed within the
 * clock's tick of the look is read, its bytes hashed. The payload of each entry is the one its own
 * entry file holds ({@link Codec}), so either serves.
 *
 * <p>Layout: magic, format, the reading's settings (a varint length, UTF-8); per entry its path,
 * its file system's word, its key and its payload, each a varint length then the bytes; the number
 * of entries (4 bytes). Its soundness is the cache's (a checksum over it all).
 */
final class SourceSnapshot {

    private static final int MAGIC = 0x475a5353; // "GZSS"
    private static final int FORMAT = 1;

    /** One source as the snapshot holds it: the payload's place in the file. */
    record Held(String stat, String key, int offset, int length) {
    }

    private final ByteBuffer data;
    private final Map<String, Held> entries;

    private SourceSnapshot(ByteBuffer data, Map<String, Held> entries) {
        this.data = data;
        this.entries = entries;
    }

    /** The snapshot in {@code data} for sources read with {@code settings}, read in place; empty when it is not one. */
    static Optional<SourceSnapshot> read(ByteBuffer data, String settings) {
        try {
            if (data.getInt(0) != MAGIC || data.getInt(4) != FORMAT) {
                return Optional.empty();
            }
            int end = data.limit() - 4;
            int count = data.getInt(end);
            if (count < 0 || count > end) {
                return Optional.empty();
            }
            int[] at = {8};
            if (!settings.equals(string(data, at, end))) {
                return Optional.empty();
            }
            Map<String, Held> entries = new HashMap<>(count * 2);
            while (at[0] < end) {
                String path = string(data, at, end);
                String stat = string(data, at, end);
                String key = string(data, at, end);
                int length = length(data, at, end);
                entries.put(path, new Held(stat, key, at[0], length));
                at[0] += length;
            }
            return at[0] == end && entries.size() == count ? Optional.of(new SourceSnapshot(data, entries)) : Optional.empty();
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Entries in the snapshot. */
    int size() {
        return entries.size();
    }

    /** The source at {@code path} if the snapshot holds it with that word of the file system. */
    Held held(String path, String stat) {
        Held h = entries.get(path);
        return h != null && h.stat().equals(stat) ? h : null;
    }

    /** The payload of {@code held}, copied out. Safe from many threads. */
    byte[] payload(Held held) {
        byte[] bytes = new byte[held.length()];
        data.get(held.offset(), bytes);
        return bytes;
    }

    /** One source for a snapshot being written. */
    record Source(String path, String stat, String key) {
    }

    /** What gives a snapshot being written each source's payload, or {@code null} when it has none. */
    interface Payloads {
        byte[] of(Source source);
    }

    /** Writes a snapshot of {@code sources} (in their order) read with {@code settings}; a source without a payload is left out. */
    static void write(OutputStream sink, String settings, List<Source> sources, Payloads payloads) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(sink, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        writeString(out, settings);
        int count = 0;
        for (Source s : sources) {
            byte[] payload = payloads.of(s);
            if (payload == null) {
                continue;
            }
            writeString(out, s.path());
            writeString(out, s.stat());
            writeString(out, s.key());
            writeVarint(out, payload.length);
            out.write(payload);
            count++;
        }
        // Last, so that the payloads are streamed in one pass, each held only while it is written.
        out.writeInt(count);
        out.flush();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, utf8.length);
        out.write(utf8);
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7f) != 0) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static String string(ByteBuffer data, int[] at, int end) {
        int length = length(data, at, end);
        byte[] bytes = new byte[length];
        data.get(at[0], bytes);
        at[0] += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int length(ByteBuffer data, int[] at, int end) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = data.get(at[0]++);
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                if (value < 0 || value > end - at[0]) {
                    throw new IllegalArgumentException("past the end");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }
}
