package sitrep.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import sitrep.model.Article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sitrep.ingest.WarcFiles.utf8;

class WarcReaderTest {
    static final String PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Dam attack in Veldoria</title>
            <meta property="article:published_time" content="2024-03-04T18:30:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><p>Insurgents blew up a bridge near the town of Ostrava Nueva on Monday, officials in Veldoria said.</p>
            <p>Two guards were wounded in the blast, the regional governor told reporters.</p></article>
            <footer><p>All rights reserved.</p></footer></body></html>
            """;
    static final String PAGE_URL = "https://www.veldoria-herald.test/news/2024/03/bridge-attack";

    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();

    private List<InputItem> read(String input, byte[] stdin) {
        List<InputItem> items = new ArrayList<>();
        new ArticleReader(InputFormat.AUTO, null, notes::add).read(input, new ByteArrayInputStream(stdin), items::add);
        return items;
    }

    private List<InputItem> readFile(String name, byte[] bytes) throws IOException {
        return read(Files.write(dir.resolve(name), bytes).toString(), new byte[0]);
    }

    /** A crawl as CC-NEWS has it: warcinfo, request/response/metadata triples, a 404, an image, a revisit. */
    static WarcFiles crawl() throws IOException {
        byte[] umlaut = "<html><head><title>Ceasefire talks</title></head><body><div><p>Delegates from Veldoria and Marenland met in Zürich on Tuesday to discuss a ceasefire.</p></div></body></html>"
                .getBytes(Charset.forName("windows-1252"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(umlaut);
        }
        byte[] gzipped = gz.toByteArray();
        int half = gzipped.length / 2;
        byte[] chunked = WarcFiles.concat(utf8(Integer.toHexString(half) + "\r\n"), Arrays.copyOfRange(gzipped, 0, half),
                utf8("\r\n" + Integer.toHexString(gzipped.length - half) + ";ext=1\r\n"),
                Arrays.copyOfRange(gzipped, half, gzipped.length), utf8("\r\n0\r\n\r\n"));
        return new WarcFiles()
                .record("warcinfo", null, "application/warc-fields", utf8("software: handmade\r\nformat: WARC File Format 1.1\r\n"))
                .record("request", PAGE_URL, "application/http; msgtype=request", utf8("GET /news/2024/03/bridge-attack HTTP/1.1\r\nHost: www.veldoria-herald.test\r\n\r\n"))
                .response(PAGE_URL, "200 OK", List.of("Content-Type: text/html; charset=UTF-8"), utf8(PAGE))
                .record("metadata", PAGE_URL, "application/warc-fields", utf8("fetchTimeMs: 120\r\n"))
                .response("https://marenland-post.test/missing", "404 Not Found", List.of("Content-Type: text/html"),
                        utf8("<html><body><p>Page not found</p></body></html>"))
                .response("http://marenland-post.test/talks", "200 OK",
                        List.of("Content-Type: text/html; charset=windows-1252", "Transfer-Encoding: chunked", "Content-Encoding: gzip"), chunked)
                .response("https://www.veldoria-herald.test/img/bridge.jpg", "200 OK", List.of("Content-Type: image/jpeg"),
                        new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0})
                .record("resource", "https://wire.test/brief/77", "text/plain", utf8("Troops of Marenland shelled border posts near Kessel on 3 March."))
                .record("revisit", PAGE_URL, "application/http; msgtype=response", utf8("HTTP/1.1 200 OK\r\n\r\n"));
    }

    private void assertCrawl(List<InputItem> items) throws IOException {
        assertEquals(3, items.size(), () -> items.toString());
        items.forEach(i -> assertTrue(i.usable(), () -> i.problems().toString()));
        Article page = items.get(0).article();
        assertEquals("Insurgents blew up a bridge near the town of Ostrava Nueva on Monday, officials in Veldoria said.\n\n"
                + "Two guards were wounded in the blast, the regional governor told reporters.", page.text());
        assertEquals(PAGE_URL, page.url());
        assertEquals("veldoria-herald.test", page.source(), "the outlet is the URL's host");
        assertEquals(LocalDate.of(2024, 3, 4), page.published(), "the page's own date wins over WARC-Date");
        assertEquals("Dam attack in Veldoria", page.title());
        assertEquals("warc-" + ArticleReader.hash("<urn:uuid:00000000-0000-4000-8000-000000000003>"), page.id());
        assertTrue(page.extracted());

        Article same = read(Files.writeString(dir.resolve("page.html"), PAGE).toString(), new byte[0]).get(0).article();
        assertEquals(same.text(), page.text(), "a WARC page gives the article its .html file gives");
        assertEquals(same.published(), page.published());

        Article talks = items.get(1).article();
        assertEquals("Delegates from Veldoria and Marenland met in Zürich on Tuesday to discuss a ceasefire.", talks.text(),
                "chunked, gzip-encoded, windows-1252");
        assertEquals(LocalDate.of(2024, 3, 5), talks.published(), "no date in the page: WARC-Date's day");
        assertEquals("marenland-post.test", talks.source());

        Article brief = items.get(2).article();
        assertEquals("Troops of Marenland shelled border posts near Kessel on 3 March.", brief.text());
        assertFalse(brief.extracted());
        assertEquals("https://wire.test/brief/77", brief.url());

        assertEquals(1, notes.size());
        assertTrue(notes.get(0).endsWith(": 9 records, 3 articles, 1 HTTP status not 2xx skipped, 1 metadata skipped, "
                + "1 not HTML or text skipped, 1 request skipped, 1 revisit skipped, 1 warcinfo skipped"), notes.get(0));
    }

    @Test
    void plainArchiveGivesArticlesAndSkipsTheRest() throws IOException {
        assertCrawl(readFile("crawl.warc", crawl().plain()));
    }

    @Test
    void gzipArchiveIsToldByItsMagicBytes() throws IOException {
        assertCrawl(readFile("crawl-compressed.warc", crawl().gzip()));
    }

    @Test
    void gzipArchiveIsReadFromStdinAndWithoutExtension() throws IOException {
        assertCrawl(read("-", crawl().gzip()));
        notes.clear();
        assertCrawl(readFile("CC-NEWS-20240305-00001", crawl().gzip()));
    }

    @Test
    void truncatedRecordKeepsTheRecordsBeforeIt() throws IOException {
        byte[] whole = crawl().plain();
        byte[] cut = Arrays.copyOf(whole, new String(whole, Charset.forName("ISO-8859-1")).indexOf("Page not found"));
        List<InputItem> items = readFile("cut.warc", cut);
        assertEquals(2, items.size());
        assertTrue(items.get(0).usable());
        assertFalse(items.get(1).usable());
        String origin = items.get(1).article().origin();
        assertTrue(origin.contains("cut.warc: record 5 (offset "), origin);
        assertTrue(items.get(1).problems().get(0).message().startsWith("truncated record: Content-Length "),
                items.get(1).problems().toString());
    }

    @Test
    void corruptRecordsInPlainArchiveAreReportedAndReadingGoesOn() throws IOException {
        WarcFiles w = new WarcFiles();
        String good = "<html><body><article><p>Rebels attacked a convoy near Kessel, the army of Marenland said.</p></article></body></html>";
        w.response("https://a.test/1", "200 OK", List.of("Content-Type: text/html"), utf8(good));
        w.raw(utf8("some garbage between records\r\n\u0001\u0002\r\n"));
        w.raw(utf8(w.header("response", "https://a.test/2", "application/http; msgtype=response", 0).replace("Content-Length: 0", "Content-Length: twelve")),
                utf8("HTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n"));
        w.raw(utf8(w.header("response", "https://a.test/3", "application/http; msgtype=response", 10)),
                utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Content-Length is too short</p>\r\n\r\n"));
        w.response("https://a.test/4", "200 OK", List.of("Content-Type: text/html"), utf8(good.replace("Kessel", "Ostrava Nueva")));
        byte[] file = w.plain();
        List<InputItem> items = readFile("corrupt.warc", file);
        assertEquals(5, items.size(), items::toString);
        assertEquals("https://a.test/1", items.get(0).article().url(), "a good record before garbage is kept");
        assertTrue(items.get(1).problems().get(0).message().startsWith("expected a WARC record header"), items.get(1).toString());
        assertTrue(items.get(1).article().origin().endsWith("corrupt.warc: after record 1 (offset " + offsetOf(file, "some garbage") + ")"),
                items.get(1).article().origin());
        assertTrue(items.get(2).problems().get(0).message().startsWith("bad or missing Content-Length 'twelve'; reading goes on"));
        assertTrue(items.get(2).article().origin().endsWith("corrupt.warc: record 2 (offset " + offsetOf(file, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000002>") + ")"),
                items.get(2).article().origin());
        assertTrue(items.get(3).problems().get(0).message().startsWith("block does not end where its Content-Length says"));
        assertTrue(items.get(4).usable());
        assertTrue(items.get(4).article().text().contains("Ostrava Nueva"));

        List<InputItem> gzipped = readFile("corrupt.warc.gz", w.gzip());
        assertEquals(List.of(true, false, false, false, true), gzipped.stream().map(InputItem::usable).toList(),
                "an intact gzip stream resynchronises as a plain archive does");
        assertTrue(gzipped.get(2).article().origin().contains("corrupt.warc.gz: record 2 (uncompressed offset "));
    }

    private static int offsetOf(byte[] file, String s) {
        return new String(file, Charset.forName("ISO-8859-1")).indexOf(s);
    }

    @Test
    void truncatedGzipStopsWithAnErrorAfterTheGoodRecords() throws IOException {
        byte[] whole = crawl().gzip();
        List<InputItem> items = readFile("cut.warc.gz", Arrays.copyOf(whole, whole.length - 40));
        assertEquals(4, items.size(), items::toString);
        assertEquals(3, items.stream().filter(InputItem::usable).count());
        InputItem last = items.get(3);
        assertFalse(last.usable());
        assertTrue(last.article().origin().contains("cut.warc.gz: record 9 (uncompressed offset "), last.article().origin());
        assertTrue(last.problems().get(0).message().startsWith("truncated gzip stream"), last.problems().toString());
    }

    @Test
    void oversizedRecordIsSkippedUnreadAndEmptyFileIsAnError() throws IOException {
        WarcFiles w = new WarcFiles();
        byte[] big = new byte[ArticleReader.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'x');
        w.record("resource", "https://big.test/", "text/plain", big);
        w.record("resource", "https://small.test/", "text/plain", utf8("Police dispersed a protest in Kessel."));
        List<InputItem> items = readFile("big.warc.gz", w.gzip());
        assertEquals(2, items.size());
        assertTrue(items.get(0).problems().get(0).message().startsWith("record too large"));
        assertEquals("Police dispersed a protest in Kessel.", items.get(1).article().text());

        List<InputItem> empty = readFile("empty.warc.gz", new byte[0]);
        assertEquals(1, empty.size());
        assertEquals("empty WARC file", empty.get(0).problems().get(0).message());

        List<InputItem> html = readFile("page.warc", utf8(PAGE));
        assertEquals(1, html.size());
        assertEquals("not a WARC file: it starts with '<!DOCTYPE html>', not 'WARC/'", html.get(0).problems().get(0).message());
    }

    @Test
    void declaredCharsetIsFollowedAndWesternOnesAreDetected() {
        byte[] arabic = "<html><head><meta charset=\"windows-1256\"></head><body><p>قصف</p></body></html>".getBytes(Charset.forName("windows-1256"));
        assertTrue(TextDecoder.decode(arabic, TextDecoder.metaCharset(arabic)).contains("قصف"));
        byte[] utf8Labelled1252 = utf8("Zürich");
        assertEquals("Zürich", TextDecoder.decode(utf8Labelled1252, "iso-8859-1"), "UTF-8 served as ISO-8859-1 is still read as UTF-8");
        assertEquals("koi8-r", TextDecoder.charsetParameter("text/html; charset=\"koi8-r\""));
    }

    @Test
    void datesComeFromThePageThenItsDatelineThenWarcDate() throws IOException {
        String dateline = "KESSEL, March 1, 2024 (Herald Wire) - Insurgents blew up a bridge near Kessel.";
        WarcFiles w = new WarcFiles()
                .response("https://herald.test/1", "200 OK", List.of("Content-Type: text/html"),
                        utf8("<html><body><article><p>" + dateline + "</p></article></body></html>"))
                .response("https://herald.test/2", "200 OK", List.of("Content-Type: text/html"),
                        utf8("<html><head><meta property=\"article:published_time\" content=\"2024-02-28T09:00:00Z\"></head>"
                                + "<body><article><p>" + dateline + "</p></article></body></html>"))
                .record("resource", "https://herald.test/3", "text/plain", utf8(dateline))
                .record("resource", "https://herald.test/4", "text/plain",
                        utf8("KESSEL, March 1 (Herald Wire) - Insurgents blew up a bridge near Kessel."));
        List<InputItem> items = new ArrayList<>();
        new ArticleReader(InputFormat.AUTO, LocalDate.of(2024, 3, 9)).read(Files.write(dir.resolve("dated.warc"), w.plain()).toString(),
                new ByteArrayInputStream(new byte[0]), items::add);
        assertEquals(LocalDate.of(2024, 3, 1), items.get(0).article().published(), "no page date: the dateline, not WARC-Date");
        assertEquals(LocalDate.of(2024, 2, 28), items.get(1).article().published(), "the page's date first");
        assertEquals(LocalDate.of(2024, 3, 1), items.get(2).article().published(), "plain text: the dateline");
        assertEquals(LocalDate.of(2024, 3, 5), items.get(3).article().published(), "a yearless dateline: WARC-Date, then --published");
    }
}
