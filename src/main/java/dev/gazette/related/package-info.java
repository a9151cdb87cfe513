/**
 * The related-content engine. It knows {@link dev.gazette.related.RelatedDocument}s (title, lead and
 * body text, keywords, a group, a time, a key, editor pins), not pages. {@link
 * dev.gazette.related.TextAnalyzer} turns text into terms with Lucene's language-aware analysis
 * (and finds multi-word names); {@link dev.gazette.related.RelatedIndex} finds each document's
 * candidates through inverted indexes of its strongest terms, keywords and group, never by
 * comparing all pairs, then ranks them on compact whole vectors with relevance feedback, mixed
 * with latent semantic features ({@code LatentSpace}, a truncated SVD of a bounded sample).
 * Analysis is per document and may run on many threads; the index is immutable.
 */
package dev.gazette.related;
