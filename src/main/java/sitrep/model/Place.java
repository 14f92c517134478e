package sitrep.model;

/**
 * A place mention in an article, resolved against the gazetteer. An unresolved mention keeps
 * {@code text}, {@code start}, {@code end} and {@code kind}, and has null for everything else.
 *
 * @param precision point, city, admin2, admin1, country or region
 * @param kind      how the word is used: only a {@link PlaceKind#TOPONYM} says where something is
 */
public record Place(String text, int start, int end, String name, Long geonameid, Double lat, Double lon,
                    String country, String admin1, String featureCode, String precision, PlaceKind kind) {

    public Place {
        if (kind == null) kind = PlaceKind.TOPONYM;
    }

    /** A toponym: the place itself. */
    public Place(String text, int start, int end, String name, Long geonameid, Double lat, Double lon,
                 String country, String admin1, String featureCode, String precision) {
        this(text, start, end, name, geonameid, lat, lon, country, admin1, featureCode, precision, PlaceKind.TOPONYM);
    }

    public static Place unresolved(String text, int start, int end) {
        return new Place(text, start, end, null, null, null, null, null, null, null, null);
    }

    public Place withKind(PlaceKind k) {
        return k == kind ? this : new Place(text, start, end, name, geonameid, lat, lon, country, admin1, featureCode, precision, k);
    }

    public boolean resolved() {
        return lat != null && lon != null;
    }

    public boolean toponym() {
        return kind == PlaceKind.TOPONYM;
    }
}
