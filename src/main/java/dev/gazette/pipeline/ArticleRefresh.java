package dev.gazette.pipeline;

import dev.gazette.index.SiteIndex;
import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.markup.MarkdownRenderer;
import dev.gazette.model.Article;
import dev.gazette.model.ArticleId;
import dev.gazette.render.PageJob;
import dev.gazette.render.SitePlanner;
import dev.gazette.render.SiteUrls;
import dev.gazette.render.TemplateEngine;
import dev.gazette.source.ParseContext;
import dev.gazette.source.ParsedSource;
import dev.gazette.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The preview's fast path: when an editor saves one article, its own page is rendered again at
 * once from the last build's state (its index, related lists, images), written over the preview's
 * copy and shown, before the full rebuild that follows brings every other page (lists, related
 * blocks, feeds) up to date. On an archive of 10,000 articles the full rebuild takes seconds, most
 * of it in the related lists, which every text change moves; the article's own page takes
 * milliseconds.
 *
 * <p>Only what this page alone decides is refreshed: when the edit would move the article (its
 * URL, its publication), change its images, or make the site fail, nothing is written and the full
 * rebuild alone answers. Whatever is written here is rewritten by that rebuild; the output's
 * manifest is told not to trust it meanwhile.
 */
public final class ArticleRefresh {

    private ArticleRefresh() {
    }

    /**
     * Renders the page of the article in {@code changed} from the last build's state, and writes it
     * into the preview's output.
     *
     * @return the page's URL (relative to the site's root), or empty when a full build must answer
     */
    public static Optional<String> refresh(BuildOptions options, Rebuilds rebuilds, Path changed) {
        Rebuilds.Snapshot last = rebuilds.snapshot();
        Path root = options.source().toAbsolutePath().normalize();
        Path file = changed.toAbsolutePath().normalize();
        if (last == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String relative = root.relativize(file).toString().replace('\\', '/');
        SiteIndex index = last.index();
        Optional<Integer> position = index.positionOf(new ArticleId(relative));
        if (position.isEmpty()) {
            return Optional.empty(); // a new article, or one that was not published: its lists change too
        }
        ParseContext ctx = new ParseContext(last.config().timeZone(), last.config().language(), new MarkdownRenderer(), new HtmlSanitizer())
                .withSlugs(last.config().slugs());
        ParsedSource parsed = SourceReader.read(root, relative, ctx);
        if (parsed.problems().stream().anyMatch(p -> p.isError()) || parsed.articleIfAny().isEmpty()) {
            return Optional.empty(); // the full build reports it
        }
        Article now = SiteLoader.withCompanionImage(parsed.articleIfAny().get(), new dev.gazette.images.ImageFiles(root));
        Article before = index.article(position.get());
        SiteUrls urls = new SiteUrls(last.config().permalinks());
        if (options.withheld(now) != null || !urls.article(now).equals(urls.article(before)) || now.draft() != before.draft()
                || !Objects.equals(now.image(), before.image()) || now.bodyHtml().contains("<img")
                || before.bodyHtml().contains("<img")) {
            return Optional.empty();
        }
        // Usually the edit leaves the article where it was (its date, tags, rubric): one entry of
        // the index is replaced. Otherwise the index is made again, which takes longer.
        SiteIndex next = index.withArticle(position.get(), now).orElse(null);
        if (next == null) {
            List<Article> articles = new ArrayList<>(index.articles());
            articles.set(position.get(), now);
            SiteIndex.Result rebuilt = SiteIndex.build(articles, last.config().slugs());
            if (!rebuilt.problems().isEmpty()) {
                return Optional.empty();
            }
            next = rebuilt.index();
        }
        SitePlanner planner = new SitePlanner(last.config(), next, last.related(), last.imageUrls(), options.now(), last.extras());
        Optional<PageJob> job = planner.articleJob(ArticleId.of(now));
        if (job.isEmpty()) {
            return Optional.empty();
        }
        byte[] html;
        try {
            html = last.engine().renderUtf8(job.get().template(), job.get().model().get());
        } catch (TemplateEngine.RenderException e) {
            return Optional.empty();
        }
        String page = job.get().file();
        Path target = last.target().resolve(page).normalize();
        if (!target.startsWith(last.target())) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".refresh-" + ProcessHandle.current().pid());
            Files.write(tmp, html);
            rebuilds.wroteAside(page);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(job.get().url());
    }
}
