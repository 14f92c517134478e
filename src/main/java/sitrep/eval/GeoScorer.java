package sitrep.eval;

import sitrep.geo.Geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pairs predicted toponyms with gold ones, document by document, and scores recognition and resolution
 * the way Gritta et al. ("What's missing in geographical parsing?", 2017; "A pragmatic guide to geoparsing
 * evaluation", 2019) do: precision, recall and F1 over toponyms; and, on the gold toponyms that were
 * recognised, the distance between predicted and gold coordinates.
 */
public final class GeoScorer {
    /** Half the Earth's circumference: the largest possible error, which normalises AUC. */
    public static final double MAX_ERROR_KM = 20039;

    /** How a prediction is paired with a gold toponym; each toponym is used at most once. */
    public enum MatchRule {
        /** Spans overlap by at least one character; among several, the one with most overlap wins. */
        OVERLAP,
        /**
         * The rule of the published scorer: the same text ignoring case, and span centres less than 10
         * characters apart (which absorbs small offset shifts in web-service outputs); the first such wins.
         */
        GRITTA,
        /**
         * The same text ignoring case anywhere in the article: the published scorer's rule for systems whose
         * offsets are unreliable (it uses it for Topocluster).
         */
        NAME
    }

    /** A gold toponym, the prediction paired with it, and the resolution error (km). */
    public record Matched(int document, GeoAnnotation gold, GeoAnnotation predicted, double errorKm) {
    }

    /** A toponym one side has and the other lacks: a missed gold toponym or a spurious prediction. */
    public record Unmatched(int document, GeoAnnotation toponym) {
    }

    /** The pairing of a whole corpus. */
    public record Matching(List<Matched> matched, List<Unmatched> missed, List<Unmatched> spurious) {
        public Matching {
            matched = List.copyOf(matched);
            missed = List.copyOf(missed);
            spurious = List.copyOf(spurious);
        }

        public GeoScores scores() {
            double[] errors = new double[matched.size()];
            for (int i = 0; i < errors.length; i++) errors[i] = matched.get(i).errorKm();
            return GeoScores.of(matched.size(), spurious.size(), missed.size(), errors);
        }
    }

    private GeoScorer() {
    }

    /**
     * Pairs {@code predicted.get(d)} with {@code gold.get(d)} for each document d (lists of equal length).
     * A matched prediction without coordinates counts as the largest possible error.
     */
    public static Matching match(List<List<GeoAnnotation>> gold, List<List<GeoAnnotation>> predicted, MatchRule rule) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " documents, predictions " + predicted.size());
        }
        List<Matched> matched = new ArrayList<>();
        List<Unmatched> missed = new ArrayList<>(), spurious = new ArrayList<>();
        for (int d = 0; d < gold.size(); d++) {
            List<GeoAnnotation> left = new ArrayList<>(predicted.get(d));
            for (GeoAnnotation g : gold.get(d)) {
                int k = switch (rule) {
                    case OVERLAP -> bestOverlap(g, left);
                    case GRITTA -> firstSameText(g, left, 10);
                    case NAME -> firstSameText(g, left, Double.POSITIVE_INFINITY);
                };
                if (k < 0) {
                    missed.add(new Unmatched(d, g));
                    continue;
                }
                GeoAnnotation p = left.remove(k);
                double error = p.hasCoordinates() ? Geo.distanceKm(g.lat(), g.lon(), p.lat(), p.lon()) : MAX_ERROR_KM;
                matched.add(new Matched(d, g, p, error));
            }
            for (GeoAnnotation p : left) spurious.add(new Unmatched(d, p));
        }
        return new Matching(matched, missed, spurious);
    }

    private static int bestOverlap(GeoAnnotation g, List<GeoAnnotation> candidates) {
        int best = -1, bestOverlap = 0;
        for (int i = 0; i < candidates.size(); i++) {
            GeoAnnotation p = candidates.get(i);
            int overlap = Math.min(g.end(), p.end()) - Math.max(g.start(), p.start());
            if (overlap > bestOverlap) {
                best = i;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private static int firstSameText(GeoAnnotation g, List<GeoAnnotation> candidates, double maxCentreDistance) {
        String name = g.text() == null ? "" : g.text().toLowerCase(Locale.ROOT);
        for (int i = 0; i < candidates.size(); i++) {
            GeoAnnotation p = candidates.get(i);
            if (Math.abs(g.centre() - p.centre()) < maxCentreDistance && p.text() != null && p.text().toLowerCase(Locale.ROOT).equals(name)) return i;
        }
        return -1;
    }
}
