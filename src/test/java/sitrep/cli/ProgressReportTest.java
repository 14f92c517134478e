package sitrep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.ingest.InputCount;
import sitrep.ingest.InputFormat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress off a terminal (a line every N articles, with the total where the inputs tell it) and --quiet. */
class ProgressReportTest {
    @TempDir
    Path dir;

    static List<String> linesOf(boolean quiet, Long total, int every, int steps) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ProgressReport p = new ProgressReport(total, every, quiet, false)) {
            for (int i = 0; i < steps; i++) p.step();
        } finally {
            System.setErr(err);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Test
    void aLineEveryNArticlesWithTotalRateAndTimeLeft() {
        List<String> lines = linesOf(false, 10L, 3, 10);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("sitrep: 3/10 articles (30%), ") && lines.get(0).contains(" articles/s") && lines.get(0).endsWith(" left"),
                lines.get(0));
        List<String> unknown = linesOf(false, null, 4, 9);
        assertEquals(2, unknown.size());
        assertTrue(unknown.get(1).matches("sitrep: 8 articles, [0-9.]+ articles/s"), unknown.get(1));
        assertEquals(List.of(), linesOf(true, 10L, 1, 10), "--quiet");
    }

    @Test
    void totalsAreKnownForTextHtmlAndJsonLinesOnly() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "One report.");
        Files.writeString(in.resolve("b.html"), "<html><body><p>Another.</p></body></html>");
        Files.writeString(in.resolve("c.jsonl"), "{\"text\": \"x\"}\n\n{\"text\": \"y\"}\n{\"text\": \"z\"}\n");
        Files.writeString(in.resolve(".hidden.txt"), "not read");
        assertEquals(5L, InputCount.articles(List.of(in.toString()), InputFormat.AUTO));
        Files.writeString(in.resolve("d.csv"), "text\n\"a\nb\"\n");
        assertNull(InputCount.articles(List.of(in.toString()), InputFormat.AUTO), "a CSV's records are known only by reading it");
        assertNull(InputCount.articles(List.of("-"), InputFormat.AUTO));
    }
}
