package sitrep.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who last claimed each place, from territorial events: CAMEO 192 "Occupy territory" (captured, seized,
 * liberated, retook) makes the source the claimed controller; CAMEO 0874 "Retreat or surrender militarily"
 * (withdrew from) ends the source's claim without naming a new controller. Only asserted events count: a
 * denied or threatened capture claims nothing. Only places a side can hold count: towns, districts and
 * provinces, not a whole country or a region or river ("took the last pocket on the Euphrates" names the river
 * only to say where the pocket was). A capture or withdrawal by no known side claims nothing: "brigades,
 * including those who took Aleppo" must not erase a named controller. The evidence quoted is the event's own
 * sentence. These are claims as reported, not verified control.
 */
public final class ControlLedger {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The latest claim about one place. {@code controller} is null after a withdrawal. */
    public record Entry(JsonNode place, JsonNode controller, JsonNode relinquishedBy, String change, String date,
                        String eventId, String evidence, int claims) {
    }

    /** The territorial CAMEO codes: 192 occupy territory (and codes under it), 0874 retreat or surrender militarily. */
    public static final List<String> CODES = List.of("192", "0874");

    /** Location precisions of places one side can hold (see extract-format.md). */
    private static final java.util.Set<String> HOLDABLE = java.util.Set.of("point", "city", "admin2", "admin1");

    private ControlLedger() {
    }

    /** The latest claim per place (by GeoNames id, else name), places in order of their latest claim, newest first. */
    public static List<Entry> build(List<StoredEvent> events) {
        record Claim(StoredEvent event, JsonNode json) {
        }
        List<Claim> claims = new ArrayList<>();
        for (StoredEvent e : events) {
            JsonNode json = parse(e.eventJson());
            String code = json.path("cameo").path("code").asText("");
            boolean territorial = CODES.stream().anyMatch(code::startsWith);
            JsonNode loc = json.get("location");
            if (!territorial || loc == null || loc.isNull() || !"asserted".equals(json.path("modality").asText())) continue;
            if (!HOLDABLE.contains(loc.path("precision").asText())) continue;
            // Only a place named as such is held; "kind" is absent in events stored before kinds existed (toponyms).
            if (!"toponym".equals(loc.path("kind").asText("toponym"))) continue;
            if (json.path("source").path("code").asText("").isEmpty()) continue;
            if (json.path("date").asText("").isEmpty()) continue;
            claims.add(new Claim(e, json));
        }
        // Date, then when the store first saw the event: a later report of the same day is the later claim.
        claims.sort(Comparator.comparing((Claim c) -> c.json().path("date").asText()).thenComparing(c -> String.valueOf(c.event().firstSeen()))
                .thenComparing(c -> c.event().id()));
        Map<String, Entry> latest = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Claim c : claims) {
            JsonNode loc = c.json().get("location");
            String key = loc.hasNonNull("geonameid") ? "g" + loc.get("geonameid").asText() : "n" + loc.path("name").asText();
            int n = counts.merge(key, 1, Integer::sum);
            boolean withdrawal = c.json().path("cameo").path("code").asText().startsWith("0874");
            JsonNode source = c.json().get("source");
            String evidence = c.json().path("evidence").path("sentence").asText(null);
            latest.remove(key); // re-inserted last: the map keeps places in order of their latest claim
            latest.put(key, new Entry(place(loc), withdrawal ? null : source, withdrawal ? source : null,
                    withdrawal ? "withdrew" : "captured", c.json().path("date").asText(), c.event().id(), evidence, n));
        }
        List<Entry> out = new ArrayList<>(latest.values());
        java.util.Collections.reverse(out);
        return out;
    }

    private static JsonNode place(JsonNode loc) {
        return JSON.createObjectNode().put("name", loc.path("name").asText(null))
                .put("geonameid", loc.hasNonNull("geonameid") ? loc.get("geonameid").asLong() : null)
                .put("lat", loc.path("lat").asDouble()).put("lon", loc.path("lon").asDouble())
                .put("country", loc.path("country").asText(null)).put("admin1", loc.path("admin1").asText(null));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON in store: " + e.getOriginalMessage(), e);
        }
    }
}
