package dev.gazette.source;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Where a page's story is, told by its text rather than its tag names, as Mozilla's Readability
 * and trafilatura do: each paragraph of prose (25 characters or more, outside the site's
 * furniture) scores for its parent and, half, for its grandparent; a block's score falls with
 * the share of its text that is links, and class or id words move it up ({@code article-body})
 * or down ({@code related}, {@code comments}). Sites wrap teasers, menus and "most read" lists
 * in the same tags as the story; what they never have is the story's run of long paragraphs.
 *
 * <p>One walk of the page measures every element (text, link text, commas), so choosing costs
 * the page's size, however deep it is nested.
 */
final class TextDensity {

    private static final Set<String> PICTURES = Set.of("img", "picture", "video", "figure");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> DIV_LIKE = Set.of("div", "section");
    private static final Set<String> STRUCTURAL_FURNITURE = Set.of("header", "footer", "nav", "aside", "form", "menu");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "button", "select", "textarea");
    private static final Pattern POSITIVE = Pattern.compile("(?i)(?:^|[-_])(?:article|body|content|entry|main|page|post|story|text|"
            + "blog|chapo|corps|contenu|texte)(?:[-_]|$)");
    static final Pattern NEGATIVE = Pattern.compile("(?i)(?:^|[-_])(?:comment|comments|commentaires|footer|sidebar|related|share|"
            + "social|sponsor|promo|popular|trending|recommended|recirc|teaser|teasers|card|cards|outbrain|taboola|widget|newsletter|"
            + "subscribe|menu|nav|breadcrumb|breadcrumbs|masthead|more|gallery|slideshow|carousel|video|player)(?:[-_]|$)");
    /** A paragraph shorter than this is a label, a date or a button, never prose. */
    static final int MIN_PARAGRAPH = 25;

    /** Per element: {@code [text, link text, commas, paragraph text, longest paragraph, pictures]}. */
    private final Map<Element, long[]> measures = new IdentityHashMap<>();
    /** Scores in the order first credited (the page's order), so that the first of equals wins. jsoup's nodes are equal only to themselves. */
    private final Map<Element, Double> scores = new java.util.LinkedHashMap<>();

    TextDensity(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            private int links;
            private int furniture;
            private int skipped;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        links++;
                    }
                    if (isFurniture(e)) {
                        furniture++;
                    }
                    if (SKIPPED.contains(e.normalName())) {
                        skipped++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                long[] add;
                if (node instanceof TextNode t) {
                    if (skipped > 0) {
                        return;
                    }
                    String text = t.getWholeText();
                    long chars = 0;
                    long commas = 0;
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if (!Character.isWhitespace(c) && c != '\u00A0') {
                            chars++;
                        }
                        if (c == ',' || c == '，' || c == '،' || c == '、') {
                            commas++;
                        }
                    }
                    add = new long[] {chars, links > 0 ? chars : 0, commas, 0, 0, 0};
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        links--;
                    }
                    if (isFurniture(e)) {
                        furniture--;
                    }
                    if (SKIPPED.contains(e.normalName())) {
                        skipped--;
                    }
                    add = of(e);
                    if (PICTURES.contains(e.normalName())) {
                        add[5]++;
                    }
                    if (furniture == 0 && isParagraph(e) && add[0] >= MIN_PARAGRAPH && add[1] * 2 < add[0]) {
                        add[3] = add[0];
                        add[4] = add[0];
                        double score = 1 + Math.min(add[2], 10) + Math.min(add[0] / 100, 3);
                        credit(e.parent(), score);
                        if (e.parent() != null) {
                            credit(e.parent().parent(), score / 2);
                        }
                    }
                } else {
                    return;
                }
                if (node != root && node.parentNode() instanceof Element parent) {
                    long[] p = of(parent);
                    for (int i = 0; i < 4; i++) {
                        p[i] += add[i];
                    }
                    p[4] = Math.max(p[4], add[4]);
                    p[5] += add[5];
                }
            }
        }, root);
    }

    private void credit(Element e, double score) {
        if (e != null) {
            scores.merge(e, score, Double::sum);
        }
    }

    private long[] of(Element e) {
        return measures.computeIfAbsent(e, k -> new long[6]);
    }

    private static boolean isParagraph(Element e) {
        if (PARAGRAPHS.contains(e.normalName())) {
            return true;
        }
        // Sites that write prose in bare divs (`<div>text<br>text</div>`): a div holding no block.
        if (DIV_LIKE.contains(e.normalName())) {
            for (Element child : e.children()) {
                if (child.isBlock()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static boolean isFurniture(Element e) {
        return STRUCTURAL_FURNITURE.contains(e.normalName()) || "navigation".equals(e.attr("role"))
                || "complementary".equals(e.attr("role")) || "contentinfo".equals(e.attr("role"));
    }

    /** The share of {@code e}'s text that is link text, 0 to 1. */
    double linkDensity(Element e) {
        long[] m = measures.get(e);
        return m == null || m[0] == 0 ? 0 : (double) m[1] / m[0];
    }

    /** The characters of prose paragraphs inside {@code e}. */
    long paragraphText(Element e) {
        long[] m = measures.get(e);
        return m == null ? 0 : m[3];
    }

    /** Whether {@code e} is or holds a picture ({@code img}, {@code picture}, {@code video}, {@code figure}); measured once, for every element. */
    boolean hasPicture(Element e) {
        long[] m = measures.get(e);
        return m != null && m[5] > 0;
    }

    /** The characters of {@code e}'s text, whitespace aside. */
    long text(Element e) {
        long[] m = measures.get(e);
        return m == null ? 0 : m[0];
    }

    /**
     * The block holding the story: the best scored, widened to its parent while the parent is a
     * thin wrapper around it (no other prose, little other text: the headline, the byline, a
     * figure) or holds more of the story beside it (sites split a story into several blocks,
     * with pictures and boxes between them); never past an {@code <article>} or {@code <main>},
     * nor to the body. {@code null} when the page has no paragraph of prose.
     */
    Element best() {
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            double score = (e.getValue() + classWeight(el)) * (1 - linkDensity(el));
            if (score > bestScore) {
                best = el;
                bestScore = score;
            }
        }
        while (best != null && !STOPS.contains(best.normalName()) && best.parent() != null
                && !best.parent().normalName().equals("body") && !best.parent().normalName().equals("html")) {
            Element parent = best.parent();
            long prose = paragraphText(best);
            boolean wrapper = paragraphText(parent) == prose && text(parent) <= text(best) * 5 / 4 + 200;
            if (!wrapper && (sideProse(parent, best) * 5 < prose || linkDensity(parent) >= 0.5)) {
                break;
            }
            best = parent;
        }
        return best;
    }

    private static final Set<String> STOPS = Set.of("article", "main");

    /**
     * The prose of {@code parent}'s other children that reads as more of the story: blocks with
     * a paragraph of 80 characters or more, few links, and no furniture or teaser class.
     */
    private long sideProse(Element parent, Element best) {
        long sum = 0;
        for (Element c : parent.children()) {
            long[] m = measures.get(c);
            if (c != best && m != null && m[4] >= 80 && linkDensity(c) < 0.3 && !isFurniture(c) && classWeight(c) >= 0) {
                sum += m[3];
            }
        }
        return sum;
    }

    private static double classWeight(Element e) {
        String words = e.className() + " " + e.id();
        double w = 0;
        for (String word : words.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (POSITIVE.matcher(word).find()) {
                w += 10;
            }
            if (NEGATIVE.matcher(word).find()) {
                w -= 15;
            }
        }
        return Math.max(-25, Math.min(25, w));
    }
}
