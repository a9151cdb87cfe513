package dev.gazette.related;

/**
 * One related document and why it was picked: the score is the sum of the signals' shares.
 *
 * @param document the document's position in the list the index was built from
 * @param pinned   whether an editor chose it (then it comes first, whatever its score)
 * @param score    the total score
 * @param text     the share of the score from text similarity
 * @param keywords the share from shared keywords
 * @param group    the share from being in the same group
 * @param time     the share from nearness in time
 */
public record RelatedMatch(int document, boolean pinned, double score, double text, double keywords, double group,
                           double time) {
}
