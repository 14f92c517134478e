package sitrep.report;

import com.fasterxml.jackson.databind.JsonNode;
import sitrep.data.DataFiles;
import sitrep.data.Lazy;

import java.util.HashMap;
import java.util.Map;

/**
 * Actors and countries named in words for a report's sentences: "RUSMIL" / "Russia (military)" becomes
 * "Russian forces" (report/actor-roles.tsv), a named actor keeps its name without the aliases in parentheses
 * ("Islamic State (ISIS/ISIL/Daesh)" is "Islamic State"). Countries come from the gazetteer's small countries
 * table, read alone: the whole gazetteer would cost seconds and a hundred megabytes for a few names.
 */
final class ActorWords {
    private static final Lazy<ActorWords> SHARED = new Lazy<>(ActorWords::new);

    private record CountryName(String name, String demonym) {
    }

    private final Map<String, CountryName> countries = new HashMap<>();
    private final Map<String, String> roleWords = new HashMap<>();
    /** The names the actor resolver gives roles in composed names ("military" in "Russia (military)"). */
    private final Map<String, String> roleNames = new HashMap<>();

    private ActorWords() {
        for (String[] r : DataFiles.rows("/sitrep/geo/countries.tsv")) {
            if (r.length > 7) countries.put(r[0], new CountryName(r[2], r[7].isBlank() ? r[2] : r[7]));
        }
        for (String[] r : DataFiles.rows("/sitrep/report/actor-roles.tsv")) roleWords.put(r[0], r[1]);
        for (String[] r : DataFiles.rows("/sitrep/actors/roles.tsv")) roleNames.put(r[0], r[1]);
    }

    static ActorWords shared() {
        return SHARED.get();
    }

    /** A country's short name ("Syria"), or the code itself when the table does not know it. */
    String country(String iso3) {
        CountryName c = iso3 == null ? null : countries.get(iso3);
        return c == null ? iso3 : c.name();
    }

    /** An actor of an event (extract-format JSON) in words; null for no actor. */
    String actor(JsonNode actor) {
        if (actor == null || actor.isNull()) return null;
        return actor(actor.path("code").asText(""), actor.path("name").asText(null), actor.path("country").asText(null));
    }

    String actor(String code, String name, String country) {
        if (code != null && code.length() == 6) {
            String role = code.substring(3);
            String words = roleWords.get(role);
            String roleName = roleNames.get(role);
            CountryName c = countries.get(code.substring(0, 3));
            // Only a composed name ("Syria (military)", or the bare role) is reworded: a named person or group
            // coded with a role ("Volodymyr Zelensky", UKRGOV) keeps the name.
            boolean composed = name == null || roleName != null && (name.equals(roleName) || name.endsWith(" (" + roleName + ")"));
            if (words != null && c != null && composed) {
                return words.replace("{demonym}", c.demonym()).replace("{country}", c.name());
            }
        }
        if (code != null && code.length() == 3 && countries.containsKey(code) && (name == null || name.equals(country(code)))) {
            return country(code);
        }
        if (name == null || name.isBlank()) return code;
        String plain = name.replaceAll("\\s*\\([^)]*\\)", "").trim();
        return plain.isEmpty() ? name : plain;
    }
}
