package dev.gazette.authoring;

import dev.gazette.yaml.YamlTree;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an archetype's placeholders. In a Markdown front matter each placeholder becomes a whole
 * YAML value, quoted and escaped ({@code title: {title}} is always valid YAML, whatever quotes,
 * colons or {@code #} the headline holds); everywhere else, in a Markdown body or a plain-text
 * article, it becomes the text itself.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(title|slug|date|day|dateline|rubric|tags|hashtags)}");

    /** The names {@link #fill} knows, for the README and messages. */
    static final List<String> NAMES = List.of("title", "slug", "date", "day", "dateline", "rubric", "tags", "hashtags");

    private Placeholders() {
    }

    /**
     * The values of one new article.
     *
     * @param title    the headline
     * @param slug     its slug
     * @param date     the publication time, ISO 8601 with offset ({@code 2025-09-10T14:05:00+01:00})
     * @param day      its day ({@code 2025-09-10})
     * @param dateline its day and time as the plain-text format writes them ({@code 10/09/2025 à 14h05})
     * @param rubric   the rubric, or empty
     * @param tags     the tags
     */
    record Values(String title, String slug, String date, String day, String dateline, String rubric, List<String> tags) {
        Values {
            tags = List.copyOf(tags);
        }

        /** The value of {@code name} as text ({@code tags}: {@code Maroc, Russie}). */
        String text(String name) {
            return switch (name) {
                case "title" -> title;
                case "slug" -> slug;
                case "date" -> date;
                case "day" -> day;
                case "dateline" -> dateline;
                case "rubric" -> rubric;
                case "tags" -> String.join(", ", tags);
                case "hashtags" -> tags.isEmpty() ? "" : "#" + String.join("#", tags);
                default -> throw new IllegalArgumentException(name);
            };
        }

        /** The value of {@code name} as a YAML value ({@code tags}: {@code ["Maroc", "Russie"]}). */
        String yaml(String name) {
            return switch (name) {
                // Slugs and ISO dates are plain YAML already; quoting them would only look odd.
                case "slug", "date", "day" -> text(name);
                case "tags" -> "[" + String.join(", ", tags.stream().map(Placeholders::quoted).toList()) + "]";
                default -> quoted(text(name));
            };
        }
    }

    /** {@code archetype} with every placeholder replaced; {@code markdown} picks the YAML forms in the front matter. */
    static String fill(String archetype, Values values, boolean markdown) {
        String text = archetype.replace("\r\n", "\n");
        int bodyStart = markdown ? frontMatterEnd(text) : 0;
        return replace(text.substring(0, bodyStart), values, true) + replace(text.substring(bodyStart), values, false);
    }

    /**
     * Where the front matter ends (just past its closing {@code ---} line), or 0 when the text has
     * none: the reader then refuses the article, and says why.
     */
    private static int frontMatterEnd(String text) {
        if (!text.startsWith("---\n")) {
            return 0;
        }
        int lineStart = 4;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            if (text.substring(lineStart, end).stripTrailing().equals("---")) {
                return lineEnd < 0 ? end : end + 1;
            }
            lineStart = end + 1;
        }
        return 0;
    }

    private static String replace(String text, Values values, boolean yaml) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(yaml ? values.yaml(name) : values.text(name)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code text} as a double-quoted YAML scalar ({@link YamlTree#quoted}). */
    static String quoted(String text) {
        return YamlTree.quoted(text);
    }
}
