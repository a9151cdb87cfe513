package dev.gazette.web;

/** Where generated files go: a path relative to the site's root and its bytes. Must be thread-safe. */
@FunctionalInterface
public interface Sink {

    /** Writes {@code content} to {@code relative} (e.g. {@code sitemap-2.xml}). */
    void write(String relative, byte[] content);
}
