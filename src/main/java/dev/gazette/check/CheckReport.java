package dev.gazette.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SiteCheck#check} found.
 *
 * @param findings      every problem, grouped by file (in path order), each file's in the order found
 * @param pages         HTML pages read
 * @param dataFiles     feeds, sitemaps and other XML or JSON files read
 * @param links         links, images and other references followed inside the site
 * @param externalLinks distinct outside links found (tried only with {@link CheckOptions#external()})
 * @param baseUrl       the site's address the links were read against, or empty when unknown
 * @param elapsedMillis wall time of the check
 */
public record CheckReport(List<Finding> findings, int pages, int dataFiles, long links, int externalLinks, String baseUrl,
                          long elapsedMillis) {

    public CheckReport {
        findings = List.copyOf(findings);
    }

    /** Findings that make the check fail. */
    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    /** Findings worth a look that do not make the check fail. */
    public long warnings() {
        return findings.size() - errors();
    }

    /** Whether nothing is broken (warnings allowed). */
    public boolean passed() {
        return errors() == 0;
    }

    /** How many findings of each kind, in the kinds' order; kinds not found are left out. */
    public Map<Finding.Kind, Integer> counts() {
        Map<Finding.Kind, Integer> counts = new EnumMap<>(Finding.Kind.class);
        for (Finding f : findings) {
            counts.merge(f.kind(), 1, Integer::sum);
        }
        return counts;
    }
}
