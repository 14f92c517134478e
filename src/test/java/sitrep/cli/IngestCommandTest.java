package sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ingest as a user runs it: two reports of one strike become one event; ingesting again adds nothing. */
class IngestCommandTest {
    @TempDir
    Path dir;

    @Test
    void twoReportsOfOneStrikeBecomeOneEventAndReingestAddsNothing() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), """
                {"id": "wire-1", "published": "2017-09-15", "source": "Wire One", "text": "On September 14, Russian submarines hit Islamic State command posts to the east of the city of Deir ez-Zor, the Russian Defence Ministry said."}
                {"id": "wire-2", "published": "2017-09-14", "source": "Wire Two", "text": "Russian submarines struck Daesh positions near Deir ez-Zor on Thursday, killing dozens of militants, a monitor said."}
                """);
        Path store = dir.resolve("store.duckdb");
        assertEquals(0, Main.run("ingest", "--store", store.toString(), in.toString()));
        assertEquals(0, Main.run("ingest", "--store", store.toString(), in.toString()));
        Path out = dir.resolve("events.jsonl");
        assertEquals(0, Main.run("export", "--store", store.toString(), "--format", "jsonl", "--type", "19", "--output", out.toString()));
        List<JsonNode> events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out)) events.add(json.readTree(line));
        assertEquals(1, events.size(), "one strike: " + events);
        JsonNode strike = events.get(0);
        assertEquals(2, strike.get("num_articles").asInt());
        assertEquals(2, strike.get("num_sources").asInt());
        assertEquals("2017-09-14", strike.get("date").asText());
        assertEquals("SYR", strike.get("location").get("country").asText());
        assertEquals(2, strike.get("mentions").size());
        assertTrue(strike.get("mentions").get(1).get("merge_reason").asText().contains("dates overlap"));
        assertEquals(2, Main.run("export", "--store", dir.resolve("missing.duckdb").toString(), "--format", "csv", "--output", "x"));
        assertEquals(2, Main.run("export", "--store", store.toString(), "--format", "xls", "--output", "x"));
    }
}
