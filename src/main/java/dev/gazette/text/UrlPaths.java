package dev.gazette.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one codec between a path as it is on disk ({@code театр/index.html}) and as a URL writes it
 * ({@code %D1%82%D0%B5%D0%B0%D1%82%D1%80/index.html}): percent-encoded UTF-8, RFC 3986. A path of
 * ASCII letters, digits, hyphens and slashes is the same both ways, so a site whose slugs are ASCII
 * is written byte for byte as before.
 */
public final class UrlPaths {

    private UrlPaths() {
    }

    /**
     * {@code path} with percent escapes (upper-case hex, of its UTF-8 bytes) for every character
     * RFC 3986 does not allow as such in a path: what stays is {@code A-Z a-z 0-9 - . _ ~}, the
     * sub-delimiters {@code ! $ & ' ( ) * + , ; =}, {@code :}, {@code @} and {@code /}. A {@code %}
     * is escaped too ({@code %25}): the path is taken as decoded.
     */
    public static String encode(String path) {
        int i = 0;
        while (i < path.length() && allowed(path.charAt(i))) {
            i++;
        }
        if (i == path.length()) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() * 3);
        out.append(path, 0, i);
        for (byte b : path.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && allowed((char) c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** Percent escapes decoded as UTF-8; a {@code %} not followed by two hex digits stays as it is. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int run = 0; // start of the text since the last escape, copied whole so surrogate pairs stay pairs
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
                run = i + 1;
            }
        }
        bytes.writeBytes(s.substring(run).getBytes(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
