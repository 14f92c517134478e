package sitrep.store;

/**
 * A named area users query events in: its GeoJSON geometry (Polygon or MultiPolygon) as given, and its
 * bounding box, which lets the store narrow candidates before the exact point-in-polygon test.
 */
public record Zone(String id, String name, String geometryJson, double minLon, double minLat, double maxLon, double maxLat) {
}
