package sitrep.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import sitrep.geo.Admin1Codes;
import sitrep.geo.CountryTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes stored events in the formats researchers' tools read: JSON Lines (extract format plus mentions), flat
 * CSV (codes quoted, so that tools told to read quoted fields as text keep "010"), GDELT 2.0's event table as GDELT
 * writes it ({@link GdeltRows}), ACLED's 31 columns ({@link AcledRows}), GeoJSON and GeoParquet ({@link ParquetExport}).
 */
public final class EventExporter {
    public enum Format { JSONL, CSV, GDELT, ACLED, GEOJSON, PARQUET }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The flat CSV's columns: codes (quoted, to be read as text) before the readable names and numbers. */
    static final List<String> CSV_COLUMNS = List.of("id", "date", "date_precision", "cameo_code", "cameo_root", "quad_class",
            "goldstein", "plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type", "source_code", "source_name",
            "source_country", "target_code", "target_name", "target_country", "location", "geonameid", "latitude", "longitude",
            "country", "admin1", "precision", "modality", "killed", "injured", "num_mentions", "num_articles", "num_sources",
            "confidence", "disagreements", "evidence", "urls", "cameo_label", "outlets");

    /** GDELT's column names, for {@code --header}: GDELT's own files have no header row. */
    public static final List<String> GDELT_COLUMNS = GdeltRows.COLUMNS;
    public static final List<String> ACLED_COLUMNS = AcledRows.COLUMNS;

    // Built on first use: GDELT's rows need the division codes of the gazetteer's place file (a second's read).
    private final sitrep.data.Lazy<GdeltRows> gdelt = new sitrep.data.Lazy<>(() -> new GdeltRows(CountryTable.shared(), Admin1Codes.shared()));
    private final sitrep.data.Lazy<AcledRows> acled = new sitrep.data.Lazy<>(() -> new AcledRows(CountryTable.shared()));

    /** What one export wrote: the rows, and the events left out because the format cannot hold them. */
    public record Result(long written, long skipped) {
    }

    /** Exports the query's events to {@code output}; returns the number of events written. */
    public long export(EventStore store, ExportQuery query, Format format, Path output) {
        return export(store, query, format, output, false).written();
    }

    /**
     * Exports the query's events to {@code output}.
     *
     * @param header for GDELT only: write a header row of GDELT's column names (GDELT's files have none)
     */
    public Result export(EventStore store, ExportQuery query, Format format, Path output, boolean header) {
        if (format == Format.PARQUET) return new Result(ParquetExport.write(sink -> store.export(query, sink), output), 0);
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            return write(sink -> store.export(query, sink), format, out, header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the events a source gives in a text format (every format but Parquet) to {@code out}, which stays open.
     *
     * @param events calls its argument once per event
     */
    public Result write(java.util.function.Consumer<java.util.function.Consumer<StoredEvent>> events, Format format, Writer out, boolean header) throws IOException {
        long[] n = {0, 0};
        switch (format) {
            case JSONL -> events.accept(e -> line(out, jsonl(e).toString(), n));
            case CSV -> {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.NON_NUMERIC).get());
                csv.printRecord(CSV_COLUMNS);
                events.accept(e -> print(csv, csvRow(e), n));
                csv.flush();
            }
            case GDELT -> {
                if (header) line(out, String.join("\t", GDELT_COLUMNS), null);
                events.accept(e -> {
                    String[] row = gdelt.get().row(e);
                    if (row == null) n[1]++; else line(out, String.join("\t", row), n);
                });
            }
            case ACLED -> {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
                csv.printRecord(ACLED_COLUMNS);
                events.accept(e -> {
                    List<String> row = acled.get().row(e);
                    if (row == null) n[1]++; else print(csv, row, n);
                });
                csv.flush();
            }
            case GEOJSON -> geojson(events, out, n);
            default -> throw new IllegalArgumentException(format.name() + " cannot be written as text");
        }
        out.flush();
        return new Result(n[0], n[1]);
    }

    private static void print(CSVPrinter csv, Iterable<?> row, long[] count) {
        try {
            csv.printRecord(row);
            count[0]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer out, String line, long[] count) {
        try {
            out.write(line);
            out.write('\n');
            if (count != null) count[0]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extract format's event fields, plus id, mentions, counts and disagreements. */
    public static ObjectNode jsonl(StoredEvent e) {
        ObjectNode o = (ObjectNode) parse(e.eventJson());
        o.put("id", e.id());
        o.put("num_mentions", e.numMentions()).put("num_articles", e.numArticles()).put("num_sources", e.numSources());
        o.set("disagreements", parse(e.disagreements()));
        ArrayNode ms = o.putArray("mentions");
        for (StoredMention m : e.mentions()) {
            ObjectNode mo = ms.addObject();
            mo.put("article_id", m.articleId()).put("url", m.url()).put("source", m.outlet()).put("sentence", m.sentence())
                    .put("start", m.start()).put("end", m.end());
            mo.putObject("trigger").put("text", m.trigger()).put("start", m.triggerStart()).put("end", m.triggerEnd());
            mo.put("confidence", m.confidence()).put("merge_reason", m.mergeReason());
        }
        return o;
    }

    /** One CSV row: codes and names as strings (quoted), counts and coordinates as numbers (bare). */
    private static List<Object> csvRow(StoredEvent e) {
        JsonNode o = parse(e.eventJson());
        JsonNode loc = o.path("location"), src = o.path("source"), tgt = o.path("target"), cameo = o.path("cameo");
        StringBuilder urls = new StringBuilder();
        for (StoredMention m : e.mentions()) if (m.url() != null) urls.append(urls.length() > 0 ? " " : "").append(m.url());
        String evidence = e.mentions().isEmpty() ? s(o.path("evidence"), "sentence") : e.mentions().get(0).sentence();
        return java.util.Arrays.asList(e.id(), s(o, "date"), s(o, "date_precision"), s(cameo, "code"),
                s(cameo, "root"), number(cameo, "quad_class"), number(cameo, "goldstein"),
                s(o.path("plover"), "type"), s(o.path("plover"), "mode"), s(o.path("acled"), "event_type"),
                s(o.path("acled"), "sub_event_type"), s(src, "code"), ExportFields.actorName(o, "source"), s(src, "country"),
                s(tgt, "code"), ExportFields.actorName(o, "target"), s(tgt, "country"), s(loc, "name"), s(loc, "geonameid"),
                number(loc, "lat"), number(loc, "lon"), s(loc, "country"), s(loc, "admin1"), s(loc, "precision"), s(o, "modality"),
                number(o.path("quantities"), "killed"), number(o.path("quantities"), "injured"), e.numMentions(), e.numArticles(),
                e.numSources(), number(o, "confidence"), e.disagreements(), evidence, urls.toString(), s(cameo, "label"),
                String.join("; ", ExportFields.outlets(e)));
    }

    /** A numeric field as a number (printed bare), "" when absent. */
    private static Object number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isNumber() ? v.numberValue() : "";
    }

    private void geojson(java.util.function.Consumer<java.util.function.Consumer<StoredEvent>> events, Writer out, long[] n) throws IOException {
        out.write("{\"type\": \"FeatureCollection\", \"features\": [\n");
        events.accept(e -> {
            ObjectNode o = jsonl(e);
            JsonNode loc = o.path("location");
            if (loc.isMissingNode() || loc.isNull() || !loc.hasNonNull("lat")) {
                n[1]++;
                return;
            }
            ObjectNode f = JSON.createObjectNode().put("type", "Feature");
            f.putObject("geometry").put("type", "Point").putArray("coordinates").add(loc.get("lon").asDouble()).add(loc.get("lat").asDouble());
            ObjectNode p = f.putObject("properties");
            p.put("id", e.id()).put("date", s(o, "date")).put("cameo", s(o.path("cameo"), "code"))
                    .put("label", s(o.path("cameo"), "label")).put("plover", s(o.path("plover"), "type"))
                    .put("source", ExportFields.sourceName(o)).put("target", ExportFields.actorName(o, "target"))
                    .put("source_code", s(o.path("source"), "code")).put("target_code", s(o.path("target"), "code"))
                    .put("place", s(loc, "name")).put("country", s(loc, "country")).put("precision", s(loc, "precision"))
                    .put("modality", s(o, "modality")).put("num_articles", e.numArticles()).put("num_sources", e.numSources())
                    .put("confidence", o.path("confidence").asDouble())
                    .put("evidence", s(o.path("evidence"), "sentence"));
            line(out, (n[0] > 0 ? "," : "") + f, n);
        });
        out.write("]}\n");
    }

    private static String s(JsonNode o, String field) {
        return ExportFields.s(o, field);
    }

    private static JsonNode parse(String json) {
        return ExportFields.parse(json);
    }
}
