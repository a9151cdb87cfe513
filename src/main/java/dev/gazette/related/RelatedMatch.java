package dev.gazette.related;

/**
 * One related document and why it was picked.
 *
 * @param document the document's position in the list the index was built from
 * @param score    the total score
 * @param keywords the share of the score from shared keywords
 * @param group    the share from being in the same group
 * @param time     the share from nearness in time
 */
public record RelatedMatch(int document, double score, double keywords, double group, double time) {
}
