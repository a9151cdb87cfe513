package dev.gazette.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "politique/serguei-lavrov-rabat/", "2025/09/05/covid-19/", "a.b_c~d/x:y@z/(1)+2,3;4=5!$&'*"})
    void anAsciiPathIsLeftAsItIs(String path) {
        assertSame(path, UrlPaths.encode(path), "the same string: nothing to escape");
        assertEquals(path, UrlPaths.decode(path));
    }

    @Test
    void lettersBeyondAsciiAreEscapedAsUtf8UpperCaseHex() {
        assertEquals("%D1%82%D0%B5%D0%B0%D1%82%D1%80/", UrlPaths.encode("театр/"));
        assertEquals("tags/%E5%9C%B0%E9%93%81/", UrlPaths.encode("tags/地铁/"));
        assertEquals("%F0%9F%93%B0", UrlPaths.encode("📰"), "a character beyond the BMP: its four bytes");
    }

    @Test
    void whatAPathMayNotHoldIsEscapedToo() {
        assertEquals("a%20b%25c%3Fd%23e%22%5B%5D%7C%5C", UrlPaths.encode("a b%c?d#e\"[]|\\"));
    }

    @Test
    void decodingGivesThePathBack() {
        for (String path : new String[] {"театр/", "مدينة/افتتاح-حديقة/", "a b%c?d#e", "地铁新线明年春天开通/", "📰/x"}) {
            assertEquals(path, UrlPaths.decode(UrlPaths.encode(path)), path);
        }
        assertEquals("театр", UrlPaths.decode("%d1%82%d0%b5%d0%b0%d1%82%d1%80"), "lower-case hex too");
        assertEquals("100%", UrlPaths.decode("100%"), "a lone % stays");
    }
}
