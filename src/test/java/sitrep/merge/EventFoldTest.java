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
        EventFold.fold(implied, JSON.createObjectNode(), event("Syria", "country", "toponym"));
        assertEquals("toponym", implied.get("location").get("kind").asText());
        // The other way round the named place stays, and so does a town against a country.
        ObjectNode named = event("Syria", "country", "toponym");
        EventFold.fold(named, JSON.createObjectNode(), event("Syria", "country", "adjectival"));
        assertEquals("toponym", named.get("location").get("kind").asText());
        ObjectNode town = event("Afrin", "city", null);
        EventFold.fold(town, JSON.createObjectNode(), event("Syria", "country", "toponym"));
        assertEquals("Afrin", town.get("location").get("name").asText(), "a place stored before kinds is a toponym");
        ObjectNode country = event("Syria", "country", "toponym");
        EventFold.fold(country, JSON.createObjectNode(), event("Afrin", "city", "toponym"));
        assertEquals("Afrin", country.get("location").get("name").asText(), "between toponyms the finer wins");
    }
}
