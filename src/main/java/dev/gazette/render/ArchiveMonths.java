package dev.gazette.render;

import dev.gazette.index.SiteIndex;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive, month by month: the runs of the index's articles (newest first) published in one
 * month of the site's time zone. News sites archive by month because a month's page only changes
 * while that month's articles are published, where an archive paginated by count shifts every one
 * of its pages at each publish.
 */
final class ArchiveMonths {

    /**
     * One month of the archive.
     *
     * @param month the month
     * @param first the index position of its newest article
     * @param count how many articles it has (positions {@code first} to {@code first + count - 1})
     */
    record Month(YearMonth month, int first, int count) {
    }

    private ArchiveMonths() {
    }

    /** The months that have articles, newest first. */
    static List<Month> of(SiteIndex index, ZoneId zone) {
        List<Month> months = new ArrayList<>();
        YearMonth current = null;
        int first = 0;
        for (int i = 0; i < index.size(); i++) {
            YearMonth m = YearMonth.from(index.article(i).date().withZoneSameInstant(zone));
            if (!m.equals(current)) {
                if (current != null) {
                    months.add(new Month(current, first, i - first));
                }
                current = m;
                first = i;
            }
        }
        if (current != null) {
            months.add(new Month(current, first, index.size() - first));
        }
        return months;
    }
}
