package sitrep.server;

import io.javalin.http.Context;
import sitrep.store.EventQuery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the API's event filters from a request; anything malformed is a 400 with the reason. */
final class QueryParams {
    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 100;
    /** Longer filter values are refused: no real filter is this long, and they would only cost the database. */
    static final int MAX_VALUE_LENGTH = 200;
    static final Set<String> FILTERS = Set.of("from", "to", "country", "admin1", "bbox", "actor", "cameo", "plover",
            "acled", "q", "cursor", "limit", "min_confidence");
    private static final Pattern ISO3 = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern CAMEO_ROOT = Pattern.compile("[0-9]{2}");

    private QueryParams() {
    }

    /** Refuses any parameter not in {@code allowed}, naming the ones the endpoint takes. */
    static void only(Context ctx, Set<String> allowed) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw new BadRequest("unknown parameter '" + name + "'; this endpoint takes "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }

    static EventQuery events(Context ctx, Set<String> allowed) {
        only(ctx, allowed);
        LocalDate from = date(ctx, "from"), to = date(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) throw new BadRequest("bad parameters: 'from' " + from + " is after 'to' " + to);
        String country = value(ctx, "country");
        if (country != null && !ISO3.matcher(country).matches()) {
            throw new BadRequest("bad parameter 'country': expected an ISO 3166 alpha-3 code such as SYR, got '" + country + "'");
        }
        String cameo = value(ctx, "cameo");
        if (cameo != null && !CAMEO_ROOT.matcher(cameo).matches()) {
            throw new BadRequest("bad parameter 'cameo': expected a two-digit CAMEO root such as 19, got '" + cameo + "'");
        }
        String plover = value(ctx, "plover");
        EventQuery.Position after = value(ctx, "cursor") == null ? null : Cursor.decode(value(ctx, "cursor"));
        return new EventQuery(from, to, country == null ? null : country.toUpperCase(Locale.ROOT), value(ctx, "admin1"),
                bbox(ctx), value(ctx, "actor"), cameo, plover == null ? null : plover.toUpperCase(Locale.ROOT),
                value(ctx, "acled"), value(ctx, "q"), after, limit(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT), confidence(ctx));
    }

    /** "min_confidence": a number from 0 to 1, or null when absent. */
    private static Double confidence(Context ctx) {
        String v = value(ctx, "min_confidence");
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 1) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("bad parameter 'min_confidence': expected a number from 0 to 1, got '" + v + "'");
    }

    /** A trimmed parameter, null when absent or empty. */
    static String value(Context ctx, String name) {
        if (ctx.queryParams(name).size() > 1) throw new BadRequest("bad parameter '" + name + "': given more than once");
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() > MAX_VALUE_LENGTH) throw new BadRequest("bad parameter '" + name + "': longer than " + MAX_VALUE_LENGTH + " characters");
        return v.trim();
    }

    static int limit(Context ctx, String name, int fallback, int max) {
        String v = value(ctx, name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > max) throw new BadRequest("bad parameter '" + name + "': must be between 1 and " + max + ", got " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("bad parameter '" + name + "': expected a whole number, got '" + v + "'");
        }
    }

    /** An ISO-8601 instant parameter (2024-03-05T10:00:00Z), null when absent. */
    static java.time.Instant instant(Context ctx, String name) {
        String v = value(ctx, name);
        if (v == null) return null;
        try {
            // Four-digit years only: java.time reads "+10000-01-01T00:00:00Z", which the databases refuse.
            if (!FOUR_DIGIT_YEAR.matcher(v).lookingAt()) throw new DateTimeParseException("year", v, 0);
            return java.time.Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest("bad parameter '" + name + "': expected an instant such as 2024-03-05T10:00:00Z, got '" + v + "'");
        }
    }

    static LocalDate date(Context ctx, String name) {
        String v = value(ctx, name);
        if (v == null) return null;
        try {
            return isoDate(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest("bad parameter '" + name + "': expected a date YYYY-MM-DD, got '" + v + "'");
        }
    }

    private static final java.util.regex.Pattern FOUR_DIGIT_YEAR = java.util.regex.Pattern.compile("\\d{4}-");

    /** A YYYY-MM-DD date with a four-digit year (the databases refuse the years beyond 9999 that java.time reads). */
    static LocalDate isoDate(String v) {
        if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) throw new DateTimeParseException("not YYYY-MM-DD", v, 0);
        return LocalDate.parse(v);
    }

    private static double[] bbox(Context ctx) {
        String v = value(ctx, "bbox");
        if (v == null) return null;
        String[] parts = v.split(",", -1);
        String usage = "bad parameter 'bbox': expected minLon,minLat,maxLon,maxLat in degrees, got '" + v + "'";
        if (parts.length != 4) throw new BadRequest(usage);
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) b[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(usage);
        }
        if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 || b[0] > b[2] || b[1] > b[3] || Double.isNaN(b[0] + b[1] + b[2] + b[3])) {
            throw new BadRequest(usage + " (longitudes -180..180, latitudes -90..90, min before max)");
        }
        return b;
    }
}
