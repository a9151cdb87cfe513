/**
 * {@code gazette import}: turns pages a newsroom saved (HTML from news sites, the plain-text news
 * format) into Markdown articles with front matter, once, and reports on each file. It reads
 * with the {@code source} readers, so a page imports as the build would read it, and writes only
 * inside the folder it is given. Depends on {@code source}, {@code model}, {@code yaml} and
 * {@code text}; nothing depends on it but the command line.
 */
package dev.gazette.intake;
