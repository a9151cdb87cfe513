package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.text.UrlPaths;
import dev.gazette.web.RedirectsFile;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides the site's redirects: each article's {@code aliases:}, the lines of the site's redirects
 * file, and, for articles whose slug comes from their title, the URL the title gave under the rule
 * before stop words were left out ({@link Article#legacySlug()}). Each becomes a small page at the
 * old address (planned by {@link SitePlanner#redirectJobs}) and a line of {@code _redirects} and of
 * the nginx map.
 *
 * <p>An alias or a line of the file that would take the place of a page, of another redirect, or
 * lead to itself is an error naming its file and line. An old title URL never is: a page or an
 * editor's redirect at that address wins, and the old URL is simply not redirected.
 */
public final class Redirects {

    /**
     * One redirect.
     *
     * @param from   the old address, relative to the site's root ({@code politique/ancien-titre/}),
     *               percent-encoded as every URL of the site is ({@link SiteUrls})
     * @param to     the new address: relative to the site's root (percent-encoded), or an absolute URL off the site
     * @param title  the new page's title when it is an article's, else empty
     * @param owner  what asked for it (a source file, the redirects file and its line), for messages
     */
    public record Redirect(String from, String to, String title, String owner) {

        /** The file the redirect page is written to. */
        public String file() {
            return SiteUrls.file(from);
        }

        /** Whether the new address is a page of this site. */
        public boolean internal() {
            return !to.startsWith("http://") && !to.startsWith("https://");
        }
    }

    /** The redirects, in a stable order (by old address), and the problems found. */
    public record Plan(List<Redirect> redirects, List<Problem> problems) {
        public Plan {
            redirects = List.copyOf(redirects);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Characters an address may hold as written: RFC 3986 path characters, percent escapes, and
     * letters beyond ASCII as browsers show them ({@code /ancien/blé/}); no spaces.
     */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%/\\-\\P{ASCII}&&[^\\p{Z}\\s]]*");

    private final SiteConfig config;
    private final SiteUrls urls;
    private final Map<String, String> pages;
    private final Map<String, Redirect> byFile = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private Redirects(SiteConfig config, Map<String, String> pages) {
        this.config = config;
        this.urls = new SiteUrls(config.permalinks());
        this.pages = pages;
    }

    /**
     * Plans the redirects of a site.
     *
     * @param pages    the owner of every file the site has besides redirects (pages, images, theme
     *                 assets), by path relative to the site's root
     * @param rules    the lines of the redirects file, or none
     * @param fileName how messages name the redirects file
     */
    public static Plan plan(SiteConfig config, SiteIndex index, Map<String, String> pages, List<RedirectsFile.Rule> rules,
                            String fileName) {
        Redirects r = new Redirects(config, pages);
        for (int i = 0; i < index.size(); i++) {
            Article a = index.article(i);
            for (String alias : a.aliases()) {
                r.explicit(alias, r.urls.article(a), a.title(), a.source(), 0, "aliases", a.source() + " (aliases: `" + alias + "`)");
            }
        }
        for (RedirectsFile.Rule rule : rules) {
            String to = r.target(rule.to(), fileName, rule.line());
            if (to != null) {
                r.explicit(rule.from(), to, "", fileName, rule.line(), null, fileName + ":" + rule.line());
            }
        }
        r.followChains(fileName);
        for (int i = 0; i < index.size(); i++) {
            Article a = index.article(i);
            if (a.legacySlug() != null) {
                String from = r.urls.article(a, a.legacySlug());
                String file = SiteUrls.file(from);
                if (!r.pages.containsKey(file) && !r.byFile.containsKey(file)) {
                    r.byFile.put(file, new Redirect(from, r.urls.article(a), a.title(), a.source() + " (its URL under the old slug rule)"));
                }
            }
        }
        List<Redirect> sorted = new ArrayList<>(r.byFile.values());
        sorted.sort(java.util.Comparator.comparing(Redirect::from));
        return new Plan(sorted, r.problems);
    }

    private void explicit(String written, String to, String title, String file, int line, String field, String owner) {
        String from = address(written, file, line, field, "old address");
        if (from == null) {
            return;
        }
        String fromFile = SiteUrls.file(from);
        if (to.equals(from) || SiteUrls.file(to).equals(fromFile)) {
            problems.add(Problem.error(file, line, field, "`" + written + "` is the address of the page it redirects to.",
                    "remove it: a page never needs a redirect to itself."));
            return;
        }
        String page = pages.get(fromFile);
        if (page != null) {
            problems.add(Problem.error(file, line, field, "`" + written + "` is the address of a page of the site (" + page
                    + "); a redirect there would replace it.",
                    "remove the redirect, or give that page another address (a `slug:`, a rubric, the permalinks)."));
            return;
        }
        Redirect previous = byFile.get(fromFile);
        if (previous != null) {
            problems.add(Problem.error(file, line, field, "`" + written + "` is already redirected, by " + previous.owner() + ".",
                    "keep one redirect for each old address: remove this one or the other."));
            return;
        }
        byFile.put(fromFile, new Redirect(from, to, title, owner));
    }

    /** The new address of a line of the redirects file: a page of the site, or an absolute URL off it; {@code null} after an error. */
    private String target(String written, String file, int line) {
        boolean absolute = written.startsWith("https://") || written.startsWith("http://");
        if (absolute && (config.baseUrl().isEmpty() || !onSite(written))) {
            return written.chars().anyMatch(c -> c <= ' ' || c == '"') ? bad(written, file, line) : written;
        }
        String to = address(written, file, line, null, "new address");
        if (to != null && !pages.containsKey(pageFile(to))) {
            problems.add(Problem.warning(file, line, null, "`" + written + "` is no page of the site; the redirect leads nowhere yet.",
                    "check the new address: a path from the site's root, such as `/politique/nouveau-titre/`."));
        }
        return to;
    }

    private String bad(String written, String file, int line) {
        problems.add(Problem.error(file, line, null, "`" + written + "` is not a URL.", "write the new address without spaces or quotes."));
        return null;
    }

    /** A line of the file whose new address is itself redirected leads to the end of the chain, so readers make one hop. */
    private void followChains(String fileName) {
        for (Map.Entry<String, Redirect> e : byFile.entrySet()) {
            Redirect r = e.getValue();
            Redirect next = r;
            int hops = 0;
            while (next.internal() && byFile.containsKey(pageFile(next.to())) && hops <= byFile.size()) {
                next = byFile.get(pageFile(next.to()));
                hops++;
            }
            if (hops > byFile.size()) {
                problems.add(Problem.error(fileName, 0, null, "the redirects from `/" + r.from() + "` go round in a loop.",
                        "make one of them lead to a page of the site."));
            } else if (next != r) {
                e.setValue(new Redirect(r.from(), next.to(), next.title(), r.owner()));
            }
        }
    }

    /**
     * The address {@code written} as a URL relative to the site's root, or {@code null} after an
     * error: {@code /politique/x/} (from the site's root) or an absolute URL on the site's base URL;
     * a path without a file extension is a folder ({@code /x} is {@code x/}), {@code x/index.html} is {@code x/}.
     */
    private String address(String written, String file, int line, String field, String what) {
        String path;
        if (written.startsWith("https://") || written.startsWith("http://")) {
            if (config.baseUrl().isEmpty()) {
                problems.add(Problem.error(file, line, field, "`" + written + "` is a full URL, but the site has no `baseUrl` to compare it with.",
                        "write the " + what + " from the site's root (`/politique/ancien-titre/`), or set `baseUrl` in the configuration."));
                return null;
            }
            if (!onSite(written)) {
                problems.add(Problem.error(file, line, field, "`" + written + "` is not on this site (" + config.baseUrl() + ").",
                        "write the " + what + " from the site's root (`/politique/ancien-titre/`), or as a URL starting with "
                                + config.baseUrl() + "."));
                return null;
            }
            path = written.substring(written.indexOf("://") + 3);
            path = path.substring(hostAndPath(config.baseUrl()).length());
        } else if (written.startsWith("/")) {
            path = written.substring(1);
        } else {
            problems.add(Problem.error(file, line, field, "`" + written + "` is neither a path from the site's root nor a URL.",
                    "start the " + what + " with `/` (`/politique/ancien-titre/`), or write the full URL on the site's baseUrl."));
            return null;
        }
        int cut = indexOfAny(path, "?#");
        if (cut >= 0 && what.startsWith("old")) {
            problems.add(Problem.error(file, line, field, "`" + written + "` has a query or a fragment; a static site cannot redirect by them.",
                    "write the " + what + "'s path only, without `?…` or `#…`."));
            return null;
        }
        String fragment = cut < 0 ? "" : path.substring(cut);
        path = cut < 0 ? path : path.substring(0, cut);
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = null;
        }
        if (decoded == null || !PATH.matcher(path).matches() || path.contains("//") || decoded.contains("\\")
                || decoded.chars().anyMatch(c -> c <= ' ' || c == '"' || c == 0x7f || Character.isSpaceChar(c) || Character.isISOControl(c))
                || List.of(decoded.split("/")).stream().anyMatch(s -> s.equals("..") || s.equals(".") || s.startsWith("."))) {
            problems.add(Problem.error(file, line, field, "`" + written + "` is not a usable address in the site.",
                    "use letters, digits, `-`, `_`, `.` and `/` (percent escapes allowed), without spaces, `..` or hidden names."));
            return null;
        }
        String name = decoded.substring(decoded.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        if (what.startsWith("old") && name.indexOf('.') >= 0 && !name.endsWith(".html") && !name.endsWith(".htm")) {
            // Hosts serve `x.php` or `feed.xml` by their type, not as HTML: a redirect page there would
            // not be followed, and could take the place of a feed or sitemap.
            problems.add(Problem.error(file, line, field, "`" + written + "` is not a page address: a redirect page is HTML, "
                            + "so it can only stand at a folder (`/x/`) or an `.html` file.",
                    "redirect that address in the host's own configuration, or remove it."));
            return null;
        }
        if (decoded.endsWith("/index.html") || decoded.equals("index.html")) {
            decoded = decoded.substring(0, decoded.length() - "index.html".length());
        } else if (!decoded.isEmpty() && !decoded.endsWith("/") && decoded.substring(decoded.lastIndexOf('/') + 1).indexOf('.') < 0) {
            decoded = decoded + "/";
        }
        // Kept as every URL of the site is: percent-encoded (SiteUrls), the file on disk decoded.
        return UrlPaths.encode(decoded) + fragment;
    }

    private boolean onSite(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        String site = hostAndPath(config.baseUrl());
        return rest.equals(site.substring(0, site.length() - 1)) || rest.startsWith(site);
    }

    /** {@code gazette.example.ma/news/} for {@code https://gazette.example.ma/news/}. */
    private static String hostAndPath(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getRawAuthority() + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    }

    /** The file of a URL relative to the site's root, its fragment left out. */
    private static String pageFile(String url) {
        int hash = url.indexOf('#');
        return SiteUrls.file(hash < 0 ? url : url.substring(0, hash));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The site's path on its host ({@code /} or {@code /news/}), which {@code _redirects} and nginx see. */
    static String sitePath(SiteConfig config) {
        if (config.baseUrl().isEmpty()) {
            return "/";
        }
        String p = URI.create(config.baseUrl()).getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    /**
     * The {@code _redirects} file of Netlify and Cloudflare Pages: {@code /old/ /new/ 301} a line,
     * paths from the host's root.
     */
    public static String netlify(SiteConfig config, List<Redirect> redirects) {
        String base = sitePath(config);
        StringBuilder out = new StringBuilder("# Written by Gazette: old addresses and where they moved (301).\n");
        for (Redirect r : redirects) {
            out.append(base).append(r.from()).append(' ').append(r.internal() ? base + r.to() : r.to()).append(" 301\n");
        }
        return out.toString();
    }

    /**
     * An nginx {@code map} from the request's path to its new address; include it in the
     * {@code http} block, and in the {@code server} block:
     * {@code if ($gazette_redirect) { return 301 $gazette_redirect; }}.
     */
    public static String nginx(SiteConfig config, List<Redirect> redirects) {
        String base = sitePath(config);
        StringBuilder out = new StringBuilder("# Written by Gazette: include in nginx's http block; in the server block:\n"
                + "#   if ($gazette_redirect) { return 301 $gazette_redirect; }\n"
                + "map $uri $gazette_redirect {\n    default \"\";\n");
        for (Redirect r : redirects) {
            // nginx's $uri is decoded; the new address is sent as a Location header, so it stays encoded.
            String to = r.internal() ? base + r.to() : r.to();
            String from = UrlPaths.decode(base + r.from());
            out.append("    ").append(quoted(from)).append(' ').append(quoted(to)).append(";\n");
            if (r.from().endsWith("/")) {
                out.append("    ").append(quoted(from + "index.html")).append(' ').append(quoted(to)).append(";\n");
            }
        }
        return out.append("}\n").toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }

    /** Pages' owners by file: a helper for callers that have the jobs. */
    public static Map<String, String> owners(List<PageJob> jobs, Iterable<String> otherFiles, String otherOwner) {
        Map<String, String> owners = new HashMap<>(jobs.size() * 2);
        for (String f : otherFiles) {
            owners.put(f, otherOwner);
        }
        for (PageJob job : jobs) {
            owners.putIfAbsent(job.file(), job.owner());
        }
        return owners;
    }
}
