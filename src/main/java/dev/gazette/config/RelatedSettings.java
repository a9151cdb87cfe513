package dev.gazette.config;

/**
 * How related content is ranked (the {@code related:} section of {@code site.yml}).
 *
 * @param textWeight    weight of text similarity of title, lead and body (0..1 before weighting)
 * @param tagWeight     weight of shared tags, rare tags counting more (0..1 before weighting)
 * @param rubricWeight  weight of being in the same rubric
 * @param timeWeight    weight of nearness in time: the share by which it raises the other signals' sum at most
 *                      (a tie-breaker: 0.1 lifts a same-day article by 10% over an equally related old one)
 * @param timeScaleDays age difference, in days, at which nearness in time has fallen to 1/e of its weight
 * @param minScore      articles whose text and tag shares add up to less than this are not shown as related
 *                      (a rubric and a date in common only order articles that are related)
 * @param windowDays    articles further apart than this many days are never related; 0 for no limit
 */
public record RelatedSettings(double textWeight, double tagWeight, double rubricWeight, double timeWeight,
                              double timeScaleDays, double minScore, int windowDays) {

    /**
     * Defaults for a newsroom: what the text says counts most, tags confirm it, the rubric and
     * recency break near-ties (a story's follow-ups first), and a match needs some real topical
     * evidence: one widely used tag in common is not enough.
     */
    public static RelatedSettings defaults() {
        return new RelatedSettings(1.0, 0.5, 0.1, 0.1, 30, 0.05, 0);
    }
}
