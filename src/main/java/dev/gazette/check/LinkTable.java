package dev.gazette.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the site's links lead: the target of each, and the file that answers it. Shared by the
 * threads reading pages, and thread-safe.
 *
 * <p>Most links of a generated site are the same text on thousands of pages: the menu, the tags,
 * the "most read" block, each written {@code ../../rubriques/culture/} from every article. Such a
 * link climbs to the site's root first, so where it leads depends on the page's depth only, not on
 * the page: it is resolved once per depth and remembered. Absolute and rooted links are
 * remembered as they are. A link that depends on its page ({@code page/2/}, {@code #x}) is
 * resolved each time.
 */
final class LinkTable {

    /** Links remembered at most: enough for every distinct shared link of a large site, and a bound on memory. */
    private static final int MEMO_LIMIT = 200_000;

    /**
     * Where one link leads.
     *
     * @param target where it goes
     * @param file   the file that answers it, or {@code null} when it is not internal or finds nothing
     * @param page   the index of that file among the pages, or -1 when it is no page
     */
    record Resolved(SiteAddress.Target target, String file, int page) {
    }

    private final SiteAddress address;
    private final SiteFiles files;
    private final Map<String, Integer> pageIndex;
    private final Map<String, Resolved> memo = new ConcurrentHashMap<>();

    LinkTable(SiteAddress address, SiteFiles files, Map<String, Integer> pageIndex) {
        this.address = address;
        this.files = files;
        this.pageIndex = pageIndex;
    }

    SiteAddress address() {
        return address;
    }

    /** Why the internal {@code path} finds no file, for the report. */
    String missing(String path) {
        return files.missing(path);
    }

    /** Where {@code raw}, written in the page or file {@code page}, leads. */
    Resolved resolve(String page, String raw) {
        String key = key(page, raw);
        if (key == null) {
            return compute(page, raw);
        }
        Resolved known = memo.get(key);
        if (known != null) {
            return known;
        }
        Resolved r = compute(page, raw);
        if (memo.size() < MEMO_LIMIT) {
            memo.putIfAbsent(key, r);
        }
        return r;
    }

    private Resolved compute(String page, String raw) {
        SiteAddress.Target target = address.resolve(page, raw);
        if (!(target instanceof SiteAddress.Internal internal)) {
            return new Resolved(target, null, -1);
        }
        String file = files.lookup(internal.path());
        Integer index = file == null ? null : pageIndex.get(file);
        return new Resolved(target, file, index == null ? -1 : index);
    }

    /**
     * The key under which {@code raw} leads the same place from every page like {@code page}, or
     * {@code null} when where it leads depends on the page itself.
     */
    static String key(String page, String raw) {
        if (raw.startsWith("/") || raw.startsWith("http:") || raw.startsWith("https:")) {
            return raw; // rooted or absolute: the same from everywhere ("//host" starts with "/" too)
        }
        int depth = 0;
        for (int i = page.indexOf('/'); i >= 0; i = page.indexOf('/', i + 1)) {
            depth++;
        }
        if (depth == 0 || !raw.regionMatches(0, "../".repeat(depth), 0, 3 * depth)) {
            return null;
        }
        return depth + "\u0000" + raw;
    }
}
