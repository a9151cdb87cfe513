package dev.gazette.pipeline;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Problem;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a build reads from the disk, so that a preview knows what to watch: the folders read as a
 * whole (articles with their images, templates with the theme's assets) and the single files (the
 * configuration, the most-read export, the redirects file). Also the path the site is published under, which a preview
 * serves it at.
 *
 * @param folders  folders whose every file is an input (watched recursively)
 * @param files    single files that are inputs, each in a folder that holds other things too
 * @param basePath the path of the configured base URL ({@code /news/}), or {@code /}
 */
public record SiteInputs(List<Path> folders, List<Path> files, String basePath) {

    public SiteInputs {
        folders = List.copyOf(folders);
        files = List.copyOf(files);
    }

    /** The inputs of a build with {@code options}; a configuration with errors gives what it can (the build reports them). */
    public static SiteInputs of(BuildOptions options) {
        SiteConfig config = SiteLoader.config(options.withBaseUrl(null), new ArrayList<Problem>());
        List<Path> folders = List.of(options.source().toAbsolutePath().normalize(), options.templates().toAbsolutePath().normalize());
        List<Path> files = new ArrayList<>();
        if (options.config() != null) {
            files.add(options.config().toAbsolutePath().normalize());
        }
        Path mostRead = WebFiles.mostReadFile(config, options.config());
        if (mostRead != null) {
            files.add(mostRead.toAbsolutePath().normalize());
        }
        Path redirects = WebFiles.redirectsFile(config, options.config());
        if (redirects != null) {
            files.add(redirects.toAbsolutePath().normalize());
        }
        return new SiteInputs(folders, files, basePath(config.baseUrl()));
    }

    /** The path of a base URL, starting and ending with {@code /}. */
    static String basePath(String baseUrl) {
        if (baseUrl.isEmpty()) {
            return "/";
        }
        String path = URI.create(baseUrl).getPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }
}
