package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;
import sitrep.store.ContentHash;
import sitrep.store.EventStore;
import sitrep.store.Stores;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/control over a store of hand-built captures, a recapture, a withdrawal and a denied capture. */
class ControlLedgerTest {
    @TempDir
    Path dir;

    static final Place DEIR = new Place("Deir ez-Zor", 0, 5, "Deir ez-Zor", 170794L, 35.3359, 40.1408, "SYR", "Deir ez-Zor", "PPLA", "city");
    static final Place KHERSON = new Place("Kherson", 0, 5, "Kherson", 706448L, 46.65, 32.61, "UKR", "Kherson", "PPLA", "city");
    /** "Aleppo" inside "Aleppo University": a place word that names no place a side can take. */
    static final Place ALEPPO_UNIVERSITY = new Place("Aleppo", 0, 5, "Aleppo", 170063L, 36.2021, 37.1343, "SYR", "Aleppo", "PPLA",
            "city", sitrep.model.PlaceKind.EMBEDDED);
    static final Place SYRIA = new Place("Syria", 0, 5, "Syria", null, 35.0, 38.0, "SYR", null, "PCLI", "country");
    static final Actor SYRMIL = new Actor("Syrian troops", 0, 5, "SYRMIL", "Syria (military)", "SYR", "MIL");
    static final Actor ISIS = new Actor("Islamic State", 0, 5, "IMGMUSISI", "Islamic State", null, "REB");
    static final Actor RUSMIL = new Actor("Russian forces", 0, 5, "RUSMIL", "Russia (military)", "RUS", "MIL");

    static ArticleResult report(String id, String date, String code, Actor source, Place place, String modality, String sentence) {
        Event.Cameo cameo = code.equals("192") ? new Event.Cameo("192", "192", "19", 4, -9.5, "Occupy territory")
                : new Event.Cameo("0874", "087", "08", 2, 10.0, "Retreat or surrender militarily");
        Event e = new Event(id + "-e", date, "day", "text", source, null, cameo,
                new Event.Plover(code.equals("192") ? "COERCE" : "RETREAT", null, List.of()), null, place, modality, null, Map.of(),
                new Event.Evidence(sentence, 0, sentence.length(), new Event.Span("x", 0, 1)), 0.8);
        // Far-apart dates and different actors, so no two reports merge into one event.
        return new ArticleResult(new Article(id, sentence, LocalDate.parse(date), null, null, "Wire " + id, "en", id, false),
                List.of(place), List.of(e), List.of());
    }

    @Test
    void latestClaimPerPlace() throws Exception {
        try (EventStore store = Stores.open(dir.resolve("control.duckdb").toString())) {
            for (ArticleResult r : List.of(
                    report("c1", "2017-09-01", "192", ISIS, DEIR, "asserted", "Islamic State captured Deir ez-Zor."),
                    report("c2", "2017-11-03", "192", SYRMIL, DEIR, "asserted", "Syrian troops retook Deir ez-Zor."),
                    report("c3", "2017-12-20", "192", ISIS, DEIR, "negated", "Islamic State denied it had retaken Deir ez-Zor."),
                    report("c4", "2017-12-28", "192", null, DEIR, "asserted", "Brigades, including those who took Deir ez-Zor, were moved."),
                    report("k1", "2022-03-02", "192", RUSMIL, KHERSON, "asserted", "Russian forces captured Kherson."),
                    report("k2", "2022-11-11", "0874", RUSMIL, KHERSON, "asserted", "Russian forces withdrew from Kherson."),
                    report("s1", "2019-01-05", "192", ISIS, SYRIA, "asserted", "Islamic State overran much of Syria."),
                    report("u1", "2016-06-01", "192", ISIS, ALEPPO_UNIVERSITY, "asserted", "Islamic State took over Aleppo University's annex."))) {
                assertTrue(store.save(r, ContentHash.of(r.article().text())));
            }
            try (ApiServer server = new ApiServer(store, null, () -> null).start("127.0.0.1", 0)) {
                HttpClient http = HttpClient.newHttpClient();
                ObjectMapper json = new ObjectMapper();
                JsonNode places = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/control")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).get("places");
                assertEquals(2, places.size(), "a whole country, or a town's name inside another name, is no place one side holds: " + places);
                JsonNode kherson = places.get(0);
                assertEquals("Kherson", kherson.get("place").get("name").asText(), "latest claim first");
                assertEquals("withdrew", kherson.get("change").asText());
                assertTrue(kherson.get("controller").isNull());
                assertEquals("RUSMIL", kherson.get("relinquished_by").get("code").asText());
                JsonNode deir = places.get(1);
                assertEquals("SYRMIL", deir.get("controller").get("code").asText(), "the denied recapture claims nothing");
                assertEquals("2017-11-03", deir.get("date").asText());
                assertEquals(2, deir.get("claims").asInt(), "a capture by no known side claims nothing");
                assertEquals("Syrian troops retook Deir ez-Zor.", deir.get("evidence").asText());

                JsonNode asOf = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/control?as_of=2017-10-01&country=SYR")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("places");
                assertEquals(1, asOf.size());
                assertEquals("IMGMUSISI", asOf.get(0).get("controller").get("code").asText(), "before the recapture");
                assertEquals(400, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/control?as_of=soon")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
        }
    }
}
