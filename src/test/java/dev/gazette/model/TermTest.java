package dev.gazette.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermTest {

    @Test
    void keepsTheNameAsWrittenAndKeysItBySlug() {
        Term t = Term.of("  Sergueï Lavrov ");
        assertEquals("Sergueï Lavrov", t.name());
        assertEquals("serguei-lavrov", t.slug());
    }

    @Test
    void termsDifferingByCaseOrAccentsAreEqual() {
        Term a = Term.of("Diplomatie");
        Term b = Term.of("diplomatie");
        Term c = Term.of("Diplomatíe");
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals(a.hashCode(), c.hashCode());
        Set<Term> set = new LinkedHashSet<>(List.of(a, b, c));
        assertEquals(1, set.size());
        assertEquals("Diplomatie", set.iterator().next().name(), "the first spelling stays in a set");
    }

    @Test
    void termsWithOtherSlugsDiffer() {
        assertNotEquals(Term.of("Maroc"), Term.of("Marocains"));
        assertNotEquals(Term.of("Maroc"), "maroc");
    }
}
