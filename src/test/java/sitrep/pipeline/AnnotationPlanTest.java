package sitrep.pipeline;

import org.junit.jupiter.api.Test;
import sitrep.coding.CoderSettings;
import sitrep.coding.TriggerLexicon;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.AnnotationPlan;
import sitrep.nlp.NlpAnnotator;
import sitrep.nlp.Sentence;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline's annotation plan: parse and dates only where the coder and geoparser use them, with the same result. */
class AnnotationPlanTest {
    private static final String TEXT = """
            The weather in the hills above the valley stays mild.
            Government forces shelled the town of Saraqib on Tuesday, killing 12 people.
            The museum opened a new gallery for visitors.
            The minister said that the army must withdraw from the border by 3 March.
            """;

    @Test
    void sentencesWithoutActWordsOrDatesSkipTheCostlyAnnotations() {
        CodingPlan plan = new CodingPlan(TriggerLexicon.shared(), CoderSettings.defaults());
        AnnotatedText doc = NlpAnnotator.shared().annotate(TEXT, LocalDate.of(2020, 2, 5), plan);
        Sentence calm = doc.sentences().get(0), attack = doc.sentences().get(1), museum = doc.sentences().get(2), demand = doc.sentences().get(3);
        assertTrue(calm.dependencies().isEmpty(), "no act word: not parsed");
        assertTrue(museum.dependencies().isEmpty());
        assertFalse(attack.dependencies().isEmpty(), "'shelled' can state an act: parsed");
        assertFalse(demand.dependencies().isEmpty(), "a report that obliges someone ('must') is a request: parsed");
        assertEquals("2020-02-04", attack.times().get(0).value(), "a sentence with a weekday gets SUTime's date");
        assertTrue(calm.times().isEmpty());
        assertFalse(demand.times().isEmpty(), "'3 March' is a date");
    }

    @Test
    void thePlanChangesNoEvent() {
        LocalDate date = LocalDate.of(2020, 2, 5);
        var settings = CoderSettings.defaults().withMinConfidence(0);
        try (Pipeline planned = new Pipeline(1, null, settings)) {
            var a = planned.process(sitrep.ingest.ArticleReader.ofTexts(java.util.List.of(TEXT), java.util.List.of(date)).get(0));
            AnnotatedText full = NlpAnnotator.shared().annotate(TEXT, date, AnnotationPlan.FULL);
            var geo = new sitrep.geo.Geoparser(sitrep.geo.Gazetteer.shared()).geoparse(full);
            var coder = new sitrep.coding.EventCoder(sitrep.coding.Codebook.shared(), TriggerLexicon.shared(),
                    sitrep.actors.ActorDictionary.builtIn(), null, settings);
            var b = coder.code(a.article(), full, geo);
            assertEquals(b, a.events(), "the same events with CoreNLP's full annotation");
            assertEquals(geo.places(), a.places());
        }
    }
}
