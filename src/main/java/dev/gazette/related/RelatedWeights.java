package dev.gazette.related;

/**
 * How the signals are blended, and what is left out.
 *
 * @param text          weight of text similarity (cosine of TF-IDF vectors of title, lead, body and names, mixed
 *                      with latent semantic features, 0..1)
 * @param keywords      weight of keyword similarity (cosine of rarity-weighted keyword sets, 0..1)
 * @param group         weight of being in the same group
 * @param time          weight of nearness in time, as a share of the other signals' sum: a tie-breaker that can
 *                      raise a match's score by at most this fraction, and never relates articles by itself
 * @param timeScaleDays the age difference, in days, at which the time signal has fallen to 1/e
 * @param minScore      matches whose text and keyword shares add up to less than this are dropped
 * @param windowDays    documents further apart in time than this are never related; 0 for no limit
 */
public record RelatedWeights(double text, double keywords, double group, double time, double timeScaleDays,
                             double minScore, int windowDays) {

    public RelatedWeights {
        if (text < 0 || keywords < 0 || group < 0 || time < 0 || minScore < 0) {
            throw new IllegalArgumentException("weights and minimum score must not be negative");
        }
        if (timeScaleDays <= 0) {
            throw new IllegalArgumentException("timeScaleDays must be above 0");
        }
        if (windowDays < 0) {
            throw new IllegalArgumentException("windowDays must not be negative");
        }
    }
}
