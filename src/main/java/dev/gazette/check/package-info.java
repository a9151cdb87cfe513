/**
 * Checks a built site ({@code gazette check}): internal links and anchors, images and their text
 * alternatives, pages no link from the home page reaches, duplicate titles, feeds and sitemaps
 * that do not parse, and, on request, outside links. Reads a folder, writes nothing; {@link
 * dev.gazette.check.SiteCheck#check} is the front door, the rest is package-private.
 *
 * <p>Linear in the size of the site: every page is parsed once, in parallel, into the small set
 * of facts the checks need (its title, its ids, where its links go), and the documents are
 * dropped; links between pages are resolved afterwards, from those facts alone.
 */
package dev.gazette.check;
