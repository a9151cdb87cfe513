/**
 * The related-content engine. It knows {@link dev.gazette.related.RelatedDocument}s (keywords, a
 * group, a time, a key), not pages, and finds each document's neighbours through an inverted index,
 * never by comparing all pairs.
 */
package dev.gazette.related;
