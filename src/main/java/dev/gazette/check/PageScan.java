package dev.gazette.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads one page into the facts the checks need — its title, its ids, where its links go — and
 * the problems it shows on its own (a link to a missing file, an image without {@code alt}, a
 * broken anchor within the page). The document is dropped once read.
 */
final class PageScan {

    /** How a reference is used: a link readers follow, an image, or another resource the page loads. */
    enum Use { NAVIGATION, IMAGE, RESOURCE }

    /** What every page's scan shares: read-only once the scans start. */
    record Context(LinkTable links) {
    }

    /**
     * A link to an anchor in another page, checked once every page's ids are known.
     *
     * @param page     the index of the target page
     * @param fragment the decoded fragment
     * @param raw      the link as written
     */
    record Anchor(int page, String fragment, String raw) {
    }

    /**
     * The facts of one page.
     *
     * @param path        the page, relative to the site's root
     * @param title       its {@code <title>}, or empty
     * @param ids         its element ids and {@code <a name>}s, sorted
     * @param links       the pages its navigation links lead to, by index, without repeats
     * @param anchors     links to anchors in other pages
     * @param findings    what is wrong with it alone
     * @param references  references followed inside the site
     * @param external    outside links, without repeats
     * @param redirect    whether it is a redirect page ({@code <meta http-equiv="refresh">} at once to
     *                    another address): an old address kept for outside links, so neither an
     *                    orphan nor a title of its own
     */
    record Facts(String path, String title, String[] ids, int[] links, List<Anchor> anchors, List<Finding> findings,
                 int references, Set<String> external, boolean redirect) {

        boolean hasId(String id) {
            return Arrays.binarySearch(ids, id) >= 0;
        }
    }

    private final Context ctx;
    private final String path;
    private final Set<String> ids = new HashSet<>();
    private final Set<Integer> links = new LinkedHashSet<>();
    private final Set<Anchor> anchors = new LinkedHashSet<>();
    /** Anchors within the page itself: checked once the whole page is read. */
    private final Set<Anchor> ownAnchors = new LinkedHashSet<>();
    private final Set<Finding> findings = new LinkedHashSet<>();
    private final Set<String> external = new HashSet<>();
    private int references;
    private boolean redirect;

    private PageScan(Context ctx, String path) {
        this.ctx = ctx;
        this.path = path;
    }

    /** Reads the page {@code path} of the site in {@code root}; a page that cannot be read is a finding, never an exception. */
    static Facts scan(Path root, String path, Context ctx) {
        Document doc;
        try {
            // No charset given: jsoup follows the byte-order mark or <meta charset>, else UTF-8, as browsers do.
            doc = Jsoup.parse(root.resolve(path).toFile(), null);
        } catch (IOException | RuntimeException e) {
            Finding f = new Finding(Finding.Kind.UNREADABLE_FILE, path, "", "cannot read the page: " + e.getMessage());
            return new Facts(path, "", new String[0], new int[0], List.of(), List.of(f), 0, Set.of(), false);
        }
        return new PageScan(ctx, path).read(doc);
    }

    private Facts read(Document doc) {
        for (Element e : doc.getAllElements()) {
            String id = e.id();
            if (!id.isEmpty()) {
                ids.add(id);
            }
            switch (e.normalName()) {
                case "a" -> {
                    if (e.hasAttr("name")) {
                        ids.add(e.attr("name"));
                    }
                    if (!isShareLink(e.attr("href"))) {
                        reference(e, "href", Use.NAVIGATION);
                    }
                }
                case "area" -> reference(e, "href", Use.NAVIGATION);
                case "link" -> link(e);
                case "img" -> {
                    reference(e, "src", Use.IMAGE);
                    srcset(e);
                    if (!e.hasAttr("alt")) {
                        findings.add(new Finding(Finding.Kind.MISSING_ALT, path, e.attr("src"),
                                "add alt=\"…\" saying what it shows, or alt=\"\" if it is only decoration"));
                    }
                }
                case "source" -> {
                    boolean picture = e.parent() != null && e.parent().normalName().equals("picture");
                    reference(e, "src", picture ? Use.IMAGE : Use.RESOURCE);
                    srcset(e);
                }
                case "script", "iframe", "audio", "embed", "track" -> reference(e, "src", Use.RESOURCE);
                case "video" -> {
                    reference(e, "src", Use.RESOURCE);
                    reference(e, "poster", Use.IMAGE);
                }
                case "meta" -> meta(e);
                default -> {
                }
            }
        }
        String[] sortedIds = ids.toArray(String[]::new);
        Arrays.sort(sortedIds);
        for (Anchor a : ownAnchors) {
            if (Arrays.binarySearch(sortedIds, a.fragment()) < 0 && !scrollsToTop(a.fragment())) {
                findings.add(brokenAnchor(path, a.raw(), a.fragment(), path));
            }
        }
        return new Facts(path, doc.title(), sortedIds, links.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(anchors),
                List.copyOf(findings), references, Set.copyOf(external), redirect);
    }

    private void link(Element e) {
        String rel = " " + e.attr("rel").toLowerCase(Locale.ROOT) + " ";
        if (rel.contains(" preconnect ") || rel.contains(" dns-prefetch ")) {
            return; // an origin to warm up, not a document
        }
        reference(e, "href", rel.contains(" icon ") || rel.contains(" apple-touch-icon ") ? Use.IMAGE : Use.RESOURCE);
    }

    /**
     * The share pages of social networks (the default theme's share links): forms to fill in, not
     * documents. They answer robots with a login page or a refusal, and there is one per article,
     * so trying them would only slow {@code --external} down and knock at those hosts' doors.
     */
    private static final List<String> SHARE_ENDPOINTS = List.of("https://www.facebook.com/sharer/", "https://x.com/intent/",
            "https://twitter.com/intent/", "https://www.linkedin.com/sharing/", "https://wa.me/?", "https://api.whatsapp.com/send");

    static boolean isShareLink(String href) {
        for (String prefix : SHARE_ENDPOINTS) {
            if (href.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Social cards: the image and the page's own address, written as absolute URLs. */
    private void meta(Element e) {
        if (e.attr("http-equiv").equalsIgnoreCase("refresh")) {
            refresh(e.attr("content"));
            return;
        }
        String key = (e.hasAttr("property") ? e.attr("property") : e.attr("name")).toLowerCase(Locale.ROOT);
        switch (key) {
            case "og:image", "og:image:url", "og:image:secure_url", "twitter:image" -> reference(e, "content", Use.IMAGE);
            case "og:url" -> reference(e, "content", Use.RESOURCE);
            default -> {
            }
        }
    }

    /**
     * {@code <meta http-equiv="refresh" content="0; url=…">}: its target is a link that must work, and
     * a refresh within a second makes the page a redirect.
     */
    private void refresh(String content) {
        java.util.regex.Matcher m = REFRESH.matcher(content);
        if (!m.matches()) {
            return;
        }
        String url = m.group(2).strip();
        if (url.length() >= 2 && (url.charAt(0) == '\'' || url.charAt(0) == '"') && url.charAt(url.length() - 1) == url.charAt(0)) {
            url = url.substring(1, url.length() - 1);
        }
        if (!url.isEmpty()) {
            check(url, Use.RESOURCE);
            redirect |= Double.parseDouble(m.group(1)) < 1;
        }
    }

    private static final java.util.regex.Pattern REFRESH = java.util.regex.Pattern.compile(
            "(?is)\\s*(\\d+(?:\\.\\d*)?)\\s*[;,]\\s*(?:url\\s*=\\s*)?(.*)");

    /** Every candidate of a {@code srcset}: URLs followed by width or density descriptors, separated by commas. */
    private void srcset(Element e) {
        if (!e.hasAttr("srcset")) {
            return;
        }
        for (String url : srcsetUrls(e.attr("srcset"))) {
            check(url, Use.IMAGE);
        }
    }

    /** The URLs of a {@code srcset}, parsed as the HTML standard does (a URL may hold commas, but not end with one). */
    static List<String> srcsetUrls(String srcset) {
        List<String> urls = new ArrayList<>();
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(srcset.charAt(i))) {
                i++;
            }
            String url = srcset.substring(start, i);
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                int depth = 0;
                while (i < n && (srcset.charAt(i) != ',' || depth > 0)) {
                    depth += srcset.charAt(i) == '(' ? 1 : srcset.charAt(i) == ')' ? -1 : 0;
                    i++;
                }
            }
            if (!url.isEmpty()) {
                urls.add(url);
            }
        }
        return urls;
    }

    private void reference(Element e, String attribute, Use use) {
        if (e.hasAttr(attribute)) {
            check(e.attr(attribute), use);
        }
    }

    private void check(String raw, Use use) {
        LinkTable.Resolved resolved = ctx.links().resolve(path, raw);
        SiteAddress.Target target = resolved.target();
        Finding.Kind missing = use == Use.IMAGE ? Finding.Kind.MISSING_IMAGE : Finding.Kind.BROKEN_LINK;
        if (target instanceof SiteAddress.Invalid invalid) {
            findings.add(new Finding(missing, path, raw, invalid.reason()));
        } else if (target instanceof SiteAddress.External ext) {
            external.add(ext.url());
        } else if (target instanceof SiteAddress.Internal internal) {
            references++;
            if (resolved.file() == null) {
                findings.add(new Finding(missing, path, raw, ctx.links().missing(internal.path())));
                return;
            }
            int page = resolved.page();
            if (page >= 0 && use == Use.NAVIGATION) {
                links.add(page);
            }
            String fragment = internal.fragment();
            if (page >= 0 && fragment != null && !fragment.isEmpty() && !fragment.startsWith(":~:")) {
                Anchor a = new Anchor(page, fragment, raw);
                (resolved.file().equals(path) ? ownAnchors : anchors).add(a);
            }
        }
    }

    /** The HTML standard scrolls to the top for {@code #top} even when no element has that id. */
    static boolean scrollsToTop(String fragment) {
        return fragment.equalsIgnoreCase("top");
    }

    static Finding brokenAnchor(String page, String raw, String fragment, String target) {
        return new Finding(Finding.Kind.BROKEN_ANCHOR, page, raw, "no element with id \"" + fragment + "\" in " + target);
    }
}
