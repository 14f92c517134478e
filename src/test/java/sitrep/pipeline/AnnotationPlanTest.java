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

    /** Date forms news writes, each far from the sentence's other words, so a window must find them as a whole sentence does. */
    private static final String DATES = """
            Shortly after 1 am on Sunday, in the hills east of the provincial capital, gunmen opened fire on a checkpoint.
            The ministry, which had warned of such raids for many months and asked for more police, said on Sept. 14 that two officers died.
            Residents of the old town, most of whom had fled the fighting in the 1990s, returned last night to find their homes looted.
            Rebels seized the airport on 3 March 2019, and two days later, after long and bitter negotiations, they handed it back.
            The army has currently deployed 50 soldiers along the road, although 1,200 more were promised by the government in 2012.
            """;

    @Test
    void timeWindowsAndTheLeanParserGiveWhatCoreNlpsFullAnnotationGives() {
        LocalDate date = LocalDate.of(2019, 3, 10);
        CodingPlan plan = new CodingPlan(TriggerLexicon.shared(), CoderSettings.defaults());
        AnnotatedText windows = NlpAnnotator.shared().annotate(DATES, date, plan);
        AnnotatedText full = NlpAnnotator.shared().annotate(DATES, date, AnnotationPlan.FULL);
        assertEquals(full.sentences().size(), windows.sentences().size());
        for (int i = 0; i < full.sentences().size(); i++) {
            Sentence f = full.sentences().get(i), w = windows.sentences().get(i);
            // SUTime's references to the present ("currently") may be left out where no date is near: the coder
            // dates nothing by them.
            assertEquals(dates(f), dates(w), "dates of sentence " + i);
            if (!w.dependencies().isEmpty()) assertEquals(f.dependencies(), w.dependencies(), "parse of sentence " + i);
        }
        assertEquals("2018-09-14", windows.sentences().get(1).times().get(0).value(), "'Sept.' with its full stop is a month (the last one before the report)");
        assertTrue(windows.sentences().get(2).times().stream().anyMatch(t -> t.value().startsWith("2019-03-09")), "last night");
        assertTrue(windows.sentences().get(0).times().stream().anyMatch(t -> t.value().startsWith("2019-03-10T01")), "1 am on Sunday");
    }

    private static java.util.List<sitrep.nlp.TimeExpression> dates(Sentence s) {
        return s.times().stream().filter(t -> !t.value().endsWith("_REF")).toList();
    }
}
