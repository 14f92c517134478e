package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import sitrep.pipeline.Pipeline;
import sitrep.store.EventStore;
import sitrep.store.Stores;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * serve end to end: an article written for this test is posted through the API (the real pipeline, CoreNLP
 * shared with the other tests), listed by country, and then found in the web app in a real headless
 * Chromium (Debian's chromium and chromium-driver; scripts/test.sh installs them when it can).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeEndToEndTest {
    static final String TOKEN = "e2e-token";
    static final String ARTICLE = "{\"id\": \"e2e-strike\", \"published\": \"2024-03-05\", \"url\": \"https://news.example/e2e-strike\", "
            + "\"source\": \"Example Wire\", \"title\": \"Strike near Deir ez-Zor\", \"text\": "
            + "\"Russian aircraft struck Islamic State positions near the airport of Deir ez-Zor on Monday, the Russian Defence Ministry said.\\n"
            + "The Syrian Observatory for Human Rights said that at least 9 fighters were killed in the strikes.\"}";
    static final String EVIDENCE = "Russian aircraft struck Islamic State positions near the airport of Deir ez-Zor";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Selenium warns that it has no DevTools bindings for this Chromium; the test needs none. Held in a field
     * because java.util.logging keeps loggers only weakly.
     */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @TempDir
    static Path dir;
    static EventStore store;
    static Pipeline pipeline;
    static ApiServer server;

    @BeforeAll
    static void start() {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        store = Stores.open(dir.resolve("e2e.duckdb").toString());
        pipeline = new Pipeline(2);
        server = new ApiServer(store, TOKEN, () -> pipeline).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        pipeline.close();
        store.close();
    }

    static HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/articles")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    @Order(1)
    void postedArticleIsCodedStoredAndListed() throws Exception {
        assertEquals(401, post(ARTICLE, null).statusCode(), "anonymous writes are refused");
        HttpResponse<String> posted = post(ARTICLE, TOKEN);
        assertEquals(201, posted.statusCode(), posted.body());
        JsonNode result = JSON.readTree(posted.body()).get("articles").get(0);
        assertEquals("stored", result.get("status").asText());
        assertTrue(result.get("events").asInt() > 0, posted.body());
        assertEquals(200, post(ARTICLE, TOKEN).statusCode(), "the same article again: already stored, nothing new");

        JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/events?country=SYR")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(page.get("count").asInt() > 0, page.toString());
        JsonNode strike = null;
        for (JsonNode e : page.get("events")) if (e.path("evidence").path("sentence").asText().contains(EVIDENCE)) strike = e;
        assertTrue(strike != null, "the strike is listed: " + page);
        assertEquals("SYR", strike.get("location").get("country").asText());
        assertEquals("2024-03-04", strike.get("date").asText(), "Monday before the publication date");
    }

    /** Debian's browser and driver, or null when this machine has none. */
    static File[] browser() {
        for (String[] pair : List.of(new String[]{"/usr/bin/chromium", "/usr/bin/chromedriver"},
                new String[]{"/usr/lib/chromium/chromium", "/usr/lib/chromium/chromedriver"})) {
            if (new File(pair[0]).canExecute() && new File(pair[1]).canExecute()) return new File[]{new File(pair[0]), new File(pair[1])};
        }
        return null;
    }

    /** A headless Chromium, or the test is skipped where the machine has none or the web app is not built. */
    static WebDriver chromium() throws IOException {
        File[] chromium = browser();
        assumeTrue(chromium != null, "no Chromium: install the Debian packages chromium and chromium-driver "
                + "(scripts/test.sh does when run as root) to run the browser test");
        assumeTrue(ApiServer.class.getResource("/sitrep/webapp/index.html") != null, "web app not built (scripts/build-web.sh)");
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium[0]);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromium[1]).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    @Order(2)
    void webAppShowsMarkersAndEvidence() throws Exception {
        if (server == null || store.stats().events() == 0) postedArticleIsCodedStoredAndListed();
        // Untrusted text: an event whose actor name and evidence carry markup. It has no place, so it is in the
        // list but not on the map; the page must show the markup as text and run none of it.
        String hostile = "Gunmen <img src=x onerror=\"document.title='pwned'\"> attacked a checkpoint.";
        sitrep.model.Event injected = new sitrep.model.Event("xss-e", "2024-03-01", "day", "text",
                new sitrep.model.Actor("Gunmen", 0, 6, "UAF", "<b>Evil</b> gunmen", null, "UAF"), null,
                new sitrep.model.Event.Cameo("190", "190", "19", 4, -10.0, "Use conventional military force"),
                new sitrep.model.Event.Plover("ASSAULT", null, List.of()), null, null, "asserted", null, java.util.Map.of(),
                new sitrep.model.Event.Evidence(hostile, 0, hostile.length(), new sitrep.model.Event.Span("attacked", hostile.indexOf("attacked"),
                        hostile.indexOf("attacked") + 8)), 0.5);
        sitrep.model.Article xssArticle = new sitrep.model.Article("xss", hostile, java.time.LocalDate.of(2024, 3, 1), null,
                "javascript:alert(1)", null, "en", "xss", false);
        synchronized (store) {
            store.save(new sitrep.model.ArticleResult(xssArticle, List.of(), List.of(injected), List.of()), sitrep.store.ContentHash.of(hostile));
        }
        WebDriver driver = chromium();
        try {
            driver.get(base() + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.cssSelector("#events li")).isEmpty());
            assertTrue(driver.findElement(By.id("status")).getText().matches("\\d+ events?, [1-9]\\d* on the map"),
                    driver.findElement(By.id("status")).getText());
            // Several events at one place come as a cluster: clicking it zooms in or fans them out. While the
            // map animates, Leaflet replaces marker elements, so a vanished element means: look again.
            boolean clicked = false;
            for (int i = 0; i < 30 && !clicked; i++) {
                try {
                    List<WebElement> markers = driver.findElements(By.cssSelector(".event-marker"));
                    markers.removeIf(m -> !m.isDisplayed());
                    if (!markers.isEmpty()) {
                        markers.get(0).click();
                        clicked = true;
                    } else {
                        List<WebElement> clusters = driver.findElements(By.cssSelector(".marker-cluster"));
                        assertFalse(clusters.isEmpty(), "neither markers nor clusters on the map");
                        clusters.get(0).click();
                    }
                } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
                    // the map was mid-animation; try again
                }
                if (!clicked) Thread.sleep(500);
            }
            assertTrue(clicked, "no event marker became clickable");
            wait.until(d -> d.findElement(By.id("detail")).isDisplayed());
            WebElement detail = driver.findElement(By.id("detail"));
            wait.until(d -> !detail.findElements(By.cssSelector("blockquote")).isEmpty());
            String evidence = detail.findElement(By.cssSelector("blockquote")).getText();
            assertTrue(evidence.contains("Deir ez-Zor") || evidence.contains("strikes"), evidence);
            assertFalse(detail.findElements(By.cssSelector("mark.trigger")).isEmpty(), "the trigger is highlighted");
            WebElement link = detail.findElement(By.linkText("article"));
            assertEquals("https://news.example/e2e-strike", link.getAttribute("href"));

            WebElement hostileItem = driver.findElements(By.cssSelector("#events li")).stream()
                    .filter(li -> li.getText().contains("<b>Evil</b> gunmen")).findFirst().orElseThrow(() -> new AssertionError("markup shown as text in the list"));
            hostileItem.click();
            wait.until(d -> detail.getText().contains("<img src=x"));
            assertTrue(detail.findElements(By.tagName("img")).isEmpty(), "no element made from the data");
            assertTrue(detail.findElements(By.tagName("b")).isEmpty());
            assertTrue(detail.findElements(By.linkText("article")).isEmpty(), "a javascript: URL is not linked");
            assertEquals("sitrep", driver.getTitle(), "the onerror handler never ran");
        } finally {
            driver.quit();
        }
    }

    static final String CAPTURE = "{\"id\": \"e2e-capture\", \"published\": \"2024-03-08\", \"url\": \"https://news.example/e2e-capture\", "
            + "\"text\": \"Syrian government forces captured the town of Al-Mayadin from Islamic State fighters on Tuesday, the army said.\"}";
    static final String LATER = "{\"id\": \"e2e-later\", \"published\": \"2024-03-12\", \"url\": \"https://news.example/e2e-later\", "
            + "\"text\": \"Russian aircraft bombed Islamic State hideouts near Deir ez-Zor on Sunday, the Syrian Observatory for Human Rights said.\"}";

    /**
     * The control ledger as a map layer; a zone drawn on the map by clicking its corners, stored with the
     * token, listed with the events inside it; an article stored afterwards inside the zone shows as an alert.
     */
    @Test
    @Order(3)
    void controlLayerZoneDrawingAndAlerts() throws Exception {
        WebDriver driver = chromium();
        if (store.stats().events() == 0) postedArticleIsCodedStoredAndListed();
        assertEquals(201, post(CAPTURE, TOKEN).statusCode());
        try {
            driver.get(base() + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.cssSelector(".control-marker")).isEmpty());
            String claim = driver.findElement(By.cssSelector(".control-marker")).getAttribute("title");
            assertTrue(claim.contains("Mayādīn: claimed by") && claim.contains("Syria"), claim);

            driver.findElement(By.cssSelector("#zone-tools summary")).click();
            driver.findElement(By.id("token")).sendKeys(TOKEN);
            driver.findElement(By.id("zone-name")).sendKeys("Deir ez-Zor pocket");
            driver.findElement(By.id("draw-zone")).click();
            // Four corners around the map's centre, where the page has fitted its markers (Deir ez-Zor, Al-Mayadin).
            WebElement map = driver.findElement(By.id("map"));
            for (int[] corner : new int[][]{{-200, -150}, {200, -150}, {200, 150}, {-200, 150}}) {
                new org.openqa.selenium.interactions.Actions(driver).moveToElement(map, corner[0], corner[1]).click().perform();
            }
            assertTrue(driver.findElement(By.id("status")).getText().startsWith("4 corners"), driver.findElement(By.id("status")).getText());
            driver.findElement(By.id("finish-zone")).click();
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(d -> d.findElements(By.cssSelector("#zones .zone-name")).stream().anyMatch(b -> b.getText().equals("Deir ez-Zor pocket")));
            JsonNode zones = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/zones")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("Deir ez-Zor pocket", zones.get("zones").get(0).get("name").asText(), "the drawn zone is stored");

            driver.findElement(By.cssSelector("#zones .zone-name")).click();
            wait.until(d -> d.findElement(By.id("status")).getText().contains("in zone “Deir ez-Zor pocket”"));
            assertTrue(driver.findElements(By.cssSelector("#events li")).stream().anyMatch(li -> li.getText().contains("Deir ez-Zor")),
                    "the strike at Deir ez-Zor is inside the zone");
            assertTrue(driver.findElements(By.cssSelector("#events li")).stream().noneMatch(li -> li.getText().contains("Evil")),
                    "the unlocated event is not");

            assertEquals(201, post(LATER, TOKEN).statusCode(), "a new report after the zone was drawn");
            driver.findElement(By.id("refresh-alerts")).click();
            // The list is redrawn on each load: an element read mid-redraw is stale, so the waits look again.
            wait.ignoring(StaleElementReferenceException.class);
            // The report holds the strike and the Observatory's statement, both placed at Deir ez-Zor: each is new.
            wait.until(d -> {
                List<String> fresh = d.findElements(By.cssSelector("#alerts li.new")).stream().map(WebElement::getText).toList();
                return fresh.stream().anyMatch(t -> t.startsWith("Deir ez-Zor pocket: 2024-03-10") && t.contains("ASSAULT"))
                        && d.findElement(By.id("alert-count")).getText().equals(fresh.size() + " new");
            });
            wait.until(d -> {
                java.util.Optional<WebElement> strike = d.findElements(By.cssSelector("#alerts li.new")).stream()
                        .filter(li -> li.getText().contains("ASSAULT")).findFirst();
                strike.ifPresent(WebElement::click);
                return strike.isPresent();
            });
            wait.until(d -> d.findElement(By.id("detail")).getText().contains("hideouts"));

            driver.findElement(By.cssSelector("#feed-tools summary")).click();
            wait.until(d -> d.findElement(By.id("feeds")).getText().equals("No feeds yet."));
        } finally {
            driver.quit();
        }
    }

    /**
     * The address carries the view: filters and the open event come from it and go into it, back and forward step
     * through views, and the download links export what the address's filters select.
     */
    @Test
    @Order(4)
    void addressCarriesTheViewAndDownloadsExportIt() throws Exception {
        if (server == null || store.stats().events() == 0) postedArticleIsCodedStoredAndListed();
        WebDriver driver = chromium();
        try {
            driver.get(base() + "/?country=SYR");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(d -> !d.findElements(By.cssSelector("#events li")).isEmpty());
            assertEquals("SYR", driver.findElement(By.name("country")).getAttribute("value"), "the filter comes from the address");
            wait.until(d -> d.findElements(By.cssSelector(".town-label")).stream().anyMatch(l -> l.getText().equals("Damascus")));
            // The basemap redraws its labels as tiles and zoom settle, so a label read may go stale: read them again until
            // they settle (the wait ignores stale elements), then hold the assertion.
            Boolean countryNamed = wait.until(d -> d.findElements(By.cssSelector(".country-label")).stream()
                    .anyMatch(l -> l.getText().equalsIgnoreCase("Syria")));
            assertTrue(countryNamed, "the offline basemap names the countries and towns it shows");
            assertTrue(driver.findElement(By.id("legend")).getText().contains("control claim"), "a legend");
            WebElement first = driver.findElements(By.cssSelector("#events li")).get(0);
            assertTrue(first.findElement(By.cssSelector(".event-trust")).getText().matches("confidence \\d\\.\\d\\d · \\d+ sources?"),
                    "each listed event shows its confidence and sources: " + first.getText());
            assertFalse(first.getText().contains("?"), "no actor shows as a question mark: " + first.getText());

            String csvLink = driver.findElement(By.id("download-csv")).getAttribute("href");
            assertTrue(csvLink.contains("format=csv") && csvLink.contains("country=SYR"), csvLink);
            HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(csvLink)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, csv.statusCode());
            String[] lines = csv.body().split("\n");
            assertTrue(lines[0].startsWith("\"id\",\"date\","), lines[0]);
            int listed = driver.findElements(By.cssSelector("#events li")).size();
            assertEquals(listed, lines.length - 1, "the download holds the listed events");
            for (int i = 1; i < lines.length; i++) assertTrue(lines[i].contains(",\"SYR\","), "only Syrian events: " + lines[i]);
            assertTrue(driver.findElement(By.id("download-acled")).getAttribute("href").contains("format=acled"));
            assertTrue(driver.findElement(By.id("download-geojson")).getAttribute("href").contains("format=geojson"));

            first.click();
            wait.until(d -> d.getCurrentUrl().contains("event=") && d.findElement(By.id("detail")).isDisplayed());
            String shared = driver.getCurrentUrl();
            assertTrue(shared.contains("country=SYR"), shared);
            String title = driver.findElement(By.cssSelector("#detail h2")).getText();

            driver.navigate().back();
            wait.until(d -> !d.getCurrentUrl().contains("event=") && !d.findElement(By.id("detail")).isDisplayed());
            driver.navigate().forward();
            wait.until(d -> d.findElement(By.id("detail")).isDisplayed() && d.findElement(By.cssSelector("#detail h2")).getText().equals(title));

            driver.findElement(By.name("country")).clear();
            driver.findElement(By.name("country")).sendKeys("UKR");
            driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().contains("country=UKR") && !d.getCurrentUrl().contains("event="));
            wait.until(d -> d.findElement(By.id("download-csv")).getAttribute("href").contains("country=UKR"));
            driver.navigate().back();
            wait.until(d -> d.findElement(By.name("country")).getAttribute("value").equals("SYR") && d.findElement(By.id("detail")).isDisplayed());

            driver.get(shared); // as someone the link was sent to opens it
            wait.until(d -> d.findElement(By.id("detail")).isDisplayed() && d.findElement(By.cssSelector("#detail h2")).getText().equals(title));
            assertEquals("SYR", driver.findElement(By.name("country")).getAttribute("value"));
        } finally {
            driver.quit();
        }
    }
}
