package dev.gazette.pipeline;

import dev.gazette.cache.BuildCache;
import dev.gazette.config.RelatedSettings;
import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.model.Article;
import dev.gazette.model.ArticleId;
import dev.gazette.model.RelatedLists;
import dev.gazette.model.Term;
import dev.gazette.related.AnalysisPack;
import dev.gazette.related.LatentStore;
import dev.gazette.related.RelatedDocument;
import dev.gazette.related.RelatedIndex;
import dev.gazette.related.RelatedMatch;
import dev.gazette.related.RelatedState;
import dev.gazette.related.RelatedWeights;
import dev.gazette.related.TextAnalyzer;
import dev.gazette.text.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** The related-content step: the site's articles handed to the engine, and each article's list. */
public final class RelatedContent {

    private RelatedContent() {
    }

    /** The engine's weights from the site's settings. */
    public static RelatedWeights weights(RelatedSettings s) {
        return new RelatedWeights(s.textWeight(), s.tagWeight(), s.rubricWeight(), s.timeWeight(), s.timeScaleDays(),
                s.minScore(), s.windowDays());
    }

    /** Indexes every article of the site; the text analysis runs in parallel in {@code pool}. */
    public static RelatedIndex index(SiteIndex index, SiteConfig config, ForkJoinPool pool) {
        return index(index, config, pool, null, null, null, null);
    }

    /**
     * As {@link #index(SiteIndex, SiteConfig, ForkJoinPool)}, reusing analyses and the latent
     * space of the last build into {@code output} from {@code cache} (may be {@code null}), each
     * article's analysis key ({@link #analysisKeys}) given with it.
     */
    private static RelatedIndex index(SiteIndex index, SiteConfig config, ForkJoinPool pool, BuildCache cache, String output,
                                      String[] analysisKeys, Supplier<Optional<AnalysisPack>> pack) {
        RelatedIndex.Builder builder = cache == null ? analyze(index, config, pool)
                : analyze(index, config, pool, cache, output, analysisKeys, pack);
        if (cache != null) {
            builder.keepLatentIn(new CachedLatent(cache, output));
        }
        return build(builder, pool);
    }

    /** The cache's kind of entry for an output's analyses in one file ({@link AnalysisPack}). */
    static final String PACK = "analysis-pack";

    /**
     * The latent space of the last build into an output folder: one entry per folder, as the
     * related lists, named inside by the digest of the sample it was fitted on.
     */
    private record CachedLatent(BuildCache cache, String output) implements LatentStore {
        static final String KIND = "latent";

        /** The documents' coordinates in the space: another entry, written at more builds than the space. */
        static final String COORDINATES = "latent-coordinates";

        @Override
        public byte[] load(String key) {
            return load(KIND, key);
        }

        @Override
        public void store(String key, byte[] bytes) {
            store(KIND, key, bytes);
        }

        @Override
        public byte[] loadCoordinates(String key) {
            return load(COORDINATES, key);
        }

        @Override
        public void storeCoordinates(String key, byte[] bytes) {
            store(COORDINATES, key, bytes);
        }

        /** The payload of this output's entry of {@code kind}, if it is named {@code key}. */
        private byte[] load(String kind, String key) {
            return cache.ownPayload(kind, output).map(payload -> {
                byte[] name = key.getBytes(StandardCharsets.UTF_8);
                boolean named = payload.length > name.length
                        && Arrays.equals(payload, 0, name.length, name, 0, name.length) && payload[name.length] == '\n';
                return named ? Arrays.copyOfRange(payload, name.length + 1, payload.length) : null;
            }).orElse(null);
        }

        /** Replaces this output's entry of {@code kind} with {@code bytes}, named {@code key}. */
        private void store(String kind, String key, byte[] bytes) {
            byte[] name = key.getBytes(StandardCharsets.UTF_8);
            byte[] payload = Arrays.copyOf(name, name.length + 1 + bytes.length);
            payload[name.length] = '\n';
            System.arraycopy(bytes, 0, payload, name.length + 1, bytes.length);
            cache.putOwnPayload(kind, output, payload);
        }
    }

    /** Builds the index from analyzed articles, in {@code pool}. */
    public static RelatedIndex build(RelatedIndex.Builder builder, ForkJoinPool pool) {
        return Pools.inPool(pool, builder::build);
    }

    /** Analyzes every article of the site, in parallel in {@code pool}: the per-article half of {@link #index}. */
    public static RelatedIndex.Builder analyze(SiteIndex index, SiteConfig config, ForkJoinPool pool) {
        TextAnalyzer analyzer = new TextAnalyzer();
        RelatedIndex.Builder builder = RelatedIndex.builder(weights(config.related()), analyzer, config.language(), index.size());
        Pools.inPool(pool, () -> {
            IntStream.range(0, index.size()).parallel().forEach(i -> builder.add(i, new ArticleDocument(index.article(i), index.pinsOf(i))));
            return null;
        });
        return builder;
    }

    /**
     * As {@link #analyze(SiteIndex, SiteConfig, ForkJoinPool)}, each analysis read from the pack of
     * the last build into {@code output}, else from its own entry, else done (and kept in both).
     */
    private static RelatedIndex.Builder analyze(SiteIndex index, SiteConfig config, ForkJoinPool pool, BuildCache cache, String output,
                                                String[] analysisKeys, Supplier<Optional<AnalysisPack>> opened) {
        TextAnalyzer analyzer = new TextAnalyzer();
        RelatedIndex.Builder builder = RelatedIndex.builder(weights(config.related()), analyzer, config.language(), index.size());
        AnalysisPack pack = opened.get().orElse(null);
        if (pack != null) {
            builder.withPack(pack);
        }
        AtomicInteger fromPack = new AtomicInteger();
        Pools.inPool(pool, () -> {
            IntStream.range(0, index.size()).parallel().forEach(i -> {
                ArticleDocument doc = new ArticleDocument(index.article(i), index.pinsOf(i));
                String key = analysisKeys[i];
                if (builder.addPacked(i, doc, key)) {
                    fromPack.incrementAndGet();
                    return;
                }
                RelatedIndex.Analysis analysis = cache.analysis(key).orElseGet(() -> {
                    RelatedIndex.Analysis fresh = RelatedIndex.analyze(doc, analyzer, config.language());
                    cache.putAnalysis(key, fresh);
                    return fresh;
                });
                builder.add(i, doc, analysis);
            });
            return null;
        });
        // Written again only when worn: a publish reads its new article's analysis from its own entry.
        if (pack == null || BuildCache.worn(pack.size(), fromPack.get(), index.size())) {
            cache.putOwnPayload(PACK, output, out -> builder.writePack(analysisKeys, out));
        }
        return builder;
    }

    /**
     * The analyses' pack of the last build into {@code output}, when the cache holds a sound one:
     * read in place, but its table of terms and of entries made on the heap, a tenth of a second at
     * 10,000 articles on one core, which the build does beside the steps before the related one.
     */
    static Optional<AnalysisPack> openPack(BuildCache cache, String output) {
        return cache.mappedOwnPayload(PACK, output).flatMap(AnalysisPack::read);
    }

    /**
     * Each article's analysis key ({@link BuildCache#analysisKey}), by index position, its body as
     * published: the related step's and the search step's, worked out once per build, in {@code pool}.
     */
    static String[] analysisKeys(SiteIndex index, SiteConfig config, BuildCache cache, ForkJoinPool pool) {
        String[] keys = new String[index.size()];
        Pools.inPool(pool, () -> {
            IntStream.range(0, keys.length).parallel().forEach(i -> {
                Article a = index.article(i);
                keys[i] = cache.analysisKey(a.language() == null ? config.language() : a.language(), a.title(), a.lead(), a.body());
            });
            return null;
        });
        return keys;
    }

    /**
     * For each article (by index position), its related articles, best first, at most {@code
     * limit}; from {@code cache} (may be {@code null}; its entry for the folder {@code output}) when every input of the engine is what it
     * was: each article's text analysis, tags, rubric, date and pins, in index order, and the
     * settings. Then neither the index nor the lists are computed again. Else the index is
     * built, and only the lists that something they read has changed in are computed again
     * (see {@link RelatedIndex#lists}); the others are kept from the last build's state.
     * {@code analysisKeys}: each article's {@link #analysisKeys}, with the cache.
     */
    static Lists lists(SiteIndex index, SiteConfig config, int limit, ForkJoinPool pool, BuildCache cache, String output,
                       String[] analysisKeys) {
        return lists(index, config, limit, pool, cache, output, analysisKeys, () -> openPack(cache, output));
    }

    /** As {@link #lists(SiteIndex, SiteConfig, int, ForkJoinPool, BuildCache, String, String[])}, the analyses' pack ({@link #openPack}) from {@code pack}, asked only when the index is built. */
    static Lists lists(SiteIndex index, SiteConfig config, int limit, ForkJoinPool pool, BuildCache cache, String output,
                       String[] analysisKeys, Supplier<Optional<AnalysisPack>> pack) {
        if (cache == null) {
            return new Lists(byId(index, lists(index(index, config, pool, null, output, null, null), limit, pool)), index.size());
        }
        String key = listsKey(index, config, limit, cache, analysisKeys, pool);
        Optional<RelatedLists> cached = cache.relatedLists(output, key);
        if (cached.isPresent()) {
            return new Lists(cached.get(), 0);
        }
        RelatedIndex related = index(index, config, pool, cache, output, analysisKeys, pack);
        RelatedState previous = RelatedState.read(cache.ownPayload(STATE, output).orElse(null));
        RelatedIndex.Lists lists = Pools.inPool(pool, () -> related.lists(limit, previous));
        cache.putOwnPayload(STATE, output, lists.state().bytes());
        cache.putRelatedLists(output, key, lists.positions(), index.articles().stream().map(ArticleId::of).toList());
        return new Lists(byId(index, lists.positions()), lists.computed());
    }

    /** Every article's related list, by id, and how many of them the engine computed (the others were kept). */
    record Lists(RelatedLists byId, int computed) {
    }

    /** The cache's kind of entry for the related lists' state, one per output folder. */
    static final String STATE = "related-state";

    /** The engine's lists, which number documents by index position, by article id. */
    private static RelatedLists byId(SiteIndex index, int[][] lists) {
        Map<ArticleId, List<ArticleId>> byId = new HashMap<>(lists.length * 2);
        for (int i = 0; i < lists.length; i++) {
            List<ArticleId> ids = new ArrayList<>(lists[i].length);
            for (int p : lists[i]) {
                ids.add(index.id(p));
            }
            byId.put(index.id(i), ids);
        }
        return RelatedLists.of(byId);
    }

    private static RelatedLists byId(SiteIndex index, List<List<Integer>> lists) {
        return byId(index, lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new));
    }

    /**
     * The key of every input of the engine: the settings, then each article's line (slug, analysis
     * key, tags, rubric, date, pins) by its 128-bit hash, worked out in {@code pool}. The lines
     * joined into one string, to be hashed, were some 13 MB at 100,000 articles, copied twice.
     */
    private static String listsKey(SiteIndex index, SiteConfig config, int limit, BuildCache cache, String[] analysisKeys, ForkJoinPool pool) {
        long[] hashes = new long[2 * index.size()];
        Pools.inPool(pool, () -> {
            IntStream.range(0, index.size()).parallel().forEach(i -> {
                Article a = index.article(i);
                String line = a.slug() + '|' + analysisKeys[i] + '|' + a.tags().stream().map(Term::slug).toList() + '|'
                        + (a.rubric() == null ? "" : a.rubric().slug()) + '|' + a.date().toEpochSecond() + '|' + index.pinsOf(i);
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                long[] h = ContentHash.halves(bytes, bytes.length);
                hashes[2 * i] = h[0];
                hashes[2 * i + 1] = h[1];
            });
            return null;
        });
        return cache.key("related", weights(config.related()) + "|" + config.language() + "|" + limit, hashes);
    }

    /** For each article (by index position), its related articles, best first, at most {@code limit}. */
    public static List<List<Integer>> lists(RelatedIndex related, int limit, ForkJoinPool pool) {
        return Pools.inPool(pool, () -> IntStream.range(0, related.size()).parallel()
                .mapToObj(i -> related.find(i, limit).stream().map(RelatedMatch::document).toList()).toList());
    }

    /** The engine's view of an article: its text, labels, time and pins. */
    private record ArticleDocument(Article article, List<Integer> pinned) implements RelatedDocument {
        @Override
        public String key() {
            return article.slug();
        }

        @Override
        public String title() {
            return article.title();
        }

        @Override
        public String lead() {
            return article.lead();
        }

        @Override
        public String body() {
            return article.body().isEmpty() ? "" : HtmlSanitizer.plainText(article.bodyHtml());
        }

        @Override
        public String language() {
            return article.language();
        }

        @Override
        public Collection<String> keywords() {
            return article.tags().stream().map(Term::slug).toList();
        }

        @Override
        public String group() {
            return article.rubric() == null ? null : article.rubric().slug();
        }

        @Override
        public long epochSeconds() {
            return article.date().toEpochSecond();
        }
    }
}
