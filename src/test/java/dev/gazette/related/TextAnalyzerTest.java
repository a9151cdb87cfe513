package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    private List<String> terms(String text, String language) {
        List<String> out = new ArrayList<>();
        analyzer.analyze(text, language, t -> out.add(t.toString()));
        return out;
    }

    @Test
    void frenchInflectionsMeetOnOneStem() {
        List<String> t = terms("diplomatique diplomatie diplomates diplomatiques", "fr");
        assertEquals(4, t.size(), t.toString());
        assertEquals(1, t.stream().distinct().count(), "one stem for all four: " + t);
    }

    @Test
    void frenchElisionsStopWordsAndAccentsGo() {
        List<String> t = terms("L'économie et la coopération de l’État, d'après Sergueï Lavrov", "fr-MA");
        assertFalse(t.contains("et") || t.contains("la") || t.contains("de"), "stop words dropped: " + t);
        assertTrue(t.stream().noneMatch(s -> s.startsWith("l'") || s.startsWith("d'") || s.startsWith("l’")), "elisions removed: " + t);
        assertTrue(t.stream().allMatch(s -> s.chars().allMatch(c -> c < 128)), "accents folded: " + t);
        assertTrue(t.contains(terms("Serguei", "fr").get(0)), "Sergueï and Serguei are one term: " + t);
    }

    @Test
    void englishIsStemmedWithItsOwnRules() {
        List<String> t = terms("The nations were running; Rabat's talks", "en");
        assertEquals(terms("nation run rabat talk", "en"), t);
    }

    @Test
    void numbersAndSingleLettersAreNotTerms() {
        assertEquals(List.of(), terms("2025 12 000 a 3,5", "fr"));
        assertEquals(1, terms("COP30 2025", "fr").size(), "a term with a letter in it stays");
    }

    @Test
    void unknownLanguagesAreSplitAndLowerCased() {
        assertEquals(List.of("dziękuję", "warszawa"), terms("Dziękuję Warszawa", "pl"));
        assertEquals(List.of("maroc"), terms("Maroc", null));
    }
}
