package dev.gazette.check;

import dev.gazette.model.Problem;
import java.util.Objects;

/**
 * One problem of a built site.
 *
 * @param kind   what is wrong; says whether it is an error
 * @param page   the file it is in, relative to the site's folder ({@code tags/maroc/index.html})
 * @param target the link, image or title concerned, as the page writes it; empty when none
 * @param detail why it is a problem, for the reader ({@code no such page: politique/foo/index.html})
 */
public record Finding(Kind kind, String page, String target, String detail) {

    /** The kinds of problems, in the order a report lists them. */
    public enum Kind {
        /** An internal link to a page or file the site does not have. */
        BROKEN_LINK(true, "broken link"),
        /** A link to {@code #x} where the target page has no element with id (or name) {@code x}. */
        BROKEN_ANCHOR(true, "broken anchor"),
        /** An image (img {@code src} or {@code srcset}, picture source, social-card image) the site does not have. */
        MISSING_IMAGE(true, "missing image"),
        /** An {@code <img>} with no {@code alt} attribute; {@code alt=""} marks a decorative image and is fine. */
        MISSING_ALT(true, "image without a text alternative"),
        /** A feed, sitemap or other XML or JSON file that does not parse. */
        UNREADABLE_FILE(true, "does not parse"),
        /** An outside link that answered with an error, or whose server cannot be reached. */
        BROKEN_EXTERNAL_LINK(true, "broken external link"),
        /** An outside link that could not be verified: a time-out, or a server refusing robots (401, 403, 429). */
        UNVERIFIED_EXTERNAL_LINK(false, "unverified external link"),
        /** A page that no chain of links from the home page reaches. */
        ORPHAN_PAGE(false, "orphan page"),
        /** A page whose {@code <title>} other pages have too. */
        DUPLICATE_TITLE(false, "duplicate title"),
        /** A page without a {@code <title>}, or with an empty one. */
        MISSING_TITLE(false, "no title");

        private final boolean error;
        private final String label;

        Kind(boolean error, String label) {
            this.error = error;
            this.label = label;
        }

        /** Whether it makes {@code gazette check} fail: something is broken, not merely worth a look. */
        public boolean error() {
            return error;
        }

        /** How a report names it ({@code broken link}). */
        public String label() {
            return label;
        }
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(page, "page");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }

    /** Whether it makes the check fail ({@link Kind#error()}). */
    public boolean isError() {
        return kind.error();
    }

    /**
     * One line for a terminal: {@code tags/maroc/index.html: error: broken link ../../politique/foo/ (no such page: …)}.
     * Control characters in a link are escaped, so a page cannot fake lines of the report.
     */
    public String describe() {
        String message = kind.label() + (target.isEmpty() ? "" : " " + target) + (detail.isEmpty() ? "" : " (" + detail + ")");
        return new Problem(isError() ? Problem.Severity.ERROR : Problem.Severity.WARNING, page, 0, null, message, null).describe();
    }
}
