/**
 * Finds article sources and reads each format into one {@link dev.gazette.model.Article}:
 * Markdown with YAML front matter, the plain-text news format, and saved HTML article pages.
 * Parsing is pure (text in, article and problems out); file I/O stays in
 * {@link dev.gazette.source.SourceReader} and {@link dev.gazette.source.SourceFinder}.
 */
package dev.gazette.source;
