package dev.gazette.model;

import java.util.Locale;

/**
 * How names become slugs, a site setting ({@code slugs:} in {@code site.yml}). Latin text gives the
 * same slug under both rules, so a site that switches moves only the URLs of names in other scripts.
 */
public enum SlugRule {

    /** ASCII only: other scripts are transliterated ({@code "Театр"} → {@code teatr}). The default. */
    ASCII,

    /**
     * Letters and digits of other scripts are kept as they are, lower-cased ({@code "Театр"} →
     * {@code театр}); links to such pages are percent-encoded.
     */
    UNICODE;

    /** The value as {@code site.yml} writes it: {@code ascii} or {@code unicode}. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }
}
