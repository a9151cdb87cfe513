package dev.gazette.model;

import java.util.Optional;

/**
 * An article's body: its sanitized HTML. Either held in memory ({@link #of}), or kept in a file
 * that a build writes the bodies to as it reads them, and read back each time a step needs the
 * text: an archive's bodies (about 4 kB each) are then never all in memory at once, which is most
 * of what a build of 10^5 or 10^6 articles would otherwise hold.
 */
public interface Body {

    /** The empty body. */
    Body EMPTY = of("");

    /** The sanitized HTML. A kept body reads it from its file at each call: ask once per use. */
    String html();

    /** Whether there is no HTML at all, known without reading it. */
    boolean isEmpty();

    /**
     * The hash of the HTML's UTF-8 bytes (as {@code ContentHash} makes it) when this body already
     * knows it, as a kept body does; empty when it must be computed from {@link #html()}.
     */
    Optional<String> knownHash();

    /** What a body's HTML holds when it has an image: the sanitizer writes tags in lower case. */
    String IMAGE_TAG = "<img";

    /**
     * {@code String.contains(IMAGE_TAG)} on the text these UTF-8 bytes encode: the tag is ASCII,
     * and no byte of a character past ASCII is below 0x80 in UTF-8, so the bytes hold it exactly
     * where the text does.
     */
    static boolean holdsImageTag(byte[] utf8) {
        for (int i = 0, last = utf8.length - 4; i <= last; i++) {
            if (utf8[i] == '<' && utf8[i + 1] == 'i' && utf8[i + 2] == 'm' && utf8[i + 3] == 'g') {
                return true;
            }
        }
        return false;
    }

    /** A body held in memory. */
    static Body of(String html) {
        return new Held(html == null ? "" : html);
    }

    /** A body held in memory; two are equal when their HTML is. */
    record Held(String html) implements Body {

        @Override
        public boolean isEmpty() {
            return html.isEmpty();
        }

        @Override
        public Optional<String> knownHash() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return html;
        }
    }
}
