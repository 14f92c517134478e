package sitrep.coding;

import org.junit.jupiter.api.Test;
import sitrep.actors.ActorDictionary;
import sitrep.geo.Gazetteer;
import sitrep.geo.GeoResult;
import sitrep.geo.Geoparser;
import sitrep.model.Article;
import sitrep.model.Event;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.NlpAnnotator;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules that choose an event's place (restated-place, country-place, and the parts of act-place that read
 * demonyms and namesakes abroad) on texts written for them, with the rule on and off. Real CoreNLP models, loaded once
 * for the suite; no confidence threshold.
 */
class PlaceRulesTest {
    private static final CoderSettings ALL = CoderSettings.defaults().withMinConfidence(0);
    private static final Predicate<Event> VIOLENT = e -> Set.of("18", "19", "20").contains(e.cameo().root());

    private static List<Event> code(String text, String published, CoderSettings settings) {
        LocalDate date = LocalDate.parse(published);
        AnnotatedText doc = NlpAnnotator.shared().annotate(text, date);
        GeoResult geo = new Geoparser(Gazetteer.shared()).geoparse(doc);
        EventCoder coder = new EventCoder(Codebook.shared(), TriggerLexicon.shared(), ActorDictionary.builtIn(), null, settings);
        return coder.code(new Article("test", text, date, null, null, null, "en", "test", false), doc, geo);
    }

    private static Event first(List<Event> events, Predicate<Event> p) {
        return events.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("no such event in " + describe(events)));
    }

    private static Predicate<Event> trigger(String word) {
        return e -> e.evidence().trigger().text().equals(word);
    }

    private static String describe(List<Event> events) {
        StringBuilder b = new StringBuilder();
        for (Event e : events) {
            b.append("\n  ").append(e.cameo().code()).append(" '").append(e.evidence().trigger().text()).append("' @ ")
                    .append(e.location() == null ? "-" : e.location().name() + " " + e.location().country()).append(' ').append(e.date());
        }
        return b.toString();
    }

    @Test
    void anActToldAgainWithItsTownTakesTheTown() {
        String text = "A police officer was shot dead in Yemen on Sunday. He was killed when gunmen ambushed his patrol in the city of "
                + "Mukalla, officials said.";
        List<Event> on = code(text, "2019-04-15", ALL);
        Event lede = first(on, e -> VIOLENT.test(e) && e.evidence().sentence().startsWith("A police officer"));
        assertEquals("Mukalla", lede.location().name(), describe(on));
        assertEquals(Event.LOCATION_FROM_ARTICLE, lede.locationSource(), "the town is in another sentence");
        Event off = first(code(text, "2019-04-15", ALL.without(List.of(CodingRule.RESTATED_PLACE))),
                e -> VIOLENT.test(e) && e.evidence().sentence().startsWith("A police officer"));
        assertEquals("country", off.location().precision(), "without the rule the lede's act stays in Yemen");
    }

    @Test
    void aTownInAnotherCountryDoesNotRestateTheAct() {
        String text = "A police officer was shot dead in Yemen on Sunday. Gunmen also attacked a checkpoint in the city of Jeddah.";
        Event lede = first(code(text, "2019-04-15", ALL), e -> VIOLENT.test(e) && e.evidence().sentence().startsWith("A police officer"));
        assertEquals("YEM", lede.location().country());
        assertEquals("country", lede.location().precision(), "Jeddah is not in Yemen");
    }

    @Test
    void anActNoSentencePlacesIsInTheCountryOfTheLastLocatedAct() {
        String text = "Fighting broke out in the town of Kidal in northern Mali on Monday, killing four soldiers. "
                + "The United Nations said it was deeply concerned. Its envoy called for calm. "
                + "Soldiers later deployed at checkpoints along the roads.";
        List<Event> on = code(text, "2016-05-10", ALL);
        Event deployed = first(on, trigger("deployed"));
        assertNotNull(deployed.location(), describe(on));
        assertEquals("MLI", deployed.location().country());
        assertEquals("country", deployed.location().precision(), "only the country is known");
        assertEquals(Event.LOCATION_FROM_ARTICLE, deployed.locationSource());
        assertEquals(Event.LOCATION_FROM_SENTENCE, first(on, trigger("Fighting")).locationSource(), "Kidal is in its sentence");
        var json = sitrep.pipeline.ExtractJson.event(deployed);
        assertEquals("article", json.path("location_source").asText());
        assertEquals(deployed, sitrep.pipeline.ExtractJson.eventOf(json), "the field survives the public format");
        Event off = first(code(text, "2016-05-10", ALL.without(List.of(CodingRule.COUNTRY_PLACE))), trigger("deployed"));
        assertNull(off.location(), "without the rule nothing places it");
    }

    @Test
    void theDemonymOfGroundAnyTriggerWordTakesGivesTheCountry() {
        String text = "Planes from across the border bombed Sudanese villages on Tuesday, killing 40 people.";
        List<Event> on = code(text, "2012-04-25", ALL);
        Event raid = first(on, VIOLENT);
        assertNotNull(raid.location(), describe(on));
        assertEquals("SDN", raid.location().country());
    }

    @Test
    void aNamesakeAbroadBesideTheArticlesOwnPlacesDoesNotLocateTheAct() {
        String text = "Gunmen attacked the Lewes army camp near Gao in northern Mali on Friday, killing seven soldiers.";
        List<Event> on = code(text, "2017-06-03", ALL);
        Event attack = first(on, VIOLENT);
        assertNotNull(attack.location(), describe(on));
        assertEquals("MLI", attack.location().country(), describe(on));
    }

    @Test
    void anApproximateDistanceStillMovesThePoint() {
        String text = "Rebels shelled an army post about 40 km north of Hama on Saturday, killing three soldiers.";
        List<Event> on = code(text, "2015-09-14", ALL);
        Event shelled = first(on, VIOLENT);
        assertTrue(shelled.location().lat() > 35.3, "about 40 km north of Hama (35.13N): " + shelled.location());
    }

    @Test
    void anActAtAMeetingIsAtTheVenueTheArticleGaveIt() {
        String text = "Envoys arrived on Monday for the Geneva conference on the war in Yemen. "
                + "The rebels' delegation will attend the conference on Tuesday, their spokesman said.";
        List<Event> on = code(text, "2018-09-05", ALL);
        Event attend = first(on, trigger("attend"));
        assertNotNull(attend.location(), describe(on));
        assertEquals("CHE", attend.location().country(), describe(on));
        assertEquals(Event.LOCATION_FROM_ARTICLE, attend.locationSource(), "the venue is named in the sentence before");
        Event off = first(code(text, "2018-09-05", ALL.without(List.of(CodingRule.MEETING_VENUE))), trigger("attend"));
        assertNull(off.location(), "without the rule the statement's sentence names no venue");
    }

    @Test
    void aClockTimeIsNoYear() {
        String text = "Navy ships shelled the radar station at 0700 GMT on Monday, the ministry said.";
        List<Event> on = code(text, "2019-10-22", ALL);
        Event shelled = first(on, VIOLENT);
        assertNotEquals("0700", shelled.date());
        assertTrue(shelled.date() != null && shelled.date().startsWith("2019-10"), describe(on));
    }
}
