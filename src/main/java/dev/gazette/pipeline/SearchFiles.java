package dev.gazette.pipeline;

import dev.gazette.cache.BuildCache;
import dev.gazette.cache.PageMemo;
import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.model.Article;
import dev.gazette.model.ArticleId;
import dev.gazette.model.Term;
import dev.gazette.output.Manifest;
import dev.gazette.output.SiteOutput;
import dev.gazette.related.RelatedDocument;
import dev.gazette.related.RelatedIndex;
import dev.gazette.related.TextAnalyzer;
import dev.gazette.render.DateLabels;
import dev.gazette.render.SearchPage;
import dev.gazette.render.SiteUrls;
import dev.gazette.render.Typeset;
import dev.gazette.search.SearchDocument;
import dev.gazette.search.SearchIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The build's search step: the published articles as {@link SearchDocument}s, their index and
 * the search page's scripts written under the search page's folder. Through {@link SiteOutput},
 * so a file whose bytes did not change is kept as it was. Each article's text analysis is the
 * related step's: taken from the cache when it holds it (the related step has just stored it),
 * else made the same way.
 */
final class SearchFiles {

    /** How much of a body's HTML the snippet's text is taken from: a few times what it shows. */
    private static final int SNIPPET_HTML = 4000;

    private SearchFiles() {
    }

    /** The article's text as the related step analyses it (see RelatedContent's document), its body's HTML read once. */
    private static Text text(Article a, String bodyHtml, String language) {
        return new Text(a.title(), a.lead(), plainText(bodyHtml), language);
    }

    private static String plainText(String bodyHtml) {
        return bodyHtml.isEmpty() ? "" : HtmlSanitizer.plainText(bodyHtml);
    }

    /** The cache's entry for the output folder's index: what {@link SearchIndex#patch} needs of the previous build. */
    static final String STATE = "search-index";
    private static final int STATE_FORMAT = 1;

    /**
     * Writes the index and scripts when the site has a search page. With a {@code memo} (the
     * cache), an index whose inputs are all what they were is kept from the previous site without
     * being built: a rebuild that changed no article costs no analysis. An index whose inputs
     * changed for a few articles is patched from the previous site's ({@link SearchIndex#patch}),
     * when the cache describes that site's index, file by file: only the changed articles are
     * analysed, and only their shards and chunks made again.
     *
     * @return what the index is made of, for {@link #saveState} once the site is committed, and how
     *         many articles were analysed for it
     */
    static Written write(SiteConfig config, SiteIndex index, SiteOutput out, ForkJoinPool pool, BuildCache cache, PageMemo memo)
            throws java.io.IOException {
        return write(config, index, out, pool, cache, memo, cache == null ? null : RelatedContent.analysisKeys(index, config, cache, pool), () -> false);
    }

    /**
     * As {@link #write(SiteConfig, SiteIndex, SiteOutput, ForkJoinPool, BuildCache, PageMemo)}, with each article's analysis key
     * (the related step's); once {@code abandoned} says so (the build failed: its output goes), the
     * next article it would read throws {@link java.util.concurrent.CancellationException} instead.
     */
    static Written write(SiteConfig config, SiteIndex index, SiteOutput out, ForkJoinPool pool, BuildCache cache, PageMemo memo,
                         String[] analysisKeys, java.util.function.BooleanSupplier abandoned) throws java.io.IOException {
        if (!config.search()) {
            return new Written(Optional.empty(), 0);
        }
        SiteUrls urls = new SiteUrls(config.permalinks());
        DateLabels dates = new DateLabels(config.locale(), config.timeZone());
        String folder = SearchPage.url(config.language()) + SearchPage.INDEX_FOLDER;
        List<ArticleId> ids = IntStream.range(0, index.size()).mapToObj(index::id).toList();
        List<LocalDate> days = IntStream.range(0, index.size()).mapToObj(i -> day(index.article(i), config)).toList();
        List<String> names = SearchIndex.fileNames(ids, days);
        // Each article's inputs by their hash (with the site's language: it decides which entries
        // name their own), and the whole index's by those: the lines themselves, joined into one
        // string to be hashed, were some 60 MB at the heap's peak at 100,000 articles.
        long[] inputs = cache == null ? null : inputHashes(config, index, urls, dates, analysisKeys);
        String fingerprint = memo == null || inputs == null ? null : cache.key("search", config.language(), inputs);
        Set<String> kept = new HashSet<>();
        if (fingerprint != null && names.stream().allMatch(n -> memo.previous(fingerprint + "|" + n).isPresent())) {
            for (String n : names) {
                if (KeptFiles.keep(memo, fingerprint + "|" + n, folder + n, out)) {
                    kept.add(n);
                }
            }
            if (kept.size() == names.size()) {
                writeScripts(config, out);
                return new Written(Optional.empty(), 0); // the index, and so the state saved with it, are the previous build's
            }
        }
        TextAnalyzer analyzer = new TextAnalyzer();
        java.util.concurrent.atomic.AtomicInteger analysed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.IntFunction<SearchDocument> document = i -> {
            if (abandoned.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("the build failed: its search index is not wanted");
            }
            analysed.incrementAndGet();
            return document(index, i, config, urls, dates, analyzer, cache, analysisKeys);
        };
        Map<String, Manifest.Entry> files = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.function.BiConsumer<String, byte[]> sink = (name, bytes) -> {
            Manifest.Entry entry = out.write(folder + name, bytes);
            files.put(name, entry);
            KeptFiles.remember(memo, fingerprint == null ? null : fingerprint + "|" + name, entry);
        };
        SearchIndex.Built built = null;
        if (kept.isEmpty() && inputs != null) {
            Optional<SearchIndex.Patched> patched = patch(config, index, out, cache, folder, ids, days, names, inputs, document, sink);
            if (patched.isPresent()) {
                for (String n : names) {
                    if (!patched.get().written().contains(n)) {
                        Manifest.Entry entry = out.previousEntry(folder + n).orElseThrow();
                        if (!out.keep(folder + n, entry)) {
                            throw new java.io.IOException("the previous site's " + folder + n + " went while this build read it");
                        }
                        files.put(n, entry);
                        KeptFiles.remember(memo, fingerprint == null ? null : fingerprint + "|" + n, entry);
                    }
                }
                built = patched.get().built();
            }
        }
        if (built == null) {
            Path scratch = out.scratchFile("search-postings");
            // Each document is made when the index reads it and dropped once analysed, and each
            // file written as soon as it is complete: the index is never all in memory.
            built = Pools.inPool(pool, () -> SearchIndex.build(ids, days, document, config.language(), scratch, (name, bytes) -> {
                if (!kept.contains(name)) {
                    sink.accept(name, bytes);
                }
            }));
            if (!kept.isEmpty()) {
                writeScripts(config, out);
                return new Written(Optional.empty(), analysed.get()); // part kept, part built: no whole list of the files to describe
            }
        }
        writeScripts(config, out);
        return new Written(inputs == null ? Optional.empty() : Optional.of(encodeState(built, ids, inputs, files)), analysed.get());
    }

    /**
     * What {@link #write} did.
     *
     * @param state    what the index is made of, to save once the site is committed; empty when there is nothing new to save
     * @param analysed the articles made into documents for it (all of them for a whole build, the changed ones for a patch)
     */
    record Written(Optional<byte[]> state, int analysed) {
    }

    private static void writeScripts(SiteConfig config, SiteOutput out) {
        String scripts = SearchPage.url(config.language());
        SearchIndex.scripts().forEach((name, bytes) -> out.write(scripts + name, bytes));
    }

    /** Stores the state {@link #write} returned; once the site is committed, so that it always describes the site in place. */
    static void saveState(BuildCache cache, SiteOutput out, Written written) {
        if (cache != null && written.state().isPresent()) {
            cache.putOwnPayload(STATE, out.target().toString(), written.state().get());
        }
    }

    /** The previous index patched, when the cache describes the previous site's index file by file; else empty. */
    private static Optional<SearchIndex.Patched> patch(SiteConfig config, SiteIndex index, SiteOutput out, BuildCache cache, String folder,
                                                       List<ArticleId> ids, List<LocalDate> days, List<String> names, long[] inputs,
                                                       java.util.function.IntFunction<SearchDocument> document,
                                                       java.util.function.BiConsumer<String, byte[]> sink) {
        Optional<State> state = cache.ownPayload(STATE, out.target().toString()).flatMap(SearchFiles::decodeState);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        // The previous site must hold every file the state describes, as that build wrote it, and
        // every file this index keeps must be one of them.
        for (Map.Entry<String, Manifest.Entry> f : state.get().files().entrySet()) {
            if (!out.previousEntry(folder + f.getKey()).equals(Optional.of(f.getValue()))) {
                return Optional.empty();
            }
        }
        if (!state.get().files().keySet().containsAll(names.stream().filter(n -> n.startsWith("s/")).toList())) {
            return Optional.empty();
        }
        List<String> languages = IntStream.range(0, index.size())
                .mapToObj(i -> index.article(i).language() == null ? config.language() : index.article(i).language()).toList();
        java.util.Set<String> unkeepable = new HashSet<>();
        for (String n : names) {
            if (!state.get().files().containsKey(n) || !out.canKeep(folder + n)) {
                unkeepable.add(n);
            }
        }
        Map<String, byte[]> made = new java.util.TreeMap<>();
        Optional<SearchIndex.Patched> patched = SearchIndex.patch(state.get().shards(), state.get().docs(), ids, days, inputs, document,
                languages, config.language(), name -> out.previousBytes(folder + name), made::put);
        // Every file it did not make must be kept from the previous site: else build the index whole.
        if (patched.isEmpty() || !patched.get().written().containsAll(unkeepable)) {
            return Optional.empty();
        }
        made.forEach(sink);
        return patched;
    }

    /** The state's content: the shard count, the index's files with their entries, and each article's key, inputs and shards. */
    private record State(int shards, Map<String, Manifest.Entry> files, Map<ArticleId, SearchIndex.Held> docs) {
    }

    private static byte[] encodeState(SearchIndex.Built built, List<ArticleId> ids, long[] inputs, Map<String, Manifest.Entry> files) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(STATE_FORMAT);
            out.writeInt(built.shards());
            out.writeInt(files.size());
            for (Map.Entry<String, Manifest.Entry> f : files.entrySet()) {
                out.writeUTF(f.getKey());
                out.writeLong(f.getValue().size());
                out.writeLong(f.getValue().hashHigh());
                out.writeLong(f.getValue().hashLow());
            }
            out.writeInt(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                out.writeUTF(ids.get(i).path());
                out.writeInt(built.keys()[i]);
                out.writeLong(inputs[i]);
                out.writeInt(built.shardsOf()[i].length);
                out.write(built.shardsOf()[i]);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Optional<State> decodeState(byte[] bytes) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readInt() != STATE_FORMAT) {
                return Optional.empty();
            }
            int shards = in.readInt();
            int count = in.readInt();
            Map<String, Manifest.Entry> files = new java.util.HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                files.put(in.readUTF(), new Manifest.Entry(in.readLong(), in.readLong(), in.readLong()));
            }
            int docs = in.readInt();
            Map<ArticleId, SearchIndex.Held> held = new java.util.HashMap<>(docs * 2);
            for (int i = 0; i < docs; i++) {
                ArticleId id = new ArticleId(in.readUTF());
                int key = in.readInt();
                long inputs = in.readLong();
                byte[] list = new byte[in.readInt()];
                in.readFully(list);
                held.put(id, new SearchIndex.Held(key, inputs, list));
            }
            return in.read() < 0 ? Optional.of(new State(shards, files, held)) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // damaged: the index is built whole, which is always right
        }
    }

    private static long hash64(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return dev.gazette.text.ContentHash.halves(bytes, bytes.length)[0];
    }

    /**
     * The hash of everything each article's part of the index is made of, with the site's language:
     * a line of its id, day, address, analysis key, language, rubric, tags and dates; with Gazette's
     * build (which the index's format is part of) through the analysis key.
     */
    private static long[] inputHashes(SiteConfig config, SiteIndex index, SiteUrls urls, DateLabels dates, String[] analysisKeys) {
        long[] hashes = new long[index.size()];
        for (int i = 0; i < index.size(); i++) {
            Article a = index.article(i);
            String language = a.language() == null ? config.language() : a.language();
            StringBuilder line = new StringBuilder(160);
            line.append(index.id(i)).append('|').append(day(a, config)).append('|').append(urls.article(a)).append('|')
                    .append(analysisKeys[i]).append('|').append(language).append('|')
                    .append(a.rubric() == null ? "" : a.rubric().slug() + "=" + a.rubric().name()).append('|');
            for (Term t : a.tags()) {
                line.append(t.slug()).append('=').append(t.name()).append(',');
            }
            line.append('|').append(dates.iso(a.date())).append('|').append(dates.day(a.date())).append('\n');
            hashes[i] = hash64(config.language() + "\n" + line);
        }
        return hashes;
    }

    private static LocalDate day(Article a, SiteConfig config) {
        return a.date().withZoneSameInstant(config.timeZone()).toLocalDate();
    }

    private static SearchDocument document(SiteIndex index, int i, SiteConfig config, SiteUrls urls, DateLabels dates,
                                           TextAnalyzer analyzer, BuildCache cache, String[] analysisKeys) {
        Article a = index.article(i);
        String language = a.language() == null ? config.language() : a.language();
        // Read once: a kept body comes back from the build's file of bodies at each call.
        String html = a.bodyHtml();
        RelatedIndex.Analysis analysis;
        if (cache == null) {
            analysis = SearchIndex.analysis(a.title(), a.lead(), plainText(html), language, analyzer);
        } else {
            // The related step's key: the same texts give the same analysis, stored once.
            String key = analysisKeys[i];
            analysis = cache.analysis(key).orElseGet(() -> {
                RelatedIndex.Analysis fresh = RelatedIndex.analyze(text(a, html, language), analyzer, language);
                cache.putAnalysis(key, fresh);
                return fresh;
            });
        }
        // The snippet needs the body's start only: its text from the HTML's first tags, cut after a tag.
        int cut = html.length() <= SNIPPET_HTML ? html.length() : html.lastIndexOf('>', SNIPPET_HTML) + 1;
        String body = cut <= 0 ? "" : HtmlSanitizer.plainText(html.substring(0, cut));
        // What a result shows is typeset as the article's pages show it (the analysis reads the text as written).
        return new SearchDocument(index.id(i), day(a, config), urls.article(a),
                Typeset.text(config, a, a.title()), Typeset.text(config, a, a.lead()), Typeset.text(config, a, body), language, analysis, a.rubric() == null ? null : facet(a.rubric()),
                a.tags().stream().map(SearchFiles::facet).toList(), dates.iso(a.date()), dates.day(a.date()));
    }

    /** An article's text, all the analysis reads (the related engine's other inputs are not used). */
    private record Text(String title, String lead, String body, String language) implements RelatedDocument {
        @Override
        public String key() {
            return "";
        }

        @Override
        public Collection<String> keywords() {
            return List.of();
        }

        @Override
        public String group() {
            return null;
        }

        @Override
        public long epochSeconds() {
            return 0;
        }
    }

    private static SearchDocument.Facet facet(Term t) {
        return new SearchDocument.Facet(t.slug(), t.name());
    }
}
