package sitrep.eval;

import org.junit.jupiter.api.Test;
import sitrep.model.Actor;
import sitrep.model.Event;
import sitrep.model.Place;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which event a single-label gold record is compared with, on events built by hand (no NLP). */
class SingleLabelEvalsTest {
    private static Event event(String code, String plover, String acledSub, String modality, double confidence, int at,
                               Actor source, Place location) {
        String root = code.substring(0, 2);
        return new Event(code + at, "2020-05-0" + (at % 9 + 1), "day", "text", source, null,
                new Event.Cameo(code, code, root, 4, -10, "x"), new Event.Plover(plover, null, List.of()),
                acledSub == null ? null : new Event.Acled("t", acledSub), location, modality, null, Map.of(),
                new Event.Evidence("s", 0, 10, new Event.Span("w", at, at + 1)), confidence);
    }

    private static final Actor ARN = new Actor("Arnor", 0, 5, "ARNMIL", "Arnor", "ARN", "MIL");

    @Test
    void ploverTopEventSkipsStatementsAndPrefersAsserted() {
        List<Event> events = List.of(
                event("010", "CONSULT", null, "asserted", 0.9, 50, null, null),
                event("190", "ASSAULT", null, "future", 0.95, 10, null, null),
                event("111", "ACCUSE", null, "asserted", 0.7, 30, ARN, null),
                event("112", "ACCUSE", null, "asserted", 0.7, 20, null, null));
        // The statement is skipped, the future assault ranks after asserted events, ties go to the earlier trigger.
        assertEquals("ACCUSE", SingleLabelEvals.ploverType(events));
        assertEquals("none", SingleLabelEvals.sourceCountry(events), "the earlier of the tied events has no source");
        assertEquals("ARN", SingleLabelEvals.sourceCountry(List.of(events.get(2))));
        assertEquals("none", SingleLabelEvals.ploverType(List.of()));
    }

    @Test
    void caseLabelPrefersTerritorialOutcomesAndFallsBackToDiplomacy() {
        Map<String, String> labels = GoldFiles.caseLabels();
        List<Event> battle = List.of(event("190", "ASSAULT", "Armed clash", "asserted", 0.9, 5, ARN, null),
                event("192", "COERCE", "Government regains territory", "asserted", 0.6, 40, ARN, null));
        assertEquals("GOV_REGAINS_TERIT", SingleLabelEvals.caseLabel(battle, labels));
        assertEquals("ARMED_CLASH", SingleLabelEvals.caseLabel(battle.subList(0, 1), labels));
        assertEquals("DIPLO", SingleLabelEvals.caseLabel(List.of(event("040", "CONSULT", null, "asserted", 0.8, 1, ARN, null)), labels));
        assertEquals("none", SingleLabelEvals.caseLabel(List.of(), labels));
    }

    @Test
    void fakesMainEventDateAndGovernorate() {
        Place idlib = new Place("Khan Shaykhun", 0, 5, "Khan Shaykhun", 1L, 35.4, 36.6, "SYR", "Idlib", "PPL", "city");
        Place aleppo = new Place("Aleppo", 0, 5, "Aleppo", 2L, 36.2, 37.1, "SYR", "Aleppo", "PPLA", "city");
        List<Event> events = List.of(event("040", "CONSULT", null, "asserted", 0.9, 1, ARN, aleppo),
                event("195", "ASSAULT", "Air/drone strike", "hypothetical", 0.9, 2, ARN, aleppo),
                event("190", "ASSAULT", "Armed clash", "asserted", 0.5, 80, ARN, idlib),
                event("195", "ASSAULT", "Air/drone strike", "asserted", 0.7, 30, ARN, null));
        // The first asserted violent event in the text: the strike at offset 30.
        Optional<Event> main = SingleLabelEvals.mainViolent(events);
        assertEquals(30, main.orElseThrow().evidence().trigger().start());
        // It has no place: the governorate the article's places name most often (tie: the first named).
        assertEquals("aleppo", SingleLabelEvals.governorate(main, List.of(aleppo, idlib)));
        assertEquals("idlib", SingleLabelEvals.governorate(Optional.of(events.get(2)), List.of(aleppo)));
        assertTrue(SingleLabelEvals.withinADay("2017-04-05", "day", LocalDate.of(2017, 4, 4)));
        assertFalse(SingleLabelEvals.withinADay("2017-04-07", "day", LocalDate.of(2017, 4, 5)));
        assertFalse(SingleLabelEvals.withinADay("2017-04", "month", LocalDate.of(2017, 4, 5)));
    }
}
