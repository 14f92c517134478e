package sitrep.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sitrep.cli.IngestCommand;
import sitrep.coding.CoderSettings;
import sitrep.ingest.InputFormat;
import sitrep.store.EventExporter;
import sitrep.store.EventStore;
import sitrep.store.ExportQuery;
import sitrep.store.Stores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merge stage over the extract job's output of articles that report the same events (two files, a repeated id,
 * a repeated text, an unreadable line) gives the events a sequential ingest of the same files stores: every event's
 * merged fields, counts, disagreements and mentions with their reasons; and ingest of the merged output stores the
 * same counts.
 */
class MergeJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path first, second, extracted, merged;
    static MergeJob.Summary summary;
    static Map<String, String> fromSpark = new TreeMap<>();

    @BeforeAll
    static void run() throws IOException {
        first = dir.resolve("in/1-first.jsonl");
        second = dir.resolve("in/2-second.jsonl");
        Files.createDirectories(first.getParent());
        Files.writeString(first, String.join("\n",
                line("g1", "2016-08-02", "Outlet A", "Syrian government warplanes struck rebel positions in eastern Aleppo on Monday, "
                        + "killing six civilians, activists said."),
                line("g2", "2016-08-02", "Outlet B", "Government warplanes bombed rebel positions in eastern Aleppo on Monday, "
                        + "killing eight civilians, a monitoring group said."),
                "{\"id\": \"broken",
                line("g3", "2016-08-25", "Outlet A", "Turkish troops entered the Syrian border town of Jarablus on Wednesday."),
                line("g1", "2016-08-03", "Outlet C", "Police arrested dozens of protesters in Cairo on Friday.")) + "\n");
        Files.writeString(second, String.join("\n",
                line("g4", "2016-08-03", "Outlet C", "Syrian warplanes struck rebel positions in Aleppo on Monday, killing seven civilians."),
                line("g5", "2016-08-02", "Outlet D", "Government warplanes bombed rebel positions in eastern Aleppo on Monday, "
                        + "killing eight civilians, a monitoring group said."),
                line("g6", "2016-08-25", "Outlet B", "Turkish tanks and troops entered the town of Jarablus in Syria on Wednesday."),
                line("g7", "2016-08-19", "Outlet D", "Police arrested dozens of protesters in Cairo on Friday after clashes near Tahrir Square.")) + "\n");
        extracted = dir.resolve("extracted");
        merged = dir.resolve("merged");
        SparkSession spark = ExtractJob.session(new ExtractJob.Settings("local[2]", 3, extracted.toString(),
                List.of(dir.resolve("in").toString()), InputFormat.AUTO, null, CoderSettings.defaults()));
        ExtractJob.run(spark, new ExtractJob.Settings("local[2]", 3, extracted.toString(), List.of(dir.resolve("in").toString()),
                InputFormat.AUTO, null, CoderSettings.defaults()));
        summary = MergeJob.run(spark, new MergeJob.Settings(null, 3, extracted.toString(), merged.toString()));
        for (String row : spark.read().parquet(merged.resolve("events").toString()).toJSON().collectAsList()) {
            ObjectNode o = (ObjectNode) JSON.readTree(row);
            o.set("disagreements", JSON.readTree(o.get("disagreements").asText()));
            fromSpark.put(o.get("id").asText(), summary(o));
        }
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    /** What must agree: merged fields, counts, disagreements, and each mention's article, offsets and reason. */
    private static String summary(JsonNode e) {
        List<String> mentions = new ArrayList<>();
        for (JsonNode m : e.path("mentions")) {
            mentions.add(m.path("article_id").asText() + "@" + m.path("start").asInt() + "-" + m.path("end").asInt() + " "
                    + m.path("source").asText(null) + ": " + m.path("merge_reason").asText());
        }
        mentions.sort(null);
        return String.join(" | ", e.path("date").asText(), e.path("date_precision").asText(), e.path("date_source").asText(),
                e.path("cameo").path("code").asText(), e.path("source").path("code").asText(null) + "",
                e.path("target").path("code").asText(null) + "", e.path("location").path("name").asText(null) + "",
                e.path("location").path("precision").asText(null) + "", e.path("quantities").toString(),
                String.format("%.4f", e.path("confidence").asDouble()), e.path("num_mentions").asText(),
                e.path("num_articles").asText(), e.path("num_sources").asText(), e.path("disagreements").toString(),
                String.join("; ", mentions));
    }

    private static int ingest(String store, String... inputs) {
        List<String> args = new ArrayList<>(List.of("--store", store));
        args.addAll(List.of(inputs));
        return new CommandLine(new IngestCommand()).execute(args.toArray(String[]::new));
    }

    @Test
    void mergedEventsAreWhatASequentialIngestStores() {
        String sequential = dir.resolve("sequential.duckdb").toString();
        ingest(sequential, first.toString(), second.toString());
        Map<String, String> stored = new TreeMap<>();
        try (EventStore store = Stores.open(sequential)) {
            store.export(ExportQuery.all(), e -> stored.put(e.id(), summary(EventExporter.jsonl(e))));
        }
        assertEquals(stored, fromSpark);
        assertTrue(fromSpark.values().stream().anyMatch(s -> s.contains("| 3 | 3 | 3 |")), "the three Aleppo reports are one event: " + fromSpark);
        assertEquals(2, summary.skipped(), "a repeated id and a repeated text: " + summary);
        assertEquals(7, summary.articles(), "six articles and the unreadable line");
        assertEquals(fromSpark.size(), summary.events());
        assertTrue(summary.blocks() > 1, "the families split into blocks: " + summary);
    }

    @Test
    void ingestOfTheMergedOutputStoresTheSameEvents() {
        String sequential = dir.resolve("sequential-2.duckdb").toString(), loaded = dir.resolve("loaded.duckdb").toString();
        assertEquals(0, ingest(sequential, first.toString(), second.toString()));
        assertEquals(0, ingest(loaded, merged.toString()));
        try (EventStore a = Stores.open(sequential); EventStore b = Stores.open(loaded)) {
            assertEquals(a.stats(), b.stats());
            Map<String, String> x = new TreeMap<>(), y = new TreeMap<>();
            a.export(ExportQuery.all(), e -> x.put(e.id(), summary(EventExporter.jsonl(e))));
            b.export(ExportQuery.all(), e -> y.put(e.id(), summary(EventExporter.jsonl(e))));
            assertEquals(x, y);
        }
    }

    private static String line(String id, String published, String source, String text) throws IOException {
        return JSON.writeValueAsString(Map.of("id", id, "published", published, "source", source, "text", text));
    }
}
