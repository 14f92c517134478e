package sitrep.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes stored events in the formats researchers' tools read: JSON Lines (extract format plus mentions),
 * flat CSV, a GDELT-2.0-style event table, an ACLED-style CSV, GeoJSON and Parquet.
 */
public final class EventExporter {
    public enum Format { JSONL, CSV, GDELT, ACLED, GEOJSON, PARQUET }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The 61 columns of a GDELT 2.0 event record, in GDELT's order. */
    static final List<String> GDELT_COLUMNS = List.of("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
            "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
            "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
            "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
            "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
            "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
            "NumMentions", "NumSources", "NumArticles", "AvgTone",
            "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
            "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
            "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
            "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
            "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
            "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL");

    static final List<String> ACLED_COLUMNS = List.of("event_id_cnty", "event_date", "year", "event_type", "sub_event_type",
            "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
            "notes", "fatalities");

    static final List<String> CSV_COLUMNS = List.of("id", "date", "date_precision", "cameo_code", "cameo_root", "quad_class",
            "goldstein", "plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type", "source_code", "source_name",
            "source_country", "target_code", "target_name", "target_country", "location", "geonameid", "latitude", "longitude",
            "country", "admin1", "precision", "modality", "killed", "injured", "num_mentions", "num_articles", "num_sources",
            "confidence", "disagreements", "evidence", "urls");

    private final Function<String, String> iso2;

    /** @param iso2 ISO3 country code to ISO2 (GDELT's geographic columns hold two-letter codes), null when unknown */
    public EventExporter(Function<String, String> iso2) {
        this.iso2 = iso2;
    }

    /** Exports the query's events to {@code output}; returns the number of events written. */
    public long export(EventStore store, ExportQuery query, Format format, Path output) {
        if (format == Format.PARQUET) return parquet(store, query, output);
        long[] n = {0};
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            switch (format) {
                case JSONL -> store.export(query, e -> line(out, jsonl(e).toString(), n));
                case CSV -> {
                    line(out, String.join(",", CSV_COLUMNS), null);
                    store.export(query, e -> line(out, csvRow(e, ","), n));
                }
                case GDELT -> {
                    line(out, String.join("\t", GDELT_COLUMNS), null);
                    store.export(query, e -> line(out, gdeltRow(e), n));
                }
                case ACLED -> {
                    line(out, String.join(",", ACLED_COLUMNS), null);
                    store.export(query, e -> {
                        String row = acledRow(e);
                        if (row != null) line(out, row, n);
                    });
                }
                case GEOJSON -> geojson(store, query, out, n);
                default -> throw new IllegalStateException(format.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        return n[0];
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

    private static String csvRow(StoredEvent e, String sep) {
        JsonNode o = parse(e.eventJson());
        JsonNode loc = o.path("location"), src = o.path("source"), tgt = o.path("target");
        StringBuilder urls = new StringBuilder();
        for (StoredMention m : e.mentions()) if (m.url() != null) urls.append(urls.length() > 0 ? " " : "").append(m.url());
        String evidence = e.mentions().isEmpty() ? "" : e.mentions().get(0).sentence();
        List<Object> values = List.of(e.id(), s(o, "date"), s(o, "date_precision"), s(o.path("cameo"), "code"),
                s(o.path("cameo"), "root"), s(o.path("cameo"), "quad_class"), s(o.path("cameo"), "goldstein"),
                s(o.path("plover"), "type"), s(o.path("plover"), "mode"), s(o.path("acled"), "event_type"),
                s(o.path("acled"), "sub_event_type"), s(src, "code"), s(src, "name"), s(src, "country"), s(tgt, "code"),
                s(tgt, "name"), s(tgt, "country"), s(loc, "name"), s(loc, "geonameid"), s(loc, "lat"), s(loc, "lon"),
                s(loc, "country"), s(loc, "admin1"), s(loc, "precision"), s(o, "modality"), s(o.path("quantities"), "killed"),
                s(o.path("quantities"), "injured"), e.numMentions(), e.numArticles(), e.numSources(), s(o, "confidence"),
                e.disagreements(), evidence, urls.toString());
        StringBuilder row = new StringBuilder();
        for (Object v : values) row.append(row.length() > 0 ? sep : "").append(csv(String.valueOf(v)));
        return row.toString();
    }

    private String gdeltRow(StoredEvent e) {
        JsonNode o = parse(e.eventJson());
        String date = s(o, "date");
        LocalDate d = date.isEmpty() ? null : firstDay(date);
        JsonNode cameo = o.path("cameo"), loc = o.path("location");
        String[] row = new String[GDELT_COLUMNS.size()];
        java.util.Arrays.fill(row, "");
        row[0] = e.id();
        if (d != null) {
            row[1] = String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            row[2] = String.format("%04d%02d", d.getYear(), d.getMonthValue());
            row[3] = String.valueOf(d.getYear());
            row[4] = String.format(Locale.ROOT, "%.4f", d.getYear() + (d.getDayOfYear() - 1) / 365.0);
        }
        actor(row, 5, o.path("source"));
        actor(row, 15, o.path("target"));
        row[25] = "1";
        row[26] = s(cameo, "code");
        row[27] = s(cameo, "base");
        row[28] = s(cameo, "root");
        row[29] = s(cameo, "quad_class");
        row[30] = s(cameo, "goldstein");
        row[31] = String.valueOf(e.numMentions());
        row[32] = String.valueOf(e.numSources());
        row[33] = String.valueOf(e.numArticles());
        if (!loc.isMissingNode() && !loc.isNull()) {
            String precision = s(loc, "precision"), country = s(loc, "country");
            boolean us = "USA".equals(country);
            row[51] = switch (precision) {
                case "country" -> "1";
                case "admin1" -> us ? "2" : "5";
                default -> us ? "3" : "4";
            };
            row[52] = fullName(loc);
            String cc = country.isEmpty() ? null : iso2.apply(country);
            row[53] = cc == null ? "" : cc;
            row[56] = s(loc, "lat");
            row[57] = s(loc, "lon");
            row[58] = s(loc, "geonameid");
        }
        row[59] = e.firstSeen() == null ? "" : e.firstSeen().replaceAll("[^0-9]", "").substring(0, Math.min(14, e.firstSeen().replaceAll("[^0-9]", "").length()));
        for (StoredMention m : e.mentions()) {
            if (m.url() != null) {
                row[60] = m.url();
                break;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < row.length; i++) out.append(i > 0 ? "\t" : "").append(row[i].replace('\t', ' ').replace('\n', ' '));
        return out.toString();
    }

    private static void actor(String[] row, int at, JsonNode a) {
        if (a.isMissingNode() || a.isNull()) return;
        String code = s(a, "code");
        row[at] = code;
        row[at + 1] = s(a, "name").toUpperCase(Locale.ROOT);
        row[at + 2] = s(a, "country");
        if (code.startsWith("IGO") || code.startsWith("IMG") || code.startsWith("NGO")) row[at + 3] = code.substring(3, Math.min(6, code.length()));
        row[at + 7] = s(a, "sector");
    }

    private static String fullName(JsonNode loc) {
        StringBuilder b = new StringBuilder(s(loc, "name"));
        if (!s(loc, "admin1").isEmpty() && !s(loc, "admin1").equals(s(loc, "name"))) b.append(", ").append(s(loc, "admin1"));
        return b.toString();
    }

    /** ACLED's columns; null for events outside ACLED's scope (no ACLED type). */
    private static String acledRow(StoredEvent e) {
        JsonNode o = parse(e.eventJson());
        JsonNode acled = o.path("acled");
        if (acled.isMissingNode() || acled.isNull() || !"asserted".equals(s(o, "modality"))) return null;
        JsonNode loc = o.path("location");
        String precision = s(loc, "precision");
        String geoPrecision = switch (precision) {
            case "point", "city" -> "1";
            case "admin2", "region" -> "2";
            default -> "3";
        };
        StringBuilder sources = new StringBuilder();
        for (StoredMention m : e.mentions()) {
            String outlet = m.outlet() == null ? "" : m.outlet();
            if (!outlet.isEmpty() && sources.indexOf(outlet) < 0) sources.append(sources.length() > 0 ? "; " : "").append(outlet);
        }
        String date = s(o, "date");
        List<String> values = List.of(e.id(), date.isEmpty() ? "" : firstDay(date).toString(),
                date.length() >= 4 ? date.substring(0, 4) : "", s(acled, "event_type"), s(acled, "sub_event_type"),
                s(o.path("source"), "name"), s(o.path("target"), "name"), s(loc, "country"), s(loc, "admin1"), s(loc, "name"),
                s(loc, "lat"), s(loc, "lon"), loc.isMissingNode() || loc.isNull() ? "" : geoPrecision, sources.toString(),
                s(o.path("evidence"), "sentence"), o.path("quantities").has("killed") ? s(o.path("quantities"), "killed") : "0");
        StringBuilder row = new StringBuilder();
        for (String v : values) row.append(row.length() > 0 ? "," : "").append(csv(v));
        return row.toString();
    }

    private void geojson(EventStore store, ExportQuery query, Writer out, long[] n) throws IOException {
        out.write("{\"type\": \"FeatureCollection\", \"features\": [\n");
        store.export(query, e -> {
            ObjectNode o = jsonl(e);
            JsonNode loc = o.path("location");
            if (loc.isMissingNode() || loc.isNull() || !loc.hasNonNull("lat")) return;
            ObjectNode f = JSON.createObjectNode().put("type", "Feature");
            f.putObject("geometry").put("type", "Point").putArray("coordinates").add(loc.get("lon").asDouble()).add(loc.get("lat").asDouble());
            ObjectNode p = f.putObject("properties");
            p.put("id", e.id()).put("date", s(o, "date")).put("cameo", s(o.path("cameo"), "code"))
                    .put("label", s(o.path("cameo"), "label")).put("plover", s(o.path("plover"), "type"))
                    .put("source", s(o.path("source"), "name")).put("target", s(o.path("target"), "name"))
                    .put("place", s(loc, "name")).put("country", s(loc, "country")).put("precision", s(loc, "precision"))
                    .put("modality", s(o, "modality")).put("num_articles", e.numArticles())
                    .put("evidence", s(o.path("evidence"), "sentence"));
            line(out, (n[0] > 0 ? "," : "") + f, n);
        });
        out.write("]}\n");
    }

    /** Parquet through an in-memory DuckDB reading the JSON Lines export, so nested mentions keep their structure. */
    private long parquet(EventStore store, ExportQuery query, Path output) {
        try {
            Path tmp = Files.createTempFile("sitrep-export", ".jsonl");
            try {
                long n = export(store, query, Format.JSONL, tmp);
                Files.deleteIfExists(output);
                if (n == 0) throw new StoreException("no events match the query: an empty Parquet file has no schema to write", null);
                try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
                    s.execute("COPY (SELECT * FROM read_json_auto('" + sql(tmp) + "', format = 'newline_delimited', "
                            + "sample_size = -1)) TO '" + sql(output.toAbsolutePath()) + "' (FORMAT PARQUET)");
                }
                return n;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot write Parquet to " + output + ": " + e.getMessage(), e);
        }
    }

    /** First day of a date at any precision ("2017-08" -> 2017-08-01). */
    private static LocalDate firstDay(String date) {
        String precision = date.length() >= 10 ? "day" : date.length() == 7 ? "month" : "year";
        return sitrep.merge.EventKey.range(date, precision)[0];
    }

    private static String sql(Path p) {
        return p.toString().replace("'", "''");
    }

    private static String s(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? "" : v.asText();
    }

    private static String csv(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in store: " + e.getOriginalMessage(), e);
        }
    }

}
