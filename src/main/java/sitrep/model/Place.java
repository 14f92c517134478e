package sitrep.model;

/**
 * A place mention in an article, resolved against the gazetteer. An unresolved mention keeps
 * {@code text}, {@code start}, {@code end} and has null for everything else.
 *
 * @param precision point, city, admin2, admin1, country or region
 */
public record Place(String text, int start, int end, String name, Long geonameid, Double lat, Double lon,
                    String country, String admin1, String featureCode, String precision) {

    public static Place unresolved(String text, int start, int end) {
        return new Place(text, start, end, null, null, null, null, null, null, null, null);
    }

    public boolean resolved() {
        return lat != null && lon != null;
    }
}
