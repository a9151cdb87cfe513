package dev.gazette.search;

/** The little JSON the index needs: strings escaped for any parser, nothing else. */
final class JsonText {

    private JsonText() {
    }

    /** {@code text} as a JSON string literal, quotes included. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Line and paragraph separators are valid JSON but end a line in older JavaScript.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON array of strings. */
    static String array(Iterable<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (String s : items) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(s));
        }
        return out.append(']').toString();
    }
}
