package dev.gazette.pipeline;

import dev.gazette.cache.BuildCache;
import dev.gazette.cache.ByteReader;
import dev.gazette.model.Problem;
import dev.gazette.render.PageKind;
import dev.gazette.text.ContentHash;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first stage of a build with the cache: finds that nothing the site is made of changed since
 * the last successful build into the same output, and then ends the build there, as {@code make}
 * does, with that build's report (its warnings and skipped articles too) and no file touched.
 *
 * <p>What the site is made of, told apart by the file system's word (path, size, modification time
 * and file identity of every file, as Git and rsync do): everything under the articles folder
 * (sources and images) and the templates folder, the configuration file, the files it names (most
 * read, redirects), the options that change the output, and this build of Gazette. The output folder
 * must still be the one that build left (its identity, its modification time and its manifest's). A
 * file changed less than {@link #RACY_MILLIS} before a look could change again within the same tick
 * of the file system's clock, its size and time unchanged: such a file is known by its bytes' hash
 * too, as Git does with its "racily clean" entries, at that look and at the next.
 *
 * <p>The build's time matters too: which articles are still to come, which are recent enough for
 * the news sitemap, the footer's year. The last build records the times around its own at which one
 * of those would change ({@link TimeWindow}); a new time past one of them does the work.
 */
final class UpToDate {

    /** Modification times closer than this to the look are not trusted (coarse file system clocks). */
    static final long RACY_MILLIS = 2_000;
    private static final String KIND = "stamp";

    private final BuildCache cache;
    private final String output;
    /** The inputs as the last build's stamp describes them (recent files by their bytes as of its look). */
    private final String inputsSinceStored;
    /** The inputs as this build's stamp describes them (recent files by their bytes as of this look). */
    private final String inputs;
    private final long lookTime;
    /** A folder or file that could not be read: nothing is taken as unchanged, nothing recorded. */
    private final boolean unreadable;
    private final Stored stored;
    private final List<ExtraInput> extras = new ArrayList<>();
    private final Map<String, String> trustedSources;

    /**
     * When the build's time may move without changing the output: strictly between {@code after}
     * and {@code before}, or exactly {@code at}.
     */
    record TimeWindow(long at, long after, long before) {

        boolean admits(Instant now) {
            long t = now.toEpochMilli();
            return t == at || (after < t && t < before);
        }

        /**
         * The window around {@code now} for a site whose articles are dated {@code dates}: each date
         * is when an article stops being "to come", and each date plus the news sitemap's window when
         * it leaves that sitemap; the years' first instants change the footer. A site with no
         * article has feeds dated by the build's time itself: only that time is admitted.
         */
        static TimeWindow around(Instant now, ZoneId zone, List<Instant> dates) {
            long t = now.toEpochMilli();
            if (dates.isEmpty()) {
                return new TimeWindow(t, t, t);
            }
            long after = Long.MIN_VALUE;
            long before = Long.MAX_VALUE;
            boolean touching = false;
            ZonedDateTime local = now.atZone(zone);
            List<Long> thresholds = new ArrayList<>(dates.size() * 2 + 2);
            thresholds.add(local.withDayOfYear(1).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli());
            thresholds.add(local.withDayOfYear(1).toLocalDate().plusYears(1).atStartOfDay(zone).toInstant().toEpochMilli());
            for (Instant d : dates) {
                thresholds.add(d.toEpochMilli());
                thresholds.add(d.plus(dev.gazette.web.NewsSitemap.WINDOW).toEpochMilli());
            }
            for (long threshold : thresholds) {
                if (threshold < t) {
                    after = Math.max(after, threshold);
                } else if (threshold > t) {
                    before = Math.min(before, threshold);
                } else {
                    touching = true;
                }
            }
            return touching ? new TimeWindow(t, t, t) : new TimeWindow(t, after, before);
        }
    }

    /** What the last successful build into this output recorded. */
    /** A file the configuration names, and what the file system said of it (see {@link #extraDigest}). */
    private record ExtraInput(String path, String digest) {
    }

    private record Stored(long lookTime, String inputs, List<ExtraInput> extras, TimeWindow window, String output,
                          byte[] report) {
    }

    private UpToDate(BuildCache cache, String output, Inputs in, Stored stored) {
        this.cache = cache;
        this.output = output;
        this.inputsSinceStored = in.sinceStored();
        this.inputs = in.digest();
        this.lookTime = in.lookTime;
        this.unreadable = in.unreadable;
        this.stored = stored;
        this.trustedSources = in.unreadable ? Map.of() : in.trusted;
    }

    /**
     * Looks at the build's inputs, before anything reads them (a file changed after this look is
     * then seen by the next build).
     *
     * @param output the output folder's real path: the stamp's key in the cache
     */
    static UpToDate look(BuildOptions options, BuildCache cache, String output) {
        Stored stored = read(cache, output);
        Inputs in = new Inputs(System.currentTimeMillis(), stored == null ? Long.MAX_VALUE : stored.lookTime());
        in.text("gazette " + cache.version());
        in.text("source " + options.source().toAbsolutePath().normalize());
        in.text("templates " + options.templates().toAbsolutePath().normalize());
        in.text("config " + (options.config() == null ? "-" : options.config().toAbsolutePath().normalize()));
        in.text("out " + output);
        in.text("baseUrl " + (options.baseUrl() == null ? "-" : options.baseUrl()));
        in.text("drafts " + options.drafts() + " future " + options.future());
        in.tree("source", options.source());
        in.tree("templates", options.templates());
        if (options.config() != null) {
            in.file("config", options.config());
        }
        return new UpToDate(cache, output, in, stored);
    }

    /**
     * The sources this look may vouch for by the file system's word alone (by their path in the
     * source folder: size, time and identity, as {@link #describe} says it): all but those changed
     * within {@link #RACY_MILLIS} of the look, whose bytes only can tell.
     */
    Map<String, String> trustedSources() {
        return trustedSources;
    }

    /**
     * The files the configuration names (most read, redirects), looked at as soon as it is known
     * which they are, and before they are read.
     */
    void extraInputs(List<Path> files) {
        for (Path f : files) {
            // This build's look time: a file changed since then is recent by that rule too.
            extras.add(new ExtraInput(f.toAbsolutePath().normalize().toString(), extraDigest(f, lookTime).orElse("unreadable")));
        }
    }

    /**
     * The last build's report, re-dated, when nothing it was made of changed and the output is
     * still the one it left; empty otherwise.
     */
    Optional<BuildReport> unchanged(Instant now, long startNanos) {
        if (stored == null || unreadable || !stored.inputs.equals(inputsSinceStored) || !stored.window.admits(now)) {
            return Optional.empty();
        }
        for (ExtraInput extra : stored.extras) {
            if (!extraDigest(Path.of(extra.path()), stored.lookTime()).map(extra.digest()::equals).orElse(false)) {
                return Optional.empty();
            }
        }
        Optional<String> now2 = outputIdentity(Path.of(output));
        if (now2.isEmpty() || !now2.get().equals(stored.output)) {
            return Optional.empty();
        }
        try {
            return Optional.of(decodeReport(stored.report, startNanos));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged stamp: build
        }
    }

    /**
     * Records this successful build, once its site is in place: the next build with the same
     * inputs ends at {@link #unchanged}. Records nothing (and forgets the last stamp) when an input
     * could not be read. {@code notice} (may be {@code null}) is a problem of this build alone (the
     * cache emptied), not said again by the builds that end at once.
     */
    void record(BuildReport report, Problem notice, TimeWindow window) {
        Optional<String> identity = outputIdentity(Path.of(output));
        if (unreadable || identity.isEmpty()) {
            cache.putOwnPayload(KIND, output, new byte[0]);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(lookTime);
            out.writeUTF(inputs);
            out.writeInt(extras.size());
            for (ExtraInput extra : extras) {
                out.writeUTF(extra.path());
                out.writeUTF(extra.digest());
            }
            out.writeLong(window.at());
            out.writeLong(window.after());
            out.writeLong(window.before());
            out.writeUTF(identity.get());
            byte[] encoded = encodeReport(report, notice);
            out.writeInt(encoded.length);
            out.write(encoded);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        cache.putOwnPayload(KIND, output, bytes.toByteArray());
    }

    /**
     * One named file as a stamp says it: its size, time and identity, and its bytes' hash when it
     * changed within {@link #RACY_MILLIS} of {@code lookTime}; empty when its bytes cannot be read
     * (such a file is never taken as unchanged).
     */
    private static Optional<String> extraDigest(Path file, long lookTime) {
        Inputs one = new Inputs(lookTime, Long.MAX_VALUE);
        one.file("extra", file);
        return one.unreadable ? Optional.empty() : Optional.of(one.digest());
    }

    private static Stored read(BuildCache cache, String output) {
        Optional<byte[]> payload = cache.ownPayload(KIND, output);
        if (payload.isEmpty() || payload.get().length == 0) {
            return null;
        }
        try {
            ByteReader in = new ByteReader(payload.get());
            long lookTime = in.readLong();
            String inputs = in.readUTF();
            int n = in.readInt();
            List<ExtraInput> extras = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                extras.add(new ExtraInput(in.readUTF(), in.readUTF()));
            }
            TimeWindow window = new TimeWindow(in.readLong(), in.readLong(), in.readLong());
            String identity = in.readUTF();
            byte[] report = new byte[in.readInt()];
            in.readFully(report);
            return new Stored(lookTime, inputs, extras, window, identity, report);
        } catch (IOException | RuntimeException e) {
            return null; // damaged: the build does the work, which is always right
        }
    }

    /**
     * The output folder as the last build left it: the folder itself (a build swaps a new one in)
     * with its time, and its manifest's size, time and identity. Files changed by hand inside the
     * site are not looked for: no build does (a kept page is checked by its size only).
     */
    private static Optional<String> outputIdentity(Path out) {
        try {
            BasicFileAttributes folder = Files.readAttributes(out, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes manifest = Files.readAttributes(out.resolve(dev.gazette.output.Manifest.FILE), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!folder.isDirectory() || !manifest.isRegularFile()) {
                return Optional.empty();
            }
            // The names in the folder too: a file added or deleted there within the clock's tick
            // of the build's last write leaves the folder's time as it was (seen in CI).
            List<String> names;
            try (java.util.stream.Stream<Path> entries = Files.list(out)) {
                names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            }
            return Optional.of(folder.fileKey() + " " + folder.lastModifiedTime().toMillis() + " " + manifest.fileKey() + " "
                    + manifest.size() + " " + manifest.lastModifiedTime().toMillis() + " " + ContentHash.of(String.join("\n", names).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] encodeReport(BuildReport report, Problem notice) throws IOException {
        List<Problem> problems = new ArrayList<>(report.problems());
        problems.remove(notice);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(problems.size());
            for (Problem p : problems) {
                out.writeUTF(p.severity().name());
                out.writeUTF(p.file());
                out.writeInt(p.line());
                writeNullable(out, p.field());
                out.writeUTF(p.message());
                writeNullable(out, p.fix());
            }
            out.writeInt(report.pages().size());
            for (Map.Entry<PageKind, Integer> e : report.pages().entrySet()) {
                out.writeUTF(e.getKey().name());
                out.writeInt(e.getValue());
            }
            out.writeInt(report.articles());
            out.writeInt(report.skipped().size());
            for (SkippedArticle s : report.skipped()) {
                out.writeUTF(s.source());
                out.writeUTF(s.reason());
                writeNullable(out, s.date());
            }
            out.writeLong(report.filesWritten() + report.filesUnchanged());
            out.writeInt(report.webFiles().size());
            for (Map.Entry<String, Integer> e : report.webFiles().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static BuildReport decodeReport(byte[] bytes, long startNanos) throws IOException {
        ByteReader in = new ByteReader(bytes);
        List<Problem> problems = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            Problem.Severity severity = Problem.Severity.valueOf(in.readUTF());
            String file = in.readUTF();
            int line = in.readInt();
            String field = readNullable(in);
            String message = in.readUTF();
            String fix = readNullable(in);
            problems.add(new Problem(severity, file, line, field, message, fix));
        }
        Map<PageKind, Integer> pages = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            pages.put(PageKind.valueOf(in.readUTF()), in.readInt());
        }
        int articles = in.readInt();
        List<SkippedArticle> skipped = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            skipped.add(new SkippedArticle(in.readUTF(), in.readUTF(), readNullable(in)));
        }
        long files = in.readLong();
        Map<String, Integer> web = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            web.put(in.readUTF(), in.readInt());
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        return new BuildReport(true, problems, pages, 0, 0, articles, skipped, 0, files, 0, 0, Map.of("up-to-date", millis), millis, web);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(ByteReader in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /**
     * What the file system says of a set of files, hashed twice: as this look's stamp (a file
     * changed less than {@link #RACY_MILLIS} before this look also by its bytes' hash) and as the
     * last stamp's rule would say it (recent as of that stamp's look), to compare with it.
     */
    private static final class Inputs {
        final long lookTime;
        private final long storedLookTime;
        private final StringBuilder text = new StringBuilder(1 << 16);
        private final StringBuilder sinceStored = new StringBuilder(1 << 16);
        boolean unreadable;
        /** The source folder's files not changed within the racy margin of the look: their file system's word, by path. */
        final Map<String, String> trusted = new java.util.HashMap<>();

        Inputs(long lookTime, long storedLookTime) {
            this.lookTime = lookTime;
            this.storedLookTime = storedLookTime;
        }

        void text(String line) {
            text.append(line).append('\n');
            sinceStored.append(line).append('\n');
        }

        /** Every file under {@code root} (none when it is missing), by path. */
        void tree(String label, Path root) {
            if (!Files.isDirectory(root)) {
                text(label + " none");
                return;
            }
            List<String[]> lines = new ArrayList<>();
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String relative = root.relativize(file).toString();
                        String name = relative + "\t";
                        String[] line = describe(file, attrs);
                        lines.add(new String[] {name + line[0], name + line[1]});
                        if (label.equals("source") && line.length > 2) {
                            trusted.put(relative.replace('\\', '/'), line[2]);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        unreadable = true;
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                unreadable = true;
            }
            lines.sort(java.util.Comparator.comparing(l -> l[0]));
            text(label + " " + lines.size());
            for (String[] line : lines) {
                text.append(line[0]).append('\n');
                sinceStored.append(line[1]).append('\n');
            }
        }

        void file(String label, Path file) {
            String[] line;
            try {
                line = describe(file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            } catch (IOException e) {
                line = new String[] {"missing", "missing"};
            }
            text.append(label).append(' ').append(line[0]).append('\n');
            sinceStored.append(label).append(' ').append(line[1]).append('\n');
        }

        /**
         * Size, time and identity (a link by what it leads to: a link to a changed file is a
         * change), with the bytes' hash when the file is recent: as this look says it, and as the
         * last stamp's rule says it.
         */
        private String[] describe(Path file, BasicFileAttributes attrs) {
            BasicFileAttributes a = attrs;
            if (a.isSymbolicLink()) {
                try {
                    a = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException e) {
                    return new String[] {"broken link", "broken link"};
                }
            }
            String stat = a.size() + " " + a.lastModifiedTime().toInstant() + " " + a.fileKey();
            long millis = a.lastModifiedTime().toMillis();
            boolean recentNow = millis > lookTime - RACY_MILLIS;
            boolean recentThen = storedLookTime != Long.MAX_VALUE && millis > storedLookTime - RACY_MILLIS;
            String hash = "";
            if (recentNow || recentThen) {
                try {
                    hash = " " + ContentHash.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    unreadable = true;
                }
            }
            // Third, the word alone, for a file old enough to be vouched for by it (trustedSources).
            return recentNow ? new String[] {stat + hash, stat + (recentThen ? hash : "")}
                    : new String[] {stat, stat + (recentThen ? hash : ""), stat};
        }

        String digest() {
            return ContentHash.of(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        String sinceStored() {
            return ContentHash.of(sinceStored.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
