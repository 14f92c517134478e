package sitrep.pipeline;

import org.junit.jupiter.api.Test;
import sitrep.ingest.ArticleReader;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The founding article (../shared/eval/seed, read at run time, not copied): its five events and five places.
 * Skipped where ../shared is absent; the same mechanics are covered by PipelineTest on our own text.
 */
class FoundingArticleTest {
    static final Path SEED = Path.of("../shared/eval/seed/sputnik-2017-09-15-deir-ez-zor.txt");

    @Test
    void yieldsItsEventsAndFivePlaces() throws IOException {
        assumeTrue(Files.isReadable(SEED), "../shared/eval/seed not present");
        ArticleResult r;
        try (Pipeline pipeline = new Pipeline(1)) { // models are process-wide: this reuses what other tests loaded
            r = pipeline.process(ArticleReader.ofTexts(List.of(Files.readString(SEED)), List.of(LocalDate.of(2017, 9, 15))).get(0));
        }
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        List<Event> events = r.events();

        Event strike = one(events, e -> e.evidence().trigger().text().equals("hit"));
        assertEquals("19", strike.cameo().root());
        assertEquals("ASSAULT", strike.plover().type());
        assertEquals("RUSMIL", strike.source().code());
        assertEquals("IMGMUSISI", strike.target().code());
        assertEquals("2017-09-14", strike.date());
        assertEquals("Deir ez-Zor", strike.location().name());
        assertEquals("SYR", strike.location().country());

        Event taken = one(events, e -> e.evidence().trigger().text().equals("liberated"));
        assertEquals("SYRMIL", taken.source().code());
        assertEquals("2017-08", taken.date());
        assertEquals("As Sukhnah", taken.location().name());

        Event airstrikes = one(events, e -> e.evidence().trigger().text().equals("airstrikes"));
        assertEquals("195", airstrikes.cameo().code());
        assertEquals("RUS", airstrikes.source().country());
        assertTrue(airstrikes.evidence().alsoTriggers().stream().anyMatch(t -> t.text().equals("attacks")),
                "'airstrikes and cruise missile attacks' is one act, both words kept as evidence");

        Event support = one(events, e -> e.attribution() != null && e.evidence().sentence().contains("de-escalation zone in Idlib"));
        assertEquals("SYRGOV", support.attribution().speaker().code(), "the reported support carries the speaker");
        assertEquals("SUPPORT", support.plover().type());
        assertEquals("2017-09-04", support.date());

        assertTrue(events.stream().noneMatch(e -> e.cameo().root().equals("01")), "no bare statement ('said', 'told Sputnik')");
        assertTrue(events.stream().noneMatch(e -> e.evidence().sentence().contains("Tsyganok")), "the expert's words are no event");
        assertTrue(events.stream().filter(e -> e.evidence().sentence().contains("took Aleppo"))
                .noneMatch(e -> "2017-09-15".equals(e.date())), "'those who took Aleppo' is background, not a capture on the publication date");

        // The talks are coded, though the default threshold leaves them out (their confidence is low: an undated noun).
        ArticleResult open;
        try (Pipeline pipeline = new Pipeline(1, null, sitrep.coding.CoderSettings.defaults().withMinConfidence(0))) {
            open = pipeline.process(ArticleReader.ofTexts(List.of(Files.readString(SEED)), List.of(LocalDate.of(2017, 9, 15))).get(0));
        }
        Event talks = one(open.events(), e -> e.evidence().trigger().text().equals("talks") && e.evidence().sentence().contains("deconfliction"));
        assertEquals("04", talks.cameo().root());
        assertEquals("CONSULT", talks.plover().type());
        assertEquals("USA", talks.source().code());
        assertEquals("RUS", talks.target().code());

        Map<String, Long> expected = Map.of("Deir ez-Zor", 170794L, "Palmyra", 163808L, "Idlib", 169389L, "Aleppo", 170063L);
        for (Place p : r.places()) {
            if (expected.containsKey(p.text())) assertEquals(expected.get(p.text()), p.geonameid(), p.toString());
            if (p.text().equals("Al-Sukhnah")) assertEquals("SYR", p.country());
        }
        for (String name : List.of("Deir ez-Zor", "Palmyra", "Idlib", "Aleppo", "Al-Sukhnah")) {
            assertTrue(r.places().stream().anyMatch(p -> p.text().equals(name)), name + " found");
        }
        assertTrue(events.stream().filter(e -> e.cameo().root().equals("19") && e.evidence().sentence().contains("likely to focus"))
                .noneMatch(e -> e.modality().equals("asserted")), "'are likely to focus on flushing out' is not asserted");
    }

    private static Event one(List<Event> events, Predicate<Event> p) {
        return events.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("no such event in " + events));
    }
}
