package sitrep.store;

import com.fasterxml.jackson.databind.JsonNode;
import sitrep.geo.Admin1Codes;
import sitrep.geo.CountryTable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Stored events as rows of GDELT 2.0's event table, written as GDELT's codebook defines each column so that scripts
 * written for GDELT's files load them unchanged: integer ids, FIPS 10-4 geographic country codes, ADM1 codes as FIPS
 * country + division code, Day/MonthYear/Year/FractionDate, IsRootEvent, DATEADDED and SOURCEURL.
 */
final class GdeltRows {
    /** The 61 columns of a GDELT 2.0 event record, in GDELT's order. */
    static final List<String> COLUMNS = List.of("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
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

    /**
     * A report is from its article's lead, GDELT's sense of IsRootEvent ("events in the lead paragraph"), when its
     * sentence starts within this many characters of the article's text: a news lead runs one to three sentences.
     */
    static final int LEAD_CHARS = 400;

    private static final int ACTOR1 = 5, ACTOR2 = 15, ACTOR1_GEO = 35, ACTOR2_GEO = 43, ACTION_GEO = 51;

    private final CountryTable countries;
    private final Admin1Codes admin1;

    GdeltRows(CountryTable countries, Admin1Codes admin1) {
        this.countries = countries;
        this.admin1 = admin1;
    }

    /** The event's row, or null for an undated event, which GDELT's table (every row has a Day) cannot hold. */
    String[] row(StoredEvent e) {
        JsonNode o = ExportFields.parse(e.eventJson());
        LocalDate d = ExportFields.firstDay(o);
        if (d == null) return null;
        String[] row = new String[COLUMNS.size()];
        Arrays.fill(row, "");
        row[0] = String.valueOf(ExportFields.integerId(e.id()));
        row[1] = String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        row[2] = String.format(Locale.ROOT, "%04d%02d", d.getYear(), d.getMonthValue());
        row[3] = String.valueOf(d.getYear());
        // GDELT's codebook: YYYY.FFFF with FFFF = (MONTH * 30 + DAY) / 365, its approximation kept for comparability.
        row[4] = String.format(Locale.ROOT, "%.4f", d.getYear() + (d.getMonthValue() * 30 + d.getDayOfMonth()) / 365.0);
        actor(row, ACTOR1, o, "source");
        actor(row, ACTOR2, o, "target");
        row[25] = e.mentions().stream().anyMatch(m -> m.start() < LEAD_CHARS) ? "1" : "0";
        JsonNode cameo = o.path("cameo");
        row[26] = ExportFields.s(cameo, "code");
        row[27] = ExportFields.s(cameo, "base");
        row[28] = ExportFields.s(cameo, "root");
        row[29] = ExportFields.s(cameo, "quad_class");
        row[30] = ExportFields.s(cameo, "goldstein");
        row[31] = String.valueOf(e.numMentions());
        row[32] = String.valueOf(e.numSources());
        row[33] = String.valueOf(e.numArticles());
        JsonNode loc = o.path("location");
        if (ExportFields.present(loc) && loc.hasNonNull("lat")) {
            geo(row, ACTION_GEO, loc);
            // Where an actor was is where it acted: the text places the act, not each actor apart.
            if (ExportFields.present(o.path("source"))) geo(row, ACTOR1_GEO, loc);
            if (ExportFields.present(o.path("target"))) geo(row, ACTOR2_GEO, loc);
        }
        row[59] = dateAdded(e.firstSeen());
        row[60] = ExportFields.firstSource(e);
        for (int i = 0; i < row.length; i++) row[i] = row[i].replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return row;
    }

    private static void actor(String[] row, int at, JsonNode event, String role) {
        JsonNode a = event.path(role);
        if (!ExportFields.present(a)) return;
        String code = ExportFields.s(a, "code");
        row[at] = code;
        row[at + 1] = ExportFields.actorName(event, role).toUpperCase(Locale.ROOT);
        row[at + 2] = ExportFields.s(a, "country");
        // International organisations, NGOs and militant groups: the code's last three letters name the group.
        if (code.length() >= 6 && (code.startsWith("IGO") || code.startsWith("NGO") || code.startsWith("IMG") || code.startsWith("MNC"))) {
            row[at + 3] = code.substring(code.length() - 3);
        }
        row[at + 7] = ExportFields.s(a, "sector");
    }

    /** Type, full name, FIPS country, ADM1 code, ADM2 code (none), lat, long and feature id of a place. */
    private void geo(String[] row, int at, JsonNode loc) {
        String precision = ExportFields.s(loc, "precision"), iso3 = ExportFields.s(loc, "country");
        boolean us = "USA".equals(iso3);
        row[at] = switch (precision) {
            case "country" -> "1";
            case "admin1" -> us ? "2" : "5";
            default -> us ? "3" : "4";
        };
        CountryTable.Codes country = countries.get(ExportFields.blankToNull(iso3)).orElse(null);
        String fips = country == null || country.fips() == null ? "" : country.fips();
        row[at + 1] = fullName(loc, precision, country);
        row[at + 2] = fips;
        String division = "country".equals(precision) ? null : admin1.code(iso3, ExportFields.blankToNull(ExportFields.s(loc, "admin1")));
        row[at + 3] = fips.isEmpty() ? "" : division == null ? fips : fips + division;
        row[at + 5] = ExportFields.s(loc, "lat");
        row[at + 6] = ExportFields.s(loc, "lon");
        // GDELT's feature id: a country's FIPS code, a division's ADM1 code, else the place's id (GeoNames' here,
        // where GDELT has the GNS/GNIS one).
        row[at + 7] = switch (precision) {
            case "country" -> fips;
            case "admin1" -> row[at + 3];
            default -> ExportFields.s(loc, "geonameid");
        };
    }

    /** "Town, Division, Country" as GDELT writes it; a division "Division, Country"; a country its name. */
    private static String fullName(JsonNode loc, String precision, CountryTable.Codes country) {
        StringBuilder b = new StringBuilder(ExportFields.s(loc, "name"));
        String admin1 = ExportFields.s(loc, "admin1");
        if (!"country".equals(precision) && !admin1.isEmpty() && !admin1.equals(b.toString())) b.append(", ").append(admin1);
        if (!"country".equals(precision) && country != null && country.name() != null) b.append(", ").append(country.name());
        return b.toString();
    }

    /** GDELT's DATEADDED: YYYYMMDDHHMMSS in UTC, from the instant the store first saw the event. */
    private static String dateAdded(String firstSeen) {
        if (firstSeen == null) return "";
        String digits = firstSeen.replaceAll("[^0-9]", "");
        return digits.length() >= 14 ? digits.substring(0, 14) : "";
    }
}
