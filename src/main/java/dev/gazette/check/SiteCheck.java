package dev.gazette.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Checks a built site: the front door of this package.
 *
 * <p>Every page is parsed once, in parallel, into its {@link PageScan.Facts}; then, from those
 * facts alone, anchors into other pages are checked, the pages the home page reaches are walked,
 * and titles are compared. Outside links are tried last, each distinct URL once.
 */
public final class SiteCheck {

    /** The page every crawl starts from. */
    static final String HOME = "index.html";
    /** Served for missing pages, so linked from nowhere by design. */
    static final String NOT_FOUND = "404.html";
    /** Pages named in a finding listing several, past which the rest are counted. */
    private static final int NAMED = 5;

    private SiteCheck() {
    }

    /**
     * Checks the site in {@code site}, a folder as it would be published. Writes nothing.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static CheckReport check(Path site, CheckOptions options) throws IOException {
        long start = System.nanoTime();
        SiteFiles files = SiteFiles.walk(site);
        List<String> pages = files.pages();
        Map<String, Integer> pageIndex = new HashMap<>(pages.size() * 2);
        for (int i = 0; i < pages.size(); i++) {
            pageIndex.put(pages.get(i), i);
        }
        SiteAddress address = SiteAddress.of(options.baseUrl() != null ? options.baseUrl() : canonicalOfHome(site, files));
        PageScan.Context ctx = new PageScan.Context(new LinkTable(address, files, pageIndex));

        ForkJoinPool pool = new ForkJoinPool(options.threads());
        List<PageScan.Facts> facts;
        List<DataScan.Facts> data;
        try {
            facts = inPool(pool, () -> pages.parallelStream().map(p -> PageScan.scan(site, p, ctx)).toList());
            data = inPool(pool, () -> files.dataFiles().parallelStream().map(p -> DataScan.scan(site, p, ctx)).toList());
        } finally {
            pool.shutdownNow();
        }

        List<Finding> findings = new ArrayList<>();
        long references = 0;
        for (PageScan.Facts f : facts) {
            findings.addAll(f.findings());
            references += f.references();
            for (PageScan.Anchor a : f.anchors()) {
                PageScan.Facts target = facts.get(a.page());
                if (!target.hasId(a.fragment()) && !PageScan.scrollsToTop(a.fragment())) {
                    findings.add(PageScan.brokenAnchor(f.path(), a.raw(), a.fragment(), target.path()));
                }
            }
        }
        for (DataScan.Facts d : data) {
            findings.addAll(d.findings());
            references += d.references();
        }
        findings.addAll(orphans(facts, pageIndex));
        findings.addAll(titles(facts));
        // Each outside URL once, with the pages that link to it (in path order).
        Map<String, List<String>> external = new TreeMap<>();
        for (PageScan.Facts f : facts) {
            for (String url : f.external()) {
                external.computeIfAbsent(url, u -> new ArrayList<>()).add(f.path());
            }
        }
        if (options.external()) {
            findings.addAll(external(external, options));
        }
        // Stable: each file's findings stay in the order found, files in path order.
        findings.sort(Comparator.comparing(Finding::page));
        return new CheckReport(findings, pages.size(), data.size(), references, external.size(), address.baseUrl(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The site's address as its home page states it ({@code <link rel="canonical">}), so that a
     * built site can be checked without the configuration it was built with; {@code null} when the
     * home page states none (then every link is relative, or outside).
     */
    private static String canonicalOfHome(Path site, SiteFiles files) {
        if (!files.has(HOME)) {
            return null;
        }
        try {
            Element canonical = Jsoup.parse(site.resolve(HOME).toFile(), null).selectFirst("link[rel=canonical][href]");
            return canonical == null ? null : canonical.attr("href");
        } catch (IOException e) {
            return null; // the page scan reports it
        }
    }

    /** Pages no chain of navigation links from the home page reaches (the 404 page aside). */
    private static List<Finding> orphans(List<PageScan.Facts> facts, Map<String, Integer> pageIndex) {
        Integer home = pageIndex.get(HOME);
        if (home == null) {
            return List.of(new Finding(Finding.Kind.BROKEN_LINK, HOME, "", "the site has no home page: every page is out of reach"));
        }
        boolean[] reached = new boolean[facts.size()];
        Deque<Integer> queue = new ArrayDeque<>();
        reached[home] = true;
        queue.add(home);
        while (!queue.isEmpty()) {
            for (int next : facts.get(queue.poll()).links()) {
                if (!reached[next]) {
                    reached[next] = true;
                    queue.add(next);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < reached.length; i++) {
            String path = facts.get(i).path();
            if (!reached[i] && !path.equals(NOT_FOUND) && !facts.get(i).redirect()) {
                out.add(new Finding(Finding.Kind.ORPHAN_PAGE, path, "", "no chain of links from the home page reaches it"));
            }
        }
        return out;
    }

    /** Pages sharing a {@code <title>}, one finding per title; pages without one. */
    private static List<Finding> titles(List<PageScan.Facts> facts) {
        Map<String, List<String>> byTitle = new java.util.LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (PageScan.Facts f : facts) {
            if (f.redirect()) {
                continue; // an old address: its title names the page it leads to
            }
            if (f.title().isBlank()) {
                if (!f.findings().stream().anyMatch(x -> x.kind() == Finding.Kind.UNREADABLE_FILE)) {
                    out.add(new Finding(Finding.Kind.MISSING_TITLE, f.path(), "", "readers, tabs and search results show nothing for it"));
                }
                continue;
            }
            byTitle.computeIfAbsent(f.title(), t -> new ArrayList<>()).add(f.path());
        }
        for (Map.Entry<String, List<String>> e : byTitle.entrySet()) {
            List<String> same = e.getValue();
            if (same.size() > 1) {
                out.add(new Finding(Finding.Kind.DUPLICATE_TITLE, same.get(0), "\"" + e.getKey() + "\"",
                        "also the title of " + named(same.subList(1, same.size()))));
            }
        }
        return out;
    }

    private static List<Finding> external(Map<String, List<String>> pagesByUrl, CheckOptions options) {
        Map<String, ExternalLinks.Outcome> outcomes = ExternalLinks.probe(pagesByUrl.keySet(), options.connections(), options.timeout());
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, ExternalLinks.Outcome> e : outcomes.entrySet()) {
            ExternalLinks.Outcome o = e.getValue();
            if (o.ok()) {
                continue;
            }
            List<String> pages = pagesByUrl.get(e.getKey());
            String also = pages.size() > 1 ? "; also on " + named(pages.subList(1, pages.size())) : "";
            if (o.timedOut()) {
                out.add(new Finding(Finding.Kind.UNVERIFIED_EXTERNAL_LINK, pages.get(0), e.getKey(),
                        "no answer within " + seconds(options.timeout()) + also));
            } else if (o.refused()) {
                out.add(new Finding(Finding.Kind.UNVERIFIED_EXTERNAL_LINK, pages.get(0), e.getKey(),
                        "HTTP " + o.status() + ": the server turns robots away; try it in a browser" + also));
            } else {
                out.add(new Finding(Finding.Kind.BROKEN_EXTERNAL_LINK, pages.get(0), e.getKey(),
                        (o.status() > 0 ? "HTTP " + o.status() : o.failure()) + also));
            }
        }
        return out;
    }

    private static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0)) + " s";
    }

    /** {@code a.html, b.html and 3 other pages}. */
    private static String named(List<String> pages) {
        List<String> shown = pages.subList(0, Math.min(NAMED, pages.size()));
        String names = String.join(", ", shown);
        int rest = pages.size() - shown.size();
        return rest == 0 ? names : names + " and " + rest + " other page" + (rest == 1 ? "" : "s");
    }

    private static <T> T inPool(ForkJoinPool pool, Supplier<T> work) {
        try {
            return pool.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("check interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
