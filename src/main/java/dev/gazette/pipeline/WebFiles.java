package dev.gazette.pipeline;

import dev.gazette.images.ImageSizes;
import dev.gazette.cache.PageMemo;
import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.output.SiteOutput;
import dev.gazette.render.FeedPlanner;
import dev.gazette.render.SiteUrls;
import dev.gazette.text.UrlPaths;
import dev.gazette.render.TemplateEngine;
import dev.gazette.render.WebExtras;
import dev.gazette.web.FeedWriter;
import dev.gazette.images.ImageInfo;
import dev.gazette.images.ImageSize;
import dev.gazette.web.MostRead;
import dev.gazette.web.NewsSitemap;
import dev.gazette.web.RobotsTxt;
import dev.gazette.web.SitemapWriter;
import dev.gazette.web.RedirectsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The build's steps for the open web: reading what the pages need beside the articles (image
 * sizes, the most-read ranking, the logo) and writing the feeds, sitemaps and {@code robots.txt}.
 * Problems go to the list it is given; nothing is thrown for content.
 */
final class WebFiles {

    private WebFiles() {
    }

    /** The size of each local image to publish (output path → file); an unreadable size is a warning. */
    static Map<String, ImageInfo> images(Map<String, Path> copies, Map<String, String> firstUser, ImageSizes sizes,
                                         List<Problem> problems) {
        Map<String, ImageInfo> out = new TreeMap<>();
        for (Map.Entry<String, Path> e : copies.entrySet()) {
            Path file = e.getValue();
            ImageSizes.Read read = sizes.of(file);
            String owner = firstUser.getOrDefault(e.getKey(), file.toString());
            if (read.failure() != null) {
                problems.add(Problem.error(owner, 0, "image", "cannot read the image `" + file + "` (" + read.failure() + ").",
                        "check that the file is readable."));
            } else if (read.dimensions().isEmpty()) {
                problems.add(Problem.warning(owner, 0, "image",
                        "cannot read the size of `" + file.getFileName() + "` (not PNG, JPEG, GIF, WebP or SVG with a size); its <img> has no width and height.",
                        "convert it to one of those formats, or give the SVG width and height (or a viewBox)."));
            }
            int width = read.dimensions().map(ImageSize.Dimensions::width).orElse(0);
            int height = read.dimensions().map(ImageSize.Dimensions::height).orElse(0);
            out.put(e.getKey(), new ImageInfo(e.getKey(), width, height, read.bytes(), ImageSize.mediaType(file.getFileName().toString())));
        }
        return out;
    }

    /** The publication's logo: a theme asset with its size, or an absolute URL; {@code null} when missing (a warning). */
    static ImageInfo logo(SiteConfig config, String configName, TemplateEngine engine, List<Problem> problems) {
        String logo = config.logo();
        if (logo.startsWith("https://") || logo.startsWith("http://")) {
            return ImageInfo.remote(logo);
        }
        try {
            Optional<InputStream> asset = engine.openAsset(logo);
            if (asset.isEmpty()) {
                problems.add(Problem.warning(configName, 0, "logo", "the logo `" + logo + "` is neither in the templates folder nor in the default theme; structured data names no logo.",
                        "put the logo in the templates folder (e.g. `templates/assets/logo.png`, at most 600×60 pixels) and name it in `logo:`."));
                return null;
            }
            try (InputStream in = asset.get()) {
                byte[] bytes = in.readAllBytes();
                Optional<ImageSize.Dimensions> size = ImageSize.read(new java.io.ByteArrayInputStream(bytes));
                return new ImageInfo(logo, size.map(ImageSize.Dimensions::width).orElse(0), size.map(ImageSize.Dimensions::height).orElse(0),
                        bytes.length, ImageSize.mediaType(logo));
            }
        } catch (IOException e) {
            problems.add(Problem.warning(configName, 0, "logo", "cannot read the logo `" + logo + "` (" + e.getMessage() + ").", "check the file."));
            return null;
        }
    }

    /** Facebook's and LinkedIn's smallest large card image: smaller ones are shown as a thumbnail, or not at all. */
    static final int SOCIAL_WIDTH = 1200;
    static final int SOCIAL_HEIGHT = 630;

    /**
     * The site's default image for social networks ({@code socialImage:}), with its size; {@code null}
     * when none is set, or (a warning) when the file is missing. Smaller than 1200×630 is a warning.
     */
    static ImageInfo socialImage(SiteConfig config, String configName, TemplateEngine engine, List<Problem> problems) {
        String image = config.socialImage();
        if (image.isEmpty()) {
            return null;
        }
        if (image.startsWith("https://") || image.startsWith("http://")) {
            return ImageInfo.remote(image);
        }
        try {
            Optional<InputStream> asset = engine.openAsset(image);
            if (asset.isEmpty()) {
                problems.add(Problem.warning(configName, 0, "socialImage", "the image `" + image + "` is neither in the templates folder nor in the default theme; pages without an image of their own show the logo to social networks.",
                        "put the image in the templates folder (e.g. `templates/assets/social.png`, at least 1200×630 pixels) and name it in `socialImage:`."));
                return null;
            }
            try (InputStream in = asset.get()) {
                byte[] bytes = in.readAllBytes();
                Optional<ImageSize.Dimensions> size = ImageSize.read(new java.io.ByteArrayInputStream(bytes));
                int width = size.map(ImageSize.Dimensions::width).orElse(0);
                int height = size.map(ImageSize.Dimensions::height).orElse(0);
                if (size.isEmpty()) {
                    problems.add(Problem.warning(configName, 0, "socialImage", "cannot read the size of `" + image + "`.", "use a PNG or JPEG image of at least 1200×630 pixels."));
                } else if (width < SOCIAL_WIDTH || height < SOCIAL_HEIGHT) {
                    problems.add(Problem.warning(configName, 0, "socialImage", "`" + image + "` is " + width + "×" + height
                                    + " pixels; social networks show images under 1200×630 as a small thumbnail, or not at all.",
                            "use an image of at least 1200×630 pixels (1.91:1)."));
                }
                return new ImageInfo(image, width, height, bytes.length, ImageSize.mediaType(image));
            }
        } catch (IOException e) {
            problems.add(Problem.warning(configName, 0, "socialImage", "cannot read `" + image + "` (" + e.getMessage() + ").", "check the file."));
            return null;
        }
    }

    /**
     * Reads the analytics export the configuration names and ranks the articles. A missing file is a
     * warning (the block is left out); so is each line naming no published article.
     *
     * @param configFile the configuration file (the CSV's path is relative to its folder), or {@code null}
     */
    /** The most-read file the configuration names (relative to its folder), or {@code null} for none. */
    static Path mostReadFile(SiteConfig config, Path configFile) {
        if (config.mostRead().isEmpty()) {
            return null;
        }
        Path folder = configFile == null || configFile.toAbsolutePath().getParent() == null ? Path.of("") : configFile.toAbsolutePath().getParent();
        return folder.resolve(config.mostRead());
    }

    /** The redirects file named by the configuration, or {@code null} for none. */
    static Path redirectsFile(SiteConfig config, Path configFile) {
        if (config.redirects().isEmpty()) {
            return null;
        }
        Path folder = configFile == null || configFile.toAbsolutePath().getParent() == null ? Path.of("") : configFile.toAbsolutePath().getParent();
        return folder.resolve(config.redirects());
    }

    /** How messages name the redirects file: as written in the configuration, or from the current folder. */
    static String redirectsName(SiteConfig config, Path configFile) {
        if (configFile == null) {
            return config.redirects();
        }
        Path folder = configFile.toAbsolutePath().getParent() == null ? Path.of("") : configFile.toAbsolutePath().getParent();
        return Path.of("").toAbsolutePath().relativize(folder.resolve(config.redirects()).toAbsolutePath()).toString();
    }

    /**
     * The lines of the site-wide redirects file named by {@code redirects:}, or none. A missing or
     * unreadable file is an error: without it, published links would break.
     */
    static List<RedirectsFile.Rule> redirectRules(SiteConfig config, Path configFile, List<Problem> problems) {
        if (config.redirects().isEmpty()) {
            return List.of();
        }
        Path file = redirectsFile(config, configFile);
        String name = redirectsName(config, configFile);
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.error(name, 0, "redirects", "the redirects file named by `redirects` does not exist.",
                    "create it (old address, new address on each line), or remove `redirects` from the configuration."));
            return List.of();
        }
        try {
            RedirectsFile.Parsed parsed = RedirectsFile.parse(Files.readAllBytes(file), name);
            problems.addAll(parsed.problems());
            return parsed.rules();
        } catch (IOException e) {
            problems.add(Problem.error(name, 0, "redirects", "cannot read the redirects file (" + e.getMessage() + ").",
                    "check that Gazette may read it."));
            return List.of();
        }
    }

    static List<Integer> mostRead(SiteConfig config, Path configFile, SiteIndex index, List<Problem> problems) {
        if (config.mostRead().isEmpty()) {
            return List.of();
        }
        Path file = mostReadFile(config, configFile);
        String name = configFile == null ? config.mostRead() : Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.warning(name, 0, null, "the most-read file named by `mostRead` does not exist; no \"most read\" block.",
                    "export it from your analytics (slug or URL, views) to that path, or remove `mostRead` from the configuration."));
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.warning(name, 0, null, "cannot read the most-read file (" + e.getMessage() + "); no \"most read\" block.",
                    "check that Gazette may read it."));
            return List.of();
        }
        MostRead.Parsed parsed = MostRead.parse(bytes, name);
        problems.addAll(parsed.problems());
        SiteUrls urls = new SiteUrls(config.permalinks());
        Map<String, Integer> byUrl = new HashMap<>(index.size() * 2);
        for (int i = 0; i < index.size(); i++) {
            byUrl.put(UrlPaths.decode(urls.article(index.article(i))), i);
        }
        // Analytics exports keep counting an article under its old URL for a while: it still counts.
        for (int i = 0; i < index.size(); i++) {
            Article a = index.article(i);
            if (a.legacySlug() != null) {
                byUrl.putIfAbsent(UrlPaths.decode(urls.article(a, a.legacySlug())), i);
            }
        }
        MostRead.Ranking ranking = MostRead.rank(parsed.rows(), MostRead.resolver(byUrl, index::positionOf, config.baseUrl()),
                config.mostReadCount(), name);
        problems.addAll(ranking.problems());
        return ranking.articles();
    }

    /**
     * Writes the feeds (in parallel), the sitemap, the news sitemap and {@code robots.txt}. Without a
     * base URL there are no absolute URLs to give: only {@code robots.txt} is written, and a warning
     * says why the rest is not.
     *
     * @return counts for the build summary
     */
    static Map<String, Integer> write(SiteConfig config, String configName, SiteIndex index, Map<String, String> imageUrls,
                                      WebExtras extras, Instant now, SiteOutput out, java.util.concurrent.ForkJoinPool pool,
                                      List<Problem> problems, PageMemo memo) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (config.baseUrl().isEmpty()) {
            problems.add(Problem.warning(configName, 0, "baseUrl", "no base URL: feeds, sitemaps, canonical links and structured data need absolute URLs, so they are not written.",
                    "set `baseUrl:` in the configuration (or pass --base-url) to the address the site is published at."));
            out.write("robots.txt", RobotsTxt.of(List.of()));
            return counts;
        }
        FeedPlanner planner = new FeedPlanner(config, index, imageUrls, extras, now);
        List<FeedPlanner.FeedJob> feeds = planner.feeds();
        // An article's item stands in several feeds: hash it once.
        dev.gazette.cache.Fingerprint.Shared shared = new dev.gazette.cache.Fingerprint.Shared(java.util.Set.of(dev.gazette.web.FeedItem.class));
        // As for pages: a write error is kept until every worker has stopped, then thrown.
        java.util.concurrent.atomic.AtomicReference<java.io.UncheckedIOException> writeError = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.Future<?> feedsWritten = pool.submit(() -> feeds.parallelStream().forEach(job -> {
            if (writeError.get() != null) {
                return;
            }
            try {
                var feed = job.feed().get();
                // As pages: a feed whose data has not changed is kept from the previous site.
                String fingerprint = memo == null ? null : dev.gazette.cache.Fingerprint.of("feed", feed, shared).orElse(null);
                String rss = fingerprint == null ? null : fingerprint + "|rss";
                String atom = fingerprint == null ? null : fingerprint + "|atom";
                if (!KeptFiles.keep(memo, rss, job.rssFile(), out)) {
                    KeptFiles.remember(memo, rss, out.write(job.rssFile(), FeedWriter.rss(feed)));
                }
                if (!KeptFiles.keep(memo, atom, job.atomFile(), out)) {
                    KeptFiles.remember(memo, atom, out.write(job.atomFile(), FeedWriter.atom(feed)));
                }
            } catch (java.io.UncheckedIOException e) {
                writeError.compareAndSet(null, e);
            }
        }));
        // The sitemap is written on this thread while the pool writes the feeds: it is one
        // writer's work, in the order of its URLs, and it used to leave the pool idle after them.
        // Whatever it throws waits for the feeds' workers to stop, as their own errors do.
        counts.put("feeds", feeds.size() * 2); // first in the summary, as the feeds were written first
        List<String> sitemapFiles = List.of();
        RuntimeException sitemapError = null;
        try {
            SitemapWriter sitemap = SitemapWriter.standard(out::write, config.baseUrl());
            planner.sitemap(sitemap);
            sitemapFiles = sitemap.finish();
            counts.put("sitemap URLs", (int) sitemap.urls());
        } catch (RuntimeException e) {
            sitemapError = e;
        }
        try {
            feedsWritten.get();
            if (writeError.get() != null) {
                throw writeError.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        if (sitemapError != null) {
            throw sitemapError;
        }

        NewsSitemap news = new NewsSitemap(out::write, config.baseUrl(), config.title(), config.language(), now);
        planner.news(news);
        List<String> newsFiles = news.finish();
        counts.put("news sitemap articles", (int) news.urls());

        List<String> sitemaps = new ArrayList<>();
        if (!sitemapFiles.isEmpty()) {
            sitemaps.add(config.baseUrl() + sitemapFiles.get(0));
        }
        if (!newsFiles.isEmpty()) {
            sitemaps.add(config.baseUrl() + newsFiles.get(0));
        }
        out.write("robots.txt", RobotsTxt.of(sitemaps));
        return counts;
    }

    /** For messages: the source file of the first article using each published image. */
    static Map<String, String> firstUsers(SiteIndex index, Map<String, String> imageUrls) {
        Map<String, String> users = new HashMap<>();
        for (Article a : index.articles()) {
            if (a.image() != null) {
                String url = imageUrls.get(a.source() + "|" + a.image());
                if (url != null) {
                    users.putIfAbsent(url, a.source());
                }
            }
        }
        return users;
    }
}
