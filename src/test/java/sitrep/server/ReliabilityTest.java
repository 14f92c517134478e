package sitrep.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reliability suite: one bad item never holds the run or the store, nothing is lost silently. Small inputs
 * stand for large ones by lowering the bounds (a 2 KB limit stands for 5 MB); each test names the failure of
 * the test campaign it guards against (issue 15).
 */
class ReliabilityTest {
    @TempDir
    Path dir;

    private static List<InputItem> read(Path file, int maxItemBytes) {
        List<InputItem> items = new ArrayList<>();
        new ArticleReader(InputFormat.AUTO, null, note -> { }, maxItemBytes).read(file.toString(), new ByteArrayInputStream(new byte[0]), items::add);
        return items;
    }

    private static String message(InputItem item) {
        return item.problems().isEmpty() ? "" : item.problems().get(0).message();
    }

    /** A JSON Lines line over the limit is that line's error, not held in memory, and the lines after it are read. */
    @Test
    void jsonLineOverTheLimitIsItsOwnError() throws IOException {
        Path f = dir.resolve("batch.jsonl");
        String huge = "{\"id\": \"big\", \"text\": \"" + "shelling ".repeat(1000) + "\"}";
        Files.writeString(f, "{\"id\": \"a1\", \"text\": \"Rebels shelled Aleppo.\"}\n" + huge + "\n"
                + "{\"id\": \"a3\", \"text\": \"Troops entered Homs.\"}\n");
        List<InputItem> items = read(f, 2048);
        assertEquals(3, items.size());
        assertTrue(items.get(0).usable());
        assertFalse(items.get(1).usable());
        assertTrue(message(items.get(1)).contains("line too large") && message(items.get(1)).contains("--max-item-bytes"), message(items.get(1)));
        assertEquals(f + ":2", items.get(1).article().origin());
        assertTrue(items.get(2).usable());
        assertEquals("a3", items.get(2).article().id());
    }

    /** A CSV cell over the limit is that row's error; the rows around it are read. */
    @Test
    void csvCellOverTheLimitIsItsRowsError() throws IOException {
        Path f = dir.resolve("batch.csv");
        Files.writeString(f, "id,published,text\n"
                + "c1,2024-03-01,Rebels shelled Aleppo.\n"
                + "c2,2024-03-01,\"" + "shelling, again\n".repeat(200) + "\"\n"
                + "c3,2024-03-02,\"Troops entered Homs, \"\"the city\"\", at dawn.\"\n");
        List<InputItem> items = read(f, 2048);
        assertEquals(3, items.size(), items.toString());
        assertEquals("c1", items.get(0).article().id());
        assertFalse(items.get(1).usable());
        assertTrue(message(items.get(1)).contains("over the limit of 2048 bytes") && message(items.get(1)).contains("lines 3 to 203"), message(items.get(1)));
        assertEquals("c3", items.get(2).article().id(), "the row after the refused one is read");
        assertEquals("Troops entered Homs, \"the city\", at dawn.", items.get(2).article().text());
    }

    /** A quote never closed, past the limit, makes the rest of the file unreadable: reported, never silent. */
    @Test
    void unclosedQuotePastTheLimitStopsReadingLoudly() throws IOException {
        Path f = dir.resolve("open.csv");
        Files.writeString(f, "id,text\nu1,Rebels shelled Aleppo.\nu2,\"" + "shelling\n".repeat(400));
        ArticleReader reader = new ArticleReader(InputFormat.AUTO, null, note -> { }, 2048);
        List<InputItem> items = new ArrayList<>();
        reader.read(f.toString(), new ByteArrayInputStream(new byte[0]), items::add);
        assertEquals(2, items.size(), "the row before, then the stop: " + items);
        assertEquals("u1", items.get(0).article().id());
        assertTrue(message(items.get(1)).contains("never closed") && message(items.get(1)).contains("line 3"), message(items.get(1)));
        assertEquals(1, reader.stopped().size(), "the reader says that it stopped early, for the exit status");
    }

    /** Loopback in every spelling is refused before any connection: IPv4 in IPv6, and IPv4 as one number, octal or hex. */
    @Test
    void feedAddressCheckCoversEveryLoopbackSpelling() {
        FeedFetcher fetcher = new FeedFetcher(false);
        for (String url : List.of("http://[::7f00:1]/feed", "http://[::ffff:127.0.0.1]/feed", "http://[::ffff:7f00:1]/feed",
                "http://[::1]/feed", "http://[::a00:1]/feed", "http://2130706433/feed", "http://0x7f000001/feed", "http://0177.0.0.1/feed",
                "http://0x7f.1/feed", "http://127.1/feed", "http://127.0.0.1./feed", "http://10.0.0.1/feed")) {
            FeedFetcher.FetchException e = org.junit.jupiter.api.Assertions.assertThrows(FeedFetcher.FetchException.class,
                    () -> fetcher.check(java.net.URI.create(url)), url);
            assertTrue(e.getMessage().startsWith("refusing") || e.getMessage().startsWith("no host"), url + ": " + e.getMessage());
        }
        assertFalse(FeedFetcher.isPrivate(new java.net.InetSocketAddress("93.184.216.34", 80).getAddress()));
        assertFalse(FeedFetcher.isPrivate(new java.net.InetSocketAddress("2606:2800:220:1::1", 80).getAddress()));
    }

    /** URLs that differ only in how they are written are one feed: one id, one entry, one delete. */
    @Test
    void feedIdsComeFromTheNormalisedUrl() {
        assertEquals(FeedsResource.feedId("https://news.example/feed.rss"), FeedsResource.feedId("HTTPS://News.Example:443/feed.rss"));
        assertEquals("http://news.example/", FeedsResource.normalisedFeedUrl("http://NEWS.example"));
        assertFalse(FeedsResource.feedId("https://news.example/Feed.rss").equals(FeedsResource.feedId("https://news.example/feed.rss")),
                "paths are case-sensitive");
    }

    /** Jetty's own errors (a bad escape, a URI over its limit) answer in the API's JSON, like every other error. */
    @Test
    void jettyLevelErrorsAreJson() throws IOException {
        try (sitrep.store.EventStore store = sitrep.store.Stores.open(dir.resolve("s.duckdb").toString());
             ApiServer server = new ApiServer(store, null, () -> { throw new IllegalStateException("no pipeline here"); }).start("127.0.0.1", 0)) {
            for (String path : List.of("/api/%zz", "/%2e%2e/etc/passwd", "/api/events?q=" + "a".repeat(9000), "/api/nothing")) {
                String answer = rawGet(server.port(), path);
                String status = answer.substring(9, 12);
                assertTrue(answer.contains("Content-Type: application/json"), path + ": " + answer);
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
                assertEquals(Integer.parseInt(status), json.get("status").asInt(), path + ": " + body);
                assertTrue(json.get("error").isTextual(), body);
            }
            assertTrue(rawGet(server.port(), "/api/events?q=" + "a".repeat(9000)).startsWith("HTTP/1.1 414"));
        }
    }

    private static String rawGet(int port, String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Zones that are no valid simple feature are refused, each with what is wrong. */
    @Test
    void invalidZonesAreRefusedWithWhatIsWrong() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String square = "[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]";
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}", "crosses itself");
        cases.put("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [4, 0], [4, 4], [2, -1], [0, 4], [0, 0]]]}", "crosses itself");
        cases.put("{\"type\": \"Polygon\", \"coordinates\": [" + square + ", [[6, 6], [7, 6], [7, 7], [6, 6]]]}", "hole lies outside");
        cases.put("{\"type\": \"Polygon\", \"coordinates\": [" + square + ", " + square + "]}", "");
        cases.put("{\"type\": \"MultiPolygon\", \"coordinates\": [[" + square + "], [" + square + "]]}", "");
        for (var c : cases.entrySet()) {
            sitrep.store.ZoneGeometry.InvalidZone e = org.junit.jupiter.api.Assertions.assertThrows(sitrep.store.ZoneGeometry.InvalidZone.class, () -> sitrep.store.ZoneGeometry.parse(json.readTree(c.getKey())), c.getKey());
            assertTrue(e.getMessage().contains("not a valid polygon") && e.getMessage().contains(c.getValue()), c.getKey() + ": " + e.getMessage());
        }
        assertTrue(sitrep.store.ZoneGeometry.parse(json.readTree("{\"type\": \"Polygon\", \"coordinates\": [" + square
                + ", [[1, 1], [2, 1], [2, 2], [1, 1]]]}")).contains(3, 3), "a valid zone with a hole is taken");
    }

    // --- PostgreSQL: concurrent writers (skipped without SITREP_TEST_POSTGRES, which scripts/test.sh sets) ---

    private static String postgres() {
        String url = System.getenv("SITREP_TEST_POSTGRES");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(), "SITREP_TEST_POSTGRES not set");
        return url;
    }

    /** A fresh, empty database on the test server, for tests of what happens when a store is first made. */
    private static String freshDatabase(String url) throws java.sql.SQLException {
        String name = "sitrep_rel_" + Long.toHexString(System.nanoTime());
        String base = url.substring(0, url.lastIndexOf('/'));
        try (sitrep.store.EventStore any = sitrep.store.Stores.open(url)) {
            // the server answers; now the database, by a plain connection
        }
        java.net.URI u = java.net.URI.create(url);
        String jdbc = "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath() + "?user=" + u.getUserInfo().split(":")[0];
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbc); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return base + "/" + name;
    }

    private static sitrep.model.ArticleResult strikeReport(String id, String day, String outlet) {
        sitrep.model.Place aleppo = new sitrep.model.Place("Aleppo", 30, 36, "Aleppo", 170063L, 36.2021, 37.1343, "SYR", "Aleppo", "PPLA", "city");
        sitrep.model.Actor army = new sitrep.model.Actor("Syrian army", 0, 11, "SYRMIL", "Syria (military)", "SYR", "MIL");
        sitrep.model.Actor rebels = new sitrep.model.Actor("rebels", 20, 26, "SYRREB", "Syria (rebels)", "SYR", "REB");
        String text = "Syrian army shelled rebels in Aleppo " + id + ".";
        sitrep.model.Event e = new sitrep.model.Event(id + "-m1", day, "day", "text", army, rebels,
                new sitrep.model.Event.Cameo("195", "195", "19", 4, -10.0, "Employ aerial weapons"),
                new sitrep.model.Event.Plover("ASSAULT", "aerial", List.of("military")), null, aleppo, "asserted", null, java.util.Map.of(),
                new sitrep.model.Event.Evidence(text, 0, text.length(), new sitrep.model.Event.Span("shelled", 12, 19)), 0.8);
        sitrep.model.Article a = new sitrep.model.Article(id, text, java.time.LocalDate.parse(day), null, "https://" + outlet + "/" + id, outlet, "en", id, false);
        return new sitrep.model.ArticleResult(a, List.of(aleppo), List.of(e), List.of());
    }

    /** Two ingests of overlapping batches into one PostgreSQL store both finish; each article is stored once. */
    @Test
    void concurrentPostgresIngestsOfOverlappingBatchesBothFinish() throws Exception {
        String url = freshDatabase(postgres());
        List<sitrep.model.ArticleResult> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) batch.add(strikeReport("pg-" + i, "2024-05-" + (10 + 3 * (i % 3)), "outlet" + (i % 4) + ".example"));
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (sitrep.store.EventStore first = sitrep.store.Stores.open(url); sitrep.store.EventStore second = sitrep.store.Stores.open(url)) {
            java.util.concurrent.Future<Integer> a = two.submit(() -> saveAll(first, batch.subList(0, 30)));
            java.util.concurrent.Future<Integer> b = two.submit(() -> saveAll(second, batch.subList(10, 40)));
            int stored = a.get() + b.get();
            assertEquals(40, stored, "each article stored once, the overlap skipped by whichever came second");
            sitrep.store.StoreStats stats = first.stats();
            assertEquals(40, stats.articles());
            assertEquals(40, stats.mentions());
            assertEquals(3, stats.events(), "one strike a day, merged across both writers: " + stats);
        } finally {
            two.shutdownNow();
        }
    }

    private static int saveAll(sitrep.store.EventStore store, List<sitrep.model.ArticleResult> results) {
        int stored = 0;
        for (sitrep.model.ArticleResult r : results) if (store.save(r, sitrep.store.ContentHash.of(r.article().text()))) stored++;
        return stored;
    }

    /** Processes opening a new PostgreSQL store at once create its schema once, and all of them open it. */
    @Test
    void concurrentFirstOpensOfAPostgresStoreAllSucceed() throws Exception {
        String url = freshDatabase(postgres());
        java.util.concurrent.ExecutorService many = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Long>> opens = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                opens.add(many.submit(() -> {
                    go.await();
                    try (sitrep.store.EventStore s = sitrep.store.Stores.open(url)) {
                        return s.stats().events();
                    }
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Long> f : opens) assertEquals(0L, f.get());
        } finally {
            many.shutdownNow();
        }
    }

    // --- Bounds on one article's cost, through the pipeline (CoreNLP, loaded once per test run) ---

    private static sitrep.model.ArticleResult run(sitrep.pipeline.ArticleBounds bounds, String text) {
        sitrep.pipeline.Pipeline pipeline = new sitrep.pipeline.Pipeline(1, null, sitrep.coding.CoderSettings.defaults().withMinConfidence(0), bounds);
        try {
            return pipeline.process(ArticleReader.ofTexts(List.of(text), List.of(java.time.LocalDate.of(2024, 3, 9))).get(0));
        } finally {
            pipeline.close();
        }
    }

    private static String errors(sitrep.model.ArticleResult r) {
        return r.errors().toString();
    }

    /** A run-on text past the size or sentence bound is refused with an error naming the bound; events past theirs are counted. */
    @Test
    void articleBoundsRefuseOrCutWithAnErrorNamingTheBound() {
        String runOn = "rebels shelled army posts and troops bombed villages and militants attacked convoys ".repeat(40);
        sitrep.model.ArticleResult tooLong = run(new sitrep.pipeline.ArticleBounds(1000, 4000, 20, 500), runOn);
        assertTrue(tooLong.events().isEmpty());
        assertTrue(errors(tooLong).contains("over the bound of 1,000 characters") && errors(tooLong).contains("--max-article-chars"), errors(tooLong));

        String manySentences = "Rebels shelled Aleppo on Monday. Troops bombed Homs on Monday. Militants attacked Idlib on Monday. "
                + "Police arrested protesters in Damascus on Monday. Gunmen ambushed a convoy near Hama on Monday.";
        sitrep.model.ArticleResult tooMany = run(new sitrep.pipeline.ArticleBounds(300_000, 3, 20, 500), manySentences);
        assertTrue(errors(tooMany).contains("5 sentences") && errors(tooMany).contains("--max-sentences"), errors(tooMany));

        sitrep.model.ArticleResult all = run(sitrep.pipeline.ArticleBounds.defaults(), manySentences);
        assertTrue(all.events().size() >= 3, "the unbounded run codes several events: " + all.events().size());
        assertTrue(all.errors().isEmpty(), errors(all));
        sitrep.model.ArticleResult cut = run(new sitrep.pipeline.ArticleBounds(300_000, 4000, 20, 2), manySentences);
        assertEquals(2, cut.events().size());
        assertEquals(all.events().subList(0, 2).stream().map(sitrep.model.Event::id).toList(), cut.events().stream().map(sitrep.model.Event::id).toList(),
                "the first events in text order are kept");
        assertTrue(errors(cut).contains((all.events().size() - 2) + " events left out") && errors(cut).contains("--max-events-per-article"), errors(cut));

        String crowded = runOn.substring(0, 600) + ".";
        sitrep.model.ArticleResult dense = run(sitrep.pipeline.ArticleBounds.defaults(), crowded);
        sitrep.model.ArticleResult perSentence = run(new sitrep.pipeline.ArticleBounds(300_000, 4000, 1, 500), crowded);
        java.util.Set<Integer> sentences = new java.util.HashSet<>();
        for (sitrep.model.Event e : perSentence.events()) assertTrue(sentences.add(e.evidence().start()), "one event per sentence at most");
        assertTrue(dense.events().size() > perSentence.events().size(), dense.events().size() + " > " + perSentence.events().size());
        assertTrue(errors(perSentence).contains("--max-events-per-sentence"), errors(perSentence));
    }
}
