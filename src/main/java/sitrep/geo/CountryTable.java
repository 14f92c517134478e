package sitrep.geo;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codes and names other tools use for a country: FIPS 10-4 (GDELT), ISO numeric and ACLED's country and region
 * names (geo/country-codes.tsv), with the name, demonym and centroid of the gazetteer's country table. Loads in
 * milliseconds, without the gazetteer's place index, so exports and the API can name countries cheaply.
 */
public final class CountryTable {
    static final String CODES = "/sitrep/geo/country-codes.tsv";

    /** One country's codes and names; any field but iso3 may be null where the tables have nothing. */
    public record Codes(String iso3, String iso2, Integer isoNumeric, String fips, String name, String demonym,
                        Double lat, Double lon, String acledName, String acledRegion) {
    }

    private static final Lazy<CountryTable> SHARED = new Lazy<>(() -> new CountryTable(DataFiles.rows(CODES),
            DataFiles.rows(Gazetteer.COUNTRIES)));

    private final Map<String, Codes> byIso3 = new HashMap<>();

    /**
     * @param codes     rows of country-codes.tsv
     * @param countries rows of the generated countries.tsv (iso3, iso2, name, official name, lat, lon, capitals,
     *                  demonyms, other names)
     */
    CountryTable(List<String[]> codes, List<String[]> countries) {
        Map<String, String[]> gazetteer = new HashMap<>();
        for (String[] f : countries) gazetteer.put(f[0], f);
        for (String[] f : codes) {
            if (f.length < 6) throw new IllegalStateException(CODES + ": expected 6 columns, got " + String.join("|", f));
            String[] g = gazetteer.get(f[0]);
            String demonym = g == null || g.length < 8 || g[7].isBlank() ? null : g[7].split("\\|")[0].strip();
            Double lat = g == null ? null : number(g[4]), lon = g == null ? null : number(g[5]);
            String name = g == null || g[2].isBlank() ? f[4] : g[2];
            byIso3.put(f[0], new Codes(f[0], blank(f[1]), f[2].isBlank() ? null : Integer.valueOf(f[2]), blank(f[3]), name,
                    demonym, lat, lon, blank(f[4]), blank(f[5])));
        }
        // Countries the gazetteer knows that the code table lacks still get their names and centroid.
        for (String[] g : countries) {
            if (byIso3.containsKey(g[0])) continue;
            byIso3.put(g[0], new Codes(g[0], blank(g[1]), null, null, g[2], g.length > 7 && !g[7].isBlank() ? g[7].split("\\|")[0].strip() : null,
                    number(g[4]), number(g[5]), null, null));
        }
    }

    public static CountryTable shared() {
        return SHARED.get();
    }

    /** The country with this ISO 3166-1 alpha-3 code; empty for null or unknown codes. */
    public Optional<Codes> get(String iso3) {
        return iso3 == null ? Optional.empty() : Optional.ofNullable(byIso3.get(iso3));
    }

    /** FIPS 10-4 code of an ISO3 country, or null. */
    public String fips(String iso3) {
        return get(iso3).map(Codes::fips).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Double number(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
