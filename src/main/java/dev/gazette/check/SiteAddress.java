package dev.gazette.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a link in the site goes: to one of its own files, outside, or nowhere valid. Links are
 * read as a browser reads them, against the page's own place in the site, and absolute links to
 * the site's own address (its host and the folder of its base URL) are the site's files too.
 */
final class SiteAddress {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final String ILLEGAL = "\"<>\\^`{|}";

    /** Where a link goes. */
    sealed interface Target permits Internal, External, Ignored, Invalid {
    }

    /**
     * A file of the site.
     *
     * @param path     decoded, relative to the site's root; empty or ending with {@code /} for a folder
     * @param fragment the decoded fragment, or {@code null} when the link has none
     */
    record Internal(String path, String fragment) implements Target {
    }

    /** An outside http(s) link, without its fragment (which never reaches the server). */
    record External(String url) implements Target {
    }

    /** Nothing to check: {@code mailto:}, {@code tel:}, {@code javascript:}, {@code data:}, an empty link. */
    record Ignored() implements Target {
    }

    /** A link that cannot lead anywhere, and why. */
    record Invalid(String reason) implements Target {
    }

    private static final Ignored IGNORED = new Ignored();

    private final String scheme;
    private final String host;
    private final int port;
    /** The raw path of the site's root on its host: {@code /}, or {@code /news/}. */
    private final String basePath;
    private final String baseUrl;

    private SiteAddress(String scheme, String host, int port, String basePath, String baseUrl) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.basePath = basePath;
        this.baseUrl = baseUrl;
    }

    /** The address of a site published at {@code baseUrl}; an unknown one when it is {@code null}, empty or not absolute. */
    static SiteAddress of(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return unknown();
        }
        try {
            URI u = new URI(encode(baseUrl.strip()));
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (u.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return unknown();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            path = path.substring(0, path.lastIndexOf('/') + 1); // the folder of a base written with a file name
            String url = scheme + "://" + u.getRawAuthority() + path;
            return new SiteAddress(scheme, u.getHost().toLowerCase(Locale.ROOT), port(scheme, u.getPort()), path, url);
        } catch (URISyntaxException e) {
            return unknown();
        }
    }

    private static SiteAddress unknown() {
        return new SiteAddress(null, null, -1, "/", "");
    }

    /** The site's base URL, ending with {@code /}; empty when unknown. */
    String baseUrl() {
        return baseUrl;
    }

    /** Where {@code raw}, written in the page {@code page} (a path relative to the site's root), goes. */
    Target resolve(String page, String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return IGNORED; // the page itself
        }
        if (s.startsWith("//")) {
            return absolute((scheme == null ? "https" : scheme) + ":" + s);
        }
        if (SCHEME.matcher(s).find()) {
            String given = s.substring(0, s.indexOf(':')).toLowerCase(Locale.ROOT);
            return given.equals("http") || given.equals("https") ? absolute(s) : IGNORED;
        }
        int hash = s.indexOf('#');
        String fragment = hash < 0 ? null : decode(s.substring(hash + 1));
        String beforeFragment = hash < 0 ? s : s.substring(0, hash);
        int query = beforeFragment.indexOf('?');
        String path = query < 0 ? beforeFragment : beforeFragment.substring(0, query);
        if (path.isEmpty()) {
            return new Internal(page, fragment);
        }
        String relative;
        if (path.startsWith("/")) {
            relative = underBase(path);
            if (relative == null) {
                return new Invalid("outside the site's folder " + basePath + " on its host");
            }
        } else {
            relative = page.substring(0, page.lastIndexOf('/') + 1) + path;
        }
        String normal = removeDots(relative);
        return normal == null ? new Invalid("goes above the site's root") : new Internal(decode(normal), fragment);
    }

    private Target absolute(String s) {
        int hash = s.indexOf('#');
        String withoutFragment = hash < 0 ? s : s.substring(0, hash);
        URI u = parse(s);
        if (u == null || u.getHost() == null) {
            return new Invalid("not a valid URL");
        }
        String linkScheme = u.getScheme().toLowerCase(Locale.ROOT);
        // The site's own pages, whether written with http or https: the same files either way.
        boolean own = host != null && host.equalsIgnoreCase(u.getHost()) && port == port(linkScheme, u.getPort());
        if (own) {
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            String relative = underBase(path);
            if (relative != null) {
                String normal = removeDots(relative);
                return normal == null ? new Invalid("goes above the site's root")
                        : new Internal(decode(normal), u.getRawFragment() == null ? null : decode(u.getRawFragment()));
            }
        }
        return new External(withoutFragment);
    }

    /** {@code path} (raw, from the host's root) relative to the site's root, or {@code null} when it is outside. */
    private String underBase(String path) {
        if (path.startsWith(basePath)) {
            return path.substring(basePath.length());
        }
        return (path + "/").equals(basePath) ? "" : null;
    }

    private static int port(String scheme, int port) {
        return port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme) ? -1 : port;
    }

    /**
     * The path with {@code .} and {@code ..} segments resolved, as RFC 3986 does; {@code null} when
     * a {@code ..} climbs above the root (a browser would stop there, but only at a host's root: the
     * link breaks as soon as the site is published in a folder).
     */
    static String removeDots(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        List<String> out = new ArrayList<>(segments.length);
        boolean folder = false;
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".") || seg.equals("..")) {
                if (seg.equals("..")) {
                    if (out.isEmpty()) {
                        return null;
                    }
                    out.remove(out.size() - 1);
                }
                folder = last;
            } else if (!last || !seg.isEmpty()) {
                out.add(seg);
                folder = false;
            } else {
                folder = true;
            }
        }
        String joined = String.join("/", out);
        return folder && !joined.isEmpty() ? joined + "/" : joined;
    }

    /** What a browser keeps of an attribute's URL: no surrounding spaces or controls, no tabs or line breaks inside. */
    static String clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        String s = raw.substring(start, end);
        return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replaceAll("[\t\n\r]", "");
    }

    /** {@code s} parsed as a URI once the characters browsers escape themselves (spaces, {@code |}…) are escaped. */
    static URI parse(String s) {
        try {
            return new URI(encode(s));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Percent-escapes what {@link URI} refuses but browsers send escaped: spaces, controls, {@code "<>\^`{|}}, a second {@code #}, a lone {@code %}. */
    static String encode(String s) {
        StringBuilder out = null;
        boolean seenHash = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c <= ' ' || c == 0x7F || ILLEGAL.indexOf(c) >= 0
                    || (c >= 0x80 && (Character.isISOControl(c) || Character.isSpaceChar(c)))
                    || (c == '#' && seenHash)
                    || (c == '%' && !(i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0));
            seenHash |= c == '#';
            if (bad && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (bad) {
                    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                    }
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** Percent-escapes decoded as UTF-8; a {@code %} not followed by two hex digits stays as it is. */
    static String decode(String s) {
        return dev.gazette.text.UrlPaths.decode(s);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
