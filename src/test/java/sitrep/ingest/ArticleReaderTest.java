package sitrep.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleReaderTest {
    @TempDir
    Path dir;

    private List<InputItem> read(InputFormat format, LocalDate published, String input) {
        List<InputItem> items = new ArrayList<>();
        new ArticleReader(format, published).read(input, new ByteArrayInputStream(new byte[0]), items::add);
        return items;
    }

    @Test
    void jsonLinesKeepGoodLinesAndReportBadOnes() throws IOException {
        Path f = dir.resolve("batch.jsonl");
        Files.writeString(f, """
                {"id": "a1", "text": "Rebels shelled Aleppo.", "published": "2016-08-01", "source": "Wire", "url": "http://x/1"}
                {"id": "a2", "text": "broken
                {"id": "a3", "title": "no text"}
                {"text": "Troops entered Homs.", "published": "not a date"}
                {"text": "Police arrested protesters in Cairo."}
                """);
        List<InputItem> items = read(InputFormat.AUTO, LocalDate.of(2020, 1, 2), f.toString());
        assertEquals(5, items.size());
        assertTrue(items.get(0).usable());
        assertEquals("a1", items.get(0).article().id());
        assertEquals(LocalDate.of(2016, 8, 1), items.get(0).article().published());
        assertEquals("Wire", items.get(0).article().source());
        assertFalse(items.get(1).usable());
        assertTrue(items.get(1).problems().get(0).message().startsWith("malformed JSON"));
        assertFalse(items.get(2).usable());
        assertEquals("a3", items.get(2).article().id());
        assertFalse(items.get(3).usable());
        assertTrue(items.get(4).usable());
        assertEquals(LocalDate.of(2020, 1, 2), items.get(4).article().published(), "--published fills a missing date");
        assertEquals(16, items.get(4).article().id().length(), "default id is a hash of the text");
    }

    @Test
    void anOpenedFileReadsAsTheSameFileByPath() throws IOException {
        Path jsonl = dir.resolve("batch.jsonl");
        Files.writeString(jsonl, """
                {"id": "b1", "text": "Rebels shelled Aleppo.", "published": "2016-08-01"}
                not json
                """);
        Path text = dir.resolve("2017-09-15-deir-ez-zor.txt");
        Files.writeString(text, "Warplanes struck Deir ez-Zor.");
        Path warc = dir.resolve("crawl.warc.gz");
        Files.write(warc, new WarcFiles().response("https://news.example/a", "200 OK", List.of("Content-Type: text/html"),
                "<html><body><p>Soldiers fired on protesters in Hama on Monday.</p></body></html>".getBytes(StandardCharsets.UTF_8)).gzip());
        for (Path f : List.of(jsonl, text, warc)) {
            List<InputItem> opened = new ArrayList<>();
            try (var in = Files.newInputStream(f)) {
                new ArticleReader(InputFormat.AUTO, null).readOpened(f.toString(), in, opened::add);
            }
            assertEquals(read(InputFormat.AUTO, null, f.toString()), opened, f.getFileName().toString());
        }
    }

    @Test
    void htmlYieldsMainTextAndMetadata() throws IOException {
        Path f = dir.resolve("page.html");
        Files.writeString(f, """
                <html><head><title>Clashes in Idlib</title>
                <meta property="article:published_time" content="2019-05-02T08:00:00Z">
                <meta property="og:site_name" content="Example Wire"></head>
                <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
                <div class="story"><p>Government forces shelled villages south of Idlib on Thursday.</p>
                <p>Rebels said they repelled an attack near Kafr Nabudah.</p></div>
                <footer><p>Copyright notice and many links</p></footer><script>var x = "<p>not text</p>";</script></body></html>
                """);
        List<InputItem> items = read(InputFormat.AUTO, null, f.toString());
        assertEquals(1, items.size());
        var a = items.get(0).article();
        assertTrue(a.extracted());
        assertEquals("Government forces shelled villages south of Idlib on Thursday.\n\nRebels said they repelled an attack near Kafr Nabudah.", a.text());
        assertEquals(LocalDate.of(2019, 5, 2), a.published());
        assertEquals("Example Wire", a.source());
        assertEquals("Clashes in Idlib", a.title());
    }

    @Test
    void folderIsReadInNameOrderWithBadFilesReported() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a.txt"), "Troops entered Homs on Monday.");
        Files.write(sub.resolve("c.txt"), new byte[]{0, 1, 2, 3, 4, 5});
        Files.writeString(sub.resolve("d.txt"), "   \n  ");
        Files.write(dir.resolve("e.txt"), new byte[ArticleReader.MAX_BYTES + 10]);
        Files.writeString(dir.resolve("2017-09-15-dated.txt"), "Russian jets struck Idlib.");
        List<InputItem> items = read(InputFormat.AUTO, null, dir.toString());
        assertEquals(5, items.size());
        assertEquals(LocalDate.of(2017, 9, 15), items.get(0).article().published(), "date taken from the file name");
        assertTrue(items.get(1).usable());
        assertNull(items.get(1).article().published());
        assertTrue(items.get(2).problems().get(0).message().contains("binary"));
        assertTrue(items.get(3).problems().get(0).message().contains("empty"));
        assertTrue(items.get(4).problems().get(0).message().contains("too large"));
    }

    @Test
    void stdinIsReadWithAutoDetection() {
        List<InputItem> items = new ArrayList<>();
        byte[] html = "<html><body><article><p>Militants attacked a checkpoint in Arish.</p></article></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        new ArticleReader(InputFormat.AUTO, LocalDate.of(2018, 2, 9)).read("-", new ByteArrayInputStream(html), items::add);
        assertEquals("Militants attacked a checkpoint in Arish.", items.get(0).article().text());
    }

    // Heads written for these tests: a dated wire dateline, a yearless one, and prose with a date in it.
    private static final String WIRE = "KESSEL, March 3, 2024 (Herald Wire) - Marenland jets struck border posts near Kessel.";
    private static final String YEARLESS = "KESSEL, March 3 (Herald Wire) - Marenland jets struck border posts near Kessel.";
    private static final String PROSE = "On 3 March 2024 Marenland jets struck border posts near Kessel, officials said.";

    @Test
    void textWithoutADateTakesItsDateline() throws IOException {
        Path wire = Files.writeString(dir.resolve("wire.txt"), WIRE);
        assertEquals(LocalDate.of(2024, 3, 3), read(InputFormat.AUTO, null, wire.toString()).get(0).article().published());
        assertEquals(LocalDate.of(2024, 3, 9), read(InputFormat.AUTO, LocalDate.of(2024, 3, 9), wire.toString()).get(0).article().published(),
                "--published wins over the dateline");
        Path named = Files.writeString(dir.resolve("2024-03-04-wire.txt"), WIRE);
        assertEquals(LocalDate.of(2024, 3, 4), read(InputFormat.AUTO, null, named.toString()).get(0).article().published(),
                "a date in the file name wins over the dateline");
        Path yearless = Files.writeString(dir.resolve("yearless.txt"), YEARLESS);
        assertNull(read(InputFormat.AUTO, null, yearless.toString()).get(0).article().published(), "no year: undated");
        Path prose = Files.writeString(dir.resolve("prose.txt"), PROSE);
        assertNull(read(InputFormat.AUTO, null, prose.toString()).get(0).article().published(), "a date in prose is no dateline");

        List<InputItem> stdin = new ArrayList<>();
        new ArticleReader(InputFormat.TEXT, null).read("-", new ByteArrayInputStream(WIRE.getBytes(StandardCharsets.UTF_8)), stdin::add);
        assertEquals(LocalDate.of(2024, 3, 3), stdin.get(0).article().published());
    }

    @Test
    void jsonLinesAndCsvWithoutPublishedTakeTheDateline() throws IOException {
        Path f = dir.resolve("batch.jsonl");
        Files.writeString(f, "{\"id\": \"d1\", \"text\": \"" + WIRE + "\"}\n"
                + "{\"id\": \"d2\", \"text\": \"" + WIRE + "\", \"published\": \"2024-03-05\"}\n"
                + "{\"id\": \"d3\", \"text\": \"" + YEARLESS + "\"}\n");
        List<InputItem> items = read(InputFormat.AUTO, null, f.toString());
        assertEquals(LocalDate.of(2024, 3, 3), items.get(0).article().published());
        assertEquals(LocalDate.of(2024, 3, 5), items.get(1).article().published(), "the line's own date wins");
        assertNull(items.get(2).article().published());
        List<InputItem> given = read(InputFormat.AUTO, LocalDate.of(2024, 3, 9), f.toString());
        assertEquals(LocalDate.of(2024, 3, 9), given.get(0).article().published(), "--published wins over the dateline");
        assertEquals(LocalDate.of(2024, 3, 5), given.get(1).article().published());
        assertEquals(LocalDate.of(2024, 3, 3), new ArticleReader(InputFormat.JSONL, null)
                .fromJson("api", "{\"text\": \"" + WIRE + "\"}").article().published(), "the API's articles too");

        Path csv = Files.writeString(dir.resolve("batch.csv"), "id,text,date\nc1,\"" + WIRE + "\",\nc2,\"" + WIRE + "\",2024-03-06\n");
        List<InputItem> rows = read(InputFormat.AUTO, null, csv.toString());
        assertEquals(LocalDate.of(2024, 3, 3), rows.get(0).article().published());
        assertEquals(LocalDate.of(2024, 3, 6), rows.get(1).article().published());
    }

    @Test
    void htmlAndFeedsWithoutADateTakeTheDatelineOfTheirText() throws IOException {
        Path page = Files.writeString(dir.resolve("page.html"), "<html><head><title>Jets strike Kessel</title></head><body><article>"
                + "<p>" + WIRE + "</p><p>Two guards were wounded.</p></article></body></html>");
        assertEquals(LocalDate.of(2024, 3, 3), read(InputFormat.AUTO, null, page.toString()).get(0).article().published());
        Path meta = Files.writeString(dir.resolve("meta.html"), "<html><head><meta name=\"date\" content=\"2024-03-07\"></head><body>"
                + "<article><p>" + WIRE + "</p></article></body></html>");
        assertEquals(LocalDate.of(2024, 3, 7), read(InputFormat.AUTO, null, meta.toString()).get(0).article().published(),
                "the page's metadata wins");

        Path feed = Files.writeString(dir.resolve("wire.rss"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Herald Wire</title>"
                + "<item><title>Jets strike Kessel</title><link>https://wire.test/1</link><description>" + WIRE + "</description></item>"
                + "<item><title>Talks</title><link>https://wire.test/2</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>"
                + "<description>" + WIRE + "</description></item></channel></rss>");
        List<InputItem> items = read(InputFormat.AUTO, null, feed.toString());
        assertEquals(LocalDate.of(2024, 3, 3), items.get(0).article().published());
        assertEquals(LocalDate.of(2024, 3, 5), items.get(1).article().published(), "the item's own date wins");
        assertEquals(LocalDate.of(2024, 3, 9), read(InputFormat.AUTO, LocalDate.of(2024, 3, 9), feed.toString()).get(0).article().published());
    }
}
