package sitrep.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import sitrep.model.Article;

/**
 * WARC 1.0/1.1 archives (web crawls such as CC-NEWS), plain or gzip-compressed (one gzip member per record,
 * told by its magic bytes), read record by record so that an archive of any size streams through. An HTTP
 * {@code response} record with a 2xx status and an HTML or plain-text payload, or a {@code resource} record
 * holding HTML or text, becomes an article; request, metadata, warcinfo, revisit and other records are skipped
 * and counted. A bad record becomes a failed item naming the file, the record number and its offset; reading goes
 * on at the next "WARC/1." line, but a broken gzip stream ends it.
 * <p>Hand-written rather than jwarc: jwarc reads well-formed archives, but a malformed record (garbage between
 * records, a bad Content-Length, a block that does not end where it says) ends its reading of the file, and this
 * project's rule is that a bad item gets its own error while the rest of the batch goes on, which needs the resync
 * on the next record line above.
 */
final class WarcReader {
    /** Header lines of a record longer than this are corrupt (real ones are under a few KiB). */
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADER_LINES = 256;
    private static final String RESYNC = "; reading goes on at the next record";

    /** What one archive held: records seen, articles made, records skipped by reason, failed items. */
    static final class Counts {
        int records;
        int articles;
        int errors;
        final Map<String, Integer> skipped = new TreeMap<>();

        void skip(String why) {
            skipped.merge(why, 1, Integer::sum);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(records + " records, " + articles + (articles == 1 ? " article" : " articles"));
            skipped.forEach((why, n) -> s.append(", ").append(n).append(' ').append(why).append(" skipped"));
            if (errors > 0) s.append(", ").append(errors).append(errors == 1 ? " error" : " errors");
            return s.toString();
        }
    }

    private final String origin;
    private final LocalDate defaultPublished;
    private final Consumer<InputItem> sink;
    private final Counts counts = new Counts();
    private boolean gzip;
    private boolean inRecord;

    /** Records and payloads larger than this many bytes are refused (the readers' per-item limit). */
    private final int maxBytes;

    WarcReader(String origin, LocalDate defaultPublished, Consumer<InputItem> sink) {
        this(origin, defaultPublished, sink, ArticleReader.MAX_BYTES);
    }

    WarcReader(String origin, LocalDate defaultPublished, Consumer<InputItem> sink, int maxBytes) {
        this.maxBytes = maxBytes;
        this.origin = origin;
        this.defaultPublished = defaultPublished;
        this.sink = sink;
    }

    /** True when the stream (marked and reset here) starts with "WARC/", plain or inside gzip. */
    static boolean isWarc(BufferedInputStream in) {
        in.mark(1 << 16);
        try {
            byte[] head = in.readNBytes(2);
            in.reset();
            InputStream body = isGzip(head) ? new GZIPInputStream(nonClosing(in), 512) : in;
            return new String(body.readNBytes(5), StandardCharsets.US_ASCII).equals("WARC/");
        } catch (IOException e) {
            return false;
        } finally {
            try {
                in.reset();
            } catch (IOException e) {
                throw new IllegalStateException("mark lost while sniffing input", e);
            }
        }
    }

    /** Reads the archive, giving each article or failed record to the sink; returns the counts. */
    Counts read(BufferedInputStream raw) {
        Bytes in;
        try {
            raw.mark(2);
            byte[] head = raw.readNBytes(2);
            raw.reset();
            if (head.length == 0) {
                fail(origin, "empty WARC file");
                return counts;
            }
            gzip = isGzip(head);
            in = new Bytes(gzip ? new GZIPInputStream(blockingAvailable(raw), 1 << 16) : raw);
        } catch (IOException e) {
            fail(origin, "cannot read WARC file: " + e.getMessage());
            return counts;
        }
        long start = 0;
        try {
            String line = in.line();
            while (line != null) {
                if (line.isEmpty()) {
                    line = in.line();
                    continue;
                }
                start = in.lineStart;
                if (!line.startsWith("WARC/") && counts.records == 0 && counts.errors == 0) {
                    fail(origin, "not a WARC file: it starts with '" + shorten(line) + "', not 'WARC/'");
                    return counts;
                }
                if (!line.startsWith("WARC/")) {
                    fail(after(start), "expected a WARC record header (WARC/1.x), found '" + shorten(line) + "'" + RESYNC);
                    line = nextRecordLine(in);
                    continue;
                }
                counts.records++;
                inRecord = true;
                line = record(in, start);
                inRecord = false;
            }
            if (counts.records == 0 && counts.errors == 0) fail(origin, "empty WARC file (no records)");
        } catch (ZipException e) {
            fail(inRecord ? where(start) : after(in.offset), "broken gzip data (" + e.getMessage() + "); the rest of the file is not read");
        } catch (IOException e) {
            String what = e instanceof java.io.EOFException ? "truncated gzip stream" : "read error";
            fail(inRecord ? where(start) : after(in.offset), what + " (" + e.getMessage() + "); the rest of the file is not read");
        }
        return counts;
    }

    /** One record from its version line on; returns the line after it (its header, usually), null at the end. */
    private String record(Bytes in, long start) throws IOException {
        Map<String, String> fields = new HashMap<>();
        String last = null;
        for (int n = 0; ; n++) {
            String line = in.line();
            if (line == null) {
                fail(where(start), "truncated record: the file ends inside its header");
                return null;
            }
            if (line.isEmpty()) break;
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null && n < MAX_HEADER_LINES) {
                fields.merge(last, " " + line.strip(), String::concat); // a folded (continued) field, as WARC 1.0 allows
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || n >= MAX_HEADER_LINES || line.length() >= MAX_LINE) {
                fail(where(start), "corrupt header line '" + shorten(line) + "'" + RESYNC);
                return nextRecordLine(in);
            }
            last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            fields.put(last, line.substring(colon + 1).strip());
        }
        long length;
        try {
            length = Long.parseLong(fields.getOrDefault("content-length", "missing"));
            if (length < 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            fail(where(start), "bad or missing Content-Length '" + fields.get("content-length") + "'" + RESYNC);
            return nextRecordLine(in);
        }
        String type = fields.getOrDefault("warc-type", "").toLowerCase(Locale.ROOT);
        boolean wanted = type.equals("response") || type.equals("resource");
        if (!wanted || length > maxBytes) {
            long skipped = in.skip(length);
            if (skipped < length) {
                fail(where(start), "truncated record: Content-Length " + length + " but the file ends after " + skipped + " bytes");
                return null;
            }
            if (wanted) fail(where(start), "record too large (" + length + " bytes; limit " + maxBytes + ")");
            else counts.skip(type.isEmpty() ? "untyped" : type);
            return afterBlock(in, start, null);
        }
        byte[] block = in.read((int) length);
        if (block.length < length) {
            fail(where(start), "truncated record: Content-Length " + length + " but the file ends after " + block.length + " bytes");
            return null;
        }
        return afterBlock(in, start, () -> article(fields, type, block, start));
    }

    /**
     * Checks that the block ends where Content-Length says (CRLF CRLF, the next record or the end of the input),
     * then runs {@code use}; otherwise the record is corrupt and reading resumes at the next record. Returns the
     * line after the block.
     */
    private String afterBlock(Bytes in, long start, Runnable use) throws IOException {
        String line = in.line();
        if (line != null && line.isEmpty()) line = in.line();
        if (line != null && !line.isEmpty() && !line.startsWith("WARC/")) {
            fail(where(start), "block does not end where its Content-Length says (found '" + shorten(line) + "')" + RESYNC);
            return nextRecordLine(in);
        }
        if (use != null) use.run();
        return line;
    }

    /** Skips to the next line that starts a WARC record; returns it, or null at the end of the input. */
    private static String nextRecordLine(Bytes in) throws IOException {
        String line;
        do line = in.line(); while (line != null && !line.startsWith("WARC/1."));
        return line;
    }

    /** A response or resource record's article, or the reason it has none (skipped or failed). */
    private void article(Map<String, String> fields, String type, byte[] block, long start) {
        String where = where(start);
        String contentType = fields.getOrDefault("content-type", "");
        byte[] payload = block;
        if (type.equals("response")) {
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/http")) {
                counts.skip("non-HTTP response");
                return;
            }
            HttpResponse http = HttpResponse.parse(block);
            if (http == null) {
                fail(where, "response record does not hold an HTTP response");
                return;
            }
            if (http.status < 200 || http.status > 299) {
                counts.skip("HTTP status not 2xx");
                return;
            }
            contentType = http.headers.getOrDefault("content-type", "");
            try {
                payload = http.body(maxBytes);
            } catch (IOException | InputException e) {
                fail(where, "cannot decode HTTP payload: " + e.getMessage());
                return;
            }
        }
        String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean html = mime.equals("text/html") || mime.equals("application/xhtml+xml");
        if (!html && !mime.equals("text/plain") && !mime.isEmpty()) {
            counts.skip("not HTML or text");
            return;
        }
        String uri = fields.get("warc-target-uri");
        if (uri != null && uri.startsWith("<") && uri.endsWith(">")) uri = uri.substring(1, uri.length() - 1); // WARC 1.0
        String key = fields.getOrDefault("warc-record-id", uri != null ? uri : where);
        String id = "warc-" + ArticleReader.hash(key);
        // The page's own date, else its text's dateline, else the day it was crawled, else --published.
        LocalDate warcDate = HtmlText.date(fields.get("warc-date"));
        LocalDate fallback = warcDate != null ? warcDate : defaultPublished;
        String charset = TextDecoder.charsetParameter(contentType);
        try {
            if (payload.length > maxBytes) {
                throw new InputException("payload too large (limit " + maxBytes + " bytes)");
            }
            Article a;
            if (html || mime.isEmpty() && InputFormat.byContent(TextDecoder.decode(payload)) == InputFormat.HTML) {
                a = ArticleReader.htmlArticle(payload, charset, id, uri, null, where);
                if (a.published() == null) a = a.withPublished(fallback);
            } else {
                String text = TextDecoder.decode(payload, charset);
                if (text.isBlank()) throw new InputException("empty payload (only whitespace)");
                LocalDate dateline = Dateline.read(text);
                a = new Article(id, text, dateline != null ? dateline : fallback, null, uri, ArticleReader.host(uri), "en", where, false);
            }
            counts.articles++;
            sink.accept(InputItem.ok(a));
        } catch (InputException e) {
            fail(where, e.getMessage());
        } catch (RuntimeException e) {
            fail(where, "unreadable payload: " + e);
        }
    }

    /** Where the current record, starting at {@code offset}, is. */
    private String where(long offset) {
        return origin + ": record " + counts.records + " (" + (gzip ? "uncompressed " : "") + "offset " + offset + ")";
    }

    /** Where something between records is. */
    private String after(long offset) {
        return origin + ": after record " + counts.records + " (" + (gzip ? "uncompressed " : "") + "offset " + offset + ")";
    }

    private void fail(String where, String message) {
        counts.errors++;
        sink.accept(InputItem.failed(ArticleReader.hash(where), where, message));
    }

    private static String shorten(String line) {
        String s = line.length() > 60 ? line.substring(0, 60) + "..." : line;
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    /**
     * GZIPInputStream reads a next member only when available() says bytes are waiting, which a pipe can deny
     * between two writes; this answers by waiting for a byte instead.
     */
    private static InputStream blockingAvailable(BufferedInputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int available() throws IOException {
                int n = in.available();
                if (n > 0) return n;
                in.mark(1);
                int b = in.read();
                in.reset();
                return b < 0 ? 0 : 1;
            }
        };
    }

    /** The status, headers (lower-case names) and raw body of an HTTP response block. */
    private record HttpResponse(int status, Map<String, String> headers, byte[] block, int bodyStart) {
        static HttpResponse parse(byte[] block) {
            int lineStart = 0, status = -1;
            Map<String, String> headers = new HashMap<>();
            for (int i = 0; i < block.length; i++) {
                if (block[i] != '\n') continue;
                int end = i > lineStart && block[i - 1] == '\r' ? i - 1 : i;
                String line = new String(block, lineStart, end - lineStart, StandardCharsets.ISO_8859_1);
                lineStart = i + 1;
                if (status < 0) {
                    String[] parts = line.split(" ", 3);
                    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) return null;
                    try {
                        status = Integer.parseInt(parts[1]);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                } else if (line.isEmpty()) {
                    return new HttpResponse(status, headers, block, lineStart);
                } else {
                    int colon = line.indexOf(':');
                    if (colon > 0) headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            return status < 0 ? null : new HttpResponse(status, headers, block, block.length); // headers only
        }

        /** The body with chunked transfer and gzip/deflate content coding undone, where the headers declare them. */
        byte[] body(int maxBytes) throws IOException {
            byte[] body = java.util.Arrays.copyOfRange(block, bodyStart, block.length);
            String transfer = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
            if (transfer.contains("chunked")) body = dechunk(body);
            String coding = headers.getOrDefault("content-encoding", "").strip().toLowerCase(Locale.ROOT);
            switch (coding) {
                case "", "identity" -> {
                }
                case "gzip", "x-gzip" -> {
                    // Some crawlers store the payload decoded but keep the header: decode only what is gzip.
                    if (isGzip(body)) body = inflate(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes);
                }
                case "deflate" -> {
                    try {
                        body = inflate(new InflaterInputStream(new ByteArrayInputStream(body)), maxBytes);
                    } catch (ZipException notZlib) { // raw deflate, as some servers send
                        body = inflate(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), maxBytes);
                    }
                }
                default -> throw new InputException("unsupported Content-Encoding '" + coding + "'");
            }
            return body;
        }

        /** Chunks joined; a body that is not in chunks after all is kept as it is. */
        private static byte[] dechunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
            int pos = 0;
            while (true) {
                int eol = indexOf(body, pos, (byte) '\n');
                if (eol < 0) return body;
                String size = new String(body, pos, eol - pos, StandardCharsets.ISO_8859_1).split(";", 2)[0].strip();
                int n;
                try {
                    n = Integer.parseInt(size, 16);
                } catch (NumberFormatException e) {
                    return body;
                }
                if (n == 0) return out.toByteArray();
                if (n < 0 || eol + 1 + (long) n > body.length) return body;
                out.write(body, eol + 1, n);
                pos = eol + 1 + n;
                if (pos < body.length && body[pos] == '\r') pos++;
                if (pos < body.length && body[pos] == '\n') pos++;
            }
        }

        private static int indexOf(byte[] b, int from, byte v) {
            for (int i = from; i < b.length; i++) if (b[i] == v) return i;
            return -1;
        }

        /** At most maxBytes + 1 decoded bytes, so that a small compressed payload cannot fill the memory. */
        private static byte[] inflate(InputStream in, int maxBytes) throws IOException {
            try (in) {
                byte[] out = in.readNBytes(maxBytes + 1);
                if (out.length > maxBytes) {
                    throw new InputException("decoded payload too large (limit " + maxBytes + " bytes)");
                }
                return out;
            }
        }
    }

    /** The archive's bytes through a buffer, with the offset of the next byte; lines end at LF (CR dropped). */
    private static final class Bytes {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos, limit;
        long offset;
        /** The offset of the line that {@link #line()} returned last. */
        long lineStart;

        Bytes(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            if (pos < limit) return true;
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) return false;
            pos = 0;
            limit = n;
            return true;
        }

        /**
         * The next line without its line end, decoded as UTF-8 and cut at MAX_LINE bytes (the rest of a longer
         * line is read and dropped, so that garbage without line ends costs no memory); null at the end.
         */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            boolean any = false;
            lineStart = offset;
            while (fill()) {
                any = true;
                int i = pos;
                while (i < limit && buf[i] != '\n') i++;
                int keep = Math.min(i - pos, MAX_LINE - line.size());
                if (keep > 0) line.write(buf, pos, keep);
                offset += i - pos;
                boolean end = i < limit;
                pos = end ? i + 1 : i;
                if (end) {
                    offset++;
                    byte[] b = line.toByteArray();
                    int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                    return new String(b, 0, n, StandardCharsets.UTF_8);
                }
            }
            return any ? line.toString(StandardCharsets.UTF_8) : null;
        }

        /** Up to n bytes; fewer only at the end of the input. */
        byte[] read(int n) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(n, 1 << 20));
            while (out.size() < n && fill()) {
                int k = Math.min(n - out.size(), limit - pos);
                out.write(buf, pos, k);
                pos += k;
                offset += k;
            }
            return out.toByteArray();
        }

        /** Skips up to n bytes without keeping them; returns how many were skipped. */
        long skip(long n) throws IOException {
            long done = 0;
            while (done < n && fill()) {
                int k = (int) Math.min(n - done, limit - pos);
                pos += k;
                done += k;
            }
            offset += done;
            return done;
        }
    }
}
