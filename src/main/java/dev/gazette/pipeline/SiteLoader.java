package dev.gazette.pipeline;

import dev.gazette.cache.BuildCache;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.markup.MarkdownRenderer;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.model.Term;
import dev.gazette.source.ParseContext;
import dev.gazette.source.ParsedSource;
import dev.gazette.source.SourceFinder;
import dev.gazette.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * The first steps of every command that reads a site: the configuration, every source parsed in
 * parallel, the publishing rules, the index. Nothing is written.
 */
public final class SiteLoader {

    /**
     * A loaded site.
     *
     * @param config   the configuration (the defaults where it had errors)
     * @param index    the published articles
     * @param skipped  articles left out by the publishing rules (drafts, future), by source
     * @param problems every problem found, in the order found
     */
    public record Loaded(SiteConfig config, SiteIndex index, List<SkippedArticle> skipped, List<Problem> problems) {
        public Loaded {
            skipped = List.copyOf(skipped);
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    private final BuildOptions options;
    private final List<Problem> problems = new ArrayList<>();
    private final BuildCache cache;

    /** What the process kept from its previous builds, or {@code null}. */
    private Rebuilds rebuilds;
    /** Counts the sources read, for whoever shows the build's progress. */
    private BuildProgress progress = new BuildProgress();
    /** Where the bodies are kept as they are read, or {@code null} to hold them in memory. */
    private BodyStore bodies;
    /**
     * What the look before the build found of the sources it may trust by the file system's word
     * (by path: size, time and identity; see {@link UpToDate#trustedSources}), and the output whose
     * snapshot of sources they are looked up in; empty, and {@code null}, without a look.
     */
    private Map<String, String> trusted = Map.of();
    private String output;

    private SiteLoader(BuildOptions options, BuildCache cache) {
        this.options = options;
        this.cache = cache;
    }

    private SiteLoader(BuildOptions options) {
        this(options, null);
    }

    /** Loads the configuration only. */
    static SiteConfig config(BuildOptions options, List<Problem> problems) {
        SiteLoader loader = new SiteLoader(options);
        SiteConfig config = loader.loadConfig();
        problems.addAll(loader.problems);
        return config;
    }

    /** Loads the site; stops after the configuration when it has errors. */
    public static Loaded load(BuildOptions options, ForkJoinPool pool) {
        SiteLoader loader = new SiteLoader(options);
        SiteConfig config = loader.loadConfig();
        if (loader.problems.stream().anyMatch(Problem::isError)) {
            return new Loaded(config, SiteIndex.build(List.of()).index(), List.of(), loader.problems);
        }
        return loader.loadArticles(config, pool, null);
    }

    /**
     * The rest of {@link #load} once the configuration is known; {@code parsed} receives the parse
     * step's end. Sources whose bytes are in {@code cache} (may be {@code null}) are not parsed again.
     */
    static Loaded load(BuildOptions options, SiteConfig config, ForkJoinPool pool, Runnable parsed, BuildCache cache,
                       Rebuilds rebuilds, BuildProgress progress, BodyStore bodies) {
        return load(options, config, pool, parsed, cache, rebuilds, progress, bodies, Map.of(), null);
    }

    /**
     * As {@link #load(BuildOptions, SiteConfig, ForkJoinPool, Runnable, BuildCache, Rebuilds,
     * BuildProgress, BodyStore)}: the sources of {@code trusted} (by path, the file system's word
     * of each) are taken from the cache's snapshot of the output {@code output} when it holds them
     * with that word, without reading them.
     */
    static Loaded load(BuildOptions options, SiteConfig config, ForkJoinPool pool, Runnable parsed, BuildCache cache,
                       Rebuilds rebuilds, BuildProgress progress, BodyStore bodies, Map<String, String> trusted, String output) {
        SiteLoader loader = new SiteLoader(options, cache);
        loader.rebuilds = rebuilds;
        loader.progress = progress;
        loader.bodies = bodies;
        loader.trusted = trusted;
        loader.output = output;
        return loader.loadArticles(config, pool, parsed);
    }

    private Loaded loadArticles(SiteConfig config, ForkJoinPool pool, Runnable parsed) {
        List<Article> all = loadSources(config, pool);
        if (parsed != null) {
            parsed.run();
        }
        List<Article> published = new ArrayList<>(all.size());
        List<SkippedArticle> skipped = new ArrayList<>();
        for (Article a : all) {
            String withheld = options.withheld(a);
            if (withheld != null) {
                skipped.add(new SkippedArticle(a.source(), withheld, a.date().toOffsetDateTime().toString()));
                continue;
            }
            published.add(a);
        }
        skipped.sort(java.util.Comparator.comparing(SkippedArticle::source));
        SiteIndex.Result indexed = SiteIndex.build(published, config.slugs());
        problems.addAll(indexed.problems());
        return new Loaded(config, indexed.index(), skipped, problems);
    }

    private SiteConfig loadConfig() {
        SiteConfig config = SiteConfig.defaults();
        Path file = options.config();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                problems.add(Problem.error(file.toString(), 0, null, "the configuration file does not exist.",
                        "create it, or leave out --config to build with the defaults."));
                return config;
            }
            ConfigLoader.Result loaded = ConfigLoader.load(file, file.toString());
            problems.addAll(loaded.problems());
            config = loaded.config();
        }
        if (options.baseUrl() != null) {
            String problem = ConfigLoader.checkBaseUrl(options.baseUrl());
            if (problem != null) {
                problems.add(Problem.error("--base-url", 0, null, problem, "give an absolute URL such as `https://example.org/news/`."));
            } else {
                config = config.withBaseUrl(options.baseUrl());
            }
        }
        return config;
    }

    /** One source, from the cache when its bytes were parsed before with the same settings. */
    private ParsedSource read(Path root, String relative, ParseContext ctx, String settings) {
        if (rebuilds == null) {
            return readThroughCache(root, relative, ctx, settings);
        }
        java.nio.file.attribute.BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(root.resolve(relative), java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return readThroughCache(root, relative, ctx, settings);
        }
        ParsedSource kept = rebuilds.source(relative, attrs, settings);
        if (kept != null) {
            return kept;
        }
        ParsedSource parsed = readThroughCache(root, relative, ctx, settings);
        rebuilds.putSource(relative, attrs, settings, parsed);
        return parsed;
    }

    /** One source, from the build cache when its bytes were parsed before with the same settings. */
    private ParsedSource readThroughCache(Path root, String relative, ParseContext ctx, String settings) {
        if (cache == null) {
            return SourceReader.read(root, relative, ctx);
        }
        // A batch build's source that the look found as the snapshot took it: neither read nor hashed.
        String stat = bodies == null || output == null ? null : trusted.get(relative);
        if (stat != null) {
            Optional<ParsedSource> kept = cache.snapshotSource(relative, stat, () -> recoveredBody(root, relative, ctx));
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(root.resolve(relative));
        } catch (IOException | SecurityException e) {
            return SourceReader.read(root, relative, ctx); // reports why the file cannot be read
        }
        String key = cache.sourceKey(relative, bytes, settings);
        if (stat != null) {
            cache.noteSource(relative, stat, key);
        }
        // A batch build leaves a cached body in the cache, read when needed (see CachedBody); should
        // its entry be damaged by then, it is parsed again from the source. A preview holds its
        // bodies in memory from one build to the next.
        return (bodies == null ? cache.source(key) : cache.source(key, () -> recoveredBody(root, relative, ctx))).orElseGet(() -> {
            ParsedSource parsed = SourceReader.parse(relative, bytes, ctx);
            cache.putSource(key, parsed);
            return parsed;
        });
    }

    /** The body of the source at {@code relative} parsed again, for a cached body whose entry was lost during the build. */
    private static String recoveredBody(Path root, String relative, ParseContext ctx) {
        ParsedSource parsed = SourceReader.read(root, relative, ctx);
        return parsed.article() == null ? "" : parsed.article().bodyHtml();
    }

    private List<Article> loadSources(SiteConfig config, ForkJoinPool pool) {
        Path root = options.source();
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(root.toString(), 0, null, "the source folder does not exist.",
                    "create it and put articles in it, or point --source at your articles folder."));
            return List.of();
        }
        List<String> files;
        try {
            SourceFinder.Found found = SourceFinder.find(root);
            problems.addAll(found.problems());
            files = found.files();
        } catch (IOException e) {
            problems.add(Problem.error(root.toString(), 0, null, "cannot list the source folder (" + e.getMessage() + ").",
                    "check its permissions."));
            return List.of();
        }
        if (files.isEmpty()) {
            problems.add(Problem.warning(root.toString(), 0, null, "no article found (.md, .txt or .html files).",
                    "add articles; see the README for the formats."));
        }
        ParseContext ctx = new ParseContext(config.timeZone(), config.language(), new MarkdownRenderer(), new HtmlSanitizer())
                .withSlugs(config.slugs());
        // The slug rule changes what a source parses to; left out for the default, so caches kept
        // from before the setting existed stay valid.
        String settings = "zone=" + config.timeZone().getId() + ";language=" + config.language()
                + (config.slugs() == dev.gazette.model.SlugRule.ASCII ? "" : ";slugs=" + config.slugs().setting());
        progress.step("parse", files.size());
        if (cache != null && output != null && !trusted.isEmpty()) {
            cache.openSnapshot(output, settings);
        }
        // One instance of each tag, rubric and author name for the whole archive, not one per
        // article. Keyed by name and slug, not by the term (equal by slug alone): "Relations
        // bilatérales" and "Relations bilaterales" are one tag, but each article keeps the spelling
        // its editor wrote; keyed by the term, whichever thread met the tag first gave every
        // article its spelling, and two builds of the sample could differ (the feeds' categories).
        Map<String, Term> terms = new ConcurrentHashMap<>();
        Map<String, String> names = new ConcurrentHashMap<>();
        List<ParsedSource> results = Pools.inPool(pool, () -> files.parallelStream().map(f -> {
            ParsedSource r = read(root, f, ctx, settings);
            progress.advance();
            if (r.article() == null) {
                return r;
            }
            Article a = r.article().withSharedTerms(t -> terms.computeIfAbsent(t.name() + '\n' + t.slug(), k -> t), n -> names.computeIfAbsent(n, k -> k));
            // Kept in the file of bodies as soon as read: the bodies are never all in memory.
            return new ParsedSource(bodies == null ? a : a.withBody(bodies.keep(a.body())), r.problems());
        }).toList());
        if (rebuilds != null) {
            rebuilds.retainSources(files);
        }
        if (cache != null && output != null && !trusted.isEmpty()) {
            cache.saveSnapshot();
        }
        List<Article> articles = new ArrayList<>(results.size());
        dev.gazette.images.ImageFiles images = new dev.gazette.images.ImageFiles(root);
        for (ParsedSource r : results) {
            problems.addAll(r.problems());
            r.articleIfAny().map(a -> withCompanionImage(a, images)).ifPresent(articles::add);
        }
        return articles;
    }

    /**
     * A plain-text article has no line for an image: a picture beside it with its base name
     * ({@code x.txt}, {@code x.jpg}) is its image. Looked up after parsing (and the cache), since
     * the picture is not part of the source's bytes.
     */
    static Article withCompanionImage(Article a, dev.gazette.images.ImageFiles images) {
        if (a.image() != null || a.format() != dev.gazette.model.SourceFormat.NEWS_TEXT) {
            return a;
        }
        String picture = images.companion(a.source());
        return picture == null ? a : a.withImage(picture);
    }
}
