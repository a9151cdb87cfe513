package dev.gazette.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gazette.model.Term;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermGroupTest {

    @Test
    void holdsACopyOfThePositions() {
        List<Integer> positions = new ArrayList<>(List.of(0, 3));
        TermGroup g = new TermGroup(Term.of("Maroc"), positions);
        positions.add(7);
        assertEquals(List.of(0, 3), g.articles());
        assertEquals(2, g.size());
        assertThrows(UnsupportedOperationException.class, () -> g.articles().add(1));
        assertThrows(UnsupportedOperationException.class, () -> g.articles().set(0, 1));
        assertEquals(List.of(3), g.articles().subList(1, 2));
        assertEquals(new TermGroup(Term.of("Maroc"), List.of(0, 3)), g, "equal by term and positions");
        assertEquals(List.of(0, 3).hashCode(), g.articles().hashCode());
        assertThrows(NullPointerException.class, () -> new TermGroup(Term.of("x"), java.util.Arrays.asList(1, null)));
    }
}
