package sitrep.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import sitrep.actors.ActorNames;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the export formats read alike from a stored event: fields, ids, dates, outlets and actor names. */
final class ExportFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Hex digits of an event id kept in its integer form: 52 bits, exact in a double (spreadsheets, JavaScript). */
    private static final int ID_HEX_DIGITS = 13;

    private ExportFields() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in store: " + e.getOriginalMessage(), e);
        }
    }

    /** A field as text; "" when absent or null. */
    static String s(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? "" : v.asText();
    }

    static boolean present(JsonNode o) {
        return o != null && !o.isMissingNode() && !o.isNull();
    }

    /**
     * The event's integer id (GDELT's GlobalEventID, the number in ACLED's event_id_cnty): the first 13 hex digits
     * of a hexadecimal id (so `printf '%013x' ID` gives the prefix of the id the API and web app use), else 52 bits
     * of the id's SHA-256. Stable across exports of the same store.
     */
    static long integerId(String id) {
        if (id.length() >= ID_HEX_DIGITS && id.substring(0, ID_HEX_DIGITS).matches("[0-9a-f]+")) {
            return Long.parseLong(id.substring(0, ID_HEX_DIGITS), 16);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 7; i++) v = (v << 8) | (h[i] & 0xff);
            return v >>> 4;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** The event's date precision: the stored one, else read from the date's length. */
    static String datePrecision(JsonNode event) {
        String p = s(event, "date_precision"), date = s(event, "date");
        if (!p.isEmpty()) return p;
        return date.length() >= 10 ? "day" : date.length() == 7 ? "month" : "year";
    }

    /** First day of the event's date at its precision ("2017-08" -> 2017-08-01); null when undated. */
    static LocalDate firstDay(JsonNode event) {
        String date = s(event, "date");
        if (date.isEmpty()) return null;
        return sitrep.merge.EventKey.range(date, datePrecision(event))[0];
    }

    /** The distinct outlets that reported the event, in mention order. */
    static Set<String> outlets(StoredEvent e) {
        Set<String> out = new LinkedHashSet<>();
        for (StoredMention m : e.mentions()) if (m.outlet() != null && !m.outlet().isBlank()) out.add(m.outlet().strip());
        return out;
    }

    /** The first report's URL, else a citation of it (its outlet, else its article id); "" without mentions. */
    static String firstSource(StoredEvent e) {
        for (StoredMention m : e.mentions()) if (m.url() != null && !m.url().isBlank()) return m.url();
        for (StoredMention m : e.mentions()) if (m.outlet() != null && !m.outlet().isBlank()) return m.outlet();
        return e.mentions().isEmpty() ? "" : e.mentions().get(0).articleId();
    }

    /** The readable name of the event's actor in {@code role} ("source", "target"), or "" when it has none. */
    static String actorName(JsonNode event, String role) {
        JsonNode a = event.path(role);
        if (!present(a)) return "";
        String n = ActorNames.shared().name(s(a, "code"), s(a, "name"), s(a, "country"), s(a, "sector"));
        return n == null ? "" : n;
    }

    /** The source's readable name, or for an event whose doer the text does not name, what ACLED would call it. */
    static String sourceName(JsonNode event) {
        String n = actorName(event, "source");
        if (!n.isEmpty()) return n;
        return ActorNames.shared().unnamed(s(event.path("acled"), "event_type"), event.path("cameo").path("quad_class").asInt(0),
                blankToNull(s(event.path("location"), "country")));
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
