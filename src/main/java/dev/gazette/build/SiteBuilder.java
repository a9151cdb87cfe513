package dev.gazette.build;

import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.markup.MarkdownRenderer;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.output.SiteOutput;
import dev.gazette.related.RelatedDocument;
import dev.gazette.related.RelatedIndex;
import dev.gazette.related.RelatedMatch;
import dev.gazette.related.RelatedWeights;
import dev.gazette.render.PageJob;
import dev.gazette.render.SitePlanner;
import dev.gazette.render.TemplateEngine;
import dev.gazette.render.WebExtras;
import dev.gazette.web.ImageInfo;
import dev.gazette.source.ImagePaths;
import dev.gazette.source.ParseContext;
import dev.gazette.source.ParsedSource;
import dev.gazette.source.SourceFinder;
import dev.gazette.source.SourceReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Builds a site: loads and checks everything first, then renders every page in parallel into a
 * staging folder that replaces the output folder only when nothing failed.
 */
public final class SiteBuilder {

    /** Distinct rendering errors worth reporting: past that, the rest are the same mistake again. */
    private static final int MAX_RENDER_PROBLEMS = 20;
    /** Where local images are published, under the site's root. */
    static final String MEDIA = "media/";

    private final BuildOptions options;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Long> steps = new LinkedHashMap<>();
    private long stepStart;

    private SiteBuilder(BuildOptions options) {
        this.options = options;
    }

    /** Runs a build. Content errors come back in the report; nothing is thrown for them. */
    public static BuildReport build(BuildOptions options) {
        return new SiteBuilder(options).run();
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
        SiteConfig config = loadConfig();
        step("config");
        if (hasErrors()) {
            return failed(start, 0, 0);
        }

        List<Article> parsed = loadSources(config, pool);
        step("parse");
        List<Article> published = new ArrayList<>(parsed.size());
        for (Article a : parsed) {
            if ((a.draft() && !options.drafts()) || (a.date().toInstant().isAfter(options.now()) && !options.future())) {
                continue;
            }
            published.add(a);
        }
        int skipped = parsed.size() - published.size();

        SiteIndex.Result indexed = SiteIndex.build(published);
        problems.addAll(indexed.problems());
        SiteIndex index = indexed.index();
        Map<String, Path> images = new TreeMap<>();
        Map<String, String> imageUrls = resolveImages(index, images);
        Map<String, ImageInfo> imageInfo = WebFiles.images(images, WebFiles.firstUsers(index, imageUrls), problems);
        List<Integer> mostRead = WebFiles.mostRead(config, options.config(), index, problems);
        step("index");

        List<List<Integer>> related = relate(index, config, pool);
        step("related");

        TemplateEngine engine;
        try {
            engine = new TemplateEngine(options.templates(), config.locale(), config.timeZone());
        } catch (IOException e) {
            problems.add(Problem.error(options.templates().toString(), 0, null, "cannot open the template folder (" + e.getMessage() + ").",
                    "check the --templates folder."));
            return failed(start, index.size(), skipped);
        }
        problems.addAll(engine.check(SitePlanner.TEMPLATES));
        int year = ZonedDateTime.ofInstant(options.now(), config.timeZone()).getYear();
        WebExtras extras = new WebExtras(imageInfo, mostRead, WebFiles.logo(config, configName(), engine, problems),
                !config.baseUrl().isEmpty());
        SitePlanner planner = new SitePlanner(config, index, related, imageUrls, year, extras);
        List<PageJob> jobs = planner.plan();
        checkCollisions(jobs, images.keySet());
        step("plan");
        if (hasErrors()) {
            return failed(start, index.size(), skipped);
        }

        try (SiteOutput out = SiteOutput.open(options.out())) {
            Map<String, Integer> pages = render(jobs, engine, out, pool);
            if (hasErrors()) {
                step("render");
                return failed(start, index.size(), skipped);
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
            step("render");
            Map<String, Integer> web = WebFiles.write(config, configName(), index, imageUrls, extras, options.now(), out, pool, problems);
            step("feeds");
            out.commit();
            step("write");
            return new BuildReport(true, sorted(problems), pages, index.size(), skipped, out.filesWritten(), out.bytesWritten(),
                    steps, millisSince(start), web);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(options.out().toString(), 0, null, "cannot write the site (" + e.getMessage() + ").",
                    "check that the output folder's parent exists, is writable and has free space."));
            return failed(start, index.size(), skipped);
        }
    }

    /** How messages name the configuration file. */
    private String configName() {
        return options.config() == null ? "site.yml" : options.config().toString();
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

    private List<Article> loadSources(SiteConfig config, ForkJoinPool pool) {
        Path root = options.source();
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(root.toString(), 0, null, "the source folder does not exist.",
                    "create it and put articles in it, or point --source at your articles folder."));
            return List.of();
        }
        List<String> files;
        try {
            files = SourceFinder.find(root);
        } catch (IOException e) {
            problems.add(Problem.error(root.toString(), 0, null, "cannot list the source folder (" + e.getMessage() + ").",
                    "check its permissions."));
            return List.of();
        }
        if (files.isEmpty()) {
            problems.add(Problem.warning(root.toString(), 0, null, "no article found (.md, .txt or .html files).",
                    "add articles; see the README for the formats."));
        }
        ParseContext ctx = new ParseContext(config.timeZone(), new MarkdownRenderer(), new HtmlSanitizer());
        List<ParsedSource> results = inPool(pool, () -> files.parallelStream().map(f -> SourceReader.read(root, f, ctx)).toList());
        List<Article> articles = new ArrayList<>(results.size());
        for (ParsedSource r : results) {
            problems.addAll(r.problems());
            r.articleIfAny().ifPresent(articles::add);
        }
        return articles;
    }

    /**
     * Checks every local image and plans its copy under {@code media/}; absolute URLs are used as
     * they are. Fills {@code copies} (output path → source file) and returns each image's URL by
     * {@code source|image}.
     */
    private Map<String, String> resolveImages(SiteIndex index, Map<String, Path> copies) {
        Path root = options.source().toAbsolutePath().normalize();
        Map<String, String> urls = new HashMap<>();
        for (Article a : index.articles()) {
            String image = a.image();
            if (image == null || ImagePaths.isUrl(image)) {
                continue;
            }
            int slash = a.source().lastIndexOf('/');
            Path folder = slash < 0 ? root : root.resolve(a.source().substring(0, slash));
            Path file = folder.resolve(image).normalize();
            if (!Files.isRegularFile(file) && slash >= 0 && Files.isRegularFile(root.resolve(image).normalize())) {
                file = root.resolve(image).normalize(); // a shared folder at the articles' root (`images/…`)
            }
            if (!file.startsWith(root)) {
                problems.add(Problem.error(a.source(), 0, "image", "`" + image + "` is outside the articles folder.",
                        "move the image into the articles folder and give its path relative to the article."));
                continue;
            }
            if (!Files.isRegularFile(file)) {
                problems.add(Problem.error(a.source(), 0, "image", "the image `" + image + "` does not exist (looked for it "
                        + (slash < 0 ? "in the articles folder" : "beside the article and in the articles folder") + ").",
                        "add the file next to the article or in the articles folder's shared `images/` folder, fix the path, or remove `image:`."));
                continue;
            }
            String published = MEDIA + root.relativize(file).toString().replace('\\', '/');
            copies.put(published, file);
            urls.put(a.source() + "|" + image, published);
        }
        return urls;
    }

    private List<List<Integer>> relate(SiteIndex index, SiteConfig config, ForkJoinPool pool) {
        List<RelatedDocument> documents = new ArrayList<>(index.size());
        for (Article a : index.articles()) {
            documents.add(new ArticleDocument(a.slug(), a.tags().stream().map(t -> t.slug()).toList(),
                    a.rubric() == null ? null : a.rubric().slug(), a.date().toEpochSecond()));
        }
        RelatedIndex related = RelatedIndex.build(documents, RelatedWeights.defaults());
        int limit = Math.max(config.relatedCount(), config.relatedPageSize());
        return inPool(pool, () -> IntStream.range(0, index.size()).parallel().mapToObj(i -> {
            List<Integer> pins = index.pinsOf(i);
            Set<Integer> list = new LinkedHashSet<>(pins);
            for (RelatedMatch m : related.find(i, limit + pins.size())) {
                if (list.size() >= limit) {
                    break;
                }
                list.add(m.document());
            }
            return List.copyOf(list).subList(0, Math.min(limit, list.size()));
        }).toList());
    }

    /** The engine's view of an article. */
    private record ArticleDocument(String key, Collection<String> keywords, String group, long epochSeconds)
            implements RelatedDocument {
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

    private Map<String, Integer> render(List<PageJob> jobs, TemplateEngine engine, SiteOutput out, ForkJoinPool pool) {
        Map<String, Problem> failures = new ConcurrentHashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        inPool(pool, () -> {
            jobs.parallelStream().forEach(job -> {
                if (failed.get() && failures.size() >= MAX_RENDER_PROBLEMS) {
                    return;
                }
                try {
                    out.write(job.file(), engine.render(job.template(), job.model().get()));
                } catch (TemplateEngine.RenderException e) {
                    failed.set(true);
                    failures.putIfAbsent(e.problem().describe(), e.problem());
                }
            });
            return null;
        });
        problems.addAll(new TreeMap<>(failures).values());
        Map<String, Integer> pages = new LinkedHashMap<>();
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

    private static <T> T inPool(ForkJoinPool pool, Supplier<T> work) {
        try {
            return pool.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
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

    private BuildReport failed(long start, int articles, int skipped) {
        return new BuildReport(false, sorted(problems), Map.of(), articles, skipped, 0, 0, steps, millisSince(start), Map.of());
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
