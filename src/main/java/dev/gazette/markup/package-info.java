/**
 * Markup conversion: Markdown to HTML ({@link dev.gazette.markup.MarkdownRenderer}, flexmark) and the
 * cleaning of untrusted HTML ({@link dev.gazette.markup.HtmlSanitizer}, jsoup). Both engines are built
 * once and are safe to share between threads.
 */
package dev.gazette.markup;
