package dev.gazette.cache;

import dev.gazette.model.Body;
import dev.gazette.model.ArticleId;
import dev.gazette.model.RelatedLists;
import dev.gazette.related.RelatedIndex;
import dev.gazette.source.ParsedSource;
import dev.gazette.text.ContentHash;
import java.nio.ByteBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A build cache folder. Entries are files named by the hash of their inputs, written to a
 * temporary name and renamed into place, so a build killed at any moment leaves every entry whole
 * or absent. Each entry ends with a checksum: a damaged one is a miss, never a wrong article.
 * Safe for concurrent use by the threads of one build (and by two builds sharing the folder: the
 * same key always holds the same bytes).
 *
 * <p>Layout: {@code VERSION} (the Gazette build that wrote the entries), {@code sources/ab/…}
 * (parsed sources), {@code analysis/ab/…} (text analyses for related content), {@code analysis-pack/…} (all of
 * an output's analyses in one file, see {@link dev.gazette.related.AnalysisPack}), {@code sources-snapshot/…} (its
 * parsed sources in one file, see {@link SourceSnapshot}), {@code related/…}
 * (every article's related list, one entry per output folder), {@code pages/…}
 * (see {@link PageMemo}), {@code renditions/ab/…} (images' smaller copies, by their source's bytes).
 */
public final class BuildCache {

    private final Path root;
    private final String version;
    private final String notice;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    private BuildCache(Path root, String version, String notice) {
        this.root = root;
        this.version = version;
        this.notice = notice;
    }

    /**
     * Opens (or creates) the cache in {@code folder} for this build of Gazette. A cache written by
     * another build, or one whose version file is damaged, is emptied first, with a notice.
     */
    public static BuildCache open(Path folder) throws IOException {
        String version = codeVersion();
        Path root = folder.toAbsolutePath().normalize();
        Path versionFile = root.resolve("VERSION");
        String notice = null;
        if (Files.isDirectory(root)) {
            String found = Files.isRegularFile(versionFile) ? Files.readString(versionFile, StandardCharsets.UTF_8).strip() : null;
            if (!version.equals(found)) {
                if (found != null || hasEntries(root)) {
                    notice = "the build cache " + folder + " was written by " + (found == null ? "an unknown version" : "another version")
                            + " of Gazette: it was emptied and is filled again by this build.";
                }
                discard(root);
            }
        }
        Files.createDirectories(root);
        removeDiscarded(root);
        if (!Files.isRegularFile(versionFile)) {
            writeAtomically(versionFile, (version + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new BuildCache(root, version, notice);
    }

    /** One line for the user when the cache had to be discarded, or empty. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** The Gazette build entries are valid for. */
    public String version() {
        return version;
    }

    /** The cache's folder. */
    public Path folder() {
        return root;
    }

    /**
     * The key of a source: its path, its bytes and the settings its reading depends on ({@code
     * settings}, e.g. the time zone), with this build of Gazette.
     */
    public String sourceKey(String relative, byte[] bytes, String settings) {
        return hashOf(utf8(version), utf8("source"), utf8(settings), utf8(relative), bytes);
    }

    /**
     * The content hash ({@link ContentHash}) of {@code parts}, each preceded by its length so that
     * no two lists of parts run together alike. Keys need resistance to accident, not to forgery:
     * whoever could forge a collision writes the sources anyway.
     */
    private static String hashOf(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += 4 + part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.putInt(part.length).put(part);
        }
        return ContentHash.of(all.array());
    }

    private static byte[] utf8(String text) {
        return (text == null ? "\u0000null" : text).getBytes(StandardCharsets.UTF_8);
    }

    /** The parsed source stored under {@code key}, if there is a whole one, its body held in memory. */
    public Optional<ParsedSource> source(String key) {
        return source(key, ref -> {
            byte[] bytes = body(ContentHash.hex(ref.hashHigh(), ref.hashLow()), ref.length());
            return bytes == null ? null : Body.of(new String(bytes, StandardCharsets.UTF_8));
        });
    }

    /**
     * As {@link #source(String)}, its article's body left in the cache ({@link CachedBody}), read
     * only when a step needs its text; {@code recover} parses it again from its source should its
     * entry be damaged by then. A body whose entry is missing, or not of its length, is a miss.
     */
    public Optional<ParsedSource> source(String key, java.util.function.Supplier<String> recover) {
        return source(key, cachedBody(recover));
    }

    /** A body left in the cache, if its entry is there and of its length. */
    private java.util.function.Function<Codec.BodyRef, Body> cachedBody(java.util.function.Supplier<String> recover) {
        return ref -> {
            Path file = entry("bodies", ContentHash.hex(ref.hashHigh(), ref.hashLow()));
            try {
                if (Files.size(file) != ref.length() + 4L) {
                    return null;
                }
            } catch (IOException | UncheckedIOException e) {
                return null;
            }
            return keptBody(ref, recover);
        };
    }

    /** The body {@code ref} points to, left in the cache: read (and checked) only when a step needs its text. */
    private CachedBody keptBody(Codec.BodyRef ref, java.util.function.Supplier<String> recover) {
        return new CachedBody(this, ref.hashHigh(), ref.hashLow(), ref.length(), ref.imageTag(), recover);
    }

    private Optional<ParsedSource> source(String key, java.util.function.Function<Codec.BodyRef, Body> bodyOf) {
        Optional<ParsedSource> parsed = decode(read(entry("sources", key)), bodyOf);
        (parsed.isPresent() ? hits : misses).incrementAndGet();
        return parsed;
    }

    /** A source's entry decoded, or empty when there is none or it does not decode. */
    private static Optional<ParsedSource> decode(byte[] bytes, java.util.function.Function<Codec.BodyRef, Body> bodyOf) {
        if (bytes != null) {
            try {
                return Optional.of(Codec.decode(new ByteReader(bytes), bodyOf));
            } catch (IOException | RuntimeException e) {
                // A checksum collision over garbage, a layout from an unknown build, a body gone: a miss.
            }
        }
        return Optional.empty();
    }

    /** The sources' snapshot of the output this build writes ({@link SourceSnapshot}), once opened. */
    private volatile SourceSnapshot snapshot;
    private volatile String snapshotOutput;
    private volatile String snapshotSettings;
    /** The sources this build read whose file system's word it trusts, by path; and how many the snapshot gave. */
    private final Map<String, SourceSnapshot.Source> trustedSources = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong snapshotHits = new AtomicLong();

    /** The cache's kind of entry for an output's parsed sources in one file ({@link SourceSnapshot}). */
    static final String SNAPSHOT = "sources-snapshot";
    /**
     * A file of an output's entries (its sources' snapshot, its analyses' pack) is written again
     * when this many of the build's articles were not in it, or this many of its entries were
     * not used, or a share of the articles if more ({@link #MISSED_SHARE}, {@link #STALE_SHARE}):
     * a publish reads its new article from its own entries, and the file (131 MB of analyses at
     * 100,000 articles) is rewritten once every few hundred publishes, not at each.
     */
    private static final int SLACK = 64;
    private static final int MISSED_SHARE = 32;
    private static final int STALE_SHARE = 8;

    /** Whether a file of {@code held} entries, {@code used} of which served a build of {@code wanted} articles, is worth writing again. */
    public static boolean worn(int held, int used, int wanted) {
        return wanted - used > Math.max(SLACK, wanted / MISSED_SHARE) || held - used > Math.max(SLACK, wanted / STALE_SHARE);
    }

    /**
     * Opens the snapshot of the sources of the last builds into {@code output}, read with
     * {@code settings} (those of {@link #sourceKey}): call before {@link #snapshotSource}.
     */
    public void openSnapshot(String output, String settings) {
        snapshotOutput = output;
        snapshotSettings = settings;
        snapshot = mappedOwnPayload(SNAPSHOT, output).flatMap(data -> SourceSnapshot.read(data, settings)).orElse(null);
    }

    /**
     * The source at {@code relative} (its body left in the cache, as {@link #source(String,
     * java.util.function.Supplier)} gives it), from the snapshot, when the file system says of it
     * what it said when the snapshot took it: {@code stat}, a word the caller trusts (not within
     * the racy margin of the look). Empty otherwise: read the source. Unlike {@link
     * #source(String, java.util.function.Supplier)}, a body whose entry is gone is not a miss
     * here: it is found gone when read, and parsed again from its source by {@code recover}.
     */
    public Optional<ParsedSource> snapshotSource(String relative, String stat, java.util.function.Supplier<String> recover) {
        SourceSnapshot s = snapshot;
        SourceSnapshot.Held held = s == null ? null : s.held(relative, stat);
        if (held == null) {
            return Optional.empty();
        }
        // Its body is not looked for here: it is checked when read (CachedBody), and parsed again
        // from its source if it is gone by then. Looking for each body's entry was a file system
        // call per article at every publish (100,000 at 100,000 articles), for the rare damaged cache.
        Optional<ParsedSource> parsed = decode(s.payload(held), ref -> keptBody(ref, recover));
        if (parsed.isPresent()) {
            snapshotHits.incrementAndGet();
            hits.incrementAndGet();
            trustedSources.put(relative, new SourceSnapshot.Source(relative, stat, held.key()));
        }
        return parsed;
    }

    /** Notes that the source at {@code relative}, of the trusted word {@code stat}, was read under {@code key}: for the next snapshot. */
    public void noteSource(String relative, String stat, String key) {
        trustedSources.put(relative, new SourceSnapshot.Source(relative, stat, key));
    }

    /**
     * Once every source is read: writes the snapshot of the trusted sources this build read (from
     * the old snapshot or their own entries) when there was none or it has worn.
     */
    public void saveSnapshot() {
        String output = snapshotOutput;
        if (output == null) {
            return;
        }
        try {
            saveSnapshot(output);
        } finally {
            // Done with for this build: two records and two strings per article (about 25 MB at
            // 100,000) would otherwise stay on the heap through the render.
            snapshot = null;
            snapshotOutput = null;
            trustedSources.clear();
        }
    }

    private void saveSnapshot(String output) {
        SourceSnapshot old = snapshot;
        int wanted = trustedSources.size();
        int used = (int) snapshotHits.get();
        if (old != null && !worn(old.size(), used, wanted)) {
            return;
        }
        List<SourceSnapshot.Source> sources = new ArrayList<>(trustedSources.values());
        sources.sort(Comparator.comparing(SourceSnapshot.Source::path));
        putOwnPayload(SNAPSHOT, output, out -> SourceSnapshot.write(out, snapshotSettings, sources, source -> {
            SourceSnapshot.Held held = old == null ? null : old.held(source.path(), source.stat());
            return held != null && held.key().equals(source.key()) ? old.payload(held) : read(entry("sources", source.key()));
        }));
    }

    /**
     * Stores {@code parsed} under {@code key}, its body in an entry of its own named by its hash
     * (two sources with one body share it); a failure to write only costs the next build a parse.
     */
    public void putSource(String key, ParsedSource parsed) {
        Codec.BodyRef ref = Codec.BodyRef.EMPTY;
        if (parsed.article() != null && !parsed.article().body().isEmpty()) {
            byte[] utf8 = parsed.article().bodyHtml().getBytes(StandardCharsets.UTF_8);
            long[] hash = ContentHash.halves(utf8, utf8.length);
            ref = new Codec.BodyRef(hash[0], hash[1], utf8.length, Body.holdsImageTag(utf8));
            // Written before the source's entry that points to it: a build killed in between leaves
            // a body no source names yet, never a source without its body.
            write(entry("bodies", ContentHash.hex(hash[0], hash[1])), utf8);
        }
        write(entry("sources", key), Codec.encode(parsed, ref));
    }

    /**
     * The body stored under {@code hash}, if its entry is whole, of {@code length} bytes and of
     * that hash; else {@code null}.
     */
    byte[] body(String hash, int length) {
        byte[] bytes = read(entry("bodies", hash));
        if (bytes == null || bytes.length != length || !ContentHash.of(bytes).equals(hash)) {
            return null;
        }
        return bytes;
    }

    /**
     * The key of a document's text analysis for related content: the texts it reads and the
     * language it reads them in, with this build of Gazette (which fixes the analyzers).
     */
    public String analysisKey(String language, String title, String lead, Body body) {
        // The body by its hash: a kept body knows it, and is not read back for its key.
        return hashOf(utf8(version), utf8("analysis"), utf8(language), utf8(title), utf8(lead), utf8("body"),
                utf8(Fingerprint.hashOf(body)));
    }

    /** The analysis stored under {@code key}, if there is a whole one. */
    public Optional<RelatedIndex.Analysis> analysis(String key) {
        byte[] bytes = read(entry("analysis", key));
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            ByteReader in = new ByteReader(bytes);
            int n = in.readInt();
            if (n < 0 || n > bytes.length) {
                return Optional.empty();
            }
            String[] terms = new String[n];
            float[] weights = new float[n];
            for (int i = 0; i < n; i++) {
                terms[i] = in.readUTF();
                weights[i] = in.readFloat();
            }
            return Optional.of(new RelatedIndex.Analysis(terms, weights));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code analysis} under {@code key}; best effort. */
    public void putAnalysis(String key, RelatedIndex.Analysis analysis) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(analysis.terms().length * 12 + 8);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(analysis.terms().length);
            for (int i = 0; i < analysis.terms().length; i++) {
                out.writeUTF(analysis.terms()[i]);
                out.writeFloat(analysis.weights()[i]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        write(entry("analysis", key), bytes.toByteArray());
    }

    /** A key for {@code kind} from a text that holds all its inputs, with this build of Gazette. */
    public String key(String kind, String inputs) {
        return hashOf(utf8(version), utf8(kind), utf8(inputs));
    }

    /** As {@link #key(String, String)}, for inputs that are {@code text} and then a sequence of hashes. */
    public String key(String kind, String text, long[] hashes) {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * hashes.length);
        bytes.asLongBuffer().put(hashes);
        return hashOf(utf8(version), utf8(kind), utf8(text), bytes.array());
    }

    /**
     * The related lists the last build into {@code output} stored, when they were computed from
     * the inputs {@code key} names and are whole. One entry per output folder: the cache never
     * grows with the number of builds.
     */
    public Optional<RelatedLists> relatedLists(String output, String key) {
        byte[] bytes = read(ownEntry("related", output));
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            ByteReader in = new ByteReader(bytes);
            if (!in.readUTF().equals(key)) {
                return Optional.empty();
            }
            int size = in.readInt();
            if (size < 0 || size > bytes.length) {
                return Optional.empty();
            }
            ArticleId[] ids = new ArticleId[size];
            for (int i = 0; i < size; i++) {
                ids[i] = new ArticleId(in.readUTF());
            }
            java.util.Map<ArticleId, List<ArticleId>> lists = new java.util.HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                int n = in.readInt();
                if (n < 0 || n > size) {
                    return Optional.empty();
                }
                List<ArticleId> list = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    list.add(ids[in.readInt()]);
                }
                lists.put(ids[i], list);
            }
            return Optional.of(RelatedLists.of(lists));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores the related lists of the build into {@code output}, computed from the inputs {@code
     * key} names, for the articles {@code ids}: {@code byPosition[i]} is the list of {@code
     * ids.get(i)}, each related article by its position in {@code ids}, which is how the entry
     * numbers them. (Numbering them again through a map by id, two million lookups in a map too
     * large for the processor's cache, was 6.5% of the related step's samples in a publish at
     * 100,000 articles.) Best effort.
     */
    public void putRelatedLists(String output, String key, int[][] byPosition, List<ArticleId> ids) {
        if (byPosition.length != ids.size()) {
            throw new IllegalArgumentException("one list per article");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(ids.size() * 64 + 80);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeUTF(key);
            out.writeInt(ids.size());
            for (ArticleId id : ids) {
                out.writeUTF(id.path());
            }
            for (int[] list : byPosition) {
                out.writeInt(list.length);
                for (int related : list) {
                    out.writeInt(related);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        write(ownEntry("related", output), bytes.toByteArray());
    }

    /** The one entry of {@code kind} that belongs to the output folder {@code output}. */
    Path ownEntry(String kind, String output) {
        return root.resolve(kind).resolve(hashOf(utf8(output)));
    }

    /** The payload of the one entry of {@code kind} that belongs to the output folder {@code output}, if it is there and sound. */
    public Optional<byte[]> ownPayload(String kind, String output) {
        return Optional.ofNullable(read(ownEntry(kind, output)));
    }

    /** Replaces the one entry of {@code kind} that belongs to the output folder {@code output}; best effort, as every entry. */
    public void putOwnPayload(String kind, String output, byte[] payload) {
        write(ownEntry(kind, output), payload);
    }

    /** What writes a large entry's payload, streamed, never whole in memory. */
    public interface PayloadWriter {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * As {@link #ownPayload}, for a large entry: the payload mapped from its file (off the heap),
     * read in place; its checksum verified first. Empty when it is missing or damaged.
     */
    public Optional<ByteBuffer> mappedOwnPayload(String kind, String output) {
        Path file = ownEntry(kind, output);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 4 || size > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            ByteBuffer all = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
            int payload = (int) size - 4;
            CRC32C crc = new CRC32C();
            crc.update(all.slice(0, payload));
            if ((int) crc.getValue() != all.getInt(payload)) {
                return Optional.empty();
            }
            return Optional.of(all.slice(0, payload));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #putOwnPayload}, for a large entry: its payload streamed to a temporary file by
     * {@code writer}, with its checksum, then renamed into place; best effort, as every entry.
     */
    public void putOwnPayload(String kind, String output, PayloadWriter writer) {
        Path file = ownEntry(kind, output);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
        try {
            Files.createDirectories(file.getParent());
            CRC32C crc = new CRC32C();
            try (java.io.OutputStream raw = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 java.util.zip.CheckedOutputStream checked = new java.util.zip.CheckedOutputStream(raw, crc)) {
                writer.writeTo(checked);
                checked.flush();
                int sum = (int) crc.getValue();
                raw.write(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            // A full disk or a read-only cache: the build's output does not depend on the cache.
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // left for the next build's writer of the same entry to replace
            }
        }
    }

    /**
     * The encoded image stored under {@code inputs} (what names a rendition: its source's content
     * hash, its width, the encoder), if there is a whole one.
     */
    public Optional<byte[]> rendition(String inputs) {
        return Optional.ofNullable(read(entry("renditions", key("rendition", inputs))));
    }

    /** Stores an encoded image under {@code inputs}; best effort. */
    public void putRendition(String inputs, byte[] bytes) {
        write(entry("renditions", key("rendition", inputs)), bytes);
    }

    /** Sources found in the cache and sources parsed, since it was opened. */
    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    private Path entry(String kind, String key) {
        return root.resolve(kind).resolve(key.substring(0, 2)).resolve(key.substring(2));
    }

    /** The payload of an entry, or {@code null} when it is missing or damaged (bad checksum). */
    static byte[] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        if (bytes.length < 4) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xFF) << 24) | ((bytes[bytes.length - 3] & 0xFF) << 16)
                | ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
        if ((int) crc.getValue() != stored) {
            return null;
        }
        return java.util.Arrays.copyOf(bytes, bytes.length - 4);
    }

    /** Writes {@code payload} and its checksum to {@code file}, atomically; best effort. */
    static void write(Path file, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        int sum = (int) crc.getValue();
        byte[] bytes = java.util.Arrays.copyOf(payload, payload.length + 4);
        bytes[payload.length] = (byte) (sum >>> 24);
        bytes[payload.length + 1] = (byte) (sum >>> 16);
        bytes[payload.length + 2] = (byte) (sum >>> 8);
        bytes[payload.length + 3] = (byte) sum;
        try {
            Files.createDirectories(file.getParent());
            writeAtomically(file, bytes);
        } catch (IOException | UncheckedIOException e) {
            // A full disk or a read-only cache: the build's output does not depend on the cache.
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }


    private static boolean hasEntries(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.anyMatch(p -> !p.getFileName().toString().startsWith(DISCARDED));
        }
    }

    /** The cache's own kinds of entries (it may sit in a user's folder, or hold the preview's site: nothing else is touched). */
    private static final String[] KINDS = {"sources", "bodies", "analysis", "related", "related-state", "analysis-pack", "sources-snapshot", "latent", "latent-coordinates", "search-index", "pages", "stamp", "renditions"};
    /** Prefix of a folder of entries set aside to be deleted. */
    private static final String DISCARDED = ".discarded-";

    /**
     * Empties the cache at once, by moving its entries into a folder set aside, deleted in the
     * background: tens of thousands of entries take many seconds to delete, which the build that
     * follows an upgrade of Gazette need not wait for. What a process leaves undeleted when it
     * ends, the next one deletes.
     */
    private static void discard(Path root) throws IOException {
        Path aside = root.resolve(DISCARDED + ProcessHandle.current().pid() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
        Files.createDirectories(aside);
        for (String kind : KINDS) {
            Path p = root.resolve(kind);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(p, aside.resolve(kind), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.deleteIfExists(root.resolve("VERSION"));
    }

    /** Deletes, on a background thread, the entries set aside by this or an earlier process. */
    private static void removeDiscarded(Path root) throws IOException {
        List<Path> discarded;
        try (Stream<Path> entries = Files.list(root)) {
            discarded = entries.filter(p -> p.getFileName().toString().startsWith(DISCARDED)).toList();
        }
        if (discarded.isEmpty()) {
            return;
        }
        Thread cleaner = new Thread(() -> {
            for (Path folder : discarded) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // Another process deleting it too, or a file system refusing: the next build tries again.
                }
            }
        }, "gazette-cache-cleaner");
        cleaner.setDaemon(true);
        cleaner.start();
    }

    /**
     * What identifies this build of Gazette: its version and, for the jar, its size and time, so a
     * rebuilt jar of the same version (a developer's) never trusts entries of the one before.
     */
    static String codeVersion() {
        String version = BuildCache.class.getPackage().getImplementationVersion();
        StringBuilder id = new StringBuilder(version == null ? "dev" : version).append('+').append(Codec.LAYOUT);
        try {
            var source = BuildCache.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    id.append('-').append(Files.size(location)).append('-').append(Files.getLastModifiedTime(location).toMillis());
                } else {
                    id.append("-classes-").append(Files.getLastModifiedTime(location).toMillis());
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            id.append("-unknown");
        }
        return id.toString();
    }
}
