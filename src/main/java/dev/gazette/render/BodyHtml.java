package dev.gazette.render;

import dev.gazette.model.Body;
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
public record BodyHtml(Body written, boolean french) {

    /** The HTML the page shows (a kept body read back: once, when the page is rendered). */
    public String html() {
        String html = written.html();
        return french ? FrenchTypography.html(html) : html;
    }

    @Override
    public String toString() {
        return html();
    }
}
