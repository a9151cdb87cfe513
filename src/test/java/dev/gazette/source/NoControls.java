package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Article;
import dev.gazette.model.Term;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Asserts that no text field of an article holds a control character. The definition is written
 * out again here, not taken from the code under test.
 */
final class NoControls {

    private NoControls() {
    }

    static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(NoControls::isControl);
    }

    /** Every text of {@code a}: its fields, and the text and attribute values of its body as a browser reads them. */
    static void assertNone(Article a) {
        List<String> texts = new ArrayList<>(List.of(a.slug(), a.title(), a.lead(), a.caption(), a.bodyHtml()));
        texts.add(a.image());
        texts.add(a.language());
        if (a.rubric() != null) {
            texts.add(a.rubric().name());
            texts.add(a.rubric().slug());
        }
        for (Term t : a.tags()) {
            texts.add(t.name());
            texts.add(t.slug());
        }
        texts.addAll(a.authors());
        texts.addAll(a.pinnedSlugs());
        texts.addAll(a.relatedTitles());
        Element body = Jsoup.parseBodyFragment(a.bodyHtml()).body();
        texts.add(body.wholeText());
        for (Element e : body.getAllElements()) {
            for (Attribute attr : e.attributes()) {
                texts.add(attr.getValue());
            }
        }
        for (String t : texts) {
            assertTrue(!hasControl(t), () -> "a control character in " + escaped(t) + " of " + a);
        }
    }

    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(isControl(c) ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
