package sitrep.store;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GDELT, ACLED and CSV exports as those tools' users load them: GDELT's rows parsed with the column types of
 * GDELT 2.0's codebook, ACLED's columns by name, the CSV's codes as text. Events are built directly (no NLP).
 */
class ExportFormatsTest {
    @TempDir
    static Path dir;
    static Path gdelt, gdeltWithHeader, acled, csv, parquet, emptyParquet;

    static final Place DEIR_EZ_ZOR = new Place("Deir ez-Zor", 0, 11, "Deir ez-Zor", 170794L, 35.3359, 40.1408, "SYR", "Deir ez-Zor", "PPLA", "city");
    static final Place LONDON = new Place("London", 0, 6, "London", 2643743L, 51.50853, -0.12574, "GBR", "England", "PPLC", "city");
    static final Place BELGOROD = new Place("Belgorod", 0, 8, "Belgorod", 578072L, 50.61074, 36.58015, "RUS", "Belgorod Oblast", "PPLA", "city");
    static final Place SYRIA = new Place("Syria", 0, 5, "Syria", 163843L, 35.0, 38.0, "SYR", null, "PCLI", "country");

    static Event event(String id, String date, String precision, Actor source, Actor target, Place place, String modality,
                       Event.Acled acled, Map<String, Integer> quantities) {
        return new Event(id, date, precision, "text", source, target,
                new Event.Cameo("190", "190", "19", 4, -10.0, "Use conventional military force"),
                new Event.Plover("ASSAULT", null, List.of()), acled, place, modality, null, quantities,
                new Event.Evidence("A sentence of the report, with a comma.", 0, 40, new Event.Span("attack", 2, 8)), 0.7);
    }

    @BeforeAll
    static void export() {
        Actor syrianForces = new Actor("Syrian government forces", 0, 24, "SYRMIL", "Syria (military)", "SYR", "MIL");
        Actor civilians = new Actor("civilians", 30, 39, "SYRCVL", "civilians", "SYR", "CVL");
        Actor drones = new Actor("Ukrainian drones", 0, 16, "UKRMIL", "Ukraine (military)", "UKR", "MIL");
        Event.Acled attack = new Event.Acled("Violence against civilians", "Attack");
        Event.Acled strike = new Event.Acled("Explosions/Remote violence", "Air/drone strike");
        Event.Acled protest = new Event.Acled("Protests", "Peaceful protest");
        List<Event> events = List.of(
                event("e-day", "2017-09-14", "day", syrianForces, civilians, DEIR_EZ_ZOR, "asserted", attack, Map.of("killed", 12)),
                event("e-london", "2019-03-02", "day", null, null, LONDON, "asserted", protest, Map.of()),
                event("e-month", "2023-05", "month", drones, null, BELGOROD, "asserted", strike, Map.of()),
                event("e-year", "2016", "year", syrianForces, null, SYRIA, "asserted", attack, Map.of()),
                event("e-undated", null, null, syrianForces, null, DEIR_EZ_ZOR, "asserted", attack, Map.of()),
                event("e-future", "2017-09-20", "day", syrianForces, civilians, DEIR_EZ_ZOR, "future", attack, Map.of()),
                event("e-nowhere", "2017-09-21", "day", syrianForces, civilians, null, "asserted", attack, Map.of()));
        // Far-apart dates and places: no two of these merge into one stored event.
        try (EventStore store = Stores.open(dir.resolve("formats.duckdb").toString())) {
            int i = 0;
            for (Event e : events) {
                String text = "Report " + (i++) + " of an act.";
                Article a = new Article("a-" + e.id(), text, LocalDate.of(2024, 1, 1), null, "https://news.example/" + e.id(),
                        "Example News", "en", "a-" + e.id(), false);
                store.save(new ArticleResult(a, List.of(), List.of(e), List.of()), ContentHash.of(text));
            }
            assertEquals(events.size(), store.stats().events(), "each event stored apart");
            EventExporter exporter = new EventExporter();
            gdelt = dir.resolve("events.gdelt");
            gdeltWithHeader = dir.resolve("events-header.gdelt");
            acled = dir.resolve("events.acled.csv");
            csv = dir.resolve("events.csv");
            assertEquals(new EventExporter.Result(6, 1), exporter.export(store, ExportQuery.all(), EventExporter.Format.GDELT, gdelt, false));
            exporter.export(store, ExportQuery.all(), EventExporter.Format.GDELT, gdeltWithHeader, true);
            exporter.export(store, ExportQuery.all(), EventExporter.Format.ACLED, acled, false);
            exporter.export(store, ExportQuery.all(), EventExporter.Format.CSV, csv, false);
            parquet = dir.resolve("events.parquet");
            emptyParquet = dir.resolve("none.parquet");
            assertEquals(7, exporter.export(store, ExportQuery.all(), EventExporter.Format.PARQUET, parquet));
            assertEquals(0, exporter.export(store, new ExportQuery(null, null, "NOR", null), EventExporter.Format.PARQUET, emptyParquet));
        }
    }

    /** GDELT 2.0 event rows by GlobalEventID, every field checked against the codebook's type. */
    static Map<String, String[]> gdeltRows() throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(gdelt, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            assertEquals(61, f.length, line);
            Long.parseLong(f[0]); // GlobalEventID INTEGER
            LocalDate day = LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE); // Day INTEGER YYYYMMDD
            assertEquals(day.getYear() * 100 + day.getMonthValue(), Integer.parseInt(f[2]), "MonthYear YYYYMM");
            assertEquals(day.getYear(), Integer.parseInt(f[3]), "Year");
            assertEquals(day.getYear() + (day.getMonthValue() * 30 + day.getDayOfMonth()) / 365.0, Double.parseDouble(f[4]), 1e-4, "FractionDate");
            for (int actor : new int[]{5, 15}) {
                assertTrue(f[actor].matches("[A-Z]*"), "Actor Code: " + f[actor]);
                assertTrue(f[actor + 2].matches("([A-Z]{3})?"), "Actor CountryCode: " + f[actor + 2]);
            }
            assertTrue(f[25].equals("0") || f[25].equals("1"), "IsRootEvent");
            assertTrue(f[26].matches("\\d{3,4}") && f[27].matches("\\d{3}") && f[28].matches("\\d{2}"), "Event codes are text of digits");
            int quad = Integer.parseInt(f[29]);
            assertTrue(quad >= 1 && quad <= 4, "QuadClass");
            double goldstein = Double.parseDouble(f[30]);
            assertTrue(goldstein >= -10 && goldstein <= 10, "GoldsteinScale");
            for (int i = 31; i <= 33; i++) assertTrue(Integer.parseInt(f[i]) >= 1, "NumMentions/Sources/Articles");
            assertTrue(f[34].isEmpty() || Double.isFinite(Double.parseDouble(f[34])), "AvgTone FLOAT or null");
            for (int geo : new int[]{35, 43, 51}) {
                if (f[geo].isEmpty()) continue;
                int type = Integer.parseInt(f[geo]);
                assertTrue(type >= 1 && type <= 5, "Geo_Type");
                assertTrue(f[geo + 2].matches("[A-Z]{2}"), "Geo_CountryCode FIPS: " + f[geo + 2]);
                assertTrue(f[geo + 3].startsWith(f[geo + 2]), "Geo_ADM1Code starts with the FIPS country code: " + f[geo + 3]);
                double lat = Double.parseDouble(f[geo + 5]), lon = Double.parseDouble(f[geo + 6]);
                assertTrue(Math.abs(lat) <= 90 && Math.abs(lon) <= 180);
            }
            assertTrue(f[59].matches("\\d{14}"), "DATEADDED YYYYMMDDHHMMSS");
            assertFalse(f[60].isEmpty(), "SOURCEURL");
            assertNull(rows.put(f[1] + " " + f[52], f), "one row per day and place: " + line);
        }
        return rows;
    }

    @Test
    void gdeltLoadsWithTheCodebooksTypes() throws IOException {
        Map<String, String[]> rows = gdeltRows();
        assertEquals(6, rows.size(), "the undated event is left out; the others are rows, no header");
        String[] syria = rows.get("20170914 Deir ez-Zor, Syria");
        assertNotNull(syria, rows.keySet().toString());
        assertEquals("20170914", syria[1]);
        assertEquals("SYRMIL", syria[5]);
        assertEquals("SYRIAN MILITARY", syria[6]);
        assertEquals("SY", syria[53], "FIPS 10-4 for Syria");
        assertEquals("SY07", syria[54], "GeoNames' (FIPS) code of Deir ez-Zor governorate after the country's");
        assertEquals("SY", syria[37], "the actor's geography is where it acted");
        assertEquals("https://news.example/e-day", syria[60]);
        assertEquals("1", syria[25], "a report at the head of its article is a root event");
        assertEquals("UK", rows.get("20190302 London, England, United Kingdom")[53], "FIPS 10-4 for the United Kingdom");
        String[] belgorod = rows.get("20230501 Belgorod, Belgorod Oblast, Russia");
        assertEquals("RS", belgorod[53], "FIPS 10-4 for Russia");
        assertEquals("20230501", belgorod[1], "a month-precise date is written as the month's first day");
        String[] country = rows.get("20160101 Syria");
        assertEquals("1", country[51], "Geo_Type COUNTRY");
        assertEquals("SY", country[54], "a country's ADM1Code is its country code");
        assertEquals("20160101", country[1]);

        List<String> withHeader = Files.readAllLines(gdeltWithHeader);
        assertEquals(String.join("\t", EventExporter.GDELT_COLUMNS), withHeader.get(0), "--header adds GDELT's column names");
        assertEquals(7, withHeader.size());
    }

    static List<CSVRecord> records(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file); CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }

    @Test
    void acledHasAcledsColumnsAndOnlyWhatAcledRecords() throws IOException {
        assertEquals(String.join(",", AcledRows.COLUMNS), Files.readAllLines(acled).get(0));
        assertEquals(31, AcledRows.COLUMNS.size());
        Map<String, CSVRecord> byCountry = new HashMap<>();
        for (CSVRecord r : records(acled)) byCountry.put(r.get("country") + " " + r.get("event_date"), r);
        assertEquals(3, byCountry.size(), "future, year-precise, undated and unlocated events are left out: " + byCountry.keySet());
        CSVRecord syria = byCountry.get("Syria 2017-09-14");
        assertNotNull(syria, byCountry.keySet().toString());
        assertTrue(syria.get("event_id_cnty").matches("SYR\\d+"));
        assertEquals("1", syria.get("time_precision"));
        assertEquals("Political violence", syria.get("disorder_type"));
        assertEquals("Syrian military", syria.get("actor1"));
        assertEquals("1", syria.get("inter1"), "state forces at home");
        assertEquals("Syrian civilians", syria.get("actor2"));
        assertEquals("7", syria.get("inter2"));
        assertEquals("17", syria.get("interaction"));
        assertEquals("Civilian targeting", syria.get("civilian_targeting"));
        assertEquals("760", syria.get("iso"));
        assertEquals("Middle East", syria.get("region"));
        assertEquals("Deir ez-Zor", syria.get("admin1"));
        assertEquals("1", syria.get("geo_precision"));
        assertEquals("12", syria.get("fatalities"));
        assertEquals("Example News", syria.get("source"));
        assertEquals("A sentence of the report, with a comma.", syria.get("notes"));
        assertTrue(Long.parseLong(syria.get("timestamp")) > 1_500_000_000L, "a Unix time");
        CSVRecord london = byCountry.get("United Kingdom 2019-03-02");
        assertEquals("protesters in United Kingdom", london.get("actor1"), "the unnamed doer of a protest");
        assertEquals("6", london.get("inter1"));
        assertEquals("60", london.get("interaction"));
        assertEquals("826", london.get("iso"));
        assertEquals("Demonstrations", london.get("disorder_type"));
        CSVRecord russia = byCountry.get("Russia 2023-05-01");
        assertEquals("3", russia.get("time_precision"), "dated to the month");
        assertEquals("8", russia.get("inter1"), "state forces abroad are external forces");
        assertEquals("Ukrainian military", russia.get("actor1"));
    }

    @Test
    void csvCodesAreQuotedTextWithLabelsAndOutlets() throws IOException {
        String header = Files.readAllLines(csv).get(0);
        assertTrue(header.contains("\"cameo_label\"") && header.contains("\"outlets\""), header);
        String first = Files.readAllLines(csv).get(1);
        assertTrue(first.contains("\"190\",\"19\",4,-10.0"), "codes quoted, numbers bare: " + first);
        boolean sawName = false;
        for (CSVRecord r : records(csv)) {
            assertEquals("190", r.get("cameo_code"));
            assertEquals("Use conventional military force", r.get("cameo_label"));
            assertEquals("Example News", r.get("outlets"));
            assertFalse(r.get("source_name").equals("?") || r.get("source_name").equals("military"), r.get("source_name"));
            sawName |= r.get("source_name").equals("Syrian military");
        }
        assertTrue(sawName);
    }

    @Test
    void parquetHasADeclaredFlatSchemaAndAGeoParquetGeometry() throws Exception {
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement s = duck.createStatement()) {
            for (Path file : List.of(parquet, emptyParquet)) {
                Map<String, String> types = new HashMap<>();
                try (java.sql.ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM '" + file + "'")) {
                    while (r.next()) types.put(r.getString(1), r.getString(2));
                }
                assertEquals("DATE", types.get("date_start"), file + ": declared, even with no rows");
                assertEquals("DOUBLE", types.get("latitude"));
                assertEquals("INTEGER", types.get("killed"));
                assertEquals("VARCHAR", types.get("cameo_code"), "codes are text");
                assertEquals("BLOB", types.get("geometry"));
                assertTrue(types.get("mentions").startsWith("STRUCT(article_id VARCHAR, url VARCHAR"), types.get("mentions"));
                try (java.sql.ResultSet r = s.executeQuery("SELECT decode(value) FROM parquet_kv_metadata('" + file + "') WHERE decode(key) = 'geo'")) {
                    assertTrue(r.next(), "GeoParquet metadata");
                    assertTrue(r.getString(1).contains("\"primary_column\":\"geometry\"") && r.getString(1).contains("\"encoding\":\"WKB\""));
                }
            }
            try (java.sql.ResultSet r = s.executeQuery("SELECT hex(geometry), date_start, date_end, killed, mentions[1].source, cameo_code "
                    + "FROM '" + parquet + "' WHERE id = 'e-day'")) {
                assertTrue(r.next());
                assertEquals(ParquetExport.wkbPoint(40.1408, 35.3359).toUpperCase(), r.getString(1), "a WKB point, longitude first");
                assertEquals("2017-09-14", r.getString(2));
                assertEquals("2017-09-14", r.getString(3));
                assertEquals(12, r.getInt(4));
                assertEquals("Example News", r.getString(5));
                assertEquals("190", r.getString(6));
            }
            try (java.sql.ResultSet r = s.executeQuery("SELECT date_start, date_end, geometry IS NULL FROM '" + parquet + "' WHERE id IN ('e-month', 'e-nowhere') ORDER BY id")) {
                assertTrue(r.next());
                assertEquals("2023-05-01", r.getString(1));
                assertEquals("2023-05-31", r.getString(2), "a month-precise date spans its month");
                assertTrue(r.next());
                assertTrue(r.getBoolean(3), "no place, no geometry");
            }
        }
    }
}
