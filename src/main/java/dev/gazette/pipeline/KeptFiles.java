package dev.gazette.pipeline;

import dev.gazette.cache.PageMemo;
import dev.gazette.output.Manifest;
import dev.gazette.output.SiteOutput;
import java.util.Optional;

/**
 * Pages and feeds whose data has a fingerprint the previous build rendered: kept from the previous
 * site instead of rendered again. The one place that ties the memo of fingerprints to the output.
 */
final class KeptFiles {

    private KeptFiles() {
    }

    /**
     * Keeps {@code file} from the previous site when {@code fingerprint} (may be {@code null})
     * rendered to bytes the previous site still holds there.
     *
     * @return whether it was kept; {@code false}: render and write it, then {@link #remember} it
     */
    static boolean keep(PageMemo memo, String fingerprint, String file, SiteOutput out) {
        if (memo == null || fingerprint == null) {
            return false;
        }
        Optional<PageMemo.Output> before = memo.previous(fingerprint);
        if (before.isPresent() && out.keep(file, new Manifest.Entry(before.get().size(), before.get().hashHigh(), before.get().hashLow()))) {
            memo.record(fingerprint, before.get());
            return true;
        }
        return false;
    }

    /** Records what {@code fingerprint} (may be {@code null}) rendered to in this build. */
    static void remember(PageMemo memo, String fingerprint, Manifest.Entry written) {
        if (memo != null && fingerprint != null) {
            memo.record(fingerprint, new PageMemo.Output(written.size(), written.hashHigh(), written.hashLow()));
        }
    }
}
