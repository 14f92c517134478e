package sitrep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reliability suite's command-line part (the rest is sitrep.server.ReliabilityTest): nothing read is lost, and no loss is silent. */
class ExtractReliabilityTest {
    @TempDir
    Path dir;

    /** extract writes every article it finished, and a reading that stopped early ends it with exit status 1. */
    @Test
    void extractKeepsWhatItReadAndSaysWhenReadingStopped() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"id\": \"j1\", \"published\": \"2024-03-09\", \"text\": \"Rebels shelled Aleppo on Friday.\"}\n");
        Files.writeString(in.resolve("b.csv"), "id,published,text\nc1,2024-03-09,Troops entered Homs.\nc2,2024-03-09,\"" + "shelling\n".repeat(400));
        Files.writeString(in.resolve("c.jsonl"), "{\"id\": \"j2\", \"published\": \"2024-03-09\", \"text\": \"Police arrested protesters in Cairo.\"}\n");
        Path out = dir.resolve("out.jsonl");
        assertEquals(1, Main.run("extract", "--threads", "1", "--max-item-bytes", "2048", "--output", out.toString(), in.toString()));
        List<String> ids = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String stopped = null;
        for (String line : Files.readAllLines(out)) {
            com.fasterxml.jackson.databind.JsonNode r = json.readTree(line);
            ids.add(r.get("id").asText());
            if (r.get("errors").size() > 0) stopped = r.get("errors").get(0).get("message").asText();
        }
        assertEquals(4, ids.size(), "j1, c1, the stop record, and j2 from the input after it: " + ids);
        assertEquals(List.of("j1", "c1"), ids.subList(0, 2));
        assertEquals("j2", ids.get(3));
        assertTrue(stopped != null && stopped.contains("never closed"), stopped);
    }
}
