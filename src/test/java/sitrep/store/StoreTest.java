package sitrep.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store's contract on DuckDB, and on PostgreSQL when SITREP_TEST_POSTGRES names a server
 * (scripts/test.sh starts one). Events are built directly, so these tests need no NLP.
 */
class StoreTest {
    @TempDir
    Path dir;

    static final Place DEIR_EZ_ZOR = new Place("Deir ez-Zor", 10, 21, "Deir ez-Zor", 170794L, 35.3359, 40.1408, "SYR",
            "Deir ez-Zor", "PPLA", "city");
    static final Actor RUSSIA = new Actor("Russian submarines", 0, 18, "RUSMIL", "Russia (military)", "RUS", "MIL");
    static final Actor DAESH = new Actor("Daesh", 30, 35, "IMGMUSISI", "Islamic State", null, "REB");

    static Event strike(String id, String date, Actor source, Actor target, Map<String, Integer> quantities) {
        return new Event(id, date, "day", "text", source, target,
                new Event.Cameo("195", "195", "19", 4, -10.0, "Employ aerial weapons"),
                new Event.Plover("ASSAULT", "aerial", List.of("military")),
                new Event.Acled("Explosions/Remote violence", "Air/drone strike"), DEIR_EZ_ZOR, "asserted", null, quantities,
                new Event.Evidence("Russian submarines hit Daesh near Deir ez-Zor.", 0, 46, new Event.Span("hit", 19, 22)), 0.8);
    }

    static ArticleResult article(String id, String text, String source, String url, Event... events) {
        Article a = new Article(id, text, LocalDate.of(2017, 9, 15), null, url, source, "en", id, false);
        return new ArticleResult(a, List.of(DEIR_EZ_ZOR), List.of(events), List.of());
    }

    void contract(EventStore store) throws IOException {
        ArticleResult first = article("a1", "Russian submarines hit Daesh near Deir ez-Zor, killing 6.", "Outlet A",
                "https://a.example/1", strike("m1", "2017-09-14", RUSSIA, DAESH, Map.of("killed", 6)));
        ArticleResult second = article("a2", "Submarines of Russia struck Deir ez-Zor; 8 dead.", null,
                "https://www.b.example/2", strike("m2", "2017-09-14", new Actor("Russia", 0, 6, "RUS", "Russia", "RUS", null),
                        null, Map.of("killed", 8)));
        ArticleResult unrelated = article("a3", "Something else entirely happened in October.", "Outlet A", null,
                strike("m3", "2017-10-20", RUSSIA, DAESH, Map.of()));
        long empty = store.version();
        assertTrue(store.save(first, ContentHash.of(first.article().text())));
        long afterFirst = store.version();
        assertTrue(afterFirst > empty, "a stored article changes the version");
        try (EventStore reader = store.openReader()) {
            assertEquals(afterFirst, reader.version(), "another connection sees the same version");
        }
        assertTrue(store.save(second, ContentHash.of(second.article().text())));
        assertTrue(store.save(unrelated, ContentHash.of(unrelated.article().text())));
        long afterAll = store.version();
        assertFalse(store.save(first, ContentHash.of(first.article().text())), "same id: skipped");
        assertEquals(afterAll, store.version(), "an article skipped writes nothing and keeps the version");
        ArticleResult renamed = article("a1-copy", "  RUSSIAN submarines hit Daesh   near Deir ez-Zor, killing 6.", null, null);
        assertTrue(store.contains("a1-copy", ContentHash.of(renamed.article().text())), "same text, other id: known");
        assertEquals(new StoreStats(3, 3, 2, 0), store.stats());
        assertTrue(store.articleKeys().containsAll(List.of("a1", "a2", "a3")));

        List<StoredEvent> events = new ArrayList<>();
        store.export(ExportQuery.all(), events::add);
        assertEquals(2, events.size());
        StoredEvent merged = events.get(0);
        assertEquals(2, merged.numArticles());
        assertEquals(2, merged.numSources(), "Outlet A and b.example");
        assertEquals(2, merged.mentions().size());
        JsonNode json = new ObjectMapper().readTree(merged.eventJson());
        assertEquals("RUSMIL", json.get("source").get("code").asText(), "the more specific actor code is kept");
        assertEquals(8, json.get("quantities").get("killed").asInt());
        JsonNode disagreements = new ObjectMapper().readTree(merged.disagreements());
        assertEquals("[6,8]", disagreements.get("killed").toString(), "both death tolls are kept");
        assertTrue(merged.mentions().get(1).mergeReason().contains("same CAMEO root 19"), merged.mentions().get(1).mergeReason());

        List<StoredEvent> october = new ArrayList<>();
        store.export(new ExportQuery(LocalDate.of(2017, 10, 1), null, "SYR", "ASSAULT"), october::add);
        assertEquals(1, october.size());
        List<StoredEvent> none = new ArrayList<>();
        store.export(new ExportQuery(null, null, "UKR", null), none::add);
        assertTrue(none.isEmpty());

        EventExporter exporter = new EventExporter();
        for (EventExporter.Format f : EventExporter.Format.values()) {
            Path out = dir.resolve("events." + f.name().toLowerCase());
            assertEquals(2, exporter.export(store, ExportQuery.all(), f, out), f.name());
            assertTrue(Files.size(out) > 100, f.name());
        }
        List<String> gdelt = Files.readAllLines(dir.resolve("events.gdelt"));
        String[] row = gdelt.get(0).split("\t", -1);
        assertEquals(61, row.length);
        assertEquals("20170914", row[1]);
        assertEquals("195", row[26]);
        assertEquals("2", row[33], "NumArticles");
        assertEquals("SY", row[53], "ActionGeo_CountryCode");
        List<String> acled = Files.readAllLines(dir.resolve("events.acled"));
        assertTrue(acled.get(1).contains("Air/drone strike") && acled.get(1).contains(",8,,"), acled.get(1));
        assertTrue(Files.readString(dir.resolve("events.geojson")).contains("\"coordinates\":[40.1408,35.3359]"));
        queries(store);
        reportReads(store);
    }

    /** What a report reads: every event of a scope with its mentions, oldest first, and the cited articles. */
    static void reportReads(EventStore store) {
        List<StoredEvent> all = new ArrayList<>();
        store.events(query(f -> { f.put("limit", 1); return f; }), all::add);
        assertEquals(2, all.size(), "paging is ignored");
        assertEquals(2, all.get(0).mentions().size(), "with mentions");
        assertTrue(all.get(0).eventJson().contains("2017-09-14") && all.get(1).eventJson().contains("2017-10-20"), "oldest first");
        List<StoredEvent> october = new ArrayList<>();
        store.events(query(f -> { f.put("from", LocalDate.of(2017, 10, 1)); return f; }), october::add);
        assertEquals(1, october.size());
        List<StoredArticle> articles = store.articles(List.of("a2", "a1", "nope", "a1"));
        assertEquals(List.of("a1", "a2"), articles.stream().map(StoredArticle::id).toList(), "unknown ids left out, id order, once each");
        assertEquals("Outlet A", articles.get(0).outlet());
        assertEquals("https://a.example/1", articles.get(0).url());
        assertEquals(LocalDate.of(2017, 9, 15), articles.get(0).published());
        assertEquals("b.example", articles.get(1).outlet(), "the URL's host where the article names no outlet");
    }

    static EventQuery query(java.util.function.UnaryOperator<Map<String, Object>> set) {
        Map<String, Object> f = set.apply(new java.util.HashMap<>());
        return new EventQuery((LocalDate) f.get("from"), null, (String) f.get("country"), (String) f.get("admin1"),
                (double[]) f.get("bbox"), (String) f.get("actor"), (String) f.get("cameo"), (String) f.get("plover"),
                (String) f.get("acled"), (String) f.get("q"), (EventQuery.Position) f.get("after"), (Integer) f.getOrDefault("limit", 100));
    }

    static List<String> ids(EventStore store, EventQuery q) {
        return store.search(q).events().stream().map(StoredEvent::id).toList();
    }

    /** The API's queries: filters, keyset pages, the event page and the aggregates (two events, m3 newer than m1). */
    void queries(EventStore store) {
        EventPage first = store.search(EventQuery.all(1));
        assertEquals(List.of("m3"), first.events().stream().map(StoredEvent::id).toList(), "newest first");
        assertTrue(first.events().get(0).mentions().isEmpty(), "listings leave mentions out");
        EventPage second = store.search(query(f -> { f.put("after", first.next()); f.put("limit", 1); return f; }));
        assertEquals(List.of("m1"), second.events().stream().map(StoredEvent::id).toList());
        assertEquals(null, second.next(), "last page");
        assertEquals(List.of("m3", "m1"), ids(store, query(f -> { f.put("country", "SYR"); f.put("bbox", new double[]{40, 35, 41, 36}); return f; })));
        assertEquals(List.of(), ids(store, query(f -> { f.put("bbox", new double[]{0, 0, 1, 1}); return f; })));
        assertEquals(List.of("m3", "m1"), ids(store, query(f -> { f.put("admin1", "deir ez-zor"); return f; })));
        assertEquals(List.of("m3", "m1"), ids(store, query(f -> { f.put("actor", "rus"); return f; })), "code prefix");
        assertEquals(List.of("m3", "m1"), ids(store, query(f -> { f.put("actor", "islamic"); return f; })), "name text");
        assertEquals(List.of(), ids(store, query(f -> { f.put("actor", "UKR"); return f; })));
        assertEquals(List.of("m3", "m1"), ids(store, query(f -> { f.put("q", "SUBMARINES hit"); return f; })));
        assertEquals(List.of(), ids(store, query(f -> { f.put("q", "hit%"); return f; })), "wildcards match literally");
        assertEquals(List.of("m3", "m1"), ids(store, query(f -> { f.put("cameo", "19"); f.put("plover", "ASSAULT"); f.put("acled", "Air/drone strike"); return f; })));
        assertEquals(List.of(), ids(store, query(f -> { f.put("plover", "PROTEST"); return f; })));
        assertEquals(List.of("m3"), ids(store, query(f -> { f.put("from", LocalDate.of(2017, 10, 1)); return f; })));

        StoredEventDetail detail = store.event("m1").orElseThrow();
        assertEquals(2, detail.event().mentions().size());
        assertTrue(detail.mentionJson().get("m2").contains("\"killed\":8"), detail.mentionJson().get("m2"));
        assertTrue(store.event("no-such-event").isEmpty());
        long beforeZone = store.version();
        Zone zone = store.saveZone(new Zone("z1", "box", "{\"type\":\"Polygon\"}", 39.5, 35, 41, 36.5, null));
        assertTrue(store.version() > beforeZone, "a zone stored changes the version");
        assertTrue(zone.createdAt() != null);
        assertEquals(zone, store.zone("z1").orElseThrow());
        assertTrue(store.zone("z2").isEmpty());
        assertEquals(List.of(zone), store.zones());
        // Both events were stored before the zone: nothing is newer than it; everything is newer than an old instant.
        assertEquals(List.of(), store.seenAfter(zone.createdAt(), null, 10, false));
        assertEquals(List.of("m3", "m1"), store.seenAfter("2000-01-01T00:00:00Z", new double[]{39.5, 35, 41, 36.5}, 10, false).stream()
                .map(StoredEvent::id).toList(), "most recently seen first");
        assertEquals(List.of("m1"), store.seenAfter("2000-01-01T00:00:00Z", new double[]{39.5, 35, 41, 36.5}, 1, true).stream()
                .map(StoredEvent::id).toList(), "oldest first: the earliest seen");
        assertEquals(List.of(), store.seenAfter("2000-01-01T00:00:00Z", new double[]{30, 45, 40, 55}, 10, false), "nothing in a box elsewhere");
        try (EventStore reader = store.openReader()) {
            assertEquals(store.stats(), reader.stats(), "a reader sees what the store holds");
            assertEquals(zone, reader.zone("z1").orElseThrow());
        }
        long beforeDelete = store.version();
        assertTrue(store.deleteZone("z1"));
        long afterDelete = store.version();
        assertTrue(afterDelete > beforeDelete, "a zone deleted changes the version");
        assertFalse(store.deleteZone("z1"));
        assertEquals(afterDelete, store.version(), "deleting nothing keeps the version");
        assertTrue(store.zones().isEmpty());
        assertTrue(store.addFeed("https://feeds.example/rss"));
        assertTrue(store.removeFeed("https://feeds.example/rss"));
        assertEquals(afterDelete + 2, store.version(), "a feed added and removed: two writes");

        List<Aggregates.TimelineCount> days = List.of(new Aggregates.TimelineCount("2017-09-14", "ASSAULT", 1),
                new Aggregates.TimelineCount("2017-10-20", "ASSAULT", 1));
        assertEquals(new Aggregates.Timeline(Aggregates.Interval.DAY, days), store.timeline(EventQuery.all(1), Aggregates.Interval.DAY));
        assertEquals(List.of(new Aggregates.TimelineCount("2017-09-11", "ASSAULT", 1), new Aggregates.TimelineCount("2017-10-16", "ASSAULT", 1)),
                store.timeline(EventQuery.all(1), Aggregates.Interval.WEEK).counts(), "weeks start on Monday");
        assertEquals(List.of(new Aggregates.TimelineCount("2017-09-01", "ASSAULT", 1), new Aggregates.TimelineCount("2017-10-01", "ASSAULT", 1)),
                store.timeline(EventQuery.all(1), Aggregates.Interval.MONTH).counts());
        assertEquals(List.of(new Aggregates.TimelineCount("2017-01-01", "ASSAULT", 2)),
                store.timeline(EventQuery.all(1), Aggregates.Interval.YEAR).counts());
        assertEquals(new Aggregates.Timeline(Aggregates.Interval.DAY, days), store.timeline(EventQuery.all(1), null),
                "36 days apart: counted per day");
        assertEquals(new Aggregates.Timeline(Aggregates.Interval.DAY, List.of()),
                store.timeline(new EventQuery(null, null, "ATA", null, null, null, null, null, null, null, null, 1), null), "nothing matches");
        assertEquals(List.of("m1", "m3"), store.withCameoCodes(List.of("19"), null, null).stream().map(StoredEvent::id).sorted().toList(),
                "a code takes the codes under it");
        assertEquals(List.of("m1"), store.withCameoCodes(List.of("192", "195"), LocalDate.of(2017, 9, 30), "SYR").stream().map(StoredEvent::id).toList());
        assertEquals(List.of(), store.withCameoCodes(List.of("192", "0874"), null, null));
        assertEquals(List.of(new Aggregates.ActorCount("IMGMUSISI", "Islamic State", 0, 2), new Aggregates.ActorCount("RUSMIL", "Russia (military)", 2, 0)),
                store.topActors(EventQuery.all(1), 10));
        assertEquals(List.of(new Aggregates.DyadCount("RUSMIL", "Russia (military)", "IMGMUSISI", "Islamic State", 2)),
                store.dyads(EventQuery.all(1), 10));
    }

    static final Place GAZA_CITY = new Place("Gaza City", 0, 9, "Gaza", 281133L, 31.5017, 34.4668, "PSE", "Gaza", "PPLA", "city");
    static final Place JENIN = new Place("Jenin", 0, 5, "Jenin", 293198L, 32.4607, 35.3027, "PSE", "Jenin", "PPLA", "city");

    static Actor actor(String text, String code, String country, String sector) {
        return new Actor(text, 0, text.length(), code, text, country, sector);
    }

    static Event act(String id, String code, String label, String mode, Actor source, Actor target, Place place, String sentence) {
        return new Event(id, "2021-05-11", "day", "text", source, target,
                new Event.Cameo(code, code, "19", 4, -10.0, label), new Event.Plover("ASSAULT", mode, List.of("military")),
                new Event.Acled(code.equals("190") ? "Battles" : "Explosions/Remote violence", code.equals("190") ? "Armed clash" : "Air/drone strike"),
                place, "asserted", null, Map.of(), new Event.Evidence(sentence, 0, sentence.length(), new Event.Span(sentence.split(" ")[2], 0, 1)), 0.8);
    }

    /**
     * Two strikes of one day in one town, each side's own, stay two events (each directed act keeps its direction);
     * "X and Y clashed" told as "Y and X clashed" is one event, its sides folded crosswise.
     */
    static void directions(EventStore store) throws IOException {
        Actor israeliJets = actor("Israeli jets", "ISRMIL", "ISR", "MIL"), gaza = actor("Gaza", "PSE", "PSE", null);
        Actor hamas = actor("Hamas", "PSEREB", "PSE", "REB"), israeliPost = actor("an Israeli army post", "ISRMIL", "ISR", "MIL");
        ArticleResult jets = article("d1", "Israeli jets struck Gaza City on Tuesday.", "Outlet A", null,
                act("d1m", "195", "Employ aerial weapons", "aerial", israeliJets, gaza, GAZA_CITY, "Israeli jets struck Gaza City on Tuesday."));
        ArticleResult drones = article("d2", "Hamas drones hit an Israeli army post at Gaza City on Tuesday.", "Outlet B", null,
                act("d2m", "195", "Employ aerial weapons", "aerial", hamas, israeliPost, GAZA_CITY, "Hamas drones hit an Israeli army post."));
        ArticleResult clash = article("d3", "Israel and Hamas fighters clashed in Jenin on Tuesday.", "Outlet A", null,
                act("d3m", "190", "Use conventional military force", "clash", actor("Israel", "ISR", "ISR", null), hamas, JENIN,
                        "Israel and Hamas fighters clashed in Jenin."));
        ArticleResult clashAgain = article("d4", "Hamas fighters and Israeli troops clashed in Jenin on Tuesday.", "Outlet B", null,
                act("d4m", "190", "Use conventional military force", "clash", hamas, actor("Israeli troops", "ISRMIL", "ISR", "MIL"), JENIN,
                        "Hamas fighters and Israeli troops clashed in Jenin."));
        for (ArticleResult a : List.of(jets, drones, clash, clashAgain)) assertTrue(store.save(a, ContentHash.of(a.article().text())));
        List<StoredEvent> events = new ArrayList<>();
        store.export(new ExportQuery(LocalDate.of(2021, 5, 1), LocalDate.of(2021, 5, 31), "PSE", null), events::add);
        Map<String, StoredEvent> byId = new java.util.TreeMap<>();
        for (StoredEvent e : events) byId.put(e.id(), e);
        assertEquals(List.of("d1m", "d2m", "d3m"), List.copyOf(byId.keySet()), "two strikes and one clash");
        assertEquals(1, byId.get("d1m").numMentions(), "the Israeli strike alone");
        assertEquals(1, byId.get("d2m").numMentions(), "the Hamas strike alone");
        StoredEvent clashed = byId.get("d3m");
        assertEquals(2, clashed.numMentions(), "one clash told both ways round");
        assertTrue(clashed.mentions().stream().anyMatch(m -> m.mergeReason().contains("swapped (190 and 190 are mutual acts)")),
                clashed.mentions().toString());
        JsonNode json = new ObjectMapper().readTree(clashed.eventJson());
        assertEquals("ISRMIL", json.get("source").get("code").asText(), "the second report's target refines the first's source");
        assertEquals("PSEREB", json.get("target").get("code").asText());
    }

    @Test
    void oppositeStrikesStayApartAndMutualClashesMerge() throws IOException {
        try (EventStore store = Stores.open(dir.resolve("directions.duckdb").toString())) {
            directions(store);
        }
    }

    @Test
    void duckDbStore() throws IOException, SQLException {
        Path db = dir.resolve("store.duckdb");
        try (EventStore store = Stores.open(db.toString())) {
            contract(store);
        }
        try (EventStore reopened = Stores.open(db.toString())) {
            assertEquals(3, reopened.stats().articles(), "committed data survives reopening");
        }
        // A store written before the API's filter columns existed gets them, filled, when opened.
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = duck.createStatement()) {
            s.execute("DROP INDEX IF EXISTS events_family_date");
            for (String c : new String[]{"admin1", "source_name", "target_name", "cameo_code", "outlets"}) s.execute("ALTER TABLE events DROP COLUMN " + c);
            s.execute("CREATE INDEX events_family_date ON events (cameo_root, date_start)");
        }
        try (EventStore upgraded = Stores.open(db.toString())) {
            assertEquals(List.of("m3", "m1"), ids(upgraded, query(f -> { f.put("admin1", "Deir ez-Zor"); f.put("actor", "islamic"); return f; })));
            assertEquals(2, upgraded.withCameoCodes(List.of("195"), null, null).size(), "CAMEO codes filled from the events' JSON");
            // The outlets column, filled from the mentions, keeps num_sources counting as before: a third outlet
            // counts, a second report of Outlet A does not, and a second mention of one article adds no article.
            ArticleResult third = article("a4", "Russian submarines struck Daesh at Deir ez-Zor again.", "Outlet C", null,
                    strike("m4", "2017-09-14", RUSSIA, DAESH, Map.of()));
            assertTrue(upgraded.save(third, ContentHash.of(third.article().text())));
            ArticleResult again = article("a5", "Outlet A: Russian submarines hit Daesh; Deir ez-Zor was hit.", "Outlet A", null,
                    strike("m5", "2017-09-14", RUSSIA, DAESH, Map.of()), strike("m6", "2017-09-14", RUSSIA, DAESH, Map.of()));
            assertTrue(upgraded.save(again, ContentHash.of(again.article().text())));
            StoredEvent m1 = upgraded.event("m1").orElseThrow().event();
            assertEquals(List.of(5, 4, 3), List.of(m1.numMentions(), m1.numArticles(), m1.numSources()), "mentions, articles, outlets");
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), sum(num_articles) FROM read_parquet('"
                     + dir.resolve("events.parquet") + "')")) {
            r.next();
            assertEquals(2, r.getInt(1));
            assertEquals(3, r.getInt(2));
        }
    }

    @Test
    void postgresStore() throws IOException {
        String url = System.getenv("SITREP_TEST_POSTGRES");
        assumeTrue(url != null, "SITREP_TEST_POSTGRES not set (scripts/test.sh sets it when PostgreSQL is installed)");
        // scripts/test.sh creates a fresh database for each run, so the store starts empty.
        try (EventStore store = Stores.open(url)) {
            contract(store);
            directions(store); // other days and places than the contract's: its events are left alone
            JdbcEventStore jdbc = (JdbcEventStore) store;
            if (jdbc.spatial()) {
                assertEquals(2, jdbc.countWithinKm(35.34, 40.14, 10), "PostGIS finds both events at Deir ez-Zor");
                assertEquals(0, jdbc.countWithinKm(36.20, 37.16, 10), "none at Aleppo");
            } else {
                System.err.println("StoreTest: PostGIS not installed; the geometry column is not tested");
            }
        }
    }
}
