package dev.gazette.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    record Teaser(String title, String lead, int width) {
    }

    record Page(String kind, List<Teaser> teasers, Map<String, Object> extra) {
    }

    private static String of(Object value) {
        return Fingerprint.of("ctx", value).orElseThrow();
    }

    @Test
    void equalModelsHaveEqualFingerprintsAndAnyChangeShows() {
        Page a = new Page("home", List.of(new Teaser("Sergueï Lavrov à Rabat", "Un « lead »", 800)), Map.of("n", 1));
        Page b = new Page("home", List.of(new Teaser("Sergueï Lavrov à Rabat", "Un « lead »", 800)), Map.of("n", 1));
        assertEquals(of(a), of(b));
        assertNotEquals(of(a), of(new Page("home", List.of(new Teaser("Sergueï Lavrov à Rabat", "Un « lead »", 801)), Map.of("n", 1))));
        assertNotEquals(of(a), of(new Page("home", List.of(new Teaser("Sergueï Lavrov a Rabat", "Un « lead »", 800)), Map.of("n", 1))));
        assertNotEquals(Fingerprint.of("ctx", a), Fingerprint.of("other", a), "the context is part of it");
    }

    @Test
    void valuesThatPrintAlikeNeverCollide() {
        assertNotEquals(of(new Teaser("a, lead=b", "", 1)), of(new Teaser("a", "b", 1)));
        assertNotEquals(of(List.of("ab", "c")), of(List.of("a", "bc")));
        assertNotEquals(of(1), of(1L), "an int and a long are different values");
        assertNotEquals(of(1), of("1"));
        assertNotEquals(of(Optional.empty()), of(""));
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);
        assertNotEquals(of(ab), of(ba), "templates list a map's entries in its order");
    }

    @Test
    void randomStringsOfEveryPlaneAreToldApart() {
        Random random = new Random(42);
        java.util.Set<String> prints = new java.util.HashSet<>();
        java.util.Set<String> strings = new java.util.HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                int kind = random.nextInt(4);
                s.appendCodePoint(kind == 0 ? 'a' + random.nextInt(26) : kind == 1 ? 0xC0 + random.nextInt(0x100)
                        : kind == 2 ? 0x600 + random.nextInt(0x100) : 0x1F600 + random.nextInt(0x50));
            }
            if (strings.add(s.toString())) {
                assertTrue(prints.add(of(s.toString())), () -> "two strings share a fingerprint: " + s);
            }
        }
    }

    @Test
    void sharedValuesAreHashedOnceAndStayStable() {
        Teaser t = new Teaser("Titre", "Chapô", 3);
        Page page = new Page("tag", List.of(t, t, t), Map.of());
        Fingerprint.Shared shared = new Fingerprint.Shared(Set.of(Teaser.class));
        String once = Fingerprint.of("ctx", page, shared).orElseThrow();
        assertEquals(once, Fingerprint.of("ctx", page, new Fingerprint.Shared(Set.of(Teaser.class))).orElseThrow());
        assertNotEquals(once, Fingerprint.of("ctx", new Page("tag", List.of(t, t, new Teaser("Titre", "Chapô", 4)), Map.of()), shared).orElseThrow());
    }

    /** A list computed from its inputs that counts how often it is read. */
    private static final class Costly extends java.util.AbstractList<String> implements Fingerprint.Derived {
        final Teaser inputs;
        int reads;

        Costly(Teaser inputs) {
            this.inputs = inputs;
        }

        @Override
        public Object inputs() {
            return inputs;
        }

        @Override
        public String get(int i) {
            reads++;
            return inputs.title() + "!";
        }

        @Override
        public int size() {
            reads++;
            return 1;
        }
    }

    @Test
    void aDerivedValueIsFingerprintedByItsInputsWithoutBeingComputed() {
        Costly a = new Costly(new Teaser("Sergueï Lavrov", "", 1));
        Costly b = new Costly(new Teaser("Sergueï Lavrov", "", 1));
        assertEquals(of(new Page("article", List.of(), Map.of("jsonLd", a))), of(new Page("article", List.of(), Map.of("jsonLd", b))));
        assertEquals(0, a.reads + b.reads, "fingerprinting must not compute the value");
        assertNotEquals(of(new Page("article", List.of(), Map.of("jsonLd", a))), of(new Page("article", List.of(), Map.of("jsonLd", new Costly(new Teaser("Sergueï Lavrov", "", 2))))));
        // Not the same as the list it computes, nor as its inputs alone: the derivation is part of the value.
        assertNotEquals(of(List.of("Sergueï Lavrov!")), of(a));
        assertNotEquals(of(new Teaser("Sergueï Lavrov", "", 1)), of(a));
    }

    @Test
    void aValueOfAnUnknownTypeMakesNoFingerprint() {
        assertTrue(Fingerprint.of("ctx", List.of(new Object())).isEmpty());
    }
}
