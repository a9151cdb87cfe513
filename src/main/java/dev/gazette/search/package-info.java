/**
 * The archive's search index, for a search page that runs in the reader's browser with no server.
 * {@link dev.gazette.search.SearchIndex} analyses {@link dev.gazette.search.SearchDocument}s with the
 * related-content analyzer ({@link dev.gazette.related.TextAnalyzer}) and returns the index as files:
 * term shards chosen by a stable hash of the term, and result metadata in chunks keyed by each
 * article's stable key ({@link dev.gazette.search.DocKeys}: its day and a hash of its id). A query
 * downloads only the shards of its terms and the chunks of the results it shows, and an article
 * added changes only the shards of its terms and the chunk of its day. The browser's side (the
 * resources {@code analyzer.js} and {@code search.js}) reads these files; it depends on nothing else.
 * Depends on {@code model} and {@code related} only; knows nothing of pages or files on disk.
 */
package dev.gazette.search;
