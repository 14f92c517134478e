package sitrep.store;

import com.fasterxml.jackson.databind.JsonNode;
import sitrep.data.DataFiles;
import sitrep.geo.CountryTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored events as rows of ACLED's data: its 31 columns in its order and meaning, for the events ACLED would record
 * (asserted, of an ACLED event type, dated at least to the month, located at least to a country). Country names,
 * regions, numeric ISO codes, inter codes and disorder types come from data tables (geo/country-codes.tsv,
 * store/acled-inter.tsv, store/acled-disorder.tsv).
 */
final class AcledRows {
    static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
            "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
            "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
            "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp");

    /** ACLED's codebook: the doer of a protest is protesters, of a riot rioters, whoever they are. */
    static final int PROTESTERS = 6, RIOTERS = 5;
    static final int CIVILIANS = 7;

    private record Inter(int home, int abroad) {
    }

    private final CountryTable countries;
    private final Map<String, Inter> inter = new HashMap<>();
    private final Map<String, String> disorder = new HashMap<>();

    AcledRows(CountryTable countries) {
        this.countries = countries;
        for (String[] f : DataFiles.rows("/sitrep/store/acled-inter.tsv")) {
            int home = Integer.parseInt(f[1].strip());
            inter.put(f[0].strip(), new Inter(home, f.length > 2 && !f[2].isBlank() ? Integer.parseInt(f[2].strip()) : home));
        }
        for (String[] f : DataFiles.rows("/sitrep/store/acled-disorder.tsv")) disorder.put(f[0].strip(), f[1].strip());
    }

    /** The event's row, or null when ACLED would not record it. */
    List<String> row(StoredEvent e) {
        JsonNode o = ExportFields.parse(e.eventJson());
        JsonNode acled = o.path("acled"), loc = o.path("location");
        if (!ExportFields.present(acled) || ExportFields.s(acled, "event_type").isEmpty() || !"asserted".equals(ExportFields.s(o, "modality"))) return null;
        String precision = ExportFields.datePrecision(o);
        LocalDate d = ExportFields.firstDay(o);
        if (d == null || !(precision.equals("day") || precision.equals("month"))) return null;
        if (!ExportFields.present(loc)) return null;
        CountryTable.Codes country = countries.get(ExportFields.blankToNull(ExportFields.s(loc, "country"))).orElse(null);
        if (country == null || country.acledName() == null) return null;

        String eventType = ExportFields.s(acled, "event_type"), subType = ExportFields.s(acled, "sub_event_type");
        String disorderType = disorder.getOrDefault(subType, eventType.equals("Strategic developments") ? "Strategic developments"
                : eventType.equals("Protests") ? "Demonstrations" : "Political violence");
        String actor1 = ExportFields.sourceName(o), actor2 = ExportFields.actorName(o, "target");
        Integer inter1 = eventType.equals("Protests") ? Integer.valueOf(PROTESTERS) : eventType.equals("Riots") ? Integer.valueOf(RIOTERS)
                : interOf(o.path("source"), country.iso3());
        if (inter1 == null && !ExportFields.present(o.path("source"))) inter1 = inter.get("UAF").home(); // unidentified armed group
        Integer inter2 = actor2.isEmpty() ? null : interOf(o.path("target"), country.iso3());
        String interaction = inter1 == null ? "" : inter2 == null ? String.valueOf(inter1 * 10)
                : String.valueOf(Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2));
        boolean civilianTargeting = disorderType.startsWith("Political violence") && inter2 != null && inter2 == CIVILIANS;
        String locPrecision = ExportFields.s(loc, "precision");
        String geoPrecision = switch (locPrecision) {
            case "point", "city" -> "1";
            case "admin2", "region" -> "2";
            default -> "3";
        };
        String admin1 = ExportFields.s(loc, "admin1");
        if (admin1.isEmpty() && locPrecision.equals("admin1")) admin1 = ExportFields.s(loc, "name");
        String location = locPrecision.equals("country") ? country.acledName() : ExportFields.s(loc, "name");
        JsonNode killed = o.path("quantities").path("killed");
        return List.of(country.iso3() + ExportFields.integerId(e.id()), d.toString(), String.valueOf(d.getYear()),
                precision.equals("day") ? "1" : "3", disorderType, eventType, subType, actor1, "",
                inter1 == null ? "" : String.valueOf(inter1), actor2, "", inter2 == null ? "" : String.valueOf(inter2),
                interaction, civilianTargeting ? "Civilian targeting" : "",
                country.isoNumeric() == null ? "" : String.valueOf(country.isoNumeric()), nullToEmpty(country.acledRegion()),
                country.acledName(), admin1, "", "", location, ExportFields.s(loc, "lat"), ExportFields.s(loc, "lon"), geoPrecision,
                String.join("; ", ExportFields.outlets(e)), "", ExportFields.s(o.path("evidence"), "sentence"),
                killed.isNumber() ? killed.asText() : "0", "", timestamp(e.firstSeen()));
    }

    /** The actor's ACLED inter code in an event in {@code eventCountry}; null for no actor or an unknown kind. */
    private Integer interOf(JsonNode actor, String eventCountry) {
        if (!ExportFields.present(actor)) return null;
        String code = ExportFields.s(actor, "code"), sector = ExportFields.s(actor, "sector"), country = ExportFields.s(actor, "country");
        Inter i = null;
        for (String prefix : List.of("IGO", "NGO", "IMG")) if (code.startsWith(prefix)) i = inter.get(prefix);
        if (i == null && !sector.isEmpty()) i = inter.get(sector);
        if (i == null && sector.isEmpty() && code.length() == 3 && code.equals(country)) i = inter.get("STATE");
        if (i == null) return null;
        boolean abroad = !country.isEmpty() && !country.equals(eventCountry);
        return abroad ? i.abroad() : i.home();
    }

    private static String timestamp(String firstSeen) {
        if (firstSeen == null) return "";
        try {
            return String.valueOf(Instant.parse(firstSeen).getEpochSecond());
        } catch (java.time.format.DateTimeParseException e) {
            return "";
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
