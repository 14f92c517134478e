package sitrep.report;

import com.fasterxml.jackson.databind.JsonNode;
import sitrep.data.DataFiles;
import sitrep.data.Lazy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One sentence from a coded event, names in words rather than codes: "Russian forces struck Islamic State positions
 * in Deir ez-Zor on 14 September 2017." The wording of each CAMEO code is in report/verbs.tsv; the sentence says
 * only what the coding holds (actors, act, place, date, stated casualties), so it can be checked against the
 * evidence sentences the report cites beside it.
 */
final class EventSentences {
    private static final Lazy<EventSentences> SHARED = new Lazy<>(EventSentences::new);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    /** Sectors whose members a strike hits at their positions rather than as people. */
    private static final Set<String> ARMED = Set.of("MIL", "REB", "INS", "SEP");

    private record Wording(String transitive, String noTarget, String noSource, String noun, boolean positions) {
    }

    private final Map<String, Wording> wordings = new HashMap<>();

    private EventSentences() {
        for (String[] r : DataFiles.rows("/sitrep/report/verbs.tsv")) {
            wordings.put(r[0], new Wording(r[1], r[2], r[3], r[4], r[5].equals("yes")));
        }
    }

    static EventSentences shared() {
        return SHARED.get();
    }

    /** The event (extract-format JSON) as a sentence; {@code withYear} adds the year to day dates. */
    String sentence(JsonNode e, boolean withYear) {
        ActorWords words = ActorWords.shared();
        Wording w = wording(e.path("cameo").path("code").asText(""));
        String source = words.actor(e.get("source")), target = words.actor(e.get("target"));
        if (target != null && w.positions() && ARMED.contains(e.path("target").path("sector").asText(""))) target += " positions";
        String core;
        if (source != null && target != null) core = source + " " + w.transitive() + " " + target;
        else if (source != null) core = source + " " + w.noTarget();
        else if (target != null) core = target + " " + w.noSource();
        else core = w.noun() + " was reported";
        StringBuilder s = new StringBuilder(capitalise(core));
        s.append(place(e.get("location")));
        s.append(date(e.path("date").asText(null), e.path("date_precision").asText(null), withYear));
        s.append(casualties(e.path("quantities")));
        String modality = e.path("modality").asText("asserted");
        if (!modality.equals("asserted")) s.append(" (reported as ").append(modality).append(")");
        return s.append('.').toString();
    }

    private Wording wording(String code) {
        for (int n = code.length(); n >= 2; n--) {
            Wording w = wordings.get(code.substring(0, n));
            if (w != null) return w;
        }
        return new Wording("acted towards", "acted", "were acted upon", "An event", false);
    }

    /** " in Deir ez-Zor", " in As Sukhnah, Homs", " in the Euphrates area"; empty when unlocated. */
    static String place(JsonNode loc) {
        if (loc == null || loc.isNull() || loc.path("name").asText("").isEmpty()) return "";
        String name = loc.path("name").asText();
        String precision = loc.path("precision").asText("");
        if (precision.equals("region")) return " in the " + name + " area";
        String admin1 = loc.path("admin1").asText("");
        boolean local = precision.equals("city") || precision.equals("point") || precision.equals("admin2");
        return " in " + name + (local && !admin1.isEmpty() && !admin1.equals(name) ? ", " + admin1 : "");
    }

    /** " on 14 September", " in August 2017", " in 2017"; empty when undated. */
    static String date(String date, String precision, boolean withYear) {
        if (date == null || date.isEmpty()) return "";
        try {
            return switch (precision == null ? "day" : precision) {
                case "month" -> " in " + LocalDate.parse(date + "-01").format(MONTH_YEAR);
                case "year" -> " in " + date;
                default -> " on " + LocalDate.parse(date).format(withYear ? DAY_YEAR : DAY);
            };
        } catch (java.time.format.DateTimeParseException malformed) {
            return " (dated " + date + ")";
        }
    }

    private static String casualties(JsonNode q) {
        int killed = q.path("killed").asInt(0), injured = q.path("injured").asInt(0);
        if (killed > 0 && injured > 0) return ", leaving " + killed + " dead and " + injured + " injured";
        if (killed > 0) return ", leaving " + killed + " dead";
        if (injured > 0) return ", leaving " + injured + " injured";
        return "";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
