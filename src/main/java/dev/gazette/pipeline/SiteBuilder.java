package dev.gazette.pipeline;

import dev.gazette.images.ImageFiles;
import dev.gazette.images.ImageSizes;
import dev.gazette.cache.BuildCache;
import dev.gazette.cache.Fingerprint;
import dev.gazette.cache.PageMemo;
import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Article;
import dev.gazette.model.Body;
import dev.gazette.model.ArticleId;
import dev.gazette.model.RelatedLists;
import dev.gazette.model.Problem;
import dev.gazette.related.AnalysisPack;
import dev.gazette.output.Manifest;
import dev.gazette.output.SiteOutput;
import dev.gazette.render.PageJob;
import dev.gazette.render.PageKind;
import dev.gazette.render.Redirects;
import dev.gazette.render.SiteView;
import dev.gazette.render.TeaserView;
import dev.gazette.render.SitePlanner;
import dev.gazette.render.SiteUrls;
import dev.gazette.render.TemplateEngine;
import dev.gazette.render.TemplateInputs;
import dev.gazette.render.WebExtras;
import dev.gazette.text.ContentHash;
import dev.gazette.images.ImageInfo;
import dev.gazette.images.ImagePaths;
import dev.gazette.images.Renditions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a site: loads and checks everything first, then renders every page in parallel into a
 * staging folder that replaces the output folder only when nothing failed.
 */
public final class SiteBuilder {

    /**
     * How many articles may lack an analysis in the last build's pack for the search to be begun
     * before the related step: each of those it analyses, as the related step does.
     */
    private static final int ANALYSES_MISSING = 64;
    /** Distinct rendering errors worth reporting: past that, the rest are the same mistake again. */
    private static final int MAX_RENDER_PROBLEMS = 20;
    /** The redirects for Netlify and Cloudflare Pages, and the nginx map, at the site's root. */
    static final String REDIRECTS_NETLIFY = "_redirects";
    static final String REDIRECTS_NGINX = "redirects.nginx.conf";

    private final BuildOptions options;
    private final BuildProgress progress;
    private final List<Problem> problems = new ArrayList<>();
    /** Articles the publishing rules left out, once the sources are read. */
    private List<SkippedArticle> skippedArticles = List.of();
    private final AtomicLong rendered = new AtomicLong();
    private final Map<String, Long> steps = new LinkedHashMap<>();
    /** Related lists the engine computed in this build (the others were kept), once the related step ran. */
    private int relatedComputed;
    private long stepStart;

    /** What this process kept from its earlier builds into the same output, or {@code null}. */
    private final Rebuilds rebuilds;
    /** The output's files written since the last build, outside one (the preview's quick pages). */
    private Set<String> aside = Set.of();
    /** The notice of a build cache emptied by this build: said once, not part of what the site's build says again. */
    private Problem cacheNotice;
    /** This build's place among the preview's builds and quick pages (see {@link Rebuilds#begin()}). */
    private long tick;

    private SiteBuilder(BuildOptions options, Rebuilds rebuilds, BuildProgress progress) {
        this.options = options;
        this.rebuilds = rebuilds;
        this.progress = progress;
    }

    /** Runs a build. Content errors come back in the report; nothing is thrown for them. */
    public static BuildReport build(BuildOptions options) {
        return build(options, new BuildProgress());
    }

    /** As {@link #build(BuildOptions)}, keeping {@code progress} up to date as it goes. */
    public static BuildReport build(BuildOptions options, BuildProgress progress) {
        return new SiteBuilder(options, null, progress).run();
    }

    /**
     * Runs one build of a series into the same output folder (the preview's), reusing what
     * {@code rebuilds} kept from the earlier ones; the output is the same as {@link #build}'s.
     */
    public static BuildReport build(BuildOptions options, Rebuilds rebuilds) {
        BuildReport report = new SiteBuilder(options, rebuilds, new BuildProgress()).run();
        if (!report.succeeded()) {
            rebuilds.failed();
        }
        return report;
    }

    private BuildReport run() {
        long start = System.nanoTime();
        stepStart = start;
        ForkJoinPool pool = new ForkJoinPool(options.jobs());
        try {
            return runIn(pool, start);
        } finally {
            pool.shutdownNow();
        }
    }

    private BuildReport runIn(ForkJoinPool pool, long start) {
        tick = rebuilds == null ? 0 : rebuilds.begin();
        aside = rebuilds == null ? Set.of() : rebuilds.writtenAside();
        checkOutputFolder();
        if (hasErrors()) {
            return failed(start, 0);
        }
        BuildCache cache = openCache();
        UpToDate upToDate = null;
        if (cache != null && rebuilds == null) {
            // Before anything is read, and before the output is opened: a build with nothing to do
            // ends here, without a staging folder or a lock.
            try {
                upToDate = UpToDate.look(options, cache, SiteOutput.realTarget(options.out()).toString());
                Optional<BuildReport> unchanged = upToDate.unchanged(options.now(), start);
                if (unchanged.isPresent()) {
                    return unchanged.get();
                }
            } catch (IOException e) {
                upToDate = null; // the output's path cannot be resolved: opening it reports why
            }
            step("look"); // every input's date and size looked at: the whole of a build with nothing to do
        }
        // Opened first: it takes the output folder's lock, so a second build into the same folder
        // is told at once instead of after reading every source.
        SiteOutput out;
        try {
            out = rebuilds != null && rebuilds.built() ? SiteOutput.openInPlace(options.out(), aside, file -> rebuilds.writtenAsideSince(file, tick)) : SiteOutput.open(options.out());
        } catch (SiteOutput.RefusedException e) {
            problems.add(Problem.error("--out", 0, null, e.getMessage(), e.fix()));
            return failed(start, 0);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(options.out().toString(), 0, null, "cannot prepare the output folder (" + e.getMessage() + ").",
                    "check that the output folder's parent is writable and has free space."));
            return failed(start, 0);
        }
        step("output");
        int[] counts = new int[1];
        try (out) {
            return buildInto(out, pool, start, counts, cache, upToDate);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(options.out().toString(), 0, null, "cannot write the site (" + e.getMessage() + ").",
                    "check that the output folder's parent exists, is writable and has free space."));
            return failed(start, counts[0]);
        }
    }

    /** Everything after the output folder is open; {@code counts} receives the articles (and {@link #skippedArticles} the skipped ones), for the report of a failure. */
    private BuildReport buildInto(SiteOutput out, ForkJoinPool pool, long start, int[] counts, BuildCache cache, UpToDate upToDate)
            throws IOException {
        // A batch build keeps the bodies in its staging folder, not in memory. A preview keeps them
        // in memory: it keeps its articles from one build to the next, and a rebuild costs no read.
        try (BodyStore bodies = rebuilds == null ? BodyStore.create(out.scratchFile("bodies")) : null) {
            return buildInto(out, pool, start, counts, cache, upToDate, bodies);
        }
    }

    private BuildReport buildInto(SiteOutput out, ForkJoinPool pool, long start, int[] counts, BuildCache cache, UpToDate upToDate,
                                  BodyStore bodies) throws IOException {
        SiteConfig config = SiteLoader.config(options, problems);
        step("config");
        if (hasErrors()) {
            return failed(start, 0);
        }
        checkOutputAgainstMostRead(config);
        if (hasErrors()) {
            return failed(start, 0);
        }
        if (upToDate != null) {
            upToDate.extraInputs(java.util.stream.Stream.of(WebFiles.mostReadFile(config, options.config()),
                    WebFiles.redirectsFile(config, options.config())).filter(java.util.Objects::nonNull).toList());
        }
        try (Aside aside = new Aside()) {
            return buildInto(out, pool, start, counts, cache, upToDate, bodies, config, aside);
        }
    }

    /**
     * The work a build does on threads of its own, beside its steps, for steps that need nothing
     * the steps between make and whose work is mostly on one core: the steps beside it then use
     * a core they leave idle. Closing it waits for them (abandoning the search): a build that
     * fails must not close the output folder under a step still writing.
     */
    private static final class Aside implements AutoCloseable {
        /** The analyses' pack, opened beside the making of the site's index (on one core). */
        Beside<Optional<AnalysisPack>> pack;
        /** The templates, read and checked beside the related step. */
        Beside<Templates> templates;
        /** The search index, made beside the related step (in a publish), the plan, the render and the feeds. */
        Beside<SearchFiles.Written> search;
        /** Set when the build is over: a search not joined by then is not wanted. */
        final AtomicBoolean abandoned = new AtomicBoolean();

        @Override
        public void close() {
            abandoned.set(true);
            for (Beside<?> b : java.util.Arrays.asList(pack, templates, search)) {
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    /** The analyses' pack {@code opening} opened beside ({@code null}: not begun, as when the sources failed early), else opened now. */
    private static Optional<AnalysisPack> openedPack(Beside<Optional<AnalysisPack>> opening, BuildCache cache, String target) {
        try {
            return opening == null ? RelatedContent.openPack(cache, target) : opening.join();
        } catch (IOException e) {
            return Optional.empty(); // not opened: the analyses are read one by one, as without a pack
        }
    }

    /** The templates as a build reads them: their inputs to the pages' fingerprints (with the cache), the engine, and what its check found. */
    private record Templates(TemplateInputs inputs, TemplateEngine engine, List<Problem> problems) {
    }

    private BuildReport buildInto(SiteOutput out, ForkJoinPool pool, long start, int[] counts, BuildCache cache, UpToDate upToDate,
                                  BodyStore bodies, SiteConfig config, Aside aside) throws IOException {
        String target = out.target().toString();
        SiteLoader.Loaded loaded = SiteLoader.load(options, config, pool, () -> {
            step("parse");
            if (cache != null) {
                aside.pack = Beside.start("gazette-pack", () -> RelatedContent.openPack(cache, target));
            }
        }, cache, rebuilds, progress, bodies, upToDate == null ? Map.of() : upToDate.trustedSources(), target);
        problems.addAll(loaded.problems());
        SiteIndex index = loaded.index();
        List<SkippedArticle> skipped = loaded.skipped();
        counts[0] = index.size();
        skippedArticles = skipped;
        step("index");
        Map<String, Path> images = new TreeMap<>();
        Map<String, String> imageUrls = resolveImages(index, images);
        ImageSizes sizes = new ImageSizes();
        BodyImages.Result bodyImages = BodyImages.resolve(index, new SiteUrls(config.permalinks()), options.source(), sizes, pool,
                bodies == null ? Body::of : bodies::keep,
                bodies == null ? BodyStore::htmlHoldsImageTag : bodies::holdsImageTag);
        problems.addAll(bodyImages.problems());
        // The index from here on holds the bodies as published: later steps need no side map.
        index = index.withBodies(bodyImages.bodies());
        images.putAll(bodyImages.copies());
        Map<String, ImageInfo> imageInfo = WebFiles.images(images, WebFiles.firstUsers(index, imageUrls), sizes, problems);
        imageInfo = Renditions.plan(imageInfo, new HashSet<>(imageUrls.values()), images.keySet());
        step("images");
        final SiteIndex published = index;
        List<ArticleId> mostRead = WebFiles.mostRead(config, options.config(), index, problems).stream().map(published::id).toList();
        step("most-read");

        // The templates are read for the pages' fingerprints before the engine reads them: a
        // template saved in between then makes the fingerprint older than the pages, which renders
        // them again next time, never the other way round (pages kept for ever from a template they
        // were not made of). Beside the related step: nothing there needs them.
        boolean memoized = cache != null;
        aside.templates = Beside.start("gazette-templates", () -> {
            TemplateInputs inputs = memoized ? TemplateInputs.read(options.templates(), config.locale(), config.timeZone()) : null;
            TemplateEngine engine = new TemplateEngine(options.templates(), config.locale(), config.timeZone());
            return new Templates(inputs, engine, engine.check(SitePlanner.TEMPLATES));
        });
        // Each article's text analysis key, for the related step and the search step alike.
        String[] analysisKeys = cache == null ? null : RelatedContent.analysisKeys(index, config, cache, pool);
        PageMemo memo = cache == null ? null : PageMemo.open(cache, target);
        // The search index needs neither the related lists nor a page: it is made beside the
        // steps from here on. Begun after the plan, it took a core from the render (which uses
        // both), while the related step's set-up and the plan, mostly on one core, left the other
        // idle. It reads each article's analysis from the cache: when the last build's are there
        // (a publish: the pack holds them), it is begun before the related step; when they are not
        // (a first build), after it, which makes and stores them: else both would analyse every
        // article. Sources that failed make no index.
        Optional<AnalysisPack> pack = cache == null ? Optional.empty() : openedPack(aside.pack, cache, target);
        Runnable startSearch = () -> aside.search = Beside.start("gazette-search",
                () -> SearchFiles.write(config, published, out, pool, cache, memo, analysisKeys, aside.abandoned::get));
        boolean analysed = cache == null || pack.map(p -> p.size() + ANALYSES_MISSING >= published.size()).orElse(false);
        if (!hasErrors() && analysed) {
            startSearch.run();
        }
        progress.step("related", 0);
        RelatedContent.Lists relatedLists = RelatedContent.lists(index, config, Math.max(config.relatedCount(), config.relatedPageSize()),
                pool, cache, target, analysisKeys, () -> pack);
        RelatedLists related = relatedLists.byId();
        relatedComputed = relatedLists.computed();
        step("related");
        if (!hasErrors() && aside.search == null) {
            startSearch.run();
        }

        Templates templates;
        try {
            templates = aside.templates.join();
        } catch (IOException e) {
            problems.add(Problem.error(options.templates().toString(), 0, null, "cannot open the template folder (" + e.getMessage() + ").",
                    "check the --templates folder."));
            return failed(start, index.size());
        }
        TemplateInputs templateInputs = templates.inputs();
        TemplateEngine engine = templates.engine();
        problems.addAll(templates.problems());
        WebExtras extras = new WebExtras(imageInfo, mostRead, WebFiles.logo(config, configName(), engine, problems),
                !config.baseUrl().isEmpty(), WebFiles.socialImage(config, configName(), engine, problems));
        checkMenu(config, index);
        checkCaptions(index);
        SitePlanner planner = new SitePlanner(config, index, related, imageUrls, options.now(), extras);
        List<PageJob> jobs = new ArrayList<>(planner.plan());
        Set<String> otherFiles = new HashSet<>(images.keySet());
        otherFiles.addAll(TemplateEngine.THEME_ASSETS);
        Redirects.Plan redirects = Redirects.plan(config, index, Redirects.owners(jobs, otherFiles, "a file of the site"),
                WebFiles.redirectRules(config, options.config(), problems), WebFiles.redirectsName(config, options.config()));
        problems.addAll(redirects.problems());
        jobs.addAll(planner.redirectJobs(redirects));
        checkCollisions(jobs, images.keySet());
        step("plan");
        if (hasErrors()) {
            probeTemplates(jobs, engine);
            return failed(start, index.size());
        }
        progress.step("render", jobs.size());
        Map<PageKind, Integer> pages = render(jobs, engine, out, pool, memo, templateInputs);
        // Each plan holds its page's data (a quarter of a million at 10^5 articles): done with.
        jobs.clear();
        if (hasErrors()) {
            step("render");
            return failed(start, index.size());
        }
        for (String asset : TemplateEngine.THEME_ASSETS) {
            Optional<InputStream> in = engine.openAsset(asset);
            if (in.isPresent()) {
                out.copy(in.get(), asset);
            }
        }
        copyThemeAssets(out);
        for (Map.Entry<String, Path> image : images.entrySet()) {
            out.copy(Files.newInputStream(image.getValue()), image.getKey());
        }
        problems.addAll(Renditions.write(imageInfo, images, WebFiles.firstUsers(index, imageUrls), cache == null ? Renditions.Store.NONE
                : Renditions.Store.of(cache::rendition, cache::putRendition), pool, out::write).problems());
        if (!redirects.redirects().isEmpty()) {
            // For hosts that redirect by configuration (a real 301), beside the pages that do it in the browser.
            out.write(REDIRECTS_NETLIFY, Redirects.netlify(config, redirects.redirects()));
            out.write(REDIRECTS_NGINX, Redirects.nginx(config, redirects.redirects()));
        }
        step("render");
        progress.step("feeds", 0);
        Map<String, Integer> web = WebFiles.write(config, configName(), index, imageUrls, extras, options.now(), out, pool, problems, memo);
        step("feeds");
        progress.step("search", 0);
        SearchFiles.Written search = aside.search.join(); // begun: the sources had no error
        // Its own time, beside the render and the feeds; then how long the build waited for it.
        steps.put("search", aside.search.millis());
        step("search-wait");
        progress.step("write", 0);
        if (bodies != null) {
            bodies.close(); // its file goes with the staging folder's scratch, before the commit
        }
        // The page memo is written while the site is committed, on the pool, idle by now: both are
        // the work of one thread (sorting and writing a line per file). A memo saved for a commit
        // that then failed only names pages the next build finds changed and renders again.
        java.util.concurrent.CompletableFuture<Void> memoSaved = memo == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                : java.util.concurrent.CompletableFuture.runAsync(memo::save, pool);
        try {
            out.commit();
        } finally {
            memoSaved.join();
        }
        SearchFiles.saveState(cache, out, search);
        if (rebuilds != null) {
            rebuilds.succeeded(new Rebuilds.Snapshot(config, index, related, imageUrls, extras, engine, out.target()), tick);
        }
        if (!out.swappedAtomically()) {
            problems.add(Problem.warning(options.out().toString(), 0, null,
                    "this file system cannot swap two folders in one step: the site was missing for an instant while the new one was moved in.",
                    "build on a local Linux (3.15+) or macOS file system for an atomic switch."));
        }
        step("write");
        BuildReport report = new BuildReport(true, sorted(problems), pages, rendered.get(), relatedComputed, index.size(), skipped, out.filesWritten(),
                out.filesUnchanged(), out.filesRemoved(), out.bytesWritten(), steps, millisSince(start), web);
        if (upToDate != null) {
            List<java.time.Instant> dates = new ArrayList<>(index.size() + skipped.size());
            for (Article a : index.articles()) {
                dates.add(a.date().toInstant());
            }
            for (SkippedArticle s : skipped) {
                dates.add(java.time.OffsetDateTime.parse(s.date()).toInstant());
            }
            upToDate.record(report, cacheNotice, UpToDate.TimeWindow.around(options.now(), config.timeZone(), dates));
        }
        return report;
    }

    /**
     * When the build already failed, renders one page of each template, into nothing, so that a
     * template's own mistakes (an unknown variable, a wrong type) are reported with the sources'
     * problems instead of after they are fixed. Errors that depend on one article's data still
     * only show in a full render.
     */
    private void probeTemplates(List<PageJob> jobs, TemplateEngine engine) {
        if (problems.stream().anyMatch(p -> p.file().endsWith(".ftlh"))) {
            return; // a template that does not even parse is reported already; rendering adds only noise
        }
        Set<String> probed = new HashSet<>();
        Set<String> known = new HashSet<>();
        for (Problem p : problems) {
            known.add(p.describe());
        }
        for (PageJob job : jobs) {
            if (!probed.add(job.template())) {
                continue;
            }
            try {
                engine.renderUtf8(job.template(), job.model().get());
            } catch (TemplateEngine.RenderException e) {
                if (known.add(e.problem().describe())) {
                    problems.add(e.problem());
                }
            } catch (RuntimeException e) {
                // The data of a site with errors may be incomplete: only template mistakes are wanted here.
            }
        }
    }

    /** The build cache, or {@code null} when there is none or it cannot be used (a warning says why). */
    private BuildCache openCache() {
        if (options.cache() == null) {
            return null;
        }
        try {
            BuildCache cache = BuildCache.open(options.cache());
            cache.notice().ifPresent(n -> {
                cacheNotice = Problem.warning(options.cache().toString(), 0, null, n, null);
                problems.add(cacheNotice);
            });
            return cache;
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.warning(options.cache().toString(), 0, null, "cannot use the build cache (" + e.getMessage()
                    + "); building without it.", "check that the folder is writable, or pass --no-cache."));
            return null;
        }
    }

    /**
     * Each rubric {@code menu:} names must be a rubric of the published articles: a misspelt name
     * would otherwise leave the menu without it and nobody would know why.
     */
    private void checkMenu(SiteConfig config, SiteIndex index) {
        for (dev.gazette.config.MenuEntry e : config.menu()) {
            if (SitePlanner.rubricGroup(index, e.rubric()) == null) {
                String known = index.rubrics().stream().sorted(java.util.Comparator.comparing(g -> g.term().slug())).map(g -> g.term().name()).collect(java.util.stream.Collectors.joining(", "));
                problems.add(Problem.error(configName(), e.line(), "menu", "no published article has the rubric `" + e.rubric() + "`.",
                        known.isEmpty() ? "remove it from `menu:` (no article has a rubric yet)."
                                : "write one of the site's rubrics (" + known + "), or remove it from `menu:` (rubrics it leaves out follow in alphabetical order)."));
            }
        }
    }

    /** A caption without an image has nothing to caption: the pages cannot show it, so the editor is told. */
    private void checkCaptions(SiteIndex index) {
        for (int i = 0; i < index.size(); i++) {
            Article a = index.article(i);
            if (!a.caption().isBlank() && a.image() == null) {
                problems.add(Problem.warning(a.source(), 0, "caption", "the article has a photo caption but no image; pages show no caption without an image.",
                        a.format() == dev.gazette.model.SourceFormat.NEWS_TEXT
                                ? "save its picture beside it with the same name (`" + a.source().replaceAll("\\.[^./]*$", "") + ".jpg`), or remove the caption line (the third line)."
                                : "give the article its image (`image:` in the front matter, `og:image` in a page), or remove the caption."));
            }
        }
    }

    /** How messages name the configuration file. */
    private String configName() {
        return options.config() == null ? "site.yml" : options.config().toString();
    }

    /**
     * The output folder is replaced wholesale on success: it must not be, hold or sit inside the
     * articles or templates folder, nor hold the configuration file. A slip such as {@code --out .}
     * or {@code --out articles} would otherwise delete the newsroom's sources, and an output inside
     * the articles would be read back as articles by the next build.
     */
    private void checkOutputFolder() {
        Path out = realOrAbsolute(options.out());
        checkNotAffected(out, options.source(), "the articles folder", true);
        checkNotAffected(out, options.templates(), "the templates folder", true);
        if (options.config() != null) {
            checkNotAffected(out, options.config(), "the configuration file", false);
        }
        if (problems.isEmpty()) {
            try {
                SiteOutput.check(options.out());
            } catch (SiteOutput.RefusedException e) {
                problems.add(Problem.error("--out", 0, null, e.getMessage(), e.fix()));
            } catch (IOException e) {
                problems.add(Problem.error("--out", 0, null, "cannot inspect the output folder `" + options.out() + "` (" + e.getMessage() + ").",
                        "check its permissions, or choose another --out."));
            }
        }
    }

    /** The most-read and redirects files are inputs too: an output folder holding one would delete it on success. */
    private void checkOutputAgainstMostRead(SiteConfig config) {
        Path file = WebFiles.mostReadFile(config, options.config());
        if (file != null) {
            checkNotAffected(realOrAbsolute(options.out()), file, "the most-read file named by `mostRead`", false);
        }
        Path redirects = WebFiles.redirectsFile(config, options.config());
        if (redirects != null) {
            checkNotAffected(realOrAbsolute(options.out()), redirects, "the redirects file named by `redirects`", false);
        }
    }

    private void checkNotAffected(Path out, Path input, String what, boolean folder) {
        Path in = realOrAbsolute(input);
        if (in.startsWith(out)) {
            problems.add(Problem.error("--out", 0, null, "the output folder `" + options.out() + "` "
                            + (in.equals(out) ? "is " : "holds ") + what + " (`" + input + "`), which the build would replace with the site.",
                    "choose an output folder of its own, such as `site-out`."));
        } else if (folder && out.startsWith(in)) {
            problems.add(Problem.error("--out", 0, null, "the output folder `" + options.out() + "` is inside " + what + " (`" + input
                    + "`).", "choose an output folder outside it, such as `site-out` beside it."));
        }
    }

    /** The path with links resolved as far as it exists, so that two spellings of one folder compare equal. */
    private static Path realOrAbsolute(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }


    /**
     * Checks every local image and plans its copy under {@code media/}; absolute URLs are used as
     * they are. Fills {@code copies} (output path → source file) and returns each image's URL by
     * {@code source|image}.
     */
    private Map<String, String> resolveImages(SiteIndex index, Map<String, Path> copies) {
        ImageFiles files = new ImageFiles(options.source());
        Map<String, String> urls = new HashMap<>();
        for (Article a : index.articles()) {
            String image = a.image();
            if (image == null || ImagePaths.isUrl(image)) {
                continue;
            }
            Path file = files.find(a.source(), image, "image", problems);
            if (file != null) {
                String published = files.published(file);
                copies.put(published, file);
                urls.put(a.source() + "|" + image, published);
            }
        }
        return urls;
    }

    private void checkCollisions(List<PageJob> jobs, Set<String> copies) {
        Map<String, String> owners = new HashMap<>(jobs.size() * 2);
        for (String copy : copies) {
            owners.put(copy, "an image");
        }
        for (String asset : TemplateEngine.THEME_ASSETS) {
            owners.put(asset, "the theme");
        }
        for (PageJob job : jobs) {
            String previous = owners.putIfAbsent(job.file(), job.owner());
            if (previous != null) {
                problems.add(Problem.error(job.owner(), 0, null, "its page `" + job.url() + "` would overwrite the page of " + previous + ".",
                        "rename one of them (a `slug:`, a tag, a rubric) or change the permalink patterns in the configuration."));
            }
        }
    }

    /**
     * Renders every page into {@code out}. With a {@code memo}, a page whose model has the
     * fingerprint of a page the previous site holds is kept from there, not rendered: the model is
     * everything the page shows, so the same model under the same templates is the same page (the
     * templates its own template loads: {@link TemplateInputs}).
     */
    private Map<PageKind, Integer> render(List<PageJob> jobs, TemplateEngine engine, SiteOutput out, ForkJoinPool pool, PageMemo memo,
                                        TemplateInputs templateInputs) {
        Map<String, Problem> failures = new ConcurrentHashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        // Teasers and the site's view stand in many pages' models: hash each once.
        Fingerprint.Shared shared = new Fingerprint.Shared(java.util.Set.of(TeaserView.class, SiteView.class));
        // A write error (a full disk) is kept, not thrown from a worker: the stream then ends only
        // once every worker has stopped writing, so the staging folder can be deleted whole.
        AtomicReference<UncheckedIOException> writeError = new AtomicReference<>();
        Pools.inPool(pool, () -> {
            jobs.parallelStream().forEach(job -> {
                if (writeError.get() != null || (failed.get() && failures.size() >= MAX_RENDER_PROBLEMS)) {
                    return;
                }
                progress.advance();
                try {
                    String templates = memo == null ? null : templateInputs.of(job.template()) + "\u0000" + job.template();
                    // A page that keys its inputs is kept by that key, before its data is built: building
                    // and hashing the data of every page was most of a publish's rendering (the pages of
                    // articles and lists are nine in ten of a site's).
                    String inputs = memo == null || job.inputs() == null ? null : job.inputs().get();
                    String fingerprint = inputs == null ? null : ContentHash.of((templates + "\u0000inputs\u0000" + inputs).getBytes(StandardCharsets.UTF_8));
                    if (KeptFiles.keep(memo, fingerprint, job.file(), out)) {
                        return;
                    }
                    Map<String, Object> model = job.model().get();
                    if (memo != null && inputs == null) {
                        fingerprint = Fingerprint.of(templates, model, shared).orElse(null);
                        if (KeptFiles.keep(memo, fingerprint, job.file(), out)) {
                            return;
                        }
                    }
                    Manifest.Entry written = out.write(job.file(), engine.renderUtf8(job.template(), model));
                    rendered.incrementAndGet();
                    KeptFiles.remember(memo, fingerprint, written);
                } catch (TemplateEngine.RenderException e) {
                    failed.set(true);
                    failures.putIfAbsent(e.problem().describe(), e.problem());
                } catch (UncheckedIOException e) {
                    writeError.compareAndSet(null, e);
                }
            });
            return null;
        });
        if (writeError.get() != null) {
            throw writeError.get();
        }
        problems.addAll(new TreeMap<>(failures).values());
        Map<PageKind, Integer> pages = new LinkedHashMap<>();
        for (PageJob job : jobs) {
            pages.merge(job.kind(), 1, Integer::sum);
        }
        return pages;
    }

    /** Copies the site's own theme assets (everything under the templates folder's {@code assets/}). */
    private void copyThemeAssets(SiteOutput out) throws IOException {
        Path assets = options.templates().resolve("assets");
        if (!Files.isDirectory(assets)) {
            return;
        }
        List<Path> files;
        try (var walk = Files.walk(assets)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = "assets/" + assets.relativize(file).toString().replace('\\', '/');
            if (!TemplateEngine.THEME_ASSETS.contains(relative)) {
                out.copy(Files.newInputStream(file), relative);
            }
        }
    }

    private boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    private void step(String name) {
        long now = System.nanoTime();
        steps.put(name, (now - stepStart) / 1_000_000);
        stepStart = now;
    }

    private BuildReport failed(long start, int articles) {
        return new BuildReport(false, sorted(problems), Map.of(), 0, relatedComputed, articles, skippedArticles, 0, 0, 0, 0, steps, millisSince(start), Map.of());
    }

    /** Errors first, so they are what a user sees; otherwise the order they were found in. */
    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> out = new ArrayList<>(problems.size());
        problems.stream().filter(Problem::isError).forEach(out::add);
        problems.stream().filter(p -> !p.isError()).forEach(out::add);
        return out;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
