package sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.ingest.WarcFiles;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extract command as a user runs it: files in, JSON Lines out, bad items reported, exit codes. */
class ExtractCommandTest {
    @TempDir
    Path dir;

    private List<JsonNode> lines(Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out)) records.add(json.readTree(line));
        return records;
    }

    @Test
    void recordsReadBackAsTheSameRecords() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), """
                {"id": "r1", "text": "Syrian warplanes struck rebel positions in Aleppo on Monday, killing six civilians, activists said.", "published": "2016-08-01"}
                {"id": "r2", "text": "Police arrested dozens of protesters in Cairo after clashes near Tahrir Square.", "published": "2016-08-19"}
                """);
        Files.writeString(in.resolve("b.html"), "<html><head><title>Mosul</title></head><body><article><p>Iraqi forces attacked "
                + "Islamic State fighters in western Mosul on Saturday, the army said.</p></article></body></html>");
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run("extract", "--published", "2017-03-05", "--output", out.toString(), in.toString()));
        List<JsonNode> records = lines(out);
        assertEquals(3, records.size());
        assertTrue(records.stream().mapToInt(r -> r.get("events").size()).sum() > 0, "the sample codes events");
        ObjectMapper json = new ObjectMapper();
        for (JsonNode r : records) {
            assertEquals(r, json.readTree(sitrep.pipeline.ExtractJson.line(sitrep.pipeline.ExtractJson.result(r))), r.get("id").asText());
        }
        // Every place word is output with its kind; only a toponym locates an event.
        Map<String, String> kinds = new java.util.HashMap<>();
        for (JsonNode p : records.get(0).get("places")) kinds.put(p.get("text").asText(), p.get("kind").asText());
        assertEquals("adjectival", kinds.get("Syrian"), kinds::toString);
        assertEquals("toponym", kinds.get("Aleppo"), kinds::toString);
        for (JsonNode r : records) {
            for (JsonNode e : r.get("events")) {
                if (!e.get("location").isNull()) assertEquals("toponym", e.get("location").get("kind").asText(), e::toString);
            }
        }
    }

    @Test
    void badItemsGetErrorRecordsAndTheBatchGoesOn() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a-binary.txt"), new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        Files.write(in.resolve("b-latin1.txt"), "Rebels shelled the town of Daraa on Sunday, killing 4 civilians, activists said. Café."
                .getBytes(Charset.forName("windows-1252")));
        Files.writeString(in.resolve("c-broken.html"), "<html><body><div><p>Police arrested 30 protesters in Tunis on Friday.<p><b>unclosed");
        Files.writeString(in.resolve("d.jsonl"), "{\"id\":\"ok\",\"text\":\"Turkish troops entered Afrin.\",\"published\":\"2018-03-18\"}\n{oops\n");
        Path out = dir.resolve("out.jsonl");
        int code = Main.run("extract", "--published", "2019-06-02", "--output", out.toString(), in.toString());
        assertEquals(0, code);
        List<JsonNode> records = lines(out);
        assertEquals(5, records.size(), "one record per input item, in input order");
        assertEquals("ingest", records.get(0).get("errors").get(0).get("stage").asText());
        assertTrue(records.get(0).get("errors").get(0).get("message").asText().contains("binary"));

        JsonNode latin = records.get(1);
        assertEquals(0, latin.get("errors").size());
        assertEquals("2019-06-02", latin.get("published").asText());
        JsonNode shelling = null;
        for (JsonNode e : latin.get("events")) if (e.get("evidence").get("trigger").get("text").asText().equals("shelled")) shelling = e;
        assertTrue(shelling != null, "a shelling event in " + latin);
        assertEquals("activists said", "activists " + shelling.get("attribution").get("verb").asText());
        assertEquals("194", shelling.get("cameo").get("code").asText());
        assertEquals("SYR", shelling.get("location").get("country").asText());
        assertEquals(4, shelling.get("quantities").get("killed").asInt());
        assertEquals("2019-06-02", shelling.get("date").asText(), "'on Sunday' resolves against the publication date");

        JsonNode html = records.get(2);
        assertTrue(html.get("text").asText().startsWith("Police arrested 30 protesters in Tunis"), "broken HTML still yields its text");
        assertFalse(html.get("events").isEmpty());

        assertEquals("ok", records.get(3).get("id").asText());
        assertEquals("2018-03-18", records.get(3).get("published").asText());
        assertTrue(records.get(4).get("errors").get(0).get("message").asText().startsWith("malformed JSON"));
    }

    @Test
    void unreadablePathsAndBadOptionsExit2() {
        assertEquals(2, Main.run("extract", dir.resolve("missing.txt").toString()));
        assertEquals(2, Main.run("extract", "--published", "15/09/2017", dir.toString()));
        assertEquals(2, Main.run("extract", "--input-format", "pdf", dir.toString()));
        assertEquals(2, Main.run("serve"));
        assertEquals(0, Main.run("extract", "--help"));
    }

    @Test
    void loadedDictionariesAloneCodeWithTheirOwnCodes() throws IOException {
        Path verbs = Files.writeString(dir.resolve("verbs.txt"), "--- CONDEMN [122] ---\nCONDEMN\n- * RAID [1221]\n");
        Path actors = Files.writeString(dir.resolve("actors.txt"), "ARNOR [ARN]\nGONDOR [GON]\n");
        Path agents = Files.writeString(dir.resolve("agents.txt"), "GOVERNMENT [~GOV]\n");
        Path in = Files.writeString(dir.resolve("2019-06-02-a.txt"), "The Arnor government condemned a raid by Gondor.");
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run("extract", "--verbs", verbs.toString(), "--actors", actors.toString(), "--agents", agents.toString(),
                "--dictionaries-only", "--output", out.toString(), in.toString()));
        JsonNode events = lines(out).get(0).get("events");
        assertEquals(1, events.size(), events.toString());
        assertEquals("1221", events.get(0).get("cameo").get("code").asText());
        assertEquals("ARNGOV", events.get(0).get("source").get("code").asText());
        assertEquals("GON", events.get(0).get("target").get("code").asText());
        assertEquals("condemned", events.get(0).get("evidence").get("trigger").get("text").asText());
        assertEquals(2, Main.run("extract", "--dictionaries-only", in.toString()), "--dictionaries-only needs --verbs");

        // A user's code outside the CAMEO codebook (no PLOVER mapping) is kept, and ingest stores it.
        Path own = Files.writeString(dir.resolve("own-verbs.txt"), "--- CONDEMN [991] ---\nCONDEMN\n");
        Path store = dir.resolve("dict.duckdb");
        assertEquals(0, Main.run("ingest", "--store", store.toString(), "--verbs", own.toString(), "--actors", actors.toString(),
                "--agents", agents.toString(), "--dictionaries-only", in.toString()));
        Path exported = dir.resolve("dict.jsonl");
        assertEquals(0, Main.run("export", "--store", store.toString(), "--format", "jsonl", "--output", exported.toString()));
        JsonNode stored = lines(exported).get(0);
        assertEquals("991", stored.get("cameo").get("code").asText(), stored.toString());
        assertTrue(stored.get("plover").get("type").isNull(), "no PLOVER type for a code we have no mapping for");
    }

    @Test
    void warcArchiveGivesOneRecordPerArticleAndPerBadRecord() throws IOException {
        String url = "https://www.daraa-news.test/2019/06/shelling";
        byte[] page = WarcFiles.utf8("<html><head><title>Shelling in Daraa</title></head><body><article><p>Rebels shelled the town "
                + "of Daraa on Sunday, killing 4 civilians, activists said.</p></article></body></html>");
        WarcFiles w = new WarcFiles()
                .record("request", url, "application/http; msgtype=request", WarcFiles.utf8("GET /2019/06/shelling HTTP/1.1\r\n\r\n"))
                .response(url, "200 OK", List.of("Content-Type: text/html; charset=utf-8"), page)
                .response("https://www.daraa-news.test/gone", "404 Not Found", List.of("Content-Type: text/html"), WarcFiles.utf8("<p>gone</p>"));
        byte[] archive = w.gzip();
        Path in = Files.write(dir.resolve("crawl.warc.gz"), WarcFiles.concat(archive, java.util.Arrays.copyOf(WarcFiles.gzip(archive), 30)));
        Path out = dir.resolve("warc.jsonl");
        assertEquals(0, Main.run("extract", "--output", out.toString(), in.toString()));
        List<JsonNode> records = lines(out);
        assertEquals(2, records.size(), records.toString());
        JsonNode a = records.get(0);
        assertTrue(a.get("id").asText().startsWith("warc-"));
        assertEquals(url, a.get("url").asText());
        assertEquals("daraa-news.test", a.get("source").asText());
        assertEquals("2024-03-05", a.get("published").asText(), "WARC-Date's day");
        assertTrue(a.get("text").asText().startsWith("Rebels shelled the town of Daraa"));
        assertFalse(a.get("events").isEmpty(), a.toString());
        assertTrue(records.get(1).get("errors").get(0).get("message").asText().startsWith("truncated gzip stream"), records.get(1).toString());
    }
}
