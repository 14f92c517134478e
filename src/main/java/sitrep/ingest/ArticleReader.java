package sitrep.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import sitrep.model.Article;

/**
 * The ingest stage: reads files, folders (recursively, in name order), and standard input into articles,
 * one {@link InputItem} per article. A bad item (empty, binary, over the per-item limit, broken HTML or
 * JSON, a malformed CSV row) becomes a failed item with a clear message; reading goes on with the next one.
 * When reading cannot go on to an input's end (a read error midway), {@link ReadingStopped} says so.
 *
 * <p>An article's publication date is, in this order: its own (an HTML page's metadata, a JSON Lines or CSV
 * {@code published}, an RSS item's date); else {@code defaultPublished} (--published) or, for a plain-text file,
 * a date that starts its name; else the {@link Dateline} printed at the head of its text; else none. A WARC
 * record's own date comes first too, then its text's dateline, then the record's WARC-Date (the crawl's day),
 * then {@code defaultPublished}.
 */
public final class ArticleReader {
    /**
     * Larger items are refused by default: no news article is 5 MB of text, and NLP time grows with length. The
     * limit is the same for every reader (a file, a JSON Lines line, a CSV row, a WARC record, standard input).
     */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputFormat format;
    private final LocalDate defaultPublished;
    private final Consumer<String> notes;
    private final int maxBytes;

    public ArticleReader(InputFormat format, LocalDate defaultPublished) {
        this(format, defaultPublished, note -> { });
    }

    /** {@code notes} takes one line per archive read, saying how many records it held and which were skipped. */
    public ArticleReader(InputFormat format, LocalDate defaultPublished, Consumer<String> notes) {
        this(format, defaultPublished, notes, MAX_BYTES);
    }

    /** With {@code maxBytes} as the per-item size limit instead of {@link #MAX_BYTES}. */
    public ArticleReader(InputFormat format, LocalDate defaultPublished, Consumer<String> notes, int maxBytes) {
        if (maxBytes < 1) throw new IllegalArgumentException("the per-item size limit must be at least 1 byte");
        this.maxBytes = maxBytes;
        this.format = format;
        this.defaultPublished = defaultPublished;
        this.notes = notes;
    }

    /** Reads one input: "-" for standard input, a file, or a folder. The path must exist (checked by the caller). */
    public void read(String input, InputStream stdin, Consumer<InputItem> sink) {
        if (input.equals("-")) {
            whole("stdin", () -> readStream("stdin", stdin, format, sink), sink);
            return;
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().forEach(p -> whole(p.toString(), () -> readFile(p, sink), sink));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list folder " + path, e);
            }
        } else {
            whole(input, () -> readFile(path, sink), sink);
        }
    }

    /**
     * Why each input whose reading stopped before its end did so (see {@link ReadingStopped}), in the order
     * met; empty when every input was read to its end. A command that reads must not exit 0 when it is not.
     */
    public List<String> stopped() {
        return List.copyOf(stops);
    }

    private final List<String> stops = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Reads one input; one that stops early gets an error record saying where, and the next input is read. */
    private void whole(String origin, Runnable reading, Consumer<InputItem> sink) {
        try {
            reading.run();
        } catch (ReadingStopped e) {
            String why = origin + ": " + e.getMessage();
            stops.add(why);
            sink.accept(InputItem.failed(hash("stopped " + why), origin, "reading stopped: " + e.getMessage()));
        }
    }

    private void readFile(Path path, Consumer<InputItem> sink) {
        String origin = path.toString();
        InputFormat f = format == InputFormat.AUTO ? InputFormat.byName(origin) : format;
        if (f == InputFormat.WARC || f == InputFormat.AUTO) {
            // Archives stream whatever their size; others (an extension-less or .gz file) are told by their content.
            try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
                if (f == InputFormat.WARC || WarcReader.isWarc(in)) {
                    readWarc(origin, in, sink);
                    return;
                }
            } catch (IOException e) {
                sink.accept(InputItem.failed(hash(origin), origin, "cannot read file: " + e.getMessage()));
                return;
            }
        }
        if (f == InputFormat.JSONL || f == InputFormat.CSV) {
            try (InputStream in = Files.newInputStream(path)) {
                if (f == InputFormat.JSONL) readJsonLines(origin, in, sink);
                else readCsv(origin, in, sink);
            } catch (IOException e) {
                throw new ReadingStopped("cannot read " + origin + " to its end: " + e.getMessage(), e);
            }
            return;
        }
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                sink.accept(InputItem.failed(hash(origin), origin, "file too large (" + size + " bytes; limit " + maxBytes + " bytes per item, --max-item-bytes)"));
                return;
            }
            readDocument(origin, Files.readAllBytes(path), f, dateFromName(path.getFileName().toString()), sink);
        } catch (IOException e) {
            sink.accept(InputItem.failed(hash(origin), origin, "cannot read file: " + e.getMessage()));
        }
    }

    /**
     * Reads one file that the caller has opened (a Hadoop file system's, in the Spark job), as {@link #read} reads a
     * file: the format from {@code name}'s extension, else its content; WARC streamed, a plain-text file's date from
     * its name. {@code name} is the file's path or URL, used as the origin in errors. The caller closes {@code in}.
     */
    public void readOpened(String name, InputStream in, Consumer<InputItem> sink) {
        InputFormat f = format == InputFormat.AUTO ? InputFormat.byName(name) : format;
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        try {
            if ((f == InputFormat.WARC || f == InputFormat.AUTO) && (f == InputFormat.WARC || WarcReader.isWarc(buffered))) {
                readWarc(name, buffered, sink);
                return;
            }
            if (f == InputFormat.JSONL) {
                readJsonLines(name, buffered, sink);
                return;
            }
            if (f == InputFormat.CSV) {
                readCsv(name, buffered, sink);
                return;
            }
            byte[] bytes = buffered.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                sink.accept(InputItem.failed(hash(name), name, "file too large (limit " + MAX_BYTES + " bytes)"));
                return;
            }
            readDocument(name, bytes, f, dateFromName(fileName(name)), sink);
        } catch (IOException e) {
            sink.accept(InputItem.failed(hash(name), name, "cannot read file: " + e.getMessage()));
        }
    }

    /** The last part of a path or URL. */
    private static String fileName(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private void readStream(String origin, InputStream in, InputFormat f, Consumer<InputItem> sink) {
        try {
            if (f == InputFormat.JSONL) {
                try {
                    readJsonLines(origin, in, sink);
                } catch (IOException e) {
                    throw new ReadingStopped("cannot read " + origin + " to its end: " + e.getMessage(), e);
                }
                return;
            }
            if (f == InputFormat.WARC || f == InputFormat.AUTO) {
                BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
                if (f == InputFormat.WARC || WarcReader.isWarc(buffered)) {
                    readWarc(origin, buffered, sink);
                    return;
                }
                in = buffered;
            }
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                sink.accept(InputItem.failed(hash(origin), origin, "input too large (limit " + maxBytes + " bytes per item, --max-item-bytes)"));
                return;
            }
            readDocument(origin, bytes, f, defaultPublished, sink);
        } catch (IOException e) {
            sink.accept(InputItem.failed(hash(origin), origin, "cannot read input: " + e.getMessage()));
        }
    }

    /** One document: text or HTML (or, with auto, whatever its content says). */
    private void readDocument(String origin, byte[] bytes, InputFormat f, LocalDate fallbackDate, Consumer<InputItem> sink) {
        String text;
        try {
            text = TextDecoder.decode(bytes);
        } catch (InputException e) {
            sink.accept(InputItem.failed(hash(origin), origin, e.getMessage()));
            return;
        }
        if (f == InputFormat.AUTO) f = InputFormat.byContent(text);
        try {
            switch (f) {
                case JSONL -> readJsonLines(origin, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
                case CSV -> readCsv(origin, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
                case HTML -> sink.accept(InputItem.ok(htmlArticle(bytes, null, null, null, fallbackDate, origin)));
                case TEXT -> {
                    if (text.isBlank()) throw new InputException("empty input (only whitespace)");
                    sink.accept(InputItem.ok(new Article(hash(text), text, orDateline(fallbackDate, text), null, null, null, "en", origin, false)));
                }
                case RSS -> {
                    List<Article> items = FeedParser.parse(bytes, origin);
                    if (items.isEmpty()) throw new InputException("feed has no items with text");
                    for (Article a : items) {
                        sink.accept(InputItem.ok(a.published() == null ? a.withPublished(orDateline(fallbackDate, a.text())) : a));
                    }
                }
                case WARC -> readWarc(origin, new ByteArrayInputStream(bytes), sink);
                default -> throw new IllegalStateException(f.name());
            }
        } catch (InputException e) {
            sink.accept(InputItem.failed(hash(origin), origin, e.getMessage()));
        } catch (IOException e) {
            sink.accept(InputItem.failed(hash(origin), origin, "cannot read input: " + e.getMessage()));
        } catch (ReadingStopped e) {
            throw e;
        } catch (RuntimeException e) {
            sink.accept(InputItem.failed(hash(origin), origin, "unreadable " + f.name().toLowerCase() + ": " + e));
        }
    }

    /**
     * An HTML page's article: its main text, title and publication date (else {@code fallbackDate}, else the
     * dateline at the head of its main text). The page is
     * decoded by {@code charset} (an HTTP header's, may be null), else the charset its meta tag declares, else as
     * {@link TextDecoder} detects. {@code id} and {@code url} default to a hash of the text and the page's canonical
     * URL; the source is the page's site name, else the URL's host.
     */
    static Article htmlArticle(byte[] bytes, String charset, String id, String url, LocalDate fallbackDate, String origin) {
        String html = TextDecoder.decode(bytes, charset != null ? charset : TextDecoder.metaCharset(bytes));
        HtmlText.Page page = HtmlText.extract(html, null);
        LocalDate published = page.published() != null ? page.published() : orDateline(fallbackDate, page.text());
        String source = page.siteName() != null ? page.siteName() : host(url);
        return new Article(id != null ? id : hash(page.text()), page.text(), published, page.title(),
                url != null ? url : page.url(), source, "en", origin, true);
    }

    /** The host of a URL without a leading "www.", as outlets are named; null when there is none. */
    public static String host(String url) {
        if (url == null) return null;
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    /** A WARC archive, streamed record by record; what it held and skipped goes to the notes. */
    private void readWarc(String origin, InputStream in, Consumer<InputItem> sink) {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
        WarcReader.Counts counts = new WarcReader(origin, defaultPublished, sink, maxBytes).read(buffered);
        notes.accept(origin + ": " + counts);
    }

    /** {@code date} when there is one, else the dateline of {@code text} (or null). */
    static LocalDate orDateline(LocalDate date, String text) {
        return date != null ? date : Dateline.read(text);
    }

    /**
     * --published, else a date that starts the file's name ("2017-09-15-deir-ez-zor.txt"): the common way of
     * keeping saved articles, and the only date a plain text file can carry.
     */
    private LocalDate dateFromName(String name) {
        if (defaultPublished != null) return defaultPublished;
        return name.length() >= 10 && name.charAt(4) == '-' && name.charAt(7) == '-' ? HtmlText.date(name) : null;
    }

    /** JSON Lines, streamed: a line over the per-item limit is refused (and not held in memory), the next one read. */
    private void readJsonLines(String origin, InputStream in, Consumer<InputItem> sink) throws IOException {
        LineReader lines = new LineReader(in, maxBytes);
        for (LineReader.Line line; (line = lines.next()) != null; ) {
            String where = origin + ":" + line.number();
            if (line.tooLong()) {
                sink.accept(InputItem.failed(hash(where), where, "line too large (" + line.bytes() + " bytes; limit " + maxBytes
                        + " bytes per item, --max-item-bytes)"));
                continue;
            }
            if (line.text().isBlank()) continue;
            sink.accept(jsonArticle(where, line.text()));
        }
    }

    /**
     * A CSV file with a header row: one article per row, from the columns text (required), id, published or
     * date, title, url, source and language, as in the JSON Lines input. Streamed row by row; a malformed row or
     * one over the per-item limit is that row's error (see {@link CsvReader}).
     */
    private void readCsv(String origin, InputStream in, Consumer<InputItem> sink) throws IOException {
        CsvReader csv = new CsvReader(in, maxBytes);
        CsvReader.Row head = csv.next();
        while (head != null && head.cells() != null && head.cells().size() == 1 && head.cells().get(0).isBlank()) head = csv.next();
        if (head == null) {
            sink.accept(InputItem.failed(hash(origin), origin, "empty CSV file"));
            return;
        }
        if (head.cells() == null) {
            sink.accept(InputItem.failed(hash(origin), origin, "CSV header unreadable: " + head.error()));
            return;
        }
        List<String> header = head.cells().stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT)).toList();
        if (!header.contains("text")) {
            sink.accept(InputItem.failed(hash(origin), origin, "CSV has no 'text' column (header: " + header + ")"));
            return;
        }
        for (CsvReader.Row row; (row = csv.next()) != null; ) {
            String where = origin + ":row " + row.row();
            if (row.cells() == null) {
                sink.accept(InputItem.failed(hash(where), where, row.error()));
                continue;
            }
            List<String> cells = row.cells();
            if (cells.size() == 1 && cells.get(0).isBlank()) continue;
            if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
                sink.accept(InputItem.failed(hash(where), where, "CSV row at line " + row.line() + " has " + cells.size()
                        + " cells, the header " + header.size()));
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
            for (int c = 0; c < Math.min(header.size(), cells.size()); c++) {
                String name = header.get(c).equals("date") ? "published" : header.get(c);
                if (!cells.get(c).isEmpty() && !o.has(name)) o.put(name, cells.get(c));
            }
            sink.accept(jsonArticle(where, o.toString()));
        }
    }

    /** One article given as a JSON object in the JSON Lines input format (the API's POST /api/articles). */
    public InputItem fromJson(String where, String json) {
        return jsonArticle(where, json);
    }

    private InputItem jsonArticle(String where, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return InputItem.failed(hash(where), where, "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) return InputItem.failed(hash(where), where, "JSON line is not an object");
        String id = string(node, "id");
        JsonNode textNode = node.get("text");
        if (textNode == null || !textNode.isTextual() || textNode.asText().isBlank()) {
            return InputItem.failed(id != null ? id : hash(where), where, "JSON line has no \"text\" string");
        }
        String text = textNode.asText();
        LocalDate published = null;
        String p = string(node, "published");
        if (p != null) {
            published = HtmlText.date(p);
            if (published == null) {
                return InputItem.failed(id != null ? id : hash(text), where, "\"published\" is not a date (YYYY-MM-DD): " + p);
            }
        }
        if (published == null) published = orDateline(defaultPublished, text);
        String language = string(node, "language");
        return InputItem.ok(new Article(id != null ? id : hash(text), text, published, string(node, "title"),
                string(node, "url"), string(node, "source"), language == null ? "en" : language, where, false));
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** The default article id: the first 16 hex digits of the SHA-256 of the text. */
    public static String hash(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For bench and eval: the items of one list of texts with the dates given (no dateline is read), ready for the pipeline. */
    public static List<InputItem> ofTexts(List<String> texts, List<LocalDate> dates) {
        List<InputItem> out = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            out.add(InputItem.ok(new Article(hash(t), t, dates.get(i), null, null, null, "en", "item " + (i + 1), false)));
        }
        return out;
    }
}
