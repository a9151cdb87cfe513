package dev.gazette.authoring;

import java.util.Objects;

/**
 * The text a new article starts from, with placeholders ({@code {title}}, {@code {date}}…) that
 * {@link NewArticle} fills in.
 *
 * @param name how messages name it: its path, or {@code built-in} for Gazette's own
 * @param text its text
 */
public record Archetype(String name, String text) {

    public Archetype {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** The name of Gazette's own archetypes in messages. */
    public static final String BUILT_IN = "built-in";

    /** Whether this is Gazette's own archetype, not a file of the site. */
    public boolean builtIn() {
        return BUILT_IN.equals(name);
    }
}
