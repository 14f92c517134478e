package sitrep.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * How a mention that {@link Merger} joins to an event changes the event: the more precise date wins, a place the text
 * names (a toponym) wins over one it only implies (a demonym's country), else the more precise place, a more
 * specific actor code refines a compatible one (the mention's source refining the event's target when the two
 * matched swapped), a more specific CAMEO code refines the event's ({@link #refines}), differing casualty counts,
 * dates and CAMEO codes are kept as disagreements, and the confidence rises. Both the store and the Spark job's
 * merge stage fold with this, so they agree event for event. Each of date, location, source, target and the
 * coding (cameo, plover, acled) is replaced whole by one incoming mention's, never pieced together: the merge
 * stage's blocking relies on that ({@link MergeBlocks}).
 */
public final class EventFold {
    private EventFold() {
    }

    /**
     * Folds {@code incoming} (a mention's event, extract-format JSON) into {@code stored} (the event's JSON), noting
     * disagreements in {@code disagreements} (field to the distinct values reports gave). Both are changed in place.
     *
     * @param swapped whether the mention matched with its source and target swapped ({@link Merger.Decision#swapped}):
     *                its source then refines the event's target and its target the event's source
     */
    public static void fold(ObjectNode stored, ObjectNode disagreements, ObjectNode incoming, boolean swapped) {
        String storedPrecision = text(stored, "date_precision"), newPrecision = text(incoming, "date_precision");
        if (!Objects.equals(text(stored, "date"), text(incoming, "date")) && "day".equals(storedPrecision) && "day".equals(newPrecision)) {
            note(disagreements, "date", stored.get("date"), incoming.get("date"));
        }
        // A finer date wins; at equal precision a date the text states beats one taken from the publication date.
        if (rank(newPrecision) < rank(storedPrecision) || rank(newPrecision) == rank(storedPrecision)
                && "published".equals(text(stored, "date_source")) && "text".equals(text(incoming, "date_source"))) {
            for (String f : new String[]{"date", "date_precision", "date_source"}) stored.set(f, incoming.get(f));
        }
        JsonNode sl = stored.get("location"), nl = incoming.get("location");
        if (nl != null && !nl.isNull()) {
            // A place the text names beats one it only implies ("Syrian villages" gives Syria), whatever their precisions;
            // "kind" is absent in events written before kinds existed (toponyms).
            boolean storedNamed = sl != null && !sl.isNull() && "toponym".equals(sl.path("kind").asText("toponym"));
            boolean newNamed = "toponym".equals(nl.path("kind").asText("toponym"));
            if (sl == null || sl.isNull() || newNamed && !storedNamed
                    || newNamed == storedNamed && Merger.finer(nl.path("precision").asText(), sl.path("precision").asText())) {
                stored.set("location", nl);
                // Where the place comes from goes with it (absent in events written before the field existed).
                if (incoming.hasNonNull("location_source")) stored.set("location_source", incoming.get("location_source"));
                else stored.remove("location_source");
            }
            if (sl != null && !sl.isNull() && !sl.path("name").asText().equals(nl.path("name").asText())) {
                note(disagreements, "location", sl.get("name"), nl.get("name"));
            }
        }
        for (String role : new String[]{"source", "target"}) {
            // Crosswise after a swapped match: "Y and X clashed" joining "X and Y clashed" must not make Y the source too.
            JsonNode s = stored.get(role), n = incoming.get(swapped ? (role.equals("source") ? "target" : "source") : role);
            if (n == null || n.isNull()) continue;
            if (s == null || s.isNull() || n.path("code").asText().length() > s.path("code").asText().length()
                    && n.path("code").asText().startsWith(s.path("code").asText())) stored.set(role, n);
        }
        // The coding follows the most specific act reported: "X and Y clashed" (190) joined by "X's jets struck Y"
        // (195, the same direction: Merger never swaps a directed act) is the air strike. The PLOVER mode and the ACLED
        // type come from the code, so they go with it.
        String storedCode = stored.path("cameo").path("code").asText(null), newCode = incoming.path("cameo").path("code").asText(null);
        if (refines(newCode, storedCode)) {
            for (String f : new String[]{"cameo", "plover", "acled"}) if (incoming.has(f)) stored.set(f, incoming.get(f));
        } else if (newCode != null && storedCode != null && !newCode.equals(storedCode) && !refines(storedCode, newCode)) {
            // 193 and 195 for one act: small arms or aircraft, the reports differ.
            note(disagreements, "cameo_code", stored.path("cameo").get("code"), incoming.path("cameo").get("code"));
        }
        ObjectNode quantities = stored.with("quantities");
        incoming.path("quantities").fields().forEachRemaining(q -> {
            JsonNode old = quantities.get(q.getKey());
            if (old == null) quantities.set(q.getKey(), q.getValue());
            else if (old.asInt() != q.getValue().asInt()) {
                note(disagreements, q.getKey(), old, q.getValue());
                quantities.put(q.getKey(), Math.max(old.asInt(), q.getValue().asInt()));
            }
        });
        stored.put("confidence", Math.min(0.99, Math.max(stored.path("confidence").asDouble(), incoming.path("confidence").asDouble()) + 0.05));
    }

    /**
     * Whether CAMEO code {@code code} says more than {@code than} of one act: it extends it ("1951" of "195", "190" of
     * the root "19"), or {@code than} is its root's unspecified code ("190 Use conventional military force" for
     * "195 Employ aerial weapons", "040 Consult" for "042 Make a visit"). Null refines nothing and is refined by nothing.
     */
    public static boolean refines(String code, String than) {
        if (code == null || than == null || code.equals(than) || code.length() < 2 || than.length() < 2) return false;
        if (code.startsWith(than)) return true;
        String root = than.substring(0, 2);
        return than.equals(root + "0") && code.startsWith(root) && code.length() >= 3;
    }

    /** Adds both values to the list of what reports said for {@code field}, once each. */
    private static void note(ObjectNode disagreements, String field, JsonNode a, JsonNode b) {
        ArrayNode values = disagreements.withArray(field);
        for (JsonNode v : new JsonNode[]{a, b}) {
            if (v == null || v.isNull()) continue;
            boolean seen = false;
            for (JsonNode x : values) seen |= x.equals(v);
            if (!seen) values.add(v);
        }
    }

    private static int rank(String precision) {
        return precision == null ? 3 : switch (precision) {
            case "day" -> 0;
            case "month" -> 1;
            case "year" -> 2;
            default -> 3;
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
