package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API over HTTP against a DuckDB store filled with hand-built events (no NLP here; posting through
 * the real pipeline is in {@link ServeEndToEndTest}).
 */
class ApiServerTest {
    @TempDir
    static Path dir;
    static EventStore store;
    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static final Place DEIR_EZ_ZOR = new Place("Deir ez-Zor", 36, 47, "Deir ez-Zor", 170794L, 35.3359, 40.1408, "SYR",
            "Deir ez-Zor", "PPLA", "city");
    static final Place KHARKIV = new Place("Kharkiv", 30, 37, "Kharkiv", 706483L, 49.98, 36.25, "UKR", "Kharkiv", "PPLA", "city");

    static ArticleResult article(String id, String date, String text, Actor source, Actor target, Place place, String trigger) {
        int t = text.indexOf(trigger);
        Event e = new Event(id + "-e", date, "day", "text", source, target,
                new Event.Cameo("195", "195", "19", 4, -10.0, "Employ aerial weapons"),
                new Event.Plover("ASSAULT", "aerial", List.of("military")),
                new Event.Acled("Explosions/Remote violence", "Air/drone strike"), place, "asserted", null, Map.of(),
                new Event.Evidence(text, 0, text.length(), new Event.Span(trigger, t, t + trigger.length())), 0.8);
        Article a = new Article(id, text, LocalDate.parse(date), null, "https://news.example/" + id, "Example Wire", "en", id, false);
        return new ArticleResult(a, List.of(place), List.of(e), List.of());
    }

    @BeforeAll
    static void start() {
        store = Stores.open(dir.resolve("api.duckdb").toString());
        String syria = "Russian jets bombed Daesh positions in Deir ez-Zor <script>alert(1)</script>.";
        String ukraine = "Russian missiles hit Ukrainian forces in Kharkiv.";
        for (ArticleResult r : List.of(
                article("a1", "2017-09-14", syria, new Actor("Russian jets", 0, 12, "RUSMIL", "Russia (military)", "RUS", "MIL"),
                        new Actor("Daesh", 20, 25, "IMGMUSISI", "Islamic State", null, "REB"), DEIR_EZ_ZOR, "bombed"),
                article("a2", "2022-10-10", ukraine, new Actor("Russian missiles", 0, 16, "RUSMIL", "Russia (military)", "RUS", "MIL"),
                        new Actor("Ukrainian forces", 21, 37, "UKRMIL", "Ukraine (military)", "UKR", "MIL"), KHARKIV, "hit"))) {
            assertTrue(store.save(r, ContentHash.of(r.article().text())));
        }
        server = new ApiServer(store, "s3cret", () -> {
            throw new AssertionError("no test here runs the pipeline");
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    }

    static Reply get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    static Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json") ? JSON.readTree(r.body()) : null;
        return new Reply(r.statusCode(), body, r);
    }

    @Test
    void exportDownloadsWhatTheListingsFiltersSelect() throws Exception {
        Reply csv = get("/api/export?format=csv&country=SYR");
        assertEquals(200, csv.status());
        assertTrue(csv.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.raw().headers().firstValue("Content-Disposition").orElse("").contains("sitrep-events.csv"));
        String[] lines = csv.raw().body().split("\n");
        assertEquals(2, lines.length, "header and the one Syrian event: " + csv.raw().body());
        assertTrue(lines[0].startsWith("\"id\",\"date\""), lines[0]);
        assertTrue(lines[1].startsWith("\"a1-e\",\"2017-09-14\"") && lines[1].contains("\"Russian military\""), lines[1]);
        assertEquals(3, get("/api/export?format=csv").raw().body().split("\n").length, "no filter: both events");

        Reply acled = get("/api/export?format=acled&actor=UKR");
        assertEquals(200, acled.status());
        String[] rows = acled.raw().body().split("\n");
        assertTrue(rows[0].startsWith("event_id_cnty,event_date,year,time_precision,disorder_type"), rows[0]);
        assertEquals(2, rows.length);
        assertTrue(rows[1].contains(",Russian military,") && rows[1].contains(",Ukraine,"), rows[1]);

        Reply geojson = get("/api/export?format=geojson&from=2020-01-01");
        JsonNode fc = JSON.readTree(geojson.raw().body());
        assertEquals(1, fc.get("features").size());
        assertEquals("Kharkiv", fc.get("features").get(0).get("properties").get("place").asText());

        Reply gdelt = get("/api/export?format=gdelt&header=true");
        assertTrue(gdelt.raw().body().startsWith("GlobalEventID\tDay\t"), "header on request");
        assertEquals(400, get("/api/export?format=xls").status());
        assertEquals(400, get("/api/export?format=csv&cursor=x").status(), "a download takes the filters, not a page");
    }

    @Test
    void listingsLabelActorsForPeople() throws Exception {
        JsonNode e = get("/api/events?country=UKR").body().get("events").get(0);
        assertEquals("Russian military", e.get("source").get("label").asText());
        assertEquals("Ukrainian military", e.get("target").get("label").asText());
        assertEquals("Russian military", e.get("source_label").asText());
        JsonNode actors = get("/api/stats/actors").body().get("actors");
        for (JsonNode a : actors) assertFalse(a.get("label").asText().isEmpty() || a.get("label").asText().equals("?"), a.toString());
    }

    @Test
    void reportsTheFilteredViewAsHtmlAndPdf() throws Exception {
        Reply html = get("/api/report?country=SYR");
        assertEquals(200, html.status());
        assertTrue(html.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html.raw().body());
        assertTrue(doc.title().contains("Syria"), doc.title());
        assertTrue(doc.select("ol.highlights li").text().contains("Russian forces"), "the Syrian event only");
        assertFalse(doc.text().contains("Kharkiv"), "the Ukrainian event is out of scope");
        assertTrue(doc.select("script").isEmpty() && doc.text().contains("<script>alert(1)</script>"), "evidence stays text");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(uri("/api/report?country=SYR&format=pdf")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(400, get("/api/report?format=docx").status());
        assertEquals(400, get("/api/report?limit=5").status(), "paging is no report filter");
        assertEquals(404, get("/api/report?zone=zone-none").status());
    }

    @Test
    void listsFiltersAndPages() throws Exception {
        Reply all = get("/api/events");
        assertEquals(200, all.status());
        assertEquals(2, all.body().get("count").asInt());
        assertEquals("a2-e", all.body().get("events").get(0).get("id").asText(), "newest first");
        assertTrue(all.body().get("next_cursor").isNull());

        Reply page1 = get("/api/events?limit=1");
        String cursor = page1.body().get("next_cursor").asText();
        Reply page2 = get("/api/events?limit=1&cursor=" + cursor);
        assertEquals("a1-e", page2.body().get("events").get(0).get("id").asText());
        assertTrue(page2.body().get("next_cursor").isNull());

        assertEquals(List.of("a1-e"), ids(get("/api/events?country=syr")));
        assertEquals(List.of("a2-e"), ids(get("/api/events?bbox=30,45,40,55")));
        assertEquals(List.of("a2-e"), ids(get("/api/events?actor=UKR")));
        assertEquals(List.of("a2-e"), ids(get("/api/events?actor=ukraine")));
        assertEquals(List.of("a1-e"), ids(get("/api/events?admin1=Deir%20ez-Zor&cameo=19&plover=assault")));
        assertEquals(List.of("a1-e"), ids(get("/api/events?q=daesh%20positions&acled=Air/drone%20strike")));
        assertEquals(List.of("a1-e"), ids(get("/api/events?q=daesh%20positions&acled=air/drone%20strike")), "ACLED names match ignoring case");
        assertEquals(List.of("a1-e"), ids(get("/api/events?from=2017-01-01&to=2017-12-31")));
        assertEquals(2, ids(get("/api/events?min_confidence=0.8")).size(), "the reports were coded with confidence 0.8");
        assertEquals(List.of(), ids(get("/api/events?min_confidence=0.81")));
        assertEquals(List.of(), ids(get("/api/events?q=%27%3B%20DROP%20TABLE%20events%3B%20--")), "text is a value, never SQL");
        assertEquals(2, get("/api/events").body().get("count").asInt(), "and the table is still there");
    }

    static List<String> ids(Reply r) {
        assertEquals(200, r.status(), String.valueOf(r.body()));
        return r.body().get("events").findValuesAsText("id").stream().filter(id -> id.endsWith("-e")).toList();
    }

    @Test
    void badParametersGetJsonErrors() throws Exception {
        for (String[] c : new String[][]{
                {"/api/events?from=2017-13-01", "'from': expected a date YYYY-MM-DD"},
                {"/api/events?from=2018-01-01&to=2017-01-01", "is after 'to'"},
                {"/api/events?country=Syria", "ISO 3166 alpha-3"},
                {"/api/events?bbox=1,2,3", "minLon,minLat,maxLon,maxLat"},
                {"/api/events?bbox=10,0,5,1", "min before max"},
                {"/api/events?limit=501", "between 1 and 500"},
                {"/api/events?limit=ten", "whole number"},
                {"/api/events?cursor=bm9wZQ", "'cursor'"},
                {"/api/events?cameo=195", "two-digit CAMEO root"},
                {"/api/events?min_confidence=1.5", "a number from 0 to 1"},
                {"/api/events?colour=red", "unknown parameter 'colour'"},
                {"/api/events?q=" + "x".repeat(201), "longer than 200"},
                {"/api/stats/timeline?interval=hour", "day, week, month, year or auto"},
                {"/api/events?from=%2B10000-01-01", "'from': expected a date YYYY-MM-DD"},
                {"/api/stats/timeline?to=%2B10000-01-01", "'to': expected a date"},
                {"/api/control?as_of=%2B10000-01-01", "'as_of': expected a date"},
                {"/api/alerts?since=%2B10000-01-01T00:00:00Z", "'since': expected an instant"},
                {"/api/stats/actors?top=0", "between 1 and 100"}}) {
            Reply r = get(c[0]);
            assertEquals(400, r.status(), c[0]);
            assertEquals(400, r.body().get("status").asInt());
            assertTrue(r.body().get("error").asText().contains(c[1]), c[0] + " -> " + r.body());
        }
        Reply missing = get("/api/events/no-such-event");
        assertEquals(404, missing.status());
        assertTrue(missing.body().get("error").asText().contains("no-such-event"));
        assertEquals(404, get("/api/nothing-here").status());
    }

    @Test
    void eventPageHasMentionsWithOffsets() throws Exception {
        Reply r = get("/api/events/a1-e");
        assertEquals(200, r.status());
        JsonNode m = r.body().get("mentions").get(0);
        assertEquals("https://news.example/a1", m.get("url").asText());
        assertTrue(m.get("sentence").asText().contains("<script>"), "stored as given; the page renders it as text");
        assertEquals("bombed", m.get("sentence").asText().substring(m.get("trigger").get("start").asInt(), m.get("trigger").get("end").asInt()));
        assertEquals("Daesh", m.get("coding").get("target").get("text").asText());
        assertEquals(20, m.get("coding").get("target").get("start").asInt());
        assertTrue(r.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    @Test
    void aggregates() throws Exception {
        JsonNode timeline = get("/api/stats/timeline?interval=week").body();
        assertEquals("week", timeline.get("interval").asText());
        assertEquals("2017-09-11", timeline.get("counts").get(0).get("period").asText());
        assertEquals("ASSAULT", timeline.get("counts").get(0).get("type").asText());
        assertEquals(2, timeline.get("counts").size());
        JsonNode monthly = get("/api/stats/timeline?interval=month").body();
        assertEquals("2017-09-01", monthly.get("counts").get(0).get("period").asText(), "a month is named by its first day");
        JsonNode auto = get("/api/stats/timeline?interval=auto").body();
        assertEquals("month", auto.get("interval").asText(), "2017-09-14 to 2022-10-10 is over five years: counted per month");
        assertEquals(monthly, auto);
        assertEquals("day", get("/api/stats/timeline?interval=auto&country=SYR").body().get("interval").asText(), "one day: per day");
        JsonNode actors = get("/api/stats/actors?top=1").body().get("actors");
        assertEquals(1, actors.size());
        assertEquals("RUSMIL", actors.get(0).get("code").asText());
        assertEquals(2, actors.get(0).get("as_source").asInt());
        JsonNode dyads = get("/api/stats/dyads?country=UKR").body().get("dyads");
        assertEquals(1, dyads.size());
        assertEquals("UKRMIL", dyads.get(0).get("target").get("code").asText());
    }

    @Test
    void openApiDocumentNamesEveryEndpoint() throws Exception {
        Reply r = get("/api/openapi.json");
        assertEquals(200, r.status());
        assertTrue(r.body().get("openapi").asText().startsWith("3."));
        for (String path : List.of("/api/events", "/api/events/{id}", "/api/stats/timeline", "/api/stats/actors", "/api/stats/dyads", "/api/articles", "/api/control", "/api/zones", "/api/zones/{id}",
                "/api/zones/{id}/events", "/api/alerts", "/api/alerts.atom", "/api/feeds", "/api/feeds/{id}", "/api/export")) {
            assertTrue(r.body().get("paths").has(path), path);
        }
        // Client generators name their methods by operationId: one per operation, unique, each with a tag.
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (java.util.Map.Entry<String, JsonNode> path : r.body().get("paths").properties()) {
            for (java.util.Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String id = op.getValue().path("operationId").asText("");
                assertTrue(id.matches("[a-z][A-Za-z]+"), op.getKey() + " " + path.getKey() + " has an operationId: '" + id + "'");
                assertTrue(ids.add(id), "operationId " + id + " is unique");
                assertTrue(op.getValue().path("tags").size() == 1, id + " has a tag");
                for (JsonNode response : op.getValue().path("responses")) {
                    JsonNode json = response.path("content").path("application/json");
                    if (!json.isMissingNode() && json.path("schema").path("$ref").asText().endsWith("/Error")) {
                        assertTrue(json.has("example"), id + ": its errors have an example");
                    }
                }
            }
        }
        // The listing's example is what the listing answers: the same fields, actors with labels.
        JsonNode example = r.body().at("/paths/~1api~1events/get/responses/200/content/application~1json/example/events/0");
        JsonNode real = get("/api/events?limit=1").body().get("events").get(0);
        for (java.util.Iterator<String> f = real.fieldNames(); f.hasNext(); ) {
            String field = f.next();
            assertTrue(example.has(field), "the example has " + field);
        }
        assertEquals("Russian military", example.get("source").get("label").asText());
    }

    static Reply postZone(String geojson, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/zones")).POST(HttpRequest.BodyPublishers.ofString(geojson));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    @Test
    void zones() throws Exception {
        // A triangle around Deir ez-Zor (40.14E 35.34N), away from Kharkiv (36.25E 49.98N).
        String triangle = "{\"type\": \"Feature\", \"properties\": {\"name\": \"Deir <b>ez</b>-Zor\"}, \"geometry\": "
                + "{\"type\": \"Polygon\", \"coordinates\": [[[39, 34], [42, 34], [40, 60], [39, 34]]]}}";
        assertEquals(401, postZone(triangle, null).status(), "zones are writes");
        Reply created = postZone(triangle, "s3cret");
        assertEquals(201, created.status(), String.valueOf(created.body()));
        String id = created.body().get("id").asText();
        assertEquals("Deir <b>ez</b>-Zor", get("/api/zones/" + id).body().get("name").asText());
        assertEquals(List.of("a1-e"), ids(get("/api/zones/" + id + "/events")));
        assertEquals(List.of(), ids(get("/api/zones/" + id + "/events?from=2020-01-01")), "filters apply inside the zone");

        String holed = "{\"type\": \"Polygon\", \"coordinates\": [[[30, 30], [45, 30], [45, 55], [30, 55], [30, 30]], "
                + "[[39, 34], [41, 34], [41, 36], [39, 36], [39, 34]]]}";
        String holedId = postZone(holed, "s3cret").body().get("id").asText();
        assertEquals(List.of("a2-e"), ids(get("/api/zones/" + holedId + "/events")), "Deir ez-Zor sits in the hole");
        Reply one = get("/api/zones/" + holedId + "/events?limit=1");
        assertEquals(1, one.body().get("count").asInt());

        assertEquals(400, postZone("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 2]]]}", "s3cret").status(), "unclosed ring");
        assertEquals(400, postZone("{\"type\": \"Point\", \"coordinates\": [0, 0]}", "s3cret").status());
        Reply across = postZone("{\"type\": \"Polygon\", \"coordinates\": [[[170, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]]]}", "s3cret");
        assertEquals(400, across.status(), "on a plane this ring would hold the rest of the world");
        assertTrue(across.body().get("error").asText().contains("antimeridian"), across.body().toString());
        assertEquals(400, postZone("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 1], [2, 2], [0, 0]]]}", "s3cret").status(), "no area");
        Reply padded = postZone("{\"type\": \"Polygon\", \"pad\": \"" + "x".repeat(1000) + "\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}", "s3cret");
        assertEquals(201, padded.status());
        assertFalse(get("/api/zones/" + padded.body().get("id").asText()).body().toString().contains("pad"), "only the geometry is kept");
        assertEquals(404, get("/api/zones/zone-nope/events").status());
    }

    /**
     * Alerts on a server of their own (its new events would change the counts the other tests assert): a zone
     * drawn around Kharkiv raises alerts for events stored after it inside it, not for older ones or ones elsewhere.
     */
    @Test
    void zonesRaiseAlertsForNewEventsInsideThem() throws Exception {
        try (EventStore own = Stores.open(dir.resolve("alerts.duckdb").toString());
             ApiServer alerting = new ApiServer(own, "s3cret", () -> {
                 throw new AssertionError("no pipeline here");
             }, 2).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + alerting.port();
            Actor rus = new Actor("Russian missiles", 0, 16, "RUSMIL", "Russia (military)", "RUS", "MIL");
            own.save(article("old", "2022-10-10", "Russian missiles hit a depot in Kharkiv.", rus, null, KHARKIV, "hit"), "h-old");
            String box = "{\"type\": \"Feature\", \"properties\": {\"name\": \"Kharkiv <oblast>\"}, \"geometry\": {\"type\": \"Polygon\", "
                    + "\"coordinates\": [[[35, 49], [38, 49], [38, 51], [35, 51], [35, 49]]]}}";
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/zones")).header("Authorization", "Bearer s3cret")
                    .POST(HttpRequest.BodyPublishers.ofString(box)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            String zone = JSON.readTree(created.body()).get("id").asText();
            Thread.sleep(5); // first_seen of the next events is after the zone's creation, to the microsecond
            own.save(article("new", "2022-10-20", "Russian missiles hit the power station in Kharkiv.", rus, null, KHARKIV, "hit"), "h-new");
            own.save(article("far", "2022-10-11", "Russian jets bombed Deir ez-Zor.", rus, null, DEIR_EZ_ZOR, "bombed"), "h-far");

            JsonNode alerts = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(1, alerts.get("count").asInt(), alerts.toString());
            JsonNode alert = alerts.get("alerts").get(0);
            assertEquals("new-e", alert.get("event").get("id").asText(), "the older event and the one in Syria raise none");
            assertEquals(zone, alert.get("zone").get("id").asText());
            assertEquals(alert.get("seen_at").asText(), alerts.get("latest").asText());
            String since = java.net.URLEncoder.encode(alerts.get("latest").asText(), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode none = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts?zone=" + zone + "&since=" + since)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(0, none.get("count").asInt(), "polling from the latest alert: nothing new");
            assertFalse(none.get("more").asBoolean());

            // More alerts arrive between two polls than one answer holds: polling on from `latest` gets every one.
            List<String> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                own.save(article("burst" + i, "2023-0" + (i + 1) + "-15", "Russian missiles hit depot " + i + " in Kharkiv.", rus, null, KHARKIV, "hit"), "h-b" + i);
                burst.add("burst" + i + "-e");
                Thread.sleep(2);
            }
            List<String> polled = new java.util.ArrayList<>();
            String from = alerts.get("latest").asText();
            for (int poll = 0; poll < 5; poll++) {
                JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts?limit=2&since="
                        + java.net.URLEncoder.encode(from, java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body());
                List<String> ids = new java.util.ArrayList<>();
                page.get("alerts").forEach(x -> ids.add(x.get("event").get("id").asText()));
                java.util.Collections.reverse(ids); // answers list newest first
                polled.addAll(ids);
                from = page.get("latest").asText();
                if (!page.get("more").asBoolean()) break;
                assertEquals(2, ids.size(), page.toString());
            }
            assertEquals(burst, polled, "every alert once, in the order seen");
            JsonNode newest = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts?limit=2")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("burst4-e", newest.get("alerts").get(0).get("event").get("id").asText(), "without since: the newest");

            HttpResponse<String> atom = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts.atom")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, atom.statusCode());
            assertTrue(atom.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
            org.w3c.dom.Document feed = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(atom.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(6, feed.getElementsByTagName("entry").getLength(), atom.body());
            assertFalse(atom.body().contains("127.0.0.1"), "links are relative to the feed, not built from the Host header");
            String title = feed.getElementsByTagName("entry").item(5).getFirstChild().getTextContent();
            assertTrue(title.startsWith("Kharkiv <oblast>: Employ aerial weapons at Kharkiv"), "markup in names stays text: " + title);

            assertEquals(400, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts?since=yesterday")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            JsonNode zones = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/zones")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(1, zones.get("zones").size());
            HttpRequest.Builder delete = HttpRequest.newBuilder(URI.create(base + "/api/zones/" + zone)).DELETE();
            assertEquals(401, HTTP.send(delete.build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "deleting is a write");
            assertEquals(204, HTTP.send(delete.header("Authorization", "bearer s3cret").build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "the scheme's name is case-insensitive");
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/zones/" + zone)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(0, JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("count").asInt(), "no zone, no alerts");
        }
    }

    /** A PostgreSQL restart drops every connection: readers that no longer answer are replaced, and reads work again. */
    @Test
    void readersRecoverWhenPostgresDropsTheirConnections() throws Exception {
        String url = System.getenv("SITREP_TEST_POSTGRES");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "SITREP_TEST_POSTGRES not set (scripts/test.sh sets it when PostgreSQL is installed)");
        URI pg = URI.create(url);
        String jdbc = "jdbc:postgresql://" + pg.getHost() + ":" + pg.getPort() + pg.getPath() + "?user=" + pg.getUserInfo().split(":")[0];
        try (EventStore own = Stores.open(url);
             ApiServer reading = new ApiServer(own, "s3cret", () -> null, 2).start("127.0.0.1", 0)) {
            URI events = URI.create("http://127.0.0.1:" + reading.port() + "/api/events?limit=1");
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            try (java.sql.Connection admin = java.sql.DriverManager.getConnection(jdbc);
                 java.sql.Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            }
            // Readers are lent in turn: these two requests meet the two dead connections (each may fail once).
            for (int i = 0; i < 2; i++) HTTP.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 4; i++) {
                assertEquals(200, HTTP.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                        "the broken readers were replaced");
            }
            HttpResponse<String> zone = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + reading.port() + "/api/zones"))
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, zone.statusCode(), "writes reconnect too: " + zone.body());
            assertTrue(own.deleteZone(JSON.readTree(zone.body()).get("id").asText()));
        }
    }

    /** Answers are kept between writes (AnswerCache) but never past one, whichever connection or process wrote. */
    @Test
    void answersFollowEveryWrite() throws Exception {
        try (EventStore own = Stores.open(dir.resolve("cached.duckdb").toString());
             ApiServer server = new ApiServer(own, "s3cret", () -> null, 2).start("127.0.0.1", 0)) {
            answersFollowWrites(own, own, server.port());
        }
        String url = System.getenv("SITREP_TEST_POSTGRES");
        if (url == null) return;
        // PostgreSQL: another program (here another store object, with its own connection) writes while serve answers.
        String tag;
        try (EventStore served = Stores.open(url); EventStore other = Stores.open(url);
             ApiServer server = new ApiServer(served, "s3cret", () -> null, 2).start("127.0.0.1", 0)) {
            tag = answersFollowWrites(served, other, server.port());
        }
        // The test database is shared with StoreTest, which expects it empty: this test's articles go again.
        URI pg = URI.create(url);
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection("jdbc:postgresql://" + pg.getHost() + ":" + pg.getPort()
                + pg.getPath() + "?user=" + pg.getUserInfo().split(":")[0]); java.sql.Statement s = admin.createStatement()) {
            for (String table : List.of("mentions", "events", "articles")) s.execute("DELETE FROM " + table + " WHERE id LIKE '" + tag + "%'");
        }
    }

    /** @return the prefix of the ids of the articles, mentions and events it stored */
    private static String answersFollowWrites(EventStore served, EventStore writer, int port) throws Exception {
        String tag = "cache" + System.nanoTime();
        URI events = URI.create("http://127.0.0.1:" + port + "/api/events?q=" + tag + "&limit=500");
        Actor rus = new Actor("Russian missiles", 0, 16, "RUSMIL", "Russia (military)", "RUS", "MIL");
        assertEquals(0, JSON.readTree(HTTP.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofString()).body()).get("count").asInt());
        for (int i = 1; i <= 3; i++) {
            writer.save(article(tag + i, "2022-0" + i + "-15", "Russian missiles hit depot " + tag + " " + i + " in Kharkiv.", rus, null, KHARKIV, "hit"), tag + "-h" + i);
            for (int ask = 0; ask < 2; ask++) {
                JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofString()).body());
                assertEquals(i, page.get("count").asInt(), "the answer after write " + i + ": " + page);
            }
        }
        HttpResponse<String> zone = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/zones"))
                .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\": \"Polygon\", \"coordinates\": [[[35, 49], [38, 49], [38, 51], [35, 51], [35, 49]]]}")).build(), HttpResponse.BodyHandlers.ofString());
        String zoneId = JSON.readTree(zone.body()).get("id").asText();
        URI inZone = URI.create("http://127.0.0.1:" + port + "/api/zones/" + zoneId + "/events?q=" + tag);
        assertEquals(3, JSON.readTree(HTTP.send(HttpRequest.newBuilder(inZone).build(), HttpResponse.BodyHandlers.ofString()).body()).get("count").asInt());
        assertTrue(writer.deleteZone(zoneId));
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(inZone).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "a zone deleted by another writer");
        return tag;
    }

    @Test
    void writesNeedTheToken() throws Exception {
        String article = "{\"text\": \"Rebels shelled the town.\"}";
        Reply anonymous = send(HttpRequest.newBuilder(uri("/api/articles")).POST(HttpRequest.BodyPublishers.ofString(article)).build());
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.body().get("error").asText().contains("bearer token"));
        Reply wrong = send(HttpRequest.newBuilder(uri("/api/articles")).header("Authorization", "Bearer guess")
                .POST(HttpRequest.BodyPublishers.ofString(article)).build());
        assertEquals(401, wrong.status());
        Reply notJson = send(HttpRequest.newBuilder(uri("/api/articles")).header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofString("{oops")).build());
        assertEquals(400, notJson.status());
        assertTrue(notJson.body().get("error").asText().startsWith("body is not JSON"));
        Reply noText = send(HttpRequest.newBuilder(uri("/api/articles")).header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"id\": \"x\"}]")).build());
        assertEquals(400, noText.status());
        assertEquals("rejected", noText.body().get("articles").get(0).get("status").asText());
        Reply tooBig = send(HttpRequest.newBuilder(uri("/api/articles")).header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + "a".repeat(6 * 1024 * 1024) + "\"}")).build());
        assertEquals(413, tooBig.status());
        assertEquals(2, get("/api/events").body().get("count").asInt(), "nothing was written");
    }
}
