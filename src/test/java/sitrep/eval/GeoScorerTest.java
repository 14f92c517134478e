package sitrep.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scorer on a tiny corpus whose metrics are worked out by hand in the comments. */
class GeoScorerTest {
    private static GeoAnnotation at(int start, int end, String text, double lat, double lon) {
        return new GeoAnnotation(start, end, text, lat, lon);
    }

    // Document 0: "Adana" is found one degree of longitude off at the equator (111.195 km), "Bursa" is missed,
    //             and "Cairo" is a spurious prediction.
    // Document 1: "Paris" is found with a span one character wider, at the right place (0 km).
    // Document 2: "Lima" is put on the antipode: half the circumference, 20015.087 km.
    private static final List<List<GeoAnnotation>> GOLD = List.of(
            List.of(at(0, 5, "Adana", 0, 0), at(10, 15, "Bursa", 10, 0)),
            List.of(at(3, 8, "Paris", 0, 0)),
            List.of(at(0, 4, "Lima", 0, 0)));
    private static final List<List<GeoAnnotation>> PREDICTED = List.of(
            List.of(at(0, 5, "Adana", 0, 1), at(20, 25, "Cairo", 30, 31)),
            List.of(at(2, 8, " Paris", 0, 0)),
            List.of(at(0, 4, "Lima", 0, 180)));

    @Test
    void recognitionAndResolutionByHand() {
        GeoScores s = GeoScorer.match(GOLD, PREDICTED, GeoScorer.MatchRule.OVERLAP).scores();
        // tp 3 (Adana, Paris, Lima), fp 1 (Cairo), fn 1 (Bursa): P = R = F1 = 3/4.
        assertEquals(3, s.truePositives());
        assertEquals(1, s.falsePositives());
        assertEquals(1, s.falseNegatives());
        assertEquals(0.75, s.precision(), 1e-12);
        assertEquals(0.75, s.recall(), 1e-12);
        assertEquals(0.75, s.f1(), 1e-12);
        // Errors 0, 111.195 and 20015.087 km: two of three within 161 km; mean 6708.76; median 111.195.
        assertEquals(2.0 / 3, s.accuracy161(), 1e-12);
        assertEquals(6708.76, s.meanKm(), 0.01);
        assertEquals(111.195, s.medianKm(), 0.001);
        // AUC: trapezoids over the sorted ln(1 + error) = 0, 4.7202, 9.9043 with unit spacing, over ln(20039) * (3 - 1):
        // ((0 + 4.7202) / 2 + (4.7202 + 9.9043) / 2) / (9.9054 * 2) = 0.48824.
        assertEquals(0.48824, s.auc(), 1e-5);
    }

    @Test
    void grittaRuleNeedsTheSameTextAndCloseCentres() {
        // Document 1's prediction " Paris" differs in text, so under the published rule it is both spurious and missed.
        GeoScores s = GeoScorer.match(GOLD, PREDICTED, GeoScorer.MatchRule.GRITTA).scores();
        assertEquals(2, s.truePositives());
        assertEquals(2, s.falsePositives());
        assertEquals(2, s.falseNegatives());

        List<List<GeoAnnotation>> gold = List.of(List.of(at(100, 110, "Alexandria", 31, -92)));
        // Case is ignored; a centre 9.5 characters away still matches, 10 away does not.
        assertEquals(1, GeoScorer.match(gold, List.of(List.of(at(109, 120, "ALEXANDRIA", 31, -92))), GeoScorer.MatchRule.GRITTA)
                .scores().truePositives());
        assertEquals(0, GeoScorer.match(gold, List.of(List.of(at(110, 120, "Alexandria", 31, -92))), GeoScorer.MatchRule.GRITTA)
                .scores().truePositives());
        // The name rule ignores offsets altogether.
        assertEquals(1, GeoScorer.match(gold, List.of(List.of(at(900, 910, "alexandria", 31, -92))), GeoScorer.MatchRule.NAME)
                .scores().truePositives());
    }

    @Test
    void eachToponymIsUsedOnce() {
        // "New York City" predicted as one span overlaps both gold "New York" and "York": it pairs with the larger overlap.
        List<List<GeoAnnotation>> gold = List.of(List.of(at(0, 8, "New York", 40.7, -74), at(4, 8, "York", 40.7, -74)));
        List<List<GeoAnnotation>> predicted = List.of(List.of(at(0, 13, "New York City", 40.7, -74)));
        GeoScorer.Matching m = GeoScorer.match(gold, predicted, GeoScorer.MatchRule.OVERLAP);
        assertEquals(1, m.matched().size());
        assertEquals("New York", m.matched().get(0).gold().text());
        assertEquals(1, m.missed().size());
        assertTrue(m.spurious().isEmpty());
    }

    @Test
    void unresolvedPredictionCountsAsTheLargestError() {
        List<List<GeoAnnotation>> gold = List.of(List.of(at(0, 4, "Lima", -12, -77)));
        List<List<GeoAnnotation>> predicted = List.of(List.of(at(0, 4, "Lima", Double.NaN, Double.NaN)));
        GeoScores s = GeoScorer.match(gold, predicted, GeoScorer.MatchRule.OVERLAP).scores();
        assertEquals(GeoScorer.MAX_ERROR_KM, s.meanKm(), 1e-9);
        assertEquals(1.0, s.auc(), 1e-4);
        assertEquals(0.0, s.accuracy161(), 1e-12);
    }

    @Test
    void noRecognisedToponymsGiveUndefinedResolutionScores() {
        GeoScores s = GeoScorer.match(List.of(List.of(at(0, 4, "Lima", 0, 0))), List.of(List.of()), GeoScorer.MatchRule.OVERLAP).scores();
        assertEquals(0, s.recall(), 1e-12);
        assertTrue(Double.isNaN(s.accuracy161()));
    }
}
