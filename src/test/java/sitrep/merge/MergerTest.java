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
        return new EventKey(root, root.equals("19") ? "ASSAULT" : "CONSULT", "asserted", r[0], r[1], precision, source, target,
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
    void picksTheBestOfSeveralCandidates() {
        EventKey near = key("19", "2017-09-14", "day", "RUSMIL", "IMGMUSISI", 35.336, 40.141, "city", "SYR");
        EventKey vague = key("19", "2017-09", "month", "RUS", null, 35.0, 38.0, "country", "SYR");
        var d = merger.decide(key("19", "2017-09-14", "day", "RUSMIL", "IMGMUSISI", 35.34, 40.14, "city", "SYR"),
                List.of(new Merger.Candidate("vague", vague), new Merger.Candidate("near", near)));
        assertEquals("near", d.orElseThrow().eventId());
    }
}
