package sitrep.eval;

/**
 * One toponym in a geoparsing evaluation, gold or predicted: its character span in the article text,
 * the text of that span, and the coordinates it was resolved to (NaN when a system recognised the name
 * but gave it no coordinates).
 *
 * @param kind the kind sitrep gave a predicted place ({@code toponym}, {@code adjectival}, ...); null for gold and
 *             for other systems' output
 */
public record GeoAnnotation(int start, int end, String text, double lat, double lon, String kind) {

    public GeoAnnotation(int start, int end, String text, double lat, double lon) {
        this(start, end, text, lat, lon, null);
    }

    public boolean hasCoordinates() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }

    /** Centre of the span; the published scorer of Gritta et al. compares spans by their centres. */
    double centre() {
        return (start + end) / 2.0;
    }

    boolean overlaps(GeoAnnotation other) {
        return start < other.end && other.start < end;
    }
}
