package dev.gazette.render;

import dev.gazette.text.FrenchTypography;

/**
 * An article's body as its page prints it: the sanitized HTML as written, typeset when the article
 * is French. The typesetting (a parse of the whole body) is done when the page is rendered, by
 * {@link #toString()}, which templates print: page fingerprints see only what it is made of, so an
 * unchanged page costs no typesetting.
 *
 * @param written the sanitized body, as the source gave it
 * @param french  whether it is typeset with the French rules
 */
public record BodyHtml(String written, boolean french) {

    /** The HTML the page shows. */
    public String html() {
        return french ? FrenchTypography.html(written) : written;
    }

    @Override
    public String toString() {
        return html();
    }
}
