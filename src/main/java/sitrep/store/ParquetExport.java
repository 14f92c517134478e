package sitrep.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Events as a GeoParquet file with a flat, declared schema: one row per event, typed columns (DATE, DOUBLE,
 * INTEGER, VARCHAR), a {@code geometry} column of WKB points (GeoParquet 1.0 metadata, longitude/latitude in WGS 84,
 * so QGIS, GeoPandas and DuckDB's spatial extension read it as a layer) and the reports as a list column of typed
 * structs. Written by an in-memory DuckDB from a temporary file of the rows, with the column types given, never
 * inferred from the data: an empty export has the same schema.
 */
final class ParquetExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The columns and their DuckDB types, in order. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        String[][] columns = {{"id", "VARCHAR"}, {"date", "VARCHAR"}, {"date_precision", "VARCHAR"}, {"date_start", "DATE"},
                {"date_end", "DATE"}, {"cameo_code", "VARCHAR"}, {"cameo_root", "VARCHAR"}, {"cameo_label", "VARCHAR"},
                {"quad_class", "INTEGER"}, {"goldstein", "DOUBLE"}, {"plover_type", "VARCHAR"}, {"plover_mode", "VARCHAR"},
                {"acled_event_type", "VARCHAR"}, {"acled_sub_event_type", "VARCHAR"}, {"source_code", "VARCHAR"},
                {"source_name", "VARCHAR"}, {"source_country", "VARCHAR"}, {"target_code", "VARCHAR"}, {"target_name", "VARCHAR"},
                {"target_country", "VARCHAR"}, {"location", "VARCHAR"}, {"geonameid", "BIGINT"}, {"latitude", "DOUBLE"},
                {"longitude", "DOUBLE"}, {"country", "VARCHAR"}, {"admin1", "VARCHAR"}, {"precision", "VARCHAR"},
                {"modality", "VARCHAR"}, {"killed", "INTEGER"}, {"injured", "INTEGER"}, {"num_mentions", "INTEGER"},
                {"num_articles", "INTEGER"}, {"num_sources", "INTEGER"}, {"confidence", "DOUBLE"}, {"evidence", "VARCHAR"},
                {"outlets", "VARCHAR"}, {"first_seen", "VARCHAR"}, {"geometry_wkb_hex", "VARCHAR"},
                {"mentions", "STRUCT(article_id VARCHAR, url VARCHAR, source VARCHAR, sentence VARCHAR, \"start\" INTEGER, "
                        + "\"end\" INTEGER, \"trigger\" VARCHAR, confidence DOUBLE, merge_reason VARCHAR)[]"}};
        for (String[] c : columns) COLUMNS.put(c[0], c[1]);
    }

    /** GeoParquet 1.0: the primary geometry column, WKB points; no crs member means OGC:CRS84 (longitude, latitude). */
    static final String GEO_METADATA = "{\"version\":\"1.0.0\",\"primary_column\":\"geometry\",\"columns\":{\"geometry\":"
            + "{\"encoding\":\"WKB\",\"geometry_types\":[\"Point\"]}}}";

    private ParquetExport() {
    }

    /** Writes the events the source gives to {@code output}; returns how many. */
    static long write(java.util.function.Consumer<java.util.function.Consumer<StoredEvent>> events, Path output) {
        try {
            Path rows = Files.createTempFile("sitrep-parquet", ".jsonl");
            try {
                long[] n = {0};
                try (Writer w = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
                    events.accept(e -> {
                        try {
                            w.write(row(e).toString());
                            w.write('\n');
                            n[0]++;
                        } catch (IOException x) {
                            throw new UncheckedIOException(x);
                        }
                    });
                }
                Files.deleteIfExists(output);
                StringJoiner types = new StringJoiner(", ", "{", "}");
                COLUMNS.forEach((name, type) -> types.add("'" + name + "': '" + type.replace("'", "''") + "'"));
                StringJoiner select = new StringJoiner(", ");
                for (String name : COLUMNS.keySet()) {
                    if (name.equals("geometry_wkb_hex")) select.add("from_hex(geometry_wkb_hex) AS geometry");
                    else select.add("\"" + name + "\"");
                }
                try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
                    s.execute("COPY (SELECT " + select + " FROM read_json('" + sql(rows) + "', format = 'newline_delimited', columns = "
                            + types + ")) TO '" + sql(output.toAbsolutePath()) + "' (FORMAT PARQUET, KV_METADATA {geo: '" + GEO_METADATA + "'})");
                }
                return n[0];
            } finally {
                Files.deleteIfExists(rows);
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot write Parquet to " + output + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode row(StoredEvent e) {
        JsonNode o = ExportFields.parse(e.eventJson());
        JsonNode cameo = o.path("cameo"), loc = o.path("location"), src = o.path("source"), tgt = o.path("target");
        ObjectNode r = JSON.createObjectNode();
        r.put("id", e.id());
        text(r, "date", o, "date");
        r.put("date_precision", ExportFields.s(o, "date").isEmpty() ? null : ExportFields.datePrecision(o));
        LocalDate start = ExportFields.firstDay(o);
        if (start != null) {
            LocalDate[] range = sitrep.merge.EventKey.range(ExportFields.s(o, "date"), ExportFields.datePrecision(o));
            r.put("date_start", range[0].toString()).put("date_end", range[1].toString());
        }
        text(r, "cameo_code", cameo, "code");
        text(r, "cameo_root", cameo, "root");
        text(r, "cameo_label", cameo, "label");
        number(r, "quad_class", cameo, "quad_class");
        number(r, "goldstein", cameo, "goldstein");
        text(r, "plover_type", o.path("plover"), "type");
        text(r, "plover_mode", o.path("plover"), "mode");
        text(r, "acled_event_type", o.path("acled"), "event_type");
        text(r, "acled_sub_event_type", o.path("acled"), "sub_event_type");
        text(r, "source_code", src, "code");
        r.put("source_name", ExportFields.blankToNull(ExportFields.actorName(o, "source")));
        text(r, "source_country", src, "country");
        text(r, "target_code", tgt, "code");
        r.put("target_name", ExportFields.blankToNull(ExportFields.actorName(o, "target")));
        text(r, "target_country", tgt, "country");
        text(r, "location", loc, "name");
        number(r, "geonameid", loc, "geonameid");
        number(r, "latitude", loc, "lat");
        number(r, "longitude", loc, "lon");
        text(r, "country", loc, "country");
        text(r, "admin1", loc, "admin1");
        text(r, "precision", loc, "precision");
        text(r, "modality", o, "modality");
        number(r, "killed", o.path("quantities"), "killed");
        number(r, "injured", o.path("quantities"), "injured");
        r.put("num_mentions", e.numMentions()).put("num_articles", e.numArticles()).put("num_sources", e.numSources());
        number(r, "confidence", o, "confidence");
        text(r, "evidence", o.path("evidence"), "sentence");
        r.put("outlets", String.join("; ", ExportFields.outlets(e)));
        r.put("first_seen", e.firstSeen());
        if (loc.path("lat").isNumber() && loc.path("lon").isNumber()) {
            r.put("geometry_wkb_hex", wkbPoint(loc.path("lon").asDouble(), loc.path("lat").asDouble()));
        }
        ArrayNode ms = r.putArray("mentions");
        for (StoredMention m : e.mentions()) {
            ms.addObject().put("article_id", m.articleId()).put("url", m.url()).put("source", m.outlet()).put("sentence", m.sentence())
                    .put("start", m.start()).put("end", m.end()).put("trigger", m.trigger()).put("confidence", m.confidence())
                    .put("merge_reason", m.mergeReason());
        }
        return r;
    }

    /** A point as well-known binary, little-endian (byte order 1, type 1 = Point, x = longitude, y = latitude), in hex. */
    static String wkbPoint(double lon, double lat) {
        ByteBuffer b = ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(1).putDouble(lon).putDouble(lat);
        return HexFormat.of().formatHex(b.array());
    }

    private static void text(ObjectNode r, String column, JsonNode o, String field) {
        r.put(column, ExportFields.blankToNull(ExportFields.s(o, field)));
    }

    private static void number(ObjectNode r, String column, JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v != null && v.isNumber()) r.set(column, v);
        else r.putNull(column);
    }

    private static String sql(Path p) {
        return p.toString().replace("'", "''");
    }
}
