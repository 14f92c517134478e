package sitrep.geo;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GeoNames' first-level division codes by division name ("SYR", "Deir ez-Zor" -> "07"), from the gazetteer's place
 * file, where each place carries its division's code and the name the build matched to it. Places name the
 * division, not its code, so exports that write codes (GDELT's ADM1Code) look them up here. GeoNames' codes are
 * FIPS 10-4 division codes for most countries; for some (the United States' postal codes, the United Kingdom's
 * ENG/SCT/WLS/NIR) they are not, and neither is what GDELT writes there.
 */
public final class Admin1Codes {
    private static final Lazy<Admin1Codes> SHARED = new Lazy<>(() -> new Admin1Codes(DataFiles.rows(Gazetteer.PLACES)));

    private final Map<String, String> codes = new HashMap<>();

    /** @param places rows of places.tsv.gz: geonameid, name, lat, lon, feature code, iso3, admin1 code, admin1 name, ... */
    Admin1Codes(List<String[]> places) {
        // A name some places of another code share (a division left with its seat's name) goes to the code with
        // the most places.
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (String[] f : places) {
            if (f.length < 8 || f[5].isEmpty() || f[6].isEmpty() || f[6].equals("00") || f[7].isEmpty()) continue;
            counts.computeIfAbsent(key(f[5], f[7]), k -> new HashMap<>()).merge(f[6], 1, Integer::sum);
        }
        counts.forEach((k, byCode) -> codes.put(k, byCode.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
    }

    public static Admin1Codes shared() {
        return SHARED.get();
    }

    /** GeoNames' code of the named first-level division of the country, or null when the gazetteer has none. */
    public String code(String iso3, String admin1Name) {
        if (iso3 == null || admin1Name == null) return null;
        return codes.get(key(iso3, admin1Name));
    }

    private static String key(String iso3, String name) {
        return iso3 + "\t" + name;
    }
}
