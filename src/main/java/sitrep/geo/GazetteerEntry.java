package sitrep.geo;

/**
 * One gazetteer record: a populated place, a first-level division, a country or a named feature.
 *
 * @param geonameid  GeoNames id, or a negative id for our own records that GeoNames lacks
 * @param country    ISO 3166-1 alpha-3, or null for features that span countries (seas)
 * @param admin1     name of the first-level division the place lies in, or null
 */
public record GazetteerEntry(long geonameid, String name, double lat, double lon, String featureCode,
                             String country, String admin1, long population) {
    /** Feature codes of spots and installations, which a point locates (GeoNames' codes of class S that we load). */
    private static final java.util.Set<String> SPOTS = java.util.Set.of("AIRB", "AIRF", "AIRP", "AIRH", "DAM", "BDG",
            "PSTB", "CSTM", "OILF", "GASF", "HSP", "MILB", "CMP", "CMPRF", "PRN", "PS", "PSN", "MFG", "OILR", "OILT",
            "RSTN", "PRT", "TNL", "ST");

    public boolean isCountry() {
        return featureCode.startsWith("PCL");
    }

    public boolean isAdmin1() {
        return featureCode.equals("ADM1");
    }

    public boolean isPopulatedPlace() {
        return featureCode.startsWith("PPL");
    }

    /** The extract format's precision level: a facility (an airbase, a dam, a crossing: GeoNames class S) is a point. */
    public String precision() {
        if (isCountry()) return "country";
        if (SPOTS.contains(featureCode)) return "point";
        if (isAdmin1()) return "admin1";
        if (featureCode.equals("ADM2")) return "admin2";
        if (isPopulatedPlace()) return "city";
        if (featureCode.equals("AREA") || featureCode.equals("RGN") || featureCode.equals("PRK")) return "region";
        return "region";
    }

    /** Great-circle distance in kilometres. */
    public double distanceKm(double lat2, double lon2) {
        return Geo.distanceKm(lat, lon, lat2, lon2);
    }
}
