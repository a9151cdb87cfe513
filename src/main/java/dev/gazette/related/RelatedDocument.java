package dev.gazette.related;

import java.util.Collection;

/** What the related-content engine needs to know of a document. */
public interface RelatedDocument {

    /** A unique, stable key: the last tie-break of every ranking. */
    String key();

    /** Keywords (tags), already normalised so that equal keywords are equal strings. */
    Collection<String> keywords();

    /** The document's group (its rubric), or {@code null}. */
    String group();

    /** The publication time, in seconds since the epoch. */
    long epochSeconds();
}
