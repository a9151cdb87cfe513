package dev.gazette.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What a build reads and writes, and its publishing rules.
 *
 * @param source    the articles folder
 * @param templates the templates folder (may not exist: the default theme is used)
 * @param out       the output folder, replaced when the build succeeds
 * @param config    the configuration file, or {@code null} for none
 * @param baseUrl   a base URL overriding the configuration's, or {@code null}
 * @param drafts    whether drafts are published
 * @param future    whether articles dated after {@code now} are published
 * @param now       the build's reference time (publishing rules, footer year)
 * @param jobs      threads used for parsing and rendering
 * @param cache     the build cache folder, or {@code null} to build from nothing
 */
public record BuildOptions(Path source, Path templates, Path out, Path config, String baseUrl, boolean drafts,
                           boolean future, Instant now, int jobs, Path cache) {

    /** Options for a build without a cache. */
    public BuildOptions(Path source, Path templates, Path out, Path config, String baseUrl, boolean drafts,
                        boolean future, Instant now, int jobs) {
        this(source, templates, out, config, baseUrl, drafts, future, now, jobs, null);
    }

    /** The same options with the build cache in {@code folder} ({@code null}: none). */
    public BuildOptions withCache(Path folder) {
        return new BuildOptions(source, templates, out, config, baseUrl, drafts, future, now, jobs, folder);
    }

    /** The same options with the base URL {@code url} instead ({@code null}: the configuration's). */
    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, templates, out, config, url, drafts, future, now, jobs, cache);
    }

    /** The same options with the reference time {@code time}. */
    public BuildOptions withNow(Instant time) {
        return new BuildOptions(source, templates, out, config, baseUrl, drafts, future, time, jobs, cache);
    }

    /**
     * Why these rules leave {@code a} out ({@link SkippedArticle#DRAFT}, {@link SkippedArticle#FUTURE}),
     * or {@code null} when it is published.
     */
    public String withheld(dev.gazette.model.Article a) {
        if (a.draft() && !drafts) {
            return SkippedArticle.DRAFT;
        }
        return a.date().toInstant().isAfter(now) && !future ? SkippedArticle.FUTURE : null;
    }

    public BuildOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(now, "now");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }
}
