package dev.gazette.images;

import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the file an article's image reference names: relative to the article's folder, else to the
 * articles folder (a shared {@code images/}); never outside the articles folder, links included.
 * Each image is published under {@code media/} at its path in the articles folder.
 */
public final class ImageFiles {

    /** Where local images are published, under the site's root. */
    public static final String MEDIA = "media/";

    private final Path root;

    /** @param root the articles folder */
    public ImageFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The file of {@code image} as referenced by the article at {@code source} (relative to the
     * articles folder), or {@code null} with a problem added naming {@code field}.
     */
    public Path find(String source, String image, String field, List<Problem> problems) {
        int slash = source.lastIndexOf('/');
        Path file = candidate(source, image);
        if (!file.startsWith(root)) {
            problems.add(Problem.error(source, 0, field, "`" + image + "` is outside the articles folder.",
                    "move the image into the articles folder and give its path relative to the article."));
            return null;
        }
        if (Files.isRegularFile(file) && !insideRealFolder(file, root)) {
            problems.add(Problem.error(source, 0, field, "`" + image + "` is a link to a file outside the articles folder.",
                    "copy the image into the articles folder instead of linking to it."));
            return null;
        }
        if (Files.isDirectory(file)) {
            problems.add(Problem.error(source, 0, field, "`" + image + "` is a folder, not an image file.",
                    "give the path of the image file itself, such as `images/port.jpg`."));
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.error(source, 0, field, "the image `" + image + "` does not exist (looked for it "
                            + (slash < 0 ? "in the articles folder" : "beside the article and in the articles folder") + ").",
                    "add the file next to the article or in the articles folder's shared `images/` folder, fix the path, or remove it."));
            return null;
        }
        return file;
    }

    /**
     * Whether {@code image}, as referenced by the article at {@code source}, names nothing at all
     * inside the articles folder: no file, no folder, no link. A saved web page often refers to
     * images its browser did not save; that is not the same fault as a path that leads out.
     */
    public boolean missing(String source, String image) {
        Path file = candidate(source, image);
        return file.startsWith(root) && !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Where {@code image} would be: beside the article, else in the articles folder (a shared {@code images/}). */
    private Path candidate(String source, String image) {
        int slash = source.lastIndexOf('/');
        Path folder = slash < 0 ? root : root.resolve(source.substring(0, slash));
        Path file = folder.resolve(image).normalize();
        if (!Files.isRegularFile(file) && slash >= 0 && Files.isRegularFile(root.resolve(image).normalize())) {
            file = root.resolve(image).normalize(); // a shared folder at the articles' root (`images/…`)
        }
        return file;
    }

    /** The picture extensions a companion image may have, in the order they are looked for. */
    public static final List<String> COMPANION_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp", ".JPG", ".JPEG", ".PNG", ".WEBP");

    /**
     * The picture beside the article at {@code source} with its base name ({@code x.txt} and
     * {@code x.jpg}), as a reference relative to the article's folder; or {@code null} when there is
     * none. The plain-text format has no place for an image, so a newsroom saves the photo beside
     * the text. Extensions are tried in {@link #COMPANION_EXTENSIONS}'s order, so the choice never
     * depends on the file system's listing order.
     */
    public String companion(String source) {
        int slash = source.lastIndexOf('/');
        int dot = source.lastIndexOf('.');
        String base = dot > slash ? source.substring(slash + 1, dot) : source.substring(slash + 1);
        Path folder = slash < 0 ? root : root.resolve(source.substring(0, slash));
        for (String extension : COMPANION_EXTENSIONS) {
            Path file = folder.resolve(base + extension);
            if (Files.isRegularFile(file) && insideRealFolder(file, root)) {
                return base + extension;
            }
        }
        return null;
    }

    /** The path {@code file} is published at, relative to the site's root. */
    public String published(Path file) {
        return MEDIA + root.relativize(file).toString().replace('\\', '/');
    }

    /** Whether {@code file}, links resolved, is inside {@code folder}, links resolved. */
    private static boolean insideRealFolder(Path file, Path folder) {
        try {
            return file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
