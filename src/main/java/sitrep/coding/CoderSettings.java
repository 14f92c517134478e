package sitrep.coding;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The built-in coder's settings: which named rules are off, and every threshold the rules use, in one place.
 *
 * @param disabled           rules switched off (see {@link CodingRule})
 * @param minConfidence      events under this calibrated confidence are not emitted (rule min-confidence)
 * @param backgroundDays     acts dated more than this many days before publication are background (out of scope)
 * @param maxDiscoursePlaceGap a place carries over to a following sentence's act at most this many sentences later
 * @param maxQuoteSentences  a quotation attributed after its end ("...," he said) is followed back over at most
 *                           this many sentences
 * @param maxRestatementGap  an act told again with a more precise place at most this many sentences later takes that
 *                           place (rule restated-place)
 */
public record CoderSettings(Set<CodingRule> disabled, double minConfidence, int backgroundDays,
                            int maxDiscoursePlaceGap, int maxQuoteSentences, int maxRestatementGap) implements java.io.Serializable {
    /**
     * The default threshold, chosen on the development articles (../shared/eval/articles) from out-of-fold
     * probabilities (each article scored by the model fitted without it): F1 is flat from 0.25 to 0.40 there, and
     * 0.30 is the highest value at which the founding article keeps all five of its events; see README.
     */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.30;

    public CoderSettings {
        disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
        if (minConfidence < 0 || minConfidence > 1) throw new IllegalArgumentException("min confidence must be in [0, 1], got " + minConfidence);
    }

    public static CoderSettings defaults() {
        return new CoderSettings(Set.of(), DEFAULT_MIN_CONFIDENCE, 366, 1, 3, 2);
    }

    public boolean on(CodingRule rule) {
        return !disabled.contains(rule);
    }

    public CoderSettings without(Collection<CodingRule> rules) {
        Set<CodingRule> d = EnumSet.noneOf(CodingRule.class);
        d.addAll(disabled);
        d.addAll(rules);
        return new CoderSettings(d, minConfidence, backgroundDays, maxDiscoursePlaceGap, maxQuoteSentences, maxRestatementGap);
    }

    public CoderSettings withMinConfidence(double threshold) {
        return new CoderSettings(disabled, threshold, backgroundDays, maxDiscoursePlaceGap, maxQuoteSentences, maxRestatementGap);
    }
}
