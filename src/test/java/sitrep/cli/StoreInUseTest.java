package sitrep.cli;

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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One store, two programs: with serve running on a DuckDB store in another process, export on that store is
 * handed to the server and ingest without the token says in one line what to do, never DuckDB's lock error.
 */
class StoreInUseTest {
    @TempDir
    Path dir;

    @Test
    void exportGoesThroughTheRunningServerAndIngestSaysWhatToDo() throws Exception {
        Path store = dir.resolve("held.duckdb");
        Place kharkiv = new Place("Kharkiv", 0, 7, "Kharkiv", 706483L, 49.98, 36.25, "UKR", "Kharkiv", "PPLA", "city");
        Event e = new Event("held-e", "2022-10-10", "day", "text", new Actor("Russian missiles", 0, 16, "RUSMIL", "Russia (military)", "RUS", "MIL"),
                null, new Event.Cameo("195", "195", "19", 4, -10.0, "Employ aerial weapons"), new Event.Plover("ASSAULT", null, List.of()),
                new Event.Acled("Explosions/Remote violence", "Shelling/artillery/missile attack"), kharkiv, "asserted", null, Map.of(),
                new Event.Evidence("Russian missiles hit Kharkiv.", 0, 29, new Event.Span("hit", 17, 20)), 0.8);
        String text = "Russian missiles hit Kharkiv.";
        try (EventStore s = Stores.open(store.toString())) {
            s.save(new ArticleResult(new Article("held", text, LocalDate.of(2022, 10, 10), null, "https://news.example/held", "Example",
                    "en", "held", false), List.of(kharkiv), List.of(e), List.of()), ContentHash.of(text));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process serve = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "sitrep.cli.Main", "serve",
                "--store", store.toString(), "--port", "0").redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        try {
            Path note = RunningServer.noteFile(store.toString());
            for (int i = 0; i < 120 && !Files.exists(note); i++) Thread.sleep(250);
            assertTrue(Files.exists(note), "serve announced itself: " + Files.readString(dir.resolve("serve.log")));

            Path out = dir.resolve("events.csv");
            assertEquals(0, Main.run("export", "--store", store.toString(), "--format", "csv", "--country", "UKR", "--output", out.toString()));
            List<String> lines = Files.readAllLines(out);
            assertEquals(2, lines.size(), "header and the event, from the server: " + lines);
            assertTrue(lines.get(1).contains("\"Russian military\""), lines.get(1));

            PrintStream err = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int status;
            try {
                Path in = Files.writeString(dir.resolve("a.txt"), "Shelling hit Kharkiv on Monday.");
                status = Main.run("ingest", "--store", store.toString(), in.toString());
            } finally {
                System.setErr(err);
            }
            String said = captured.toString(StandardCharsets.UTF_8).strip();
            assertEquals(2, status);
            assertFalse(said.contains("\n"), "one line: " + said);
            assertTrue(said.contains("is open in `sitrep serve` (PID " + serve.pid()) && said.contains("stop it (Ctrl-C)")
                    && said.contains("SITREP_TOKEN"), said);
            assertFalse(said.contains("Conflicting lock") || said.contains("IO Error"), "not DuckDB's raw error: " + said);
        } finally {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(RunningServer.noteFile(store.toString())), "serve takes its note away when it stops");
    }
}
