/**
 * What a site publishes for machines rather than readers: RSS and Atom feeds, sitemaps (split past
 * the protocol's limits), the Google News sitemap, {@code robots.txt}, JSON-LD structured data, and
 * the readers of the newsroom's side files (the analytics' most-read CSV, image headers for sizes).
 * Every class here is pure formatting or parsing over plain records: it chooses no articles, knows
 * no page layout, and writes files only through a {@link dev.gazette.web.Sink}. XML goes through a
 * real StAX writer, so escaping is never done by hand.
 */
package dev.gazette.web;
