package dev.gazette.related;

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
            int[] before = LatentSpace.sample(Arrays.copyOf(all, n));
            int[] after = LatentSpace.sample(Arrays.copyOf(all, n + 1));
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
}
