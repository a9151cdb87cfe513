package dev.gazette.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A site being written. Files go to a hidden staging folder next to the output folder;
 * {@link #commit()} swaps it in, {@link #close()} without commit throws it away, so a failed build
 * leaves the previous site untouched. Every path is checked to stay inside the site, whatever a
 * source says. Safe for concurrent writes of distinct files.
 *
 * <p>Three rules keep a newsroom's other files safe:
 * <ul>
 *   <li>Only a folder Gazette made is replaced: every site holds a {@value #MARKER} file, and an
 *       existing non-empty folder without it is refused ({@link #check}).</li>
 *   <li>One build at a time per output folder: a lock file beside it, held by the operating system
 *       for as long as the process lives, so a killed build never leaves a stale lock.</li>
 *   <li>The old site is swapped for the new one in a single step of the file system where it can
 *       ({@link DirectorySwap}); a symlinked output folder is followed, and its target replaced.</li>
 * </ul>
 *
 * <p>The site a commit replaces is set aside, and the next build makes its new site in it rather
 * than in a new folder: a site of 10,000 articles has some 24,600 folders and 32,600 files, and
 * making the folders and links again at each build, then deleting the replaced tree, cost seconds
 * of every publish, growing with the archive. That folder's files are hard links shared
 * with the site being replaced, or older files: none is ever written into, only unlinked and
 * replaced ({@link #clear}); what the new site does not hold is deleted before the swap, so the
 * folder swapped in is exactly what a build into a new folder makes.
 */
public final class SiteOutput implements AutoCloseable {

    /** The file that marks a folder as a site Gazette made, which a build may therefore replace. */
    public static final String MARKER = ".gazette-site";

    private static final String MARKER_TEXT = "This folder is a site made by Gazette: `gazette build` replaces it as a whole.\n"
            + "Gazette refuses to replace a non-empty folder that lacks this file.\n";

    /** The staging folder's folder of files a build uses while it runs, which the site must not hold. */
    private static final String SCRATCH = ".gazette-scratch";

    /** Links followed at most to find the real output folder (the same limit as Linux's). */
    private static final int MAX_LINKS = 40;

    private final Path target;
    private final Path staging;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();
    /**
     * The previous site's manifest: what it holds, so that unchanged files are kept as they are.
     * Read beside the build's first steps (configuration, sources), which never need it: at
     * 10,000 articles its 32,000 lines were a fifth of a second on the one thread that runs
     * before the sources are read. See {@link #previous()}.
     */
    private final java.util.concurrent.CompletableFuture<Map<String, Manifest.Entry>> previousRead;
    private final Map<String, Manifest.Entry> current = new ConcurrentHashMap<>();
    private long removed;
    private boolean committed;
    private boolean swappedAtomically = true;
    /** Deletes what earlier builds left beside the output, while this one works; or {@code null}. */
    private Thread cleaner;
    /**
     * Whether the changes are moved into the output folder file by file on commit, instead of the
     * whole site being swapped in: see {@link #openInPlace(Path)}.
     */
    private boolean inPlace;
    /** In place: the files written to the staging folder, to move into the output folder on commit. */
    private final Set<String> staged = ConcurrentHashMap.newKeySet();
    /** In place: files whose manifest entry may be wrong (written since), so never unchanged. */
    private Set<String> distrusted = Set.of();
    /** In place: files not to move in at commit, for they were written since this build began. */
    private java.util.function.Predicate<String> overtaken = key -> false;
    /**
     * Whether the staging folder is an earlier site (the one the last commit replaced, or a
     * killed build's), taken over: its files are replaced where they differ, and what the new
     * site lacks is deleted at commit.
     */
    private final boolean reused;
    /** Reused: what the staging folder held when it was taken over, listed beside the build's work. */
    private final Thread survey;
    /**
     * Reused: each file the survey listed, with its identity (or {@link #NO_IDENTITY}): a kept
     * file found there as the previous site's very copy needs no look of its own (a system call
     * per kept file, 309,000 of them at 100,000 articles).
     */
    private final Map<String, Object> surveyedFiles = new ConcurrentHashMap<>();
    private static final Object NO_IDENTITY = new Object();
    private final List<String> surveyedEmptyFolders = new ArrayList<>();
    /** Reused: whether the survey listed the whole folder (else commit() lists it again). */
    private volatile boolean surveyed;

    /** Why an output folder may not be written, with what to do about it. */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String fix;

        RefusedException(String message, String fix) {
            super(message);
            this.fix = fix;
        }

        /** What the user should do. */
        public String fix() {
            return fix;
        }
    }

    private SiteOutput(Path target, Path staging, FileChannel lockChannel, FileLock lock, boolean reused) {
        this.previousRead = java.util.concurrent.CompletableFuture.supplyAsync(() -> Manifest.read(target), task -> {
            Thread reader = new Thread(task, "gazette-manifest");
            reader.setDaemon(true);
            reader.start();
        });
        this.target = target;
        this.staging = staging;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.reused = reused;
        if (reused) {
            survey = new Thread(this::surveyStaging, "gazette-survey");
            survey.setDaemon(true);
            survey.start();
        } else {
            survey = null;
        }
    }

    /** Waits until the survey of a taken-over staging folder has listed it (for tests: the build never waits for it before its commit). */
    void awaitSurvey() throws InterruptedException {
        if (survey != null) {
            survey.join();
        }
    }

    /**
     * Lists the files and empty folders of the staging folder as it was taken over. It runs while
     * the build writes there: a file written meanwhile may be listed or not, and is the new site's
     * either way; one unlinked meanwhile is skipped.
     */
    private void surveyStaging() {
        try {
            Files.walkFileTree(staging, new SimpleFileVisitor<>() {
                private final java.util.ArrayDeque<int[]> entries = new java.util.ArrayDeque<>();

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!entries.isEmpty()) {
                        entries.peek()[0]++;
                    }
                    entries.push(new int[1]);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!entries.isEmpty()) {
                        entries.peek()[0]++;
                    }
                    surveyedFiles.put(key(file), attrs.fileKey() == null ? NO_IDENTITY : attrs.fileKey());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // unlinked by the build since it was listed
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    int[] count = entries.pop();
                    if (count[0] == 0 && !dir.equals(staging)) {
                        synchronized (surveyedFiles) {
                            surveyedEmptyFolders.add(key(dir));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            surveyed = true;
        } catch (IOException | UncheckedIOException e) {
            // Listed as far as it could be: commit() lists the folder again.
        }
    }

    /**
     * The folder a build into {@code out} really replaces: {@code out} itself, or, when it is a
     * symbolic link, the folder it leads to (a newsroom links {@code site-out} to the web server's
     * folder; replacing the link by a folder would leave the server's copy stale without a word).
     */
    public static Path realTarget(Path out) throws IOException {
        Path path = out.toAbsolutePath().normalize();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(path); i++) {
            Path link = Files.readSymbolicLink(path);
            Path parent = path.getParent();
            path = (parent == null ? link : parent.resolve(link)).toAbsolutePath().normalize();
        }
        if (Files.isSymbolicLink(path)) {
            throw new RefusedException("the output folder `" + out + "` is a chain of more than " + MAX_LINKS + " links (a loop?).",
                    "point --out at a real folder.");
        }
        return path;
    }

    /**
     * Checks, before anything is read, that a build may replace {@code out}: it does not exist yet,
     * is an empty folder, or holds the {@value #MARKER} of a site Gazette made.
     *
     * @throws RefusedException naming what is wrong and the fix
     */
    public static void check(Path out) throws IOException {
        Path real = realTarget(out);
        if (real.getParent() == null) {
            throw new RefusedException("the output folder `" + out + "` is the file system's root.", "choose an output folder such as `site-out`.");
        }
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException("the output folder `" + out + "` exists and is not a folder.",
                    "choose another --out, or move that file away.");
        }
        if (Files.isRegularFile(real.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.list(real)) {
            if (entries.findAny().isPresent()) {
                throw new RefusedException("the output folder `" + out + "`" + (real.equals(out.toAbsolutePath().normalize()) ? "" : " (`" + real + "`)")
                        + " already holds files that Gazette did not make (it has no `" + MARKER + "` file), and a build replaces its output folder as a whole.",
                        "choose a new or empty folder for --out (Gazette creates it), or, if it is an old site you no longer need, delete it first.");
            }
        }
    }

    /** Starts writing a site that will replace {@code out} on commit (its link target, if it is a link). */
    public static SiteOutput open(Path out) throws IOException {
        return open(out, true);
    }

    /** {@link #open(Path)}, in a set-aside earlier site when {@code reuse} and there is one. */
    private static SiteOutput open(Path out, boolean reuse) throws IOException {
        check(out);
        Path target = realTarget(out);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path lockFile = parent.resolve("." + target.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another build in this very process (tests, `serve`)
            }
            if (lock == null) {
                String holder = readHolder(channel);
                throw new RefusedException("another Gazette build" + (holder.isEmpty() ? "" : " (process " + holder + ")")
                        + " is writing to `" + out + "` right now.", "wait for it to finish, then build again.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            // We hold the lock: no other build is writing beside this folder, so every staging or
            // set-aside folder still there is what a killed or failed build, or the previous build
            // (its replaced site), left behind. Deleting tens of thousands of files takes seconds:
            // it runs beside this build's own work, and what a short build leaves, the next finishes.
            List<Path> leftovers = new ArrayList<>(leftovers(target));
            Path staging = parent.resolve("." + target.getFileName() + ".building-" + ProcessHandle.current().pid() + "-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
            boolean reused = reuse && takeOver(leftovers, staging);
            if (reused) {
                deleteTree(staging.resolve(SCRATCH)); // a killed build's: this one makes its own
            }
            Thread cleaner = null;
            if (!leftovers.isEmpty()) {
                cleaner = new Thread(() -> removeLeftovers(leftovers), "gazette-leftovers");
                cleaner.setDaemon(true);
                cleaner.start();
            }
            if (!reused) {
                // createDirectory, not createTempDirectory: the site must get the umask's usual modes
                // (755), or a web server running as another user cannot read it.
                Files.createDirectory(staging);
            }
            SiteOutput output = new SiteOutput(target, staging, channel, lock, reused);
            output.cleaner = cleaner;
            output.write(MARKER, MARKER_TEXT);
            return output;
        } catch (IOException | RuntimeException e) {
            try {
                if (lock != null) {
                    lock.release();
                }
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim().replaceAll("[^0-9]", "");
        } catch (IOException e) {
            return "";
        }
    }

    /** The staging and set-aside folders beside {@code target}: what earlier builds left. */
    static List<Path> leftovers(Path target) throws IOException {
        String building = "." + target.getFileName() + ".building-";
        String old = "." + target.getFileName() + ".old-";
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            return siblings.filter(p -> {
                String name = p.getFileName().toString();
                return (name.startsWith(building) || name.startsWith(old)) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            }).sorted().toList();
        }
    }

    /**
     * Moves one of {@code leftovers} that Gazette made (it holds the marker) to {@code staging},
     * the previous site set aside first, and takes it off the list.
     *
     * @return whether one was taken over; else {@code staging} does not exist yet
     */
    private static boolean takeOver(List<Path> leftovers, Path staging) {
        List<Path> ours = leftovers.stream().filter(p -> Files.isRegularFile(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS))
                .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().contains(".old-"))).toList();
        for (Path p : ours) {
            try {
                Files.move(p, staging, StandardCopyOption.ATOMIC_MOVE);
                leftovers.remove(p);
                return true;
            } catch (IOException | UnsupportedOperationException e) {
                // Being deleted by another process's clean-up, or on a file system that cannot: try the next.
            }
        }
        return false;
    }

    /**
     * Deletes {@code leftovers}, a whole site's worth of files each. Only folders that carry the
     * marker (or are empty) are deleted, so a user's own folder that happens to share the name is
     * never touched; the marker goes last, so a deletion cut short is finished by the next build.
     */
    static void removeLeftovers(List<Path> leftovers) {
        for (Path p : leftovers) {
            try {
                Path marker = p.resolve(MARKER);
                if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p, marker);
                } else if (isEmpty(p)) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // Best effort: a leftover costs only space, and the next build tries again.
            }
        }
    }

    /**
     * Starts a build that updates {@code out} in place on commit: only the files that changed are
     * written (to a staging folder, then each moved over its old copy), and the files the new site
     * no longer has are deleted. A build that fails before its commit changes nothing, as in
     * {@link #open(Path)}; but a process killed during the commit leaves a mix of both sites, and
     * readers may see one file new and its neighbour old for an instant. That is what a preview
     * wants (a rebuild costs what changed, not one link per file of the site) and what a published
     * site must never get: only {@code gazette serve} opens its own output so.
     *
     * <p>A folder without a previous site's manifest is built whole, as by {@link #open(Path)}.
     *
     * @param rewritten files of the output written since its manifest (a preview's quick page)
     * @param overtaken  files written again while this build ran, from newer sources than it may
     *                   have read: left as they are at commit (the next build, which is due, redoes them)
     */
    public static SiteOutput openInPlace(Path out, Set<String> rewritten, java.util.function.Predicate<String> overtaken) throws IOException {
        // Never in a set-aside site: in place, the staging folder holds only the files that changed.
        SiteOutput output = open(out, false);
        output.inPlace = !output.previous().isEmpty() && Files.isDirectory(output.target, LinkOption.NOFOLLOW_LINKS);
        // Files rewritten since the manifest was written are not what it says: never kept as they are.
        output.distrusted = Set.copyOf(rewritten);
        output.overtaken = overtaken;
        return output;
    }

    /** The previous site's manifest, once read (see {@link #previousRead}). */
    private Map<String, Manifest.Entry> previous() {
        return previousRead.join();
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Writes {@code text} as UTF-8 to {@code relative}. */
    public Manifest.Entry write(String relative, String text) {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code content} to {@code relative}. A file the previous site holds with the same
     * bytes (by its manifest) is linked from there instead: it keeps its modification time, so
     * rsync-style uploads skip it, and costs no write.
     */
    public Manifest.Entry write(String relative, byte[] content) {
        Path file = resolve(relative);
        String key = key(relative, file);
        Manifest.Entry entry = Manifest.entryOf(content);
        current.put(key, entry);
        try {
            if (!inPlace && !reused) {
                folder(file.getParent());
            }
            if (entry.equals(previous().get(key)) && !distrusted.contains(key)
                    && (inPlace ? previousIntact(key, entry) : linkPrevious(key, file, entry))) {
                unchanged.incrementAndGet();
                return entry;
            }
            if (reused) {
                surveyedFiles.remove(key); // replaced: what the survey said of it no longer holds
            }
            if (!clear(file)) {
                folder(file.getParent());
            }
            Files.write(file, content);
            if (inPlace) {
                staged.add(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + ": " + e.getMessage(), e);
        }
        files.incrementAndGet();
        bytes.addAndGet(content.length);
        return entry;
    }

    /**
     * Keeps the previous site's {@code relative} when it holds exactly the bytes of that size and
     * hash: what a page renders to when its fingerprint has not changed, known without rendering it.
     *
     * @return {@code false} when the previous site does not hold them: render and write the page
     */
    public boolean keep(String relative, long size, String hash) {
        return keep(relative, new Manifest.Entry(size, hash));
    }

    /** {@link #keep(String, long, String)} with the size and hash as a manifest entry. */
    public boolean keep(String relative, Manifest.Entry entry) {
        Path file = resolve(relative);
        String key = key(relative, file);
        if (!entry.equals(previous().get(key)) || distrusted.contains(key)) {
            return false;
        }
        if (inPlace) {
            if (!previousIntact(key, entry)) {
                return false;
            }
        } else {
            try {
                if (!reused) {
                    folder(file.getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + relative + ": " + e.getMessage(), e);
            }
            if (!linkPrevious(key, file, entry)) {
                return false;
            }
        }
        current.put(key, entry);
        unchanged.incrementAndGet();
        return true;
    }

    /** The previous site's manifest entry for {@code relative}, unless it may be wrong (the file was written since). */
    public Optional<Manifest.Entry> previousEntry(String relative) {
        String key = key(relative, resolve(relative));
        return distrusted.contains(key) ? Optional.empty() : Optional.ofNullable(previous().get(key));
    }

    /** Whether {@link #keep(String, Manifest.Entry)} would find the previous site's {@code relative} in place. */
    public boolean canKeep(String relative) {
        String key = key(relative, resolve(relative));
        Manifest.Entry entry = previous().get(key);
        return entry != null && !distrusted.contains(key) && previousIntact(key, entry);
    }

    /**
     * The previous site's {@code relative}, read back, when it holds the bytes its manifest says
     * (same size and hash); empty otherwise: a file edited by hand is never taken for what the
     * build wrote.
     */
    public Optional<byte[]> previousBytes(String relative) {
        Optional<Manifest.Entry> entry = previousEntry(relative);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path file = target.resolve(key(relative, resolve(relative)));
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != entry.get().size()) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Manifest.entryOf(bytes).equals(entry.get()) ? Optional.of(bytes) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The manifest's name of a file in the staging folder: its path in the site, with {@code /}. */
    private String key(Path file) {
        return staging.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The key of {@code relative}, resolved as {@code file}: {@code relative} itself when it is
     * already in the form {@link #key(Path)} gives, as the pages' addresses are. This build's
     * manifest keeps every key until the commit: at 100,000 articles, 309,000 paths made anew
     * from their files were some 27 MB beside the pages' own strings, through the render.
     */
    private String key(String relative, Path file) {
        return isPlain(relative) ? relative : key(file);
    }

    /**
     * Whether {@code relative} is ASCII names joined by single slashes, none of them {@code .} or
     * {@code ..}, without a backslash: a path that resolving and relativizing give back as it is
     * (other characters are left to the file system's encoding).
     */
    static boolean isPlain(String relative) {
        int n = relative.length();
        int segment = 0; // the current name's length so far
        int dots = 0; // how many of its characters are dots
        for (int i = 0; i < n; i++) {
            char c = relative.charAt(i);
            if (c >= 0x80 || c == '\\') {
                return false;
            }
            if (c == '/') {
                if (segment == 0 || segment == dots && dots <= 2) {
                    return false;
                }
                segment = 0;
                dots = 0;
            } else {
                segment++;
                dots += c == '.' ? 1 : 0;
            }
        }
        return segment > 0 && !(segment == dots && dots <= 2);
    }

    /** In place: whether the output folder still holds the previous site's {@code key}, of its size. */
    private boolean previousIntact(String key, Manifest.Entry entry) {
        try {
            Path old = target.resolve(key);
            return Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) && Files.size(old) == entry.size();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Hard-links the previous site's copy of {@code key} to {@code file}; {@code false} when it
     * cannot. In a reused staging folder, a file that is that very copy already (the same file,
     * not the same bytes: its modification time must stay) is left as it is.
     */
    private boolean linkPrevious(String key, Path file, Manifest.Entry entry) {
        Path old = target.resolve(key);
        try {
            // The size is a cheap guard against a previous file changed by hand since its build.
            BasicFileAttributes was = Files.readAttributes(old, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!was.isRegularFile() || was.size() != entry.size()) {
                return false;
            }
            if (reused) {
                // The survey's word, once it has listed the whole folder: this build is the only
                // writer there. Taken once: a file handled again is looked at (the survey may have
                // listed it before this build replaced it).
                Object listed = surveyedFiles.remove(key);
                if (!surveyed) {
                    listed = null;
                }
                if (listed != null && listed != NO_IDENTITY) {
                    if (listed.equals(was.fileKey())) {
                        return true;
                    }
                } else if (!surveyed || listed == NO_IDENTITY) {
                    BasicFileAttributes here = attributes(file);
                    if (here != null && here.isRegularFile() && was.fileKey() != null && Objects.equals(here.fileKey(), was.fileKey())) {
                        return true;
                    }
                }
                if (!clear(file)) {
                    folder(file.getParent());
                }
            }
            Files.createLink(file, old);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // a file system without hard links, a file written twice: write it out
        }
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * In a reused staging folder, removes what sits at {@code file} (a file, perhaps a hard link
     * shared with the live site, so never written into; or a folder of an older site). Returns
     * whether something was there, so its folder exists.
     */
    private boolean clear(Path file) throws IOException {
        if (!reused) {
            return false;
        }
        BasicFileAttributes here = attributes(file);
        if (here == null) {
            return false;
        }
        if (here.isDirectory()) {
            deleteTree(file);
        } else {
            Files.deleteIfExists(file);
        }
        return true;
    }

    /**
     * Creates {@code dir} unless this output already did. Tens of thousands of pages share their
     * rubric's and tags' folders, and asking the file system again costs a failed system call and
     * an exception each time. Only folders that hold folders are remembered: a page's own folder
     * (one per page, a quarter of a million at 10^5 articles) is made in one call under its known
     * parent, and the rare second file in it pays the failed call.
     */
    private void folder(Path dir) throws IOException {
        if (folders.contains(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && folders.contains(parent)) {
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    if (!reused) {
                        throw e;
                    }
                    Files.delete(dir); // an older site's file where this one has a folder
                    Files.createDirectory(dir);
                }
            }
            // Known from now on: the next file in it makes no attempt of its own. Without this,
            // each folder's second file tried to create it again, and failed, with an exception
            // and a look at the folder: 5,566 failed attempts in a 1,000-article build.
            folders.add(dir);
            return;
        }
        if (reused) {
            // An older site's file may stand where this one has a folder, at any level.
            for (Path p = dir; p != null && p.startsWith(staging) && !p.equals(staging); p = p.getParent()) {
                BasicFileAttributes a = attributes(p);
                if (a != null && !a.isDirectory()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        for (Path p = dir; p != null && p.startsWith(staging) && folders.add(p); p = p.getParent()) {
            // the chain up to the staging folder, each folder once
        }
    }

    /** Copies {@code in} to {@code relative}, closing it; as {@link #write(String, byte[])}. */
    public void copy(InputStream in, String relative) throws IOException {
        resolve(relative);
        byte[] content;
        try (in) {
            content = in.readAllBytes();
        }
        try {
            write(relative, content);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The file {@code relative} names inside the staging folder.
     *
     * @throws IllegalArgumentException when the path would leave the site
     */
    Path resolve(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.startsWith("\\") || relative.contains(":")
                || relative.contains("\0")) {
            throw new IllegalArgumentException("not a path inside the site: " + relative);
        }
        Path file = staging.resolve(relative).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new IllegalArgumentException("path leaves the output folder: " + relative);
        }
        return file;
    }

    /** The folder this output replaces on commit (the output folder, or its link's target). */
    public Path target() {
        return target;
    }

    /** Files written because they are new or their bytes changed. */
    public long filesWritten() {
        return files.get();
    }

    /** Files the previous site already held with the same bytes, kept as they were. */
    public long filesUnchanged() {
        return unchanged.get();
    }

    /** Files of the previous site that the new one no longer has; known after {@link #commit()}. */
    public long filesRemoved() {
        return removed;
    }

    public long bytesWritten() {
        return bytes.get();
    }

    /** Waits until what earlier builds left beside the output is deleted (tests; a build never waits). */
    void awaitLeftoversRemoved() throws InterruptedException {
        if (cleaner != null) {
            cleaner.join();
        }
    }

    /**
     * Whether the last {@link #commit()} replaced the previous site in one step. {@code false} on a
     * system that cannot swap folders: the site was then missing for the instant between two renames.
     */
    public boolean swappedAtomically() {
        return swappedAtomically;
    }

    /**
     * A file for the build's own use while it runs (its file of article bodies), in the staging
     * folder: it goes with a failed or killed build as the rest of that folder does, and
     * {@link #commit()} deletes it before the site is moved in. Close it before committing.
     */
    public Path scratchFile(String name) throws IOException {
        Path folder = staging.resolve(SCRATCH);
        Files.createDirectories(folder);
        return folder.resolve(name);
    }

    /** Replaces the output folder with what was written. */
    public void commit() throws IOException {
        deleteTree(staging.resolve(SCRATCH));
        if (inPlace) {
            commitInPlace();
            return;
        }
        if (reused) {
            removeWhatTheSiteLacks();
        }
        Files.deleteIfExists(staging.resolve(Manifest.FILE)); // never written into: it may be a link
        Files.write(staging.resolve(Manifest.FILE), Manifest.format(current));
        removed = previous().keySet().stream().filter(k -> !current.containsKey(k)).count();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(staging, target);
        } else if (DirectorySwap.exchange(staging, target)) {
            // The staging path now holds the previous site: set aside below.
        } else {
            swappedAtomically = false;
            renameTwice();
        }
        committed = true;
        if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
            // The staging path now holds the previous site: set aside for the next build to make
            // its site in (its unchanged files are hard links shared with the new site, so it
            // costs little space). Where it cannot be moved, it is left where it is: the next
            // build takes it over all the same.
            setAside();
        }
    }

    /**
     * Reused: deletes the files of the older site the new one does not hold, and the folders left
     * empty, so that the folder swapped in is what a build into a new folder makes.
     */
    private void removeWhatTheSiteLacks() throws IOException {
        try {
            survey.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing the staging folder", e);
        }
        if (!surveyed) {
            surveyStaging(); // once more, now that nothing writes: it adds what the first pass missed
            if (!surveyed) {
                throw new IOException("cannot list the staging folder " + staging + " to finish the site");
            }
        }
        List<Path> emptied = new ArrayList<>();
        for (String key : surveyedFiles.keySet()) {
            if (!current.containsKey(key) && !key.equals(Manifest.FILE)) {
                Path file = staging.resolve(key);
                BasicFileAttributes here = attributes(file); // null too when a file of the new site stands for its folder
                if (here != null && !here.isDirectory() && Files.deleteIfExists(file)) {
                    emptied.add(file.getParent());
                }
            }
        }
        for (String key : surveyedEmptyFolders) {
            emptied.add(staging.resolve(key));
        }
        for (Path dir : emptied) {
            deleteEmptyFolders(dir, staging);
        }
    }

    /**
     * In place: each changed file moved over its old copy, the files gone deleted (and their
     * folders, once empty), the manifest last, so that it never names a file not yet there.
     */
    private void commitInPlace() throws IOException {
        for (String key : new java.util.TreeSet<>(staged)) {
            if (overtaken.test(key)) {
                continue;
            }
            Path to = target.resolve(key);
            Files.createDirectories(to.getParent());
            Files.move(staging.resolve(key), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        List<String> gone = previous().keySet().stream().filter(k -> !current.containsKey(k)).sorted().toList();
        for (String key : gone) {
            Path file = target.resolve(key);
            Files.deleteIfExists(file);
            deleteEmptyFolders(file.getParent(), target);
        }
        removed = gone.size();
        Path manifest = staging.resolve(Manifest.FILE);
        Files.write(manifest, Manifest.format(current));
        Files.move(manifest, target.resolve(Manifest.FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        deleteTree(staging); // only folders are left in it
    }

    /** Deletes {@code dir} and its parents up to {@code root} (kept), as long as each is empty; one already gone is passed over. */
    private static void deleteEmptyFolders(Path dir, Path root) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                continue; // deleted already, from another of its files
            }
            if (!isEmpty(d)) {
                break;
            }
            Files.delete(d);
        }
    }

    /** A new name beside the output folder for a site set aside ({@link #leftovers} finds it). */
    private Path asidePath() {
        return target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }

    /** Moves the staging folder aside for the next build; {@code false} when it cannot. */
    private boolean setAside() {
        try {
            if (survey != null) {
                survey.join();
            }
            move(staging, asidePath());
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The fallback where folders cannot be swapped: the previous site aside, the new one in. */
    private void renameTwice() throws IOException {
        Path old = asidePath();
        move(target, old);
        try {
            move(staging, target);
        } catch (IOException e) {
            // Never leave the site missing: put the previous one back before reporting.
            try {
                move(old, target);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        move(old, staging); // so that the clean-up below finds it where a swap would have left it
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
            Files.move(from, to);
        }
    }

    /** Throws the staging folder away unless the site was committed, and lets other builds in. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed && reused && setAside()) {
                // Left for the next build to take over, as the previous site it was.
            } else if (!committed) {
                try {
                    deleteTree(staging);
                } catch (IOException | UncheckedIOException e) {
                    // A writer may still have been finishing a file: one more pass, then leave the
                    // rest to the next build's clean-up rather than hide the build's own error.
                    deleteTree(staging);
                }
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        deleteTree(root, null);
    }

    /** Deletes {@code root} and everything under it, {@code last} (if not null) just before {@code root} itself. */
    private static void deleteTree(Path root, Path last) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            if (!p.equals(last) && !p.equals(root)) {
                Files.deleteIfExists(p);
            }
        }
        if (last != null) {
            Files.deleteIfExists(last);
        }
        Files.deleteIfExists(root);
    }
}
