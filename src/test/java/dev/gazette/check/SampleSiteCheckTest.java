package dev.gazette.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.pipeline.BuildOptions;
import dev.gazette.pipeline.BuildReport;
import dev.gazette.pipeline.SiteBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own sample site, built as `gazette build` builds it, checks clean. */
class SampleSiteCheckTest {

    @Test
    void theSampleSiteChecksClean(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        BuildReport built = SiteBuilder.build(new BuildOptions(Path.of("articles"), Path.of("templates"), out, Path.of("site.yml"), null,
                false, false, Instant.parse("2025-09-12T23:00:00Z"), 2));
        assertTrue(built.succeeded(), built.problems()::toString);
        CheckReport r = SiteCheck.check(out, CheckOptions.of(null, 2));
        assertEquals(List.of(), r.findings().stream().map(Finding::describe).toList());
        assertEquals("https://gazette.example.ma/", r.baseUrl());
        assertEquals(built.totalPages(), r.pages());
        assertTrue(r.dataFiles() > 100, "feeds, sitemaps, robots.txt: " + r.dataFiles());
        assertTrue(r.links() > 1000, "links followed: " + r.links());
    }
}
