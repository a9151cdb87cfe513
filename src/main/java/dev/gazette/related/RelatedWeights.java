package dev.gazette.related;

/**
 * How the signals are blended.
 *
 * @param keywords     weight of the keyword similarity (cosine of rarity-weighted keyword sets, 0..1)
 * @param group        weight of being in the same group
 * @param time         weight of nearness in time
 * @param timeScaleDays the age difference, in days, at which the time signal has fallen to 1/e
 * @param window       candidates taken from each posting list, nearest in time first; bounds the
 *                     work per document whatever the archive's size
 */
public record RelatedWeights(double keywords, double group, double time, double timeScaleDays, int window) {

    public RelatedWeights {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
    }

    public static RelatedWeights defaults() {
        return new RelatedWeights(1.0, 0.15, 0.1, 30, 150);
    }
}
