package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Article;
import dev.gazette.model.Term;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteLoaderTest {

    private static final Instant NOW = Instant.parse("2025-09-13T00:00:00Z");

    private static SiteIndex load(BodyStore bodies) {
        BuildOptions options = new BuildOptions(Path.of("articles"), Path.of("templates"), Path.of("unused"), Path.of("site.yml"), null,
                false, false, NOW, 2);
        SiteLoader.Loaded loaded = SiteLoader.load(options, SiteLoader.config(options, new java.util.ArrayList<>()), new ForkJoinPool(2),
                null, null, null, new BuildProgress(), bodies);
        return loaded.index();
    }

    @Test
    void keptBodiesReadBackAsTheSourcesGiveThemAndTagsAreSharedAcrossArticles(@TempDir Path tmp) throws IOException {
        SiteIndex held = load(null);
        try (BodyStore store = BodyStore.create(tmp.resolve("bodies"))) {
            SiteIndex kept = load(store);
            assertEquals(held.size(), kept.size());
            // Shared by name and slug: one tag (one slug) spelt two ways keeps both spellings.
            Map<String, Term> seen = new HashMap<>();
            Map<String, java.util.Set<String>> spellings = new HashMap<>();
            int shared = 0;
            for (int i = 0; i < kept.size(); i++) {
                Article a = kept.article(i);
                Article b = held.article(i);
                assertEquals(b.source(), a.source());
                assertEquals(b.bodyHtml(), a.bodyHtml(), a.source());
                assertTrue(a.body().isEmpty() || a.body().knownHash().isPresent(), a.source() + "'s body is in the store");
                for (Term t : a.tags()) {
                    spellings.computeIfAbsent(t.slug(), k -> new java.util.TreeSet<>()).add(t.name());
                    Term first = seen.putIfAbsent(t.name() + "\n" + t.slug(), t);
                    if (first != null) {
                        assertSame(first, t, "one instance of " + t.name());
                        shared++;
                    }
                }
            }
            assertTrue(shared > 0, "the sample's articles share tags");
            // Each article keeps the spelling its editor wrote: sharing one term per slug once gave
            // every article the spelling of whichever thread met the tag first, and two builds of
            // the sample could differ.
            assertEquals(java.util.Set.of("Relations bilaterales", "Relations bilatérales"), spellings.get("relations-bilaterales"));
        }
    }
}
