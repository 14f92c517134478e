package sitrep.pipeline;

import org.junit.jupiter.api.Test;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputItem;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end over real CoreNLP models (loaded once for the suite) on articles written for these tests. */
class PipelineTest {
    static final Pipeline pipeline = TestPipeline.get();

    static ArticleResult run(String text, String published) {
        InputItem item = ArticleReader.ofTexts(List.of(text), java.util.Collections.singletonList(
                published == null ? null : LocalDate.parse(published))).get(0);
        ArticleResult r = pipeline.process(item);
        assertTrue(r.errors().isEmpty(), () -> "errors: " + r.errors());
        return r;
    }

    static Optional<Event> find(ArticleResult r, Predicate<Event> p) {
        return r.events().stream().filter(p).findFirst();
    }

    static final String STRIKE = """
            Russian warships hit Islamic State targets near Deir ez-Zor
            On September 14, the submarines Veliky Novgorod and Kolpino from the Russian Black Sea Fleet hit weapons depots in Daesh-controlled areas to the east of the city of Deir ez-Zor.
            In August, Syrian government forces, backed by Russian aviation, liberated the town of Al-Sukhnah on the road between Deir ez-Zor and Palmyra.
            On Monday, talks between the United States and Russia in Geneva reduced the risk of accidental clashes.
            """;

    @Test
    void codesTheStrikeWithActorsPlaceAndDate() {
        ArticleResult r = run(STRIKE, "2017-09-15");
        Event strike = find(r, e -> e.evidence().trigger().text().equals("hit") && e.evidence().sentence().startsWith("On September 14"))
                .orElseThrow(() -> new AssertionError("no strike event in " + r.events()));
        assertEquals("19", strike.cameo().root());
        assertEquals("195", strike.cameo().code(), "submarine-launched strike is coded as aerial weapons");
        assertEquals("ASSAULT", strike.plover().type());
        assertEquals("RUSMIL", strike.source().code());
        assertNotNull(strike.target(), "target from 'Daesh-controlled areas'");
        assertEquals("2017-09-14", strike.date());
        assertEquals("day", strike.datePrecision());
        assertEquals("text", strike.dateSource());
        assertEquals(170794L, strike.location().geonameid());
        assertEquals("SYR", strike.location().country());
        assertEquals("asserted", strike.modality());
        String sentence = STRIKE.substring(strike.evidence().start(), strike.evidence().end());
        assertEquals(strike.evidence().sentence(), sentence, "evidence offsets point into the text");
        assertEquals("hit", STRIKE.substring(strike.evidence().trigger().start(), strike.evidence().trigger().end()));
    }

    @Test
    void codesTerritoryTakenWithMonthPrecision() {
        ArticleResult r = run(STRIKE, "2017-09-15");
        Event taken = find(r, e -> e.cameo().code().equals("192")).orElseThrow(() -> new AssertionError(r.events().toString()));
        assertEquals("SYR", taken.source().country());
        assertEquals("2017-08", taken.date());
        assertEquals("month", taken.datePrecision());
        assertEquals("SYR", taken.location().country());
        assertEquals("Government regains territory", taken.acled().subEventType());
    }

    @Test
    void codesTalksBetweenStatesAsConsult() {
        ArticleResult r = run(STRIKE, "2017-09-15");
        Event talks = find(r, e -> e.cameo().root().equals("04")).orElseThrow(() -> new AssertionError(r.events().toString()));
        assertEquals("CONSULT", talks.plover().type());
        assertEquals("USA", talks.source().country());
        assertEquals("RUS", talks.target().country());
    }

    @Test
    void resolvesEveryPlaceMentionInSyria() {
        ArticleResult r = run(STRIKE, "2017-09-15");
        List<Place> places = r.places();
        for (String name : List.of("Deir ez-Zor", "Al-Sukhnah", "Palmyra")) {
            Place p = places.stream().filter(x -> x.text().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not found in " + places));
            assertEquals("SYR", p.country(), name);
            assertEquals(name, STRIKE.substring(p.start(), p.end()));
        }
        assertFalse(places.stream().anyMatch(p -> p.text().equals("Kolpino") || p.text().contains("Novgorod")),
                "submarines named after towns are not places: " + places);
    }

    @Test
    void negatedAndHypotheticalAttacksAreNoAssaults() {
        ArticleResult r = run("""
                Turkey did not attack Kurdish fighters in Afrin on Monday, the Turkish army said.
                An Iranian commander warned that Iran could strike US bases in Iraq.
                """, "2018-01-22");
        assertTrue(r.events().stream().noneMatch(e -> e.cameo().root().equals("19")), "no attack was made: " + r.events());
        Event threat = find(r, e -> e.evidence().trigger().text().equals("warned")).orElseThrow(() -> new AssertionError(r.events().toString()));
        assertEquals("THREATEN", threat.plover().type(), "the warning is the act");
        assertEquals("IRN", threat.source().country());
    }

    @Test
    void reportedSpeechCarriesTheSpeakerAndCasualties() {
        ArticleResult r = run("The Syrian Observatory for Human Rights said that government warplanes bombed the town of Khan Sheikhoun on Tuesday, killing 12 civilians.",
                "2017-04-05");
        Event bombing = find(r, e -> e.cameo().root().equals("19")).orElseThrow(() -> new AssertionError(r.events().toString()));
        assertNotNull(bombing.attribution(), "the Observatory said it");
        assertEquals("2017-04-04", bombing.date());
        assertEquals(12, bombing.quantities().get("killed"));
        assertEquals("Explosions/Remote violence", bombing.acled().eventType());
        assertTrue(find(r, e -> e.cameo().root().equals("01")).isEmpty(), "the statement itself is no event: " + r.events());
    }

    @Test
    void aPlaceInsideACompoundModifierIsNotWhereTheEventHappened() {
        ArticleResult r = run("US-led coalition aircraft struck Islamic State positions on Friday, the coalition said.", "2019-03-23");
        assertTrue(r.places().stream().anyMatch(p -> "USA".equals(p.country())), "the US is still a place of the text: " + r.places());
        Event strike = find(r, e -> e.cameo().root().equals("19")).orElseThrow(() -> new AssertionError(r.events().toString()));
        assertTrue(strike.location() == null || !"USA".equals(strike.location().country()), "the strike was not in the US: " + strike.location());
        for (Event e : r.events()) assertTrue(e.location() == null || !"USA".equals(e.location().country()), e.toString());
    }
}
