/**
 * The related-content engine. It knows {@link dev.gazette.related.RelatedDocument}s (title, lead and
 * body text, keywords, a group, a time, a key, editor pins), not pages. {@link
 * dev.gazette.related.TextAnalyzer} turns text into terms with Lucene's language-aware analysis;
 * {@link dev.gazette.related.RelatedIndex} keeps each document's most distinctive terms and finds
 * its neighbours through inverted indexes of those terms, keywords and groups, never by comparing
 * all pairs. Analysis is per document and may run on many threads; the index is immutable.
 */
package dev.gazette.related;
