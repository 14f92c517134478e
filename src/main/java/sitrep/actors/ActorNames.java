package sitrep.actors;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;
import sitrep.geo.CountryTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names people read for actors, everywhere one is shown (API labels, the web app, CSV, ACLED's actor columns):
 * "Syrian military" for SYRMIL coded as "Syria (military)", "Syrian civilians" for a bare "civilians" in Syria,
 * "unidentified armed group" for an unknown doer of violence, never a bare sector word or a question mark. The
 * wording per role is in actors/roles.tsv; named actors ("Islamic State (ISIS/ISIL/Daesh)") keep their names.
 */
public final class ActorNames {
    static final String ROLES = "/sitrep/actors/roles.tsv";
    /** "Syria (military)": a country's name and a role's, as the resolver composes them. */
    private static final Pattern COMPOSED = Pattern.compile("(.+) \\((.+)\\)");

    private static final Lazy<ActorNames> SHARED = new Lazy<>(() -> new ActorNames(DataFiles.rows(ROLES), CountryTable.shared()));

    private record Role(String name, String withCountry, String withoutCountry) {
    }

    private final Map<String, Role> roles = new HashMap<>();
    private final CountryTable countries;

    ActorNames(List<String[]> roleRows, CountryTable countries) {
        this.countries = countries;
        for (String[] f : roleRows) {
            if (f.length < 4) throw new IllegalStateException(ROLES + ": expected 4 columns, got " + String.join("|", f));
            roles.put(f[0].strip(), new Role(f[1].strip(), f[2].strip(), f[3].strip()));
        }
    }

    public static ActorNames shared() {
        return SHARED.get();
    }

    /**
     * The readable name of a coded actor, or null when there is no actor (all fields empty).
     *
     * @param country ISO3, or null
     * @param sector  CAMEO role code, or null
     */
    public String name(String code, String name, String country, String sector) {
        code = blank(code);
        name = blank(name);
        country = blank(country);
        sector = blank(sector);
        if (code == null && name == null) return null;
        if (country == null && code != null && code.length() >= 3 && countries.get(code.substring(0, 3)).isPresent()) country = code.substring(0, 3);
        if (sector == null && code != null && code.length() >= 6 && roles.containsKey(code.substring(3, 6))) sector = code.substring(3, 6);
        Role role = sector == null ? null : roles.get(sector);
        if (role != null && (name == null || bareOrComposed(name, role))) return roleName(role, country);
        if (name != null) return name;
        // A code alone: a country's own code names the country.
        String code3 = code;
        return countries.get(code3).map(CountryTable.Codes::name).orElse(code3);
    }

    /**
     * The name for an actor the text does not name, by what the event is: an unknown doer of violence is an
     * "unidentified armed group", of a protest "protesters", of a riot "rioters"; otherwise "unidentified actor".
     *
     * @param acledEventType the event's ACLED event type, or null
     * @param quadClass      its CAMEO quad class (4: material conflict), or 0
     * @param country        ISO3 of where it happened, or null
     */
    public String unnamed(String acledEventType, int quadClass, String country) {
        String where = countries.get(country).map(CountryTable.Codes::name).map(n -> " in " + n).orElse("");
        if ("Protests".equals(acledEventType)) return "protesters" + where;
        if ("Riots".equals(acledEventType)) return "rioters" + where;
        boolean violent = acledEventType != null && !acledEventType.equals("Strategic developments") || quadClass == 4;
        if (violent) return roleName(roles.get("UAF"), country);
        return "unidentified actor";
    }

    private static boolean bareOrComposed(String name, Role role) {
        if (name.equalsIgnoreCase(role.name())) return true;
        Matcher m = COMPOSED.matcher(name);
        return m.matches() && m.group(2).equalsIgnoreCase(role.name());
    }

    private String roleName(Role role, String country) {
        CountryTable.Codes c = countries.get(country).orElse(null);
        if (c == null || c.name() == null) return role.withoutCountry();
        String demonym = c.demonym() != null ? c.demonym() : c.name();
        return role.withCountry().replace("{demonym}", demonym).replace("{country}", c.name());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
