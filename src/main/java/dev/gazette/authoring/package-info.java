/**
 * Writing new articles ({@code gazette new}): the file a newsroom starts from, made from the site's
 * archetype or the built-in one, checked by reading it back with the project's own readers so that
 * what is written is what a build publishes. Making the text is pure; {@link
 * dev.gazette.authoring.NewArticle#write} is the only code here that touches the disk.
 */
package dev.gazette.authoring;
