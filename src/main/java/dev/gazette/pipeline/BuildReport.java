package dev.gazette.pipeline;

import dev.gazette.model.Problem;
import dev.gazette.render.PageKind;
import java.util.List;
import java.util.Map;

/**
 * What a build did.
 *
 * @param succeeded    whether the site was written
 * @param problems     every error and warning, errors first, each in source order
 * @param pages        pages of the site by kind, in planning order
 * @param pagesRendered pages rendered by the templates (the others were kept: their inputs had not changed)
 * @param relatedComputed related lists the engine computed (the others were kept from the last build: nothing they read had changed)
 * @param articles     articles published
 * @param skipped      articles left out by the publishing rules (drafts, future), by source
 * @param filesWritten files written: new, or with bytes that changed since the previous site
 * @param filesUnchanged files the previous site held with the same bytes, kept as they were
 * @param filesRemoved files of the previous site the new one no longer has
 * @param bytesWritten bytes written
 * @param stepMillis   wall time of each step, in order
 * @param elapsedMillis wall time of the whole build
 * @param webFiles     what was written for machines: feed files, sitemap URLs, news sitemap articles
 */
public record BuildReport(boolean succeeded, List<Problem> problems, Map<PageKind, Integer> pages, long pagesRendered, int relatedComputed, int articles,
                          List<SkippedArticle> skipped, long filesWritten, long filesUnchanged, long filesRemoved, long bytesWritten, Map<String, Long> stepMillis,
                          long elapsedMillis, Map<String, Integer> webFiles) {

    public BuildReport {
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
        pages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
        stepMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stepMillis));
        webFiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(webFiles));
    }

    public long errors() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }

    public int totalPages() {
        return pages.values().stream().mapToInt(Integer::intValue).sum();
    }
}
