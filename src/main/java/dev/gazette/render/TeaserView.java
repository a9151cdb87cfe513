package dev.gazette.render;

/**
 * An article as lists show it.
 *
 * @param url       the article's URL, relative to the site's root
 * @param title     the headline
 * @param lead      the lead, plain text (may be empty)
 * @param rubric    the rubric's link, or {@code null}
 * @param dateIso   the publication time, ISO 8601 with offset
 * @param dateLabel the publication day, in the site's language ("9 septembre 2025")
 * @param dateline  the dateline ("Le 09/09/2025 à 18h36")
 * @param image     the image URL (relative to the site's root, or absolute), or {@code null}
 * @param imageAlt  the image's text alternative
 * @param language  the article's language when it differs from the site's, else {@code null}
 * @param imageWidth  the image's width in pixels, or 0 when unknown
 * @param imageHeight the image's height in pixels, or 0 when unknown
 * @param imageRenditions smaller copies of the image, narrowest first, for {@code srcset} (the image
 *                  itself, at {@code imageWidth}, is the widest); empty for none
 * @param status    {@code "draft"} or {@code "scheduled"} (dated after the build's reference time) for an
 *                  article published only because the build asked for drafts or future articles (a
 *                  preview), else {@code null}: the theme marks such articles so that nobody takes a
 *                  preview for the published site
 */
public record TeaserView(String url, String title, String lead, LinkView rubric, String dateIso,
                         String dateLabel, String dateline, String image, String imageAlt, String language,
                         int imageWidth, int imageHeight, java.util.List<dev.gazette.images.ImageInfo.Rendition> imageRenditions,
                         String status) {

    public TeaserView {
        imageRenditions = imageRenditions == null ? java.util.List.of() : java.util.List.copyOf(imageRenditions);
    }
}
