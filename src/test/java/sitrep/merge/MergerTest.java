package sitrep.merge;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergerTest {
    private final Merger merger = new Merger();

    private static EventKey key(String root, String date, String precision, String source, String target,
                                Double lat, Double lon, String locPrecision, String country) {
        LocalDate[] r = EventKey.range(date, precision);
        return key(root, root + "0", date, precision, source, target, lat, lon, locPrecision, country);
    }

    /** A key with its full CAMEO code ("190" the coder's clash, "195" an air strike). */
    private static EventKey key(String root, String code, String date, String precision, String source, String target,
                                Double lat, Double lon, String locPrecision, String country) {
        LocalDate[] r = EventKey.range(date, precision);
        return new EventKey(root, code, root.equals("19") ? "ASSAULT" : "CONSULT", "asserted", r[0], r[1], precision, source, target,
                lat, lon, locPrecision, country);
    }

    @Test
    void sameStrikeToldTwiceMerges() {
        EventKey stored = key("19", "2017-09-14", "day", "RUSMIL", "IMGMUSISI", 35.336, 40.141, "city", "SYR");
        EventKey incoming = key("19", "2017-09-14", "day", "RUS", null, 35.30, 40.20, "city", "SYR");
        var d = merger.decide(incoming, List.of(new Merger.Candidate("e1", stored)));
        assertTrue(d.isPresent());
        assertEquals("e1", d.get().eventId());
        assertTrue(d.get().reason().contains("km apart"), d.get().reason());
    }

    @Test
    void datesPlacesAndActorsMustBeCompatible() {
        EventKey stored = key("19", "2017-09-14", "day", "RUSMIL", "IMGMUSISI", 35.336, 40.141, "city", "SYR");
        assertFalse(merger.decide(key("19", "2017-09-20", "day", "RUSMIL", null, 35.336, 40.141, "city", "SYR"),
                List.of(new Merger.Candidate("e1", stored))).isPresent(), "six days apart");
        assertFalse(merger.decide(key("19", "2017-09-14", "day", "RUSMIL", null, 36.20, 37.16, "city", "SYR"),
                List.of(new Merger.Candidate("e1", stored))).isPresent(), "Aleppo is 270 km from Deir ez-Zor");
        assertFalse(merger.decide(key("19", "2017-09-14", "day", "USAMIL", null, 35.336, 40.141, "city", "SYR"),
                List.of(new Merger.Candidate("e1", stored))).isPresent(), "another attacker");
        assertTrue(merger.decide(key("19", "2017-09-15", "day", "RUSMIL", "IMGMUSISI", null, null, null, null),
                List.of(new Merger.Candidate("e1", stored))).isPresent(), "a day's slack, place unknown, same attacker and target");
        assertFalse(merger.decide(key("19", "2017-09-15", "day", "RUSMIL", null, null, null, null, null),
                List.of(new Merger.Candidate("e1", stored))).isPresent(), "place unknown: one shared actor is not enough");
        assertTrue(merger.decide(key("19", "2017-09", "month", "RUSMIL", null, 35.0, 38.0, "country", "SYR"),
                List.of(new Merger.Candidate("e1", stored))).isPresent(), "month and country precision cover the day and the town");
    }

    @Test
    void nothingButFamilyAndDateIsTooWeak() {
        EventKey stored = key("19", "2017-09-14", "day", null, "IMGMUSISI", null, null, null, null);
        assertFalse(merger.decide(key("19", "2017-09-14", "day", "RUSMIL", null, null, null, null, null),
                List.of(new Merger.Candidate("e1", stored))).isPresent());
    }

    @Test
    void symmetricEventsMatchWithSidesSwapped() {
        EventKey stored = key("04", "2017-09-15", "day", "USA", "RUS", null, null, null, null);
        assertTrue(merger.decide(key("04", "2017-09-15", "day", "RUS", "USA", null, null, null, null),
                List.of(new Merger.Candidate("e1", stored))).isPresent());
    }

    @Test
    void oppositeDirectedActsStayTwoEvents() {
        // "Israeli jets struck Gaza City" and "Hamas drones hit an Israeli army post at Gaza City" on one day: each
        // side's own strike, though the actors would match with source and target swapped.
        EventKey israeli = key("19", "195", "2021-05-11", "day", "ISRMIL", "PSE", 31.50, 34.47, "city", "PSE");
        EventKey hamas = key("19", "195", "2021-05-11", "day", "PSEREB", "ISRMIL", 31.52, 34.45, "city", "PSE");
        assertFalse(merger.decide(hamas, List.of(new Merger.Candidate("e1", israeli))).isPresent(), "two directed strikes");
        // Nor does a mutual report on one side let them swap: "Hamas and Israeli forces clashed" (190) is not the
        // Israeli strike told the other way round.
        EventKey clash = key("19", "190", "2021-05-11", "day", "PSEREB", "ISRMIL", 31.52, 34.45, "city", "PSE");
        assertFalse(merger.decide(clash, List.of(new Merger.Candidate("e1", israeli))).isPresent(), "mutual against directed");
        assertFalse(merger.decide(israeli, List.of(new Merger.Candidate("e1", clash))).isPresent(), "directed against mutual");
        // "X visited Y" (042) is not "Y visited X".
        EventKey visit = key("04", "042", "2017-09-15", "day", "USA", "RUS", null, null, null, null);
        assertFalse(merger.decide(key("04", "042", "2017-09-15", "day", "RUS", "USA", null, null, null, null),
                List.of(new Merger.Candidate("e1", visit))).isPresent(), "two visits, one each way");
    }

    @Test
    void mutualActsMatchSwappedAndSayWhy() {
        EventKey clash = key("19", "190", "2021-05-11", "day", "ISRMIL", "PSEREB", 32.46, 35.30, "city", "PSE");
        var d = merger.decide(key("19", "190", "2021-05-11", "day", "PSEREB", "ISR", 32.46, 35.30, "city", "PSE"),
                List.of(new Merger.Candidate("e1", clash))).orElseThrow();
        assertTrue(d.swapped());
        assertTrue(d.reason().contains("swapped (190 and 190 are mutual acts)"), d.reason());
        // A directed strike the same way round joins the clash directly, and the event takes its code.
        var strike = merger.decide(key("19", "195", "2021-05-11", "day", "ISRMIL", "PSE", 32.46, 35.30, "city", "PSE"),
                List.of(new Merger.Candidate("e1", clash))).orElseThrow();
        assertFalse(strike.swapped());
        assertTrue(strike.reason().contains("code 195 refines the event's 190"), strike.reason());
        // A directed strike the other way round cannot.
        assertFalse(merger.decide(key("19", "195", "2021-05-11", "day", "PSEREB", "ISRMIL", 32.46, 35.30, "city", "PSE"),
                List.of(new Merger.Candidate("e1", clash))).isPresent());
    }

    @Test
    void picksTheBestOfSeveralCandidates() {
        EventKey near = key("19", "2017-09-14", "day", "RUSMIL", "IMGMUSISI", 35.336, 40.141, "city", "SYR");
        EventKey vague = key("19", "2017-09", "month", "RUS", null, 35.0, 38.0, "country", "SYR");
        var d = merger.decide(key("19", "2017-09-14", "day", "RUSMIL", "IMGMUSISI", 35.34, 40.14, "city", "SYR"),
                List.of(new Merger.Candidate("vague", vague), new Merger.Candidate("near", near)));
        assertEquals("near", d.orElseThrow().eventId());
    }
}
