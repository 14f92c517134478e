package sitrep.eval;

import org.junit.jupiter.api.Test;
import sitrep.model.Actor;
import sitrep.model.Event;
import sitrep.model.Place;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full-article scoring of GUIDE.md on hand-built gold and system events (no NLP). */
class ArticleScorerTest {
    private static final String GOLD = String.join("\n",
            "{\"gid\": 0, \"article\": \"a\", \"sentence\": \"s0\", \"start\": 0, \"end\": 50, \"also\": [{\"sentence\": \"s2\", \"start\": 200, \"end\": 260}], \"who\": {\"name\": \"Syrian forces\", \"code\": \"SYRMIL\", \"codes\": [\"SYRMIL\", \"SYRGOV\"]}, \"did\": {\"cameo_root\": \"19\", \"plover\": \"ASSAULT\", \"alt\": [\"18\"]}, \"whom\": null, \"where\": {\"name\": \"Douma\", \"iso3\": \"SYR\", \"lat\": 33.57, \"lon\": 36.40, \"level\": \"place\"}, \"when\": \"2018-02-20\", \"killed\": 12, \"killed_alt\": [10], \"asserted\": true}",
            "{\"gid\": 1, \"article\": \"a\", \"sentence\": \"s1\", \"start\": 60, \"end\": 120, \"also\": [], \"who\": {\"name\": \"Turkey\", \"code\": \"TURGOV\", \"codes\": [\"TURGOV\", \"TUR\"]}, \"did\": {\"cameo_root\": \"13\", \"plover\": \"THREATEN\", \"alt\": [\"01\"]}, \"whom\": null, \"where\": null, \"when\": null, \"killed\": null, \"killed_alt\": [], \"asserted\": true}");


    private static Event event(String code, String root, String plover, int start, Actor source, Place place, String date, String modality, Integer killed) {
        return new Event("e" + start + code, date, date == null ? null : "day", "text", source, null,
                new Event.Cameo(code, code, root, 4, -10, "x"), new Event.Plover(plover, null, List.of()), null, place, modality, null,
                killed == null ? Map.of() : Map.of("killed", killed), new Event.Evidence("s", start, start + 40, new Event.Span("w", start, start + 1)), 0.5);
    }

    private static final Actor SYRMIL = new Actor("forces", 0, 6, "SYRMIL", "Syria (military)", "SYR", "MIL");
    private static final Place DOUMA = new Place("Douma", 10, 15, "Douma", 170654L, 33.5711, 36.4033, "SYR", "Rif Dimashq", "PPLA2", "city");

    @Test
    void scoresMatchesFullMatchesAndCounts() throws IOException {
        List<ArticleGold.Event> gold = ArticleGold.read(new StringReader(GOLD));
        ArticleScorer scorer = new ArticleScorer();
        scorer.add("a", gold, List.of(
                event("194", "19", "ASSAULT", 5, SYRMIL, DOUMA, "2018-02-21", "asserted", 10),  // full match, killed_alt
                event("190", "19", "ASSAULT", 210, SYRMIL, DOUMA, "2018-02-20", "asserted", 12), // the same act again: spurious
                event("010", "01", "CONSULT", 70, null, null, null, "asserted", null)));        // bare statement: matches gold 01 alt
        ArticleScorer.Figures f = scorer.figures();
        assertEquals(2, f.matched());
        assertEquals(3, f.system());
        assertEquals(2.0 / 3, f.precision(), 1e-9);
        assertEquals(1.0, f.recall(), 1e-9);
        assertEquals(1, f.full(), "the statement has no source where gold has Turkey");
        assertEquals(1, f.killedRight());
    }

    @Test
    void aBareStatementMatchesOnlyAGoldStatementAlternative() throws IOException {
        List<ArticleGold.Event> gold = ArticleGold.read(new StringReader(GOLD));
        Event statement = event("010", "01", "CONSULT", 5, SYRMIL, DOUMA, "2018-02-20", "asserted", null);
        assertTrue(!ArticleScorer.matches(gold.get(0), statement), "010 never matches an assault");
        assertTrue(ArticleScorer.matches(gold.get(1), event("010", "01", "CONSULT", 70, null, null, null, "asserted", null)));
    }

    @Test
    void placesDatesAndRolesFollowTheGuide() {
        assertEquals(ArticleScorer.Verdict.WRONG, ArticleScorer.place(new ArticleGold.Where("Douma", "SYR", 33.57, 36.40, false),
                new Place("Syria", 0, 5, "Syria", null, 35.0, 38.0, "SYR", null, "PCLI", "country")), "a country centroid does not count for a town");
        assertEquals(ArticleScorer.Verdict.RIGHT, ArticleScorer.place(new ArticleGold.Where("Syria", "SYR", 35, 38, true), DOUMA));
        assertEquals(ArticleScorer.Verdict.RIGHT, ArticleScorer.date("2018-02", "2018-02-13", "day"));
        assertEquals(ArticleScorer.Verdict.WRONG, ArticleScorer.date("2018-02-20", "2018-02-22", "day"));
        assertEquals(ArticleScorer.Verdict.FREE, ArticleScorer.date(null, "2018-02-22", "day"));
        assertEquals(ArticleScorer.Verdict.RIGHT, ArticleScorer.role(new ArticleGold.Role("x", List.of("TURGOV")), new Actor("t", 0, 1, "TURMIL", "", "TUR", "MIL")),
                "the first three letters decide");
        assertEquals(ArticleScorer.Verdict.WRONG, ArticleScorer.role(new ArticleGold.Role("x", List.of("TURGOV")), null));
    }
}
