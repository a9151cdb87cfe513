package dev.gazette.pipeline;

import dev.gazette.images.ImageFiles;
import dev.gazette.images.ImageSizes;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Article;
import dev.gazette.model.Body;
import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import dev.gazette.render.SiteUrls;
import dev.gazette.text.UrlPaths;
import dev.gazette.images.ImagePaths;
import dev.gazette.images.ImageSize;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The local images inside article bodies ({@code ![Carte](carte.png)}, {@code <img src>} in HTML
 * articles): each one found like a main image (beside the article, or in the articles folder),
 * published under {@code media/}, its {@code src} rewritten relative to the article's page and its
 * width and height written when the file says them. A missing one is an error naming the article,
 * except in a saved web page (an HTML article), whose browser often saved only some of its
 * images: there it is left out, with its figure, and a warning, as {@code gazette import} does.
 * Every body image, local or not, loads lazily ({@code loading="lazy"}).
 */
final class BodyImages {

    /**
     * @param bodies  the rewritten body of each article that has local images, by source (as {@code keep} kept it)
     * @param copies  files to publish, by path in the site
     * @param problems what was wrong, by article
     */
    record Result(Map<String, Body> bodies, Map<String, Path> copies, List<Problem> problems) {
    }

    private BodyImages() {
    }

    /**
     * @param keep          where a rewritten body goes (the build's file of bodies, or memory)
     * @param holdsImageTag whether a body's HTML holds {@link dev.gazette.model.Body#IMAGE_TAG}: only those are
     *                      read and parsed
     */
    static Result resolve(SiteIndex index, SiteUrls urls, Path sourceRoot, ImageSizes sizes, ForkJoinPool pool,
                          Function<String, Body> keep, Predicate<Body> holdsImageTag) {
        ImageFiles files = new ImageFiles(sourceRoot);
        List<Rewrite> rewrites = Pools.inPool(pool, () -> IntStream.range(0, index.size()).parallel()
                .mapToObj(i -> {
                    Article a = index.article(i);
                    return holdsImageTag.test(a.body()) ? rewrite(a, a.bodyHtml(), urls.article(a), files, sizes, keep) : null;
                })
                .filter(java.util.Objects::nonNull)
                .toList());
        Map<String, Body> bodies = new TreeMap<>();
        Map<String, Path> copies = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Rewrite r : rewrites) {
            if (r.body() != null) {
                bodies.put(r.source(), r.body());
            }
            copies.putAll(r.copies());
            problems.addAll(r.problems());
        }
        return new Result(bodies, copies, problems);
    }

    private record Rewrite(String source, Body body, Map<String, Path> copies, List<Problem> problems) {
    }

    private static Rewrite rewrite(Article a, String html, String pageUrl, ImageFiles files, ImageSizes sizes, Function<String, Body> keep) {
        Document doc = Jsoup.parseBodyFragment(html);
        // Serialised as the sanitizer serialises, so an untouched body would come out the same.
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        Map<String, Path> copies = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        boolean changed = false;
        // Body images are below the article's top (its title, lead and main image): they load when
        // the reader scrolls to them.
        for (Element img : doc.select("img:not([loading])")) {
            img.attr("loading", "lazy");
            changed = true;
        }
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src");
            if (src.isEmpty() || ImagePaths.isUrl(src) || src.startsWith("/") || src.startsWith("data:") || src.startsWith("#")) {
                continue;
            }
            String path = pathOf(src);
            if (a.format() == SourceFormat.HTML && files.missing(a.source(), path)) {
                Element figure = img.closest("figure");
                (figure != null && figure.select("img").size() == 1 ? figure : img).remove();
                problems.add(Problem.warning(a.source(), 0, "body", "the image `" + src + "` was not saved beside the page; left out "
                        + "of the article.", "save the page with its images (\"Web page, complete\"), or copy the image to `" + path
                        + "` beside the page."));
                changed = true;
                continue;
            }
            Path file = files.find(a.source(), path, "body", problems);
            if (file == null) {
                continue;
            }
            String published = files.published(file);
            copies.put(published, file);
            // The file keeps its name on disk; the link escapes it (a space, a letter of another script).
            img.attr("src", SiteUrls.rootFrom(pageUrl) + UrlPaths.encode(published));
            Optional<ImageSize.Dimensions> size = sizes.of(file).dimensions();
            if (size.isPresent() && !img.hasAttr("width") && !img.hasAttr("height")) {
                img.attr("width", Integer.toString(size.get().width()));
                img.attr("height", Integer.toString(size.get().height()));
            }
            changed = true;
        }
        return new Rewrite(a.source(), changed ? keep.apply(doc.body().html()) : null, copies, problems);
    }

    /** The file path a relative URL names: percent-escapes decoded, query and fragment dropped. */
    private static String pathOf(String src) {
        try {
            String path = new URI(src).getPath();
            return path == null || path.isEmpty() ? src : path;
        } catch (URISyntaxException e) {
            return src;
        }
    }
}
