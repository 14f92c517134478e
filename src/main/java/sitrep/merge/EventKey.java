package sitrep.merge;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * What merging compares between an incoming event mention and a stored event: the event family, the full CAMEO
 * code (whether the act is mutual, so its sides may be swapped), the dates the event may have happened on, the
 * actors' codes and where it happened, with the precision of each.
 *
 * @param cameoCode the full CAMEO code ("195", "1951"), null when the JSON has none
 * @param dateStart first day the event may have happened on (a month-precise date covers the month)
 * @param dateEnd   last such day
 * @param lat       null when the event has no location
 * @param precision the location's precision (city, admin2, admin1, region, country), or null
 */
public record EventKey(String cameoRoot, String cameoCode, String ploverType, String modality, LocalDate dateStart, LocalDate dateEnd, String datePrecision,
                       String sourceCode, String targetCode, Double lat, Double lon, String precision, String country) {

    /** The date range a date string stands for at its precision: "2017-08" covers August. */
    public static LocalDate[] range(String date, String precision) {
        if (date == null) return new LocalDate[]{null, null};
        switch (precision == null ? "day" : precision) {
            case "year" -> {
                LocalDate start = LocalDate.of(Integer.parseInt(date.substring(0, 4)), 1, 1);
                return new LocalDate[]{start, start.plusYears(1).minusDays(1)};
            }
            case "month" -> {
                LocalDate start = LocalDate.parse(date.substring(0, 7) + "-01");
                return new LocalDate[]{start, start.plusMonths(1).minusDays(1)};
            }
            default -> {
                LocalDate d = LocalDate.parse(date.substring(0, 10));
                return new LocalDate[]{d, d};
            }
        }
    }

    /**
     * The merge key of an event in extract-format JSON: what the store keeps in an event's key columns and what the
     * merge rule compares (a location's precision and country only when it has coordinates).
     */
    public static EventKey of(JsonNode e) {
        String date = text(e, "date"), precision = text(e, "date_precision");
        LocalDate[] range = range(date, precision);
        JsonNode loc = e.get("location");
        boolean located = loc != null && !loc.isNull() && loc.hasNonNull("lat");
        return new EventKey(e.path("cameo").path("root").asText(), e.path("cameo").path("code").asText(null), e.path("plover").path("type").asText(null), text(e, "modality"), range[0], range[1], precision,
                code(e.get("source")), code(e.get("target")),
                located ? loc.get("lat").asDouble() : null, located ? loc.get("lon").asDouble() : null,
                located ? loc.path("precision").asText(null) : null, located ? loc.path("country").asText(null) : null);
    }

    private static String code(JsonNode actor) {
        return actor == null || actor.isNull() ? null : actor.path("code").asText(null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
