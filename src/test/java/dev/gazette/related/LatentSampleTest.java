package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatentSampleTest {

    private static long[] keys(int n) {
        return IntStream.range(0, n).mapToLong(i -> LatentSpace.seed("articles/" + i + ".md")).toArray();
    }

    /**
     * Publishing an article must not refit the latent space on other documents: that moved every
     * related list of a 100,000-article archive (the step was n / SAMPLE rounded up, 25 then 26).
     */
    @Test
    void oneMoreArticleKeepsTheSampleExceptWhenTheArchiveDoubles() {
        long[] all = keys(300_000);
        int changes = 0;
        for (int n : new int[] {10, 3_999, 4_000, 4_001, 7_999, 8_000, 8_001, 9_999, 10_000, 24_999, 25_000, 99_999, 100_000,
                128_000, 199_999, 250_000}) {
            // Undated (all of one instant): the whole archive is sampled.
            int[] before = LatentSpace.sample(Arrays.copyOf(all, n), new long[n]);
            int[] after = LatentSpace.sample(Arrays.copyOf(all, n + 1), new long[n + 1]);
            int[] expected = after.length > 0 && after[after.length - 1] == n ? Arrays.copyOf(after, after.length - 1) : after;
            if (!Arrays.equals(before, expected)) {
                changes++;
                assertTrue(n % LatentSpace.SAMPLE == 0 && Integer.bitCount(n / LatentSpace.SAMPLE) == 1,
                        "the sample changed at " + n + " articles, which is not a doubling");
            }
            assertTrue(after.length <= LatentSpace.SAMPLE, "at most SAMPLE documents at " + (n + 1));
            assertTrue(n + 1 < LatentSpace.SAMPLE ? after.length == n + 1 : after.length > LatentSpace.SAMPLE / 3,
                    after.length + " documents of " + (n + 1));
        }
        assertEquals(3, changes, "at 4,000, 8,000 and 128,000 articles");
    }

    /** An article every 37 minutes from 2020-01-01 (UTC), in order: {@code n} of them. */
    private static long[] dates(int n) {
        return IntStream.range(0, n).mapToLong(i -> 1_577_836_800L + 37L * 60 * i).toArray();
    }

    /**
     * A new article is the newest: it must not join the sample, or one publish in four (at 10,000
     * articles) moved every weight and so every related list. Only the month's turn changes it.
     */
    @Test
    void newArticlesAndThisMonthsEditsLeaveTheSampleAsItWas() {
        int n = 10_000;
        long[] keys = keys(n + 200);
        long[] dates = dates(n + 200);
        int[] sample = LatentSpace.sample(Arrays.copyOf(keys, n), Arrays.copyOf(dates, n));
        long monthStart = LatentSpace.monthStart(dates[n - 1]);
        for (int d : sample) {
            assertTrue(dates[d] < monthStart, "a sampled article of the newest month: " + d);
        }
        assertTrue(sample.length > LatentSpace.SAMPLE / 3 && sample.length <= LatentSpace.SAMPLE, sample.length + " sampled");
        int turns = 0;
        for (int more = 1; more <= 200; more++) {
            int[] after = LatentSpace.sample(Arrays.copyOf(keys, n + more), Arrays.copyOf(dates, n + more));
            boolean sameMonth = LatentSpace.monthStart(dates[n + more - 1]) == LatentSpace.monthStart(dates[n + more - 2]);
            if (sameMonth) {
                assertArrayEquals(sample, after, "article " + (n + more) + " changed the sample within a month");
            } else {
                turns++;
            }
            sample = after;
        }
        assertTrue(turns <= 1, turns + " month turns in 200 articles 37 minutes apart");
    }

    /** A young site, whose latest month holds most of its articles, is sampled whole. */
    @Test
    void aYoungSiteIsSampledWhole() {
        int n = 500;
        long[] dates = dates(n); // about 13 days: one or two months
        int[] sample = LatentSpace.sample(keys(n), dates);
        assertEquals(n, sample.length);
    }
}
