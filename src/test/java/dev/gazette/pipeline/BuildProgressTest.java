package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildProgressTest {

    @TempDir
    Path tmp;

    @Test
    void aCountNeverPassesItsTotalAndStartsAgainAtEachStep() {
        BuildProgress p = new BuildProgress();
        assertEquals(new BuildProgress.Snapshot("", 0, 0), p.now());
        p.step("parse", 2);
        p.advance();
        assertEquals(new BuildProgress.Snapshot("parse", 1, 2), p.now());
        p.advance();
        p.advance();
        assertEquals(2, p.now().done(), "never past the total");
        p.step("related", 0);
        assertEquals(new BuildProgress.Snapshot("related", 0, 0), p.now());
    }

    @Test
    void aBuildCountsItsSourcesAndPagesAndEndsWriting() throws IOException {
        FixtureSite site = new FixtureSite(tmp);
        site.article("a.md", "Un corps.", "title: Un", "date: 2025-09-10T10:00:00+01:00", "category: Politique");
        site.article("b.md", "Un autre corps.", "title: Deux", "date: 2025-09-11T10:00:00+01:00", "category: Sport");
        BuildProgress progress = new BuildProgress();
        BuildReport report = SiteBuilder.build(new BuildOptions(site.articles, site.root.resolve("templates"), site.out, null, null, false, false,
                FixtureSite.NOW, 2), progress);
        assertTrue(report.succeeded(), () -> report.problems().toString());
        assertEquals("write", progress.now().step());

        BuildProgress parsing = new BuildProgress();
        SiteLoader.load(new BuildOptions(site.articles, site.root.resolve("templates"), site.out, null, null, false, false, FixtureSite.NOW, 2),
                dev.gazette.config.SiteConfig.defaults(), new java.util.concurrent.ForkJoinPool(2), null, null, null, parsing, null);
        assertEquals(new BuildProgress.Snapshot("parse", 2, 2), parsing.now());
    }
}
