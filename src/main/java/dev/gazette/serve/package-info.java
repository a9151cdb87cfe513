/**
 * The preview: {@code gazette serve}. A small HTTP server over the JDK's own
 * ({@code com.sun.net.httpserver}) serves a site built into a private folder, a watcher rebuilds it
 * with the build cache when an input changes, and Server-Sent Events tell the open pages to reload,
 * or to show the build's errors. Only the server adds the live-reload script, to the pages it
 * serves: the files on disk are what {@code gazette build} writes.
 */
package dev.gazette.serve;
