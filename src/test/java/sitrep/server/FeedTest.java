package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.FeedParser;
import sitrep.ingest.InputException;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.store.EventStore;
import sitrep.store.Stores;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RSS/Atom parsing (XML hardened), bounded fetching with the private-address rule, and polling into a store. */
class FeedTest {
    @TempDir
    Path dir;

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel><title>Example Wire</title>
                <item><title>Shelling in Kharkiv</title><link>https://news.example/kharkiv</link>
                  <guid>kharkiv-1</guid><pubDate>Mon, 10 Oct 2022 08:00:00 GMT</pubDate>
                  <description>&lt;p&gt;Russian forces &lt;b&gt;shelled&lt;/b&gt; Kharkiv on Monday.&lt;/p&gt;</description></item>
                <item><title>Talks in Doha</title><link>javascript:alert(1)</link>
                  <content:encoded><![CDATA[<p>Negotiators met in <i>Doha</i>.</p>]]></content:encoded>
                  <description>short</description></item>
              </channel>
            </rss>
            """;
    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
              <entry><title>Clashes in Khartoum</title><id>urn:x:1</id>
                <link rel="alternate" href="https://atom.example/khartoum"/><published>2023-04-16T09:30:00Z</published>
                <summary type="html">&lt;p&gt;The army and the RSF clashed in Khartoum.&lt;/p&gt;</summary></entry>
            </feed>
            """;

    @Test
    void parsesRssAndAtom() {
        List<Article> rss = FeedParser.parse(RSS.getBytes(StandardCharsets.UTF_8), "test");
        assertEquals(2, rss.size());
        Article kharkiv = rss.get(0);
        assertEquals("Russian forces shelled Kharkiv on Monday.", kharkiv.text(), "markup removed");
        assertEquals(LocalDate.of(2022, 10, 10), kharkiv.published());
        assertEquals("https://news.example/kharkiv", kharkiv.url());
        assertEquals("Example Wire", kharkiv.source());
        assertEquals(kharkiv.id(), FeedParser.parse(RSS.getBytes(StandardCharsets.UTF_8), "again").get(0).id(), "stable ids");
        assertEquals("Negotiators met in Doha.", rss.get(1).text(), "content:encoded wins over description");
        assertNull(rss.get(1).url(), "only http(s) links are kept");

        List<Article> atom = FeedParser.parse(ATOM.getBytes(StandardCharsets.UTF_8), "test");
        assertEquals(1, atom.size());
        assertEquals("The army and the RSF clashed in Khartoum.", atom.get(0).text());
        assertEquals(LocalDate.of(2023, 4, 16), atom.get(0).published());
        assertEquals("https://atom.example/khartoum", atom.get(0).url());
    }

    @Test
    void refusesDoctypesSoNoEntityIsExpanded() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss><channel><item><title>t</title><description>&x;</description></item></channel></rss>";
        InputException e = assertThrows(InputException.class, () -> FeedParser.parse(xxe.getBytes(StandardCharsets.UTF_8), "evil"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss>&b;</rss>";
        assertThrows(InputException.class, () -> FeedParser.parse(bomb.getBytes(StandardCharsets.UTF_8), "bomb"));
    }

    @Test
    void readsFeedFilesAsInput() throws IOException {
        Path feed = Files.writeString(dir.resolve("wire.rss"), RSS);
        List<InputItem> items = new ArrayList<>();
        new ArticleReader(InputFormat.AUTO, null).read(feed.toString(), null, items::add);
        assertEquals(2, items.size());
        assertTrue(items.get(0).usable());
    }

    /** A loopback HTTP server with a feed, a redirect to it, and a feed over the size limit. */
    static HttpServer feedServer() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/feed.rss", ex -> {
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        http.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/feed.rss");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        http.createContext("/huge.rss", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no declared length, so the read limit must catch it
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < (FeedFetcher.MAX_BYTES / chunk.length) + 2; i++) out.write(chunk);
            } catch (IOException ignored) {
                // the client hung up once it had read past the limit
            }
        });
        http.createContext("/slow.rss", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 30; i++) { // a byte every 100 ms: never idle long, never done
                    out.write('<');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException ignored) {
                // the client gave up
            }
        });
        http.createContext("/bad-redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/a b|{}");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "feed-test-server");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return http;
    }

    @Test
    void fetcherRefusesPrivateAddressesAndBoundsSize() throws IOException {
        HttpServer http = feedServer();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        try {
            FeedFetcher strict = new FeedFetcher(false);
            for (String url : List.of(base + "/feed.rss", "http://localhost:9/x", "http://10.1.2.3/feed", "http://[::1]:9/x",
                    "http://169.254.169.254/latest/meta-data")) {
                FeedFetcher.FetchException e = assertThrows(FeedFetcher.FetchException.class, () -> strict.fetch(url), url);
                assertTrue(e.getMessage().contains("--allow-private-feeds"), e.getMessage());
            }
            assertTrue(assertThrows(FeedFetcher.FetchException.class, () -> strict.fetch("file:///etc/passwd"))
                    .getMessage().contains("http or https"));

            FeedFetcher local = new FeedFetcher(true);
            assertEquals(RSS, new String(local.fetch(base + "/feed.rss"), StandardCharsets.UTF_8));
            assertEquals(RSS, new String(local.fetch(base + "/moved"), StandardCharsets.UTF_8), "redirect followed");
            assertTrue(assertThrows(FeedFetcher.FetchException.class, () -> local.fetch(base + "/huge.rss"))
                    .getMessage().contains("larger than"));
            assertTrue(assertThrows(FeedFetcher.FetchException.class, () -> local.fetch(base + "/missing"))
                    .getMessage().contains("HTTP 404"));
            assertTrue(assertThrows(FeedFetcher.FetchException.class, () -> local.fetch(base + "/bad-redirect"))
                    .getMessage().contains("no URL"));
            // The sender would finish after 3 s: only the body's deadline makes this fail.
            FeedFetcher impatient = new FeedFetcher(true, java.time.Duration.ofMillis(800));
            assertTrue(assertThrows(FeedFetcher.FetchException.class, () -> impatient.fetch(base + "/slow.rss"))
                    .getMessage().contains("too slowly"));
        } finally {
            http.stop(0);
        }
    }

    @Test
    void pollerStoresNewItemsOnce() throws IOException {
        HttpServer http = feedServer();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        List<String> processed = new ArrayList<>();
        try (EventStore store = Stores.open(dir.resolve("feeds.duckdb").toString());
             FeedPoller poller = new FeedPoller(List.of(base + "/feed.rss", base + "/missing"), new FeedFetcher(true), store, item -> {
                 // Stands in for the pipeline (tested elsewhere): an article with no events.
                 processed.add(item.article().id());
                 return new ArticleResult(item.article(), List.of(), List.of(), List.of());
             })) {
            List<FeedPoller.PollResult> first = poller.pollOnce();
            assertEquals(new FeedPoller.PollResult(base + "/feed.rss", 2, 2, null), first.get(0));
            assertTrue(first.get(1).error().contains("HTTP 404"), "a failing feed is reported, the others still run");
            assertEquals(2, store.stats().articles());
            List<FeedPoller.PollResult> second = poller.pollOnce();
            assertEquals(0, second.get(0).stored(), "already stored: skipped");
            assertEquals(2, processed.size(), "and no pipeline work for known items");
            assertFalse(store.articleKeys().isEmpty());
        } finally {
            http.stop(0);
        }
    }

    /**
     * Feeds managed through the API: adding one needs the token, stores it (it outlives the server) and polls
     * it at once; the list shows each feed's last poll; a --feed one cannot be removed through the API.
     */
    @Test
    void feedsAddedThroughTheApiArePolledAndListed() throws Exception {
        HttpServer http = feedServer();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        try (EventStore store = Stores.open(dir.resolve("api-feeds.duckdb").toString());
             FeedPoller poller = new FeedPoller(List.of(base + "/atom.xml"), new FeedFetcher(true), store,
                     item -> new ArticleResult(item.article(), List.of(), List.of(), List.of()));
             ApiServer server = new ApiServer(store, "s3cret", () -> null, 2, poller).start("127.0.0.1", 0)) {
            String api = "http://127.0.0.1:" + server.port() + "/api/feeds";
            BiFunction<String, String, HttpRequest> post = (body, token) -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (token != null) b.header("Authorization", "Bearer " + token);
                return b.build();
            };
            String feed = "{\"url\": \"" + base + "/feed.rss\"}";
            assertEquals(401, client.send(post.apply(feed, null), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(400, client.send(post.apply("{\"url\": \"file:///etc/passwd\"}", "s3cret"), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(201, client.send(post.apply(feed, "s3cret"), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, client.send(post.apply(feed, "s3cret"), HttpResponse.BodyHandlers.ofString()).statusCode(), "added once");
            assertEquals(List.of(base + "/feed.rss"), store.feeds());
            // Added feeds are polled at once, on the poller's thread.
            for (int i = 0; i < 100 && poller.lastPoll(base + "/feed.rss") == null; i++) Thread.sleep(50);
            assertEquals(2, store.stats().articles(), "the feed's two items are stored");

            JsonNode list = json.readTree(client.send(HttpRequest.newBuilder(URI.create(api)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("feeds");
            assertEquals(2, list.size(), list.toString());
            assertEquals("command line", list.get(0).get("origin").asText());
            assertTrue(list.get(0).get("last_poll").isNull(), "not polled yet: the schedule was not started here");
            JsonNode added = list.get(1);
            assertEquals("api", added.get("origin").asText());
            assertEquals(2, added.get("last_poll").get("stored").asInt());

            HttpRequest.Builder removeConfigured = HttpRequest.newBuilder(URI.create(api + "/" + list.get(0).get("id").asText()))
                    .header("Authorization", "Bearer s3cret").DELETE();
            assertEquals(409, client.send(removeConfigured.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpRequest.Builder remove = HttpRequest.newBuilder(URI.create(api + "/" + added.get("id").asText())).DELETE();
            assertEquals(401, client.send(remove.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(204, client.send(remove.header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(List.of(), store.feeds());
            assertEquals(List.of(base + "/atom.xml"), poller.all());
        } finally {
            http.stop(0);
        }
    }
}
