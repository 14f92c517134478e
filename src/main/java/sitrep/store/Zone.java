package sitrep.store;

/**
 * A named area users query events in: its GeoJSON geometry (Polygon or MultiPolygon) as given, and its
 * bounding box, which lets the store narrow candidates before the exact point-in-polygon test.
 *
 * @param createdAt when the zone was stored (ISO-8601 instant); events first seen after it raise alerts.
 *                  Null on a zone not stored yet: the store sets it.
 */
public record Zone(String id, String name, String geometryJson, double minLon, double minLat, double maxLon, double maxLat,
                   String createdAt) {
    public double[] bbox() {
        return new double[]{minLon, minLat, maxLon, maxLat};
    }
}
