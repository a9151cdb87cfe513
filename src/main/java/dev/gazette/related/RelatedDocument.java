package dev.gazette.related;

import java.util.Collection;
import java.util.List;

/** What the related-content engine needs to know of a document: its words, labels, time and pins. */
public interface RelatedDocument {

    /** A unique, stable key: the last tie-break of every ranking. */
    String key();

    /** The title, as plain text. */
    String title();

    /** The lead (summary), as plain text; may be empty. */
    String lead();

    /** The body, as plain text; may be empty. */
    String body();

    /** The language of the text (BCP 47), or {@code null} for the index's default. */
    String language();

    /** Keywords (tags), already normalised so that equal keywords are equal strings. */
    Collection<String> keywords();

    /** The document's group (its rubric), or {@code null}. */
    String group();

    /** The publication time, in seconds since the epoch. */
    long epochSeconds();

    /**
     * Documents an editor chose as related, best first, by their position in the list the index is
     * built from. They always come first, whatever their score.
     */
    default List<Integer> pinned() {
        return List.of();
    }
}
