package sitrep.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a joining mention's place changes an event's: a named place beats an implied one, else the finer wins. */
class EventFoldTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode event(String place, String precision, String kind) {
        ObjectNode e = JSON.createObjectNode();
        e.put("date", "2018-01-25").put("date_precision", "day").put("date_source", "text").put("confidence", 0.5);
        ObjectNode loc = e.putObject("location").put("name", place).put("precision", precision).put("country", "SYR");
        if (kind != null) loc.put("kind", kind);
        return e;
    }

    @Test
    void aNamedPlaceBeatsAnImpliedOneAndOtherwiseTheFinerWins() {
        // "attacked Syrian villages" located the event at Syria by the demonym; "struck Syria" names it.
        ObjectNode implied = event("Syria", "country", "adjectival");
        EventFold.fold(implied, JSON.createObjectNode(), event("Syria", "country", "toponym"), false);
        assertEquals("toponym", implied.get("location").get("kind").asText());
        // The other way round the named place stays, and so does a town against a country.
        ObjectNode named = event("Syria", "country", "toponym");
        EventFold.fold(named, JSON.createObjectNode(), event("Syria", "country", "adjectival"), false);
        assertEquals("toponym", named.get("location").get("kind").asText());
        ObjectNode town = event("Afrin", "city", null);
        EventFold.fold(town, JSON.createObjectNode(), event("Syria", "country", "toponym"), false);
        assertEquals("Afrin", town.get("location").get("name").asText(), "a place stored before kinds is a toponym");
        ObjectNode country = event("Syria", "country", "toponym");
        EventFold.fold(country, JSON.createObjectNode(), event("Afrin", "city", "toponym"), false);
        assertEquals("Afrin", country.get("location").get("name").asText(), "between toponyms the finer wins");
    }

    private static ObjectNode act(String code, String mode, String source, String target) {
        ObjectNode e = event("Jenin", "city", "toponym");
        e.putObject("cameo").put("code", code).put("root", code.substring(0, 2));
        e.putObject("plover").put("type", "ASSAULT").put("mode", mode);
        e.putObject("acled").put("sub_event_type", mode);
        if (source != null) e.putObject("source").put("code", source);
        if (target != null) e.putObject("target").put("code", target);
        return e;
    }

    @Test
    void theMoreSpecificActGivesTheCoding() {
        ObjectNode clash = act("190", "clash", "ISRMIL", "PSEREB");
        EventFold.fold(clash, JSON.createObjectNode(), act("195", "aerial", "ISRMIL", "PSEREB"), false);
        assertEquals("195", clash.get("cameo").get("code").asText(), "an air strike says more than a clash");
        assertEquals("aerial", clash.get("plover").get("mode").asText(), "the mode goes with the code");
        assertEquals("aerial", clash.get("acled").get("sub_event_type").asText());
        ObjectNode disagreements = JSON.createObjectNode();
        EventFold.fold(clash, disagreements, act("190", "clash", "ISRMIL", "PSEREB"), false);
        assertEquals("195", clash.get("cameo").get("code").asText(), "a later clash report keeps the strike");
        assertEquals(JSON.createObjectNode(), disagreements, "a less specific code is no disagreement");
        EventFold.fold(clash, disagreements, act("193", "small arms", "ISRMIL", "PSEREB"), false);
        assertEquals("195", clash.get("cameo").get("code").asText(), "the first of two sibling codes stays");
        assertEquals("[\"195\",\"193\"]", disagreements.get("cameo_code").toString(), "reports differ on the weapon");
    }

    @Test
    void aSwappedMatchFoldsItsActorsCrosswise() {
        // "Israel and Hamas clashed" stored; "Hamas fighters and Israeli troops clashed" joins it swapped.
        ObjectNode clash = act("190", "clash", "ISR", null);
        EventFold.fold(clash, JSON.createObjectNode(), act("190", "clash", "PSEREB", "ISRMIL"), true);
        assertEquals("ISRMIL", clash.get("source").get("code").asText(), "the mention's target refines the event's source");
        assertEquals("PSEREB", clash.get("target").get("code").asText(), "and its source fills the event's target");
    }
}
