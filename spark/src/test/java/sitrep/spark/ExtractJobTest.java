package sitrep.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sitrep.cli.ExtractCommand;
import sitrep.cli.IngestCommand;
import sitrep.coding.CoderSettings;
import sitrep.ingest.InputFormat;
import sitrep.pipeline.ExtractJson;
import sitrep.store.EventStore;
import sitrep.store.Stores;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark job on local[2] over a JSON Lines file and a WARC written here gives, article for article, what extract
 * gives for the same files: every field of every article (places and events nested) read back from the Parquet,
 * and each unreadable item's error in errors/.
 */
class ExtractJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Map<String, JsonNode> extracted = new TreeMap<>();
    static List<String> extractErrors = new ArrayList<>();
    static Map<String, JsonNode> fromSpark = new TreeMap<>();
    static List<String> sparkErrors = new ArrayList<>();
    static List<String> months;
    static List<String> parquetCameoCodes;
    static ExtractJob.Summary summary;
    static Path jsonl, warc, out;

    @BeforeAll
    static void runBoth() throws IOException {
        jsonl = dir.resolve("in/articles.jsonl");
        Files.createDirectories(jsonl.getParent());
        Files.writeString(jsonl, String.join("\n",
                line("t1", "2016-08-01", "Syrian government warplanes struck rebel positions in eastern Aleppo on Monday, killing six civilians, "
                        + "activists said. The rebels shelled a government-held district in response."),
                line("t2", "2016-08-19", "Police arrested dozens of protesters in Cairo on Friday after clashes near Tahrir Square. "
                        + "The interior ministry said officers were injured."),
                "{\"id\": \"t3\", \"text\": \"broken",
                line("t4", "2016-09-03", "Turkish troops entered the Syrian border town of Jarablus on Wednesday. "
                        + "Kurdish forces withdrew from the town after the assault."),
                "{\"id\": \"t5\", \"title\": \"no text here\"}",
                line("t6", null, "The foreign minister of Iran met his Russian counterpart in Moscow to discuss the ceasefire in Syria.")) + "\n");
        warc = dir.resolve("in/crawl.warc");
        Files.write(warc, warc(
                response("https://news.example/2017/03/mosul", "<html><head><title>Fighting in Mosul</title>"
                        + "<meta property=\"article:published_time\" content=\"2017-03-05T09:00:00Z\"></head><body><article>"
                        + "<p>Iraqi forces attacked Islamic State fighters in western Mosul on Saturday, the army said.</p>"
                        + "<p>Militants fired mortars at a military base near the city.</p></article></body></html>"),
                "this is no WARC record\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                response("https://news.example/2017/03/kabul", "<html><head><title>Kabul</title>"
                        + "<meta property=\"article:published_time\" content=\"2017-03-08T09:00:00Z\"></head><body><article>"
                        + "<p>Gunmen attacked a hospital in Kabul on Wednesday, killing at least thirty people, officials said.</p>"
                        + "</article></body></html>")));

        Path reference = dir.resolve("extract.jsonl");
        assertEquals(0, run(new ExtractCommand(), "--output", reference.toString(), jsonl.toString(), warc.toString()));
        for (String l : Files.readAllLines(reference)) {
            JsonNode o = JSON.readTree(l);
            if (o.path("events").isEmpty() && o.path("places").isEmpty() && !o.path("errors").isEmpty()
                    && o.path("errors").get(0).path("stage").asText().equals("ingest")) {
                extractErrors.add(o.path("errors").get(0).path("message").asText());
            } else {
                extracted.put(o.get("id").asText(), o);
            }
        }

        out = dir.resolve("out");
        ExtractJob.Settings settings = new ExtractJob.Settings("local[2]", 3, out.toString(), List.of(dir.resolve("in").toString()),
                InputFormat.AUTO, null, CoderSettings.defaults());
        SparkSession spark = ExtractJob.session(settings);
        summary = ExtractJob.run(spark, settings);
        for (Row row : spark.read().parquet(out.resolve("articles").toString()).collectAsList()) {
            JsonNode o = JSON.readTree(ExtractJson.line(ArticleRows.result(row)));
            fromSpark.put(o.get("id").asText(), o);
        }
        for (Row row : spark.read().parquet(out.resolve("errors").toString()).filter("stage = 'ingest'").collectAsList()) {
            sparkErrors.add(row.getAs("message"));
        }
        months = spark.read().parquet(out.resolve("articles").toString()).selectExpr("coalesce(published_month, 'none') AS month").distinct().sort("month")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        parquetCameoCodes = spark.read().parquet(out.resolve("articles").toString()).selectExpr("explode(events.cameo.code) AS code").sort("code")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    @Test
    void everyArticleIsWhatExtractGives() {
        assertEquals(extracted.keySet(), fromSpark.keySet());
        assertEquals(6, fromSpark.size(), "four JSON Lines articles and two WARC pages");
        for (String id : extracted.keySet()) assertEquals(extracted.get(id), fromSpark.get(id), id);
        long events = fromSpark.values().stream().mapToLong(o -> o.get("events").size()).sum();
        assertTrue(events >= 4, "the sample articles code events: " + events);
        assertEquals(events, summary.eventMentions());
        assertEquals(6, summary.articles());
    }

    @Test
    void parquetColumnsHoldTheEventsNested() {
        List<String> codes = new ArrayList<>();
        for (JsonNode o : extracted.values()) for (JsonNode e : o.get("events")) codes.add(e.get("cameo").get("code").asText());
        codes.sort(null);
        assertEquals(codes, parquetCameoCodes);
        assertEquals(List.of("2016-08", "2016-09", "2017-03", "none"), months, "partitioned by publication month");
    }

    @Test
    void unreadableItemsStayTheirErrors() {
        extractErrors.sort(null);
        sparkErrors.sort(null);
        assertEquals(3, extractErrors.size(), "a broken JSON line, one without text, garbage in the WARC: " + extractErrors);
        assertEquals(extractErrors, sparkErrors);
        assertEquals(3, summary.unreadable());
        assertFalse(fromSpark.containsKey("t3"));
    }

    @Test
    void ingestOfTheOutputStoresWhatIngestOfTheInputsStores() {
        String fromJob = dir.resolve("from-job.duckdb").toString(), fromInputs = dir.resolve("from-inputs.duckdb").toString();
        assertEquals(0, run(new IngestCommand(), "--store", fromJob, out.toString()));
        assertEquals(0, run(new IngestCommand(), "--store", fromInputs, jsonl.toString(), warc.toString()));
        assertEquals(0, run(new IngestCommand(), "--store", fromJob, out.toString()), "a second load changes nothing");
        try (EventStore job = Stores.open(fromJob); EventStore inputs = Stores.open(fromInputs)) {
            assertEquals(inputs.stats(), job.stats());
            assertEquals(9, job.stats().articles(), "six articles and three unreadable items");
            assertTrue(job.stats().events() > 0);
        }
    }

    @Test
    void theCodersSettingsReachTheExecutors() throws IOException {
        Path strictReference = dir.resolve("extract-strict.jsonl");
        assertEquals(0, run(new ExtractCommand(), "--min-confidence", "1", "--output", strictReference.toString(), jsonl.toString()));
        long expected = 0;
        for (String l : Files.readAllLines(strictReference)) expected += JSON.readTree(l).path("events").size();
        long byDefault = 0;
        for (String id : List.of("t1", "t2", "t4", "t6")) byDefault += extracted.get(id).get("events").size();
        ExtractJob.Summary strict = ExtractJob.run(SparkSession.active(), new ExtractJob.Settings(null, 2,
                dir.resolve("out-strict").toString(), List.of(jsonl.toString()), InputFormat.AUTO, null,
                CoderSettings.defaults().withMinConfidence(1)));
        assertEquals(expected, strict.eventMentions());
        assertTrue(expected < byDefault, "the threshold drops events: " + expected + " of " + byDefault);
    }

    /**
     * One of sitrep's commands, as the CLI runs it (the CLI's Main is not used: it would load the server's classes,
     * which the Spark module leaves out).
     */
    private static int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    private static String line(String id, String published, String text) {
        Map<String, String> o = new HashMap<>();
        o.put("id", id);
        o.put("text", text);
        if (published != null) o.put("published", published);
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int record = 1;

    /** A WARC response record holding an HTML page (what a news crawl stores per page). */
    private static byte[] response(String uri, String html) {
        byte[] body = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).getBytes(StandardCharsets.UTF_8);
        String header = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:11111111-2222-4333-8444-" + String.format("%012d", record++)
                + ">\r\nWARC-Date: 2017-03-09T10:00:00Z\r\nWARC-Target-URI: " + uri
                + "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] warc(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
