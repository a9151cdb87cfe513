package dev.gazette.web;

import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes a sitemaps.org 0.9 sitemap as entries arrive, in constant memory: one file while it holds
 * at most 50,000 URLs and 50 MB, else numbered parts ({@code sitemap-1.xml}, {@code sitemap-2.xml}…)
 * under a sitemap index that takes the sitemap's own name. Each full part goes to the {@link Sink} as
 * soon as it is complete; only the part being filled is held in memory.
 *
 * <p>Call {@link #url} (or, for extensions, {@link #entry}) for each page in a stable order, then
 * {@link #finish()}.
 */
public final class SitemapWriter {

    public static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** The protocol's limits per file. */
    public static final int MAX_URLS = 50_000;
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /**
     * Room kept free in a part for one more entry and the closing tag: a part is closed once fewer
     * bytes than this remain below the limit. URLs longer than the protocol's 2,048 characters are
     * not written (see {@link #fits}), so no entry comes near it.
     */
    static final int RESERVE = 16 * 1024;
    /** The longest URL the protocol accepts. */
    public static final int MAX_URL_LENGTH = 2_048;

    private final Sink sink;
    private final String baseUrl;
    private final String name;
    private final int maxUrls;
    private final long maxBytes;
    private final Map<String, String> namespaces;

    private ByteArrayOutputStream bytes;
    private XmlOut xml;
    private int inPart;
    private ZonedDateTime partLastmod;
    /** The first part, held back until it is known whether it is the only one (then it takes the plain name). */
    private byte[] firstPart;
    private final List<ZonedDateTime> partLastmods = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private long urls;

    /**
     * @param sink       where the files go
     * @param baseUrl    the site's absolute URL, ending with {@code /}: the index links parts with it
     * @param name       the file name without {@code .xml} ({@code sitemap}, {@code news-sitemap})
     * @param maxUrls    URLs per file, at most {@link #MAX_URLS}
     * @param maxBytes   bytes per file, at most {@link #MAX_BYTES}
     * @param namespaces extension namespaces to declare, by prefix (e.g. {@code news})
     */
    public SitemapWriter(Sink sink, String baseUrl, String name, int maxUrls, long maxBytes, Map<String, String> namespaces) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.name = Objects.requireNonNull(name, "name");
        if (maxUrls < 1 || maxUrls > MAX_URLS || maxBytes < 2L * RESERVE || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("limits out of the protocol's range: " + maxUrls + " URLs, " + maxBytes + " bytes");
        }
        this.maxUrls = maxUrls;
        this.maxBytes = maxBytes;
        this.namespaces = Map.copyOf(namespaces);
    }

    /** A plain sitemap with the protocol's limits. */
    public static SitemapWriter standard(Sink sink, String baseUrl) {
        return new SitemapWriter(sink, baseUrl, "sitemap", MAX_URLS, MAX_BYTES, Map.of());
    }

    /** Whether {@code loc} can be listed: an absolute URL within the protocol's length. */
    public static boolean fits(String loc) {
        return loc.length() <= MAX_URL_LENGTH && (loc.startsWith("https://") || loc.startsWith("http://"));
    }

    /** Lists a page: its absolute URL and last change ({@code null} when unknown). */
    public void url(String loc, ZonedDateTime lastmod) {
        entry(loc, lastmod, x -> {
            if (lastmod != null) {
                x.leaf("lastmod", FeedWriter.iso(lastmod));
            }
        });
    }

    /**
     * Lists a page with extension elements: {@code body} writes what follows {@code <loc>}.
     * {@code lastmod} dates the part in the index. A URL that does not {@link #fits fit} is skipped.
     */
    void entry(String loc, ZonedDateTime lastmod, Consumer<XmlOut> body) {
        if (!fits(loc)) {
            return;
        }
        if (xml != null && (inPart >= maxUrls || bytes.size() > maxBytes - RESERVE)) {
            closePart();
        }
        if (xml == null) {
            openPart();
        }
        xml.start("url");
        xml.leaf("loc", loc);
        body.accept(xml);
        xml.end();
        xml.flush();
        inPart++;
        urls++;
        if (lastmod != null && (partLastmod == null || lastmod.isAfter(partLastmod))) {
            partLastmod = lastmod;
        }
    }

    private void openPart() {
        bytes = new ByteArrayOutputStream(64 * 1024);
        xml = XmlOut.open(bytes);
        xml.start("urlset").namespace("", NS);
        namespaces.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> xml.namespace(e.getKey(), e.getValue()));
        inPart = 0;
        partLastmod = null;
    }

    private void closePart() {
        xml.close();
        byte[] part = bytes.toByteArray();
        partLastmods.add(partLastmod);
        if (partLastmods.size() == 1) {
            firstPart = part;
        } else {
            if (firstPart != null) {
                emit(partName(1), firstPart);
                firstPart = null;
            }
            emit(partName(partLastmods.size()), part);
        }
        xml = null;
        bytes = null;
    }

    /**
     * Writes what is pending and, when there are several parts, the index. Returns the files
     * written, the entry point (the index, or the only part) first. Nothing is written when no URL
     * was listed: an empty {@code urlset} is not a valid sitemap.
     */
    public List<String> finish() {
        if (xml != null) {
            closePart();
        }
        if (partLastmods.isEmpty()) {
            return List.of();
        }
        if (partLastmods.size() == 1) {
            emit(name + ".xml", firstPart);
            firstPart = null;
            return List.copyOf(written);
        }
        ByteArrayOutputStream index = new ByteArrayOutputStream(256 + partLastmods.size() * 160);
        try (XmlOut x = XmlOut.open(index)) {
            x.start("sitemapindex").namespace("", NS);
            for (int i = 0; i < partLastmods.size(); i++) {
                x.start("sitemap");
                x.leaf("loc", baseUrl + partName(i + 1));
                if (partLastmods.get(i) != null) {
                    x.leaf("lastmod", FeedWriter.iso(partLastmods.get(i)));
                }
                x.end();
            }
        }
        emit(name + ".xml", index.toByteArray());
        List<String> files = new ArrayList<>(written.size());
        files.add(written.get(written.size() - 1));
        files.addAll(written.subList(0, written.size() - 1));
        return files;
    }

    /** URLs listed so far. */
    public long urls() {
        return urls;
    }

    private String partName(int n) {
        return name + "-" + n + ".xml";
    }

    private void emit(String file, byte[] content) {
        sink.write(file, content);
        written.add(file);
    }
}
