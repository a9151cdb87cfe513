package dev.gazette.intake;

import dev.gazette.images.ImagePaths;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The images a browser saved beside a page ({@code page_files/photo.jpg}), found from the
 * article's references and planned for copying under {@code images/<slug>/} in the target
 * folder. Only files inside the page's own folder are taken, so a reference such as
 * {@code ../../etc/passwd} copies nothing. An image that is not there is dropped from the body
 * with a warning (the page then shows no broken picture); URLs stay as they are.
 */
final class SavedImages {

    static final String FOLDER = "images/";
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "svg", "avif");

    /** The copies to make, by path relative to the target folder, and the references rewritten. */
    record Plan(String bodyHtml, String image, Map<String, Path> copies, List<Problem> problems) {
    }

    private final Path pageFolder;
    private final String display;
    private final String slug;
    private final Path target;
    private final Map<String, Path> copies = new LinkedHashMap<>();
    private final Map<Path, String> copiedAs = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private SavedImages(Path page, String display, String slug, Path target) {
        this.pageFolder = page.toAbsolutePath().normalize().getParent();
        this.display = display;
        this.slug = slug;
        this.target = target;
    }

    /** Plans the images of the article read from {@code page}, to be written as {@code slug} into {@code target}. */
    static Plan plan(Path page, String display, String slug, Path target, String bodyHtml, String image) {
        SavedImages images = new SavedImages(page, display, slug, target);
        String mainImage = image == null ? null : images.local(image, "image");
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        boolean changed = false;
        for (Element img : body.select("img[src]")) {
            String src = img.attr("src");
            String kept = images.local(src, "body");
            if (kept == null) {
                Element figure = img.closest("figure");
                (figure != null && figure.select("img").size() == 1 ? figure : img).remove();
                changed = true;
            } else if (!kept.equals(src)) {
                img.attr("src", kept);
                changed = true;
            }
        }
        return new Plan(changed ? body.html() : bodyHtml, mainImage, images.copies, images.problems);
    }

    /** The reference to use for {@code ref} in the imported article, or {@code null} when the image is dropped. */
    private String local(String ref, String field) {
        String r = ref.strip();
        if (ImagePaths.isUrl(r) || r.startsWith("//")) {
            return r.startsWith("//") ? "https:" + r : r;
        }
        String path = r.split("[?#]", 2)[0];
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray `%`: the name as written
        }
        if (path.isEmpty() || path.contains(":") || path.startsWith("/")) {
            drop(ref, field, "is not a file saved beside the page", "save the page with its images (\"Web page, complete\"), "
                    + "or give the image's full https:// address");
            return null;
        }
        Path file = pageFolder.resolve(path).normalize();
        if (!file.startsWith(pageFolder)) {
            drop(ref, field, "is outside the page's folder", "save the image beside the page, in its folder or below");
            return null;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(ext)) {
            drop(ref, field, "is not an image file (" + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ")",
                    "convert it, or remove it from the page");
            return null;
        }
        try {
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(pageFolder.toRealPath())) {
                drop(ref, field, "was not saved beside the page (no file `" + path + "`)", "save the page with its images, "
                        + "or copy the image there and import again");
                return null;
            }
        } catch (IOException e) {
            drop(ref, field, "cannot be read (" + e.getMessage() + ")", "check the file's permissions");
            return null;
        }
        String known = copiedAs.get(file);
        if (known != null) {
            return known;
        }
        String as = FOLDER + slug + "/" + freeName(file, name);
        copiedAs.put(file, as);
        copies.put(as, file);
        return as;
    }

    /**
     * A name for {@code file} in the article's image folder: its own, made safe; {@code -2},
     * {@code -3}… when another image of the article took it, or a different file is there
     * already. A file with the same bytes there is this image, imported before: reused.
     */
    private String freeName(Path file, String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : "image";
        String ext = dot > 0 ? safe.substring(dot) : safe.isEmpty() ? "" : "." + safe;
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? stem + ext : stem + "-" + n + ext;
            String as = FOLDER + slug + "/" + candidate;
            if (copies.containsKey(as)) {
                continue;
            }
            Path there = target.resolve(as);
            if (!Files.exists(there) || sameBytes(there, file)) {
                return candidate;
            }
        }
    }

    static boolean sameBytes(Path a, Path b) {
        try {
            return Files.size(a) == Files.size(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            return false;
        }
    }

    private void drop(String ref, String field, String why, String fix) {
        problems.add(Problem.warning(display, 0, field, "the image `" + ref + "` " + why + "; left out of the article.", fix + "."));
    }
}
