package dev.gazette.model;

import java.util.Objects;

/**
 * A tag or a rubric: the name as written and its slug. Two terms with the same slug are the same
 * term ("Diplomatie", "diplomatie" and "Diplomatíe" all are {@code diplomatie}), so equality is on
 * the slug alone.
 *
 * @param name the name as an editor wrote it
 * @param slug its URL-safe key
 */
public record Term(String name, String slug) {

    public Term {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
    }

    /** A term named {@code name}, keyed by the slug of that name (the ASCII rule). */
    public static Term of(String name) {
        return of(name, SlugRule.ASCII);
    }

    /** A term named {@code name}, keyed by the slug of that name under the site's {@code rule}. */
    public static Term of(String name, SlugRule rule) {
        return new Term(name.strip(), Slugs.of(name, rule));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Term t && t.slug.equals(slug);
    }

    @Override
    public int hashCode() {
        return slug.hashCode();
    }
}
