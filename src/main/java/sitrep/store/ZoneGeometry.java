package sitrep.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.util.ArrayList;
import java.util.List;

/**
 * A zone's area from GeoJSON: a Polygon or MultiPolygon geometry, or a Feature holding one. Points are
 * tested with JTS (a prepared, indexed geometry): inside a polygon's outer ring and outside its holes. The
 * GeoJSON is read here rather than by JTS's reader so that each malformed input gets its own message. Coordinates are lon/lat
 * degrees on a plane, which is exact enough for zones that do not cross the antimeridian; a ring that steps
 * across it (more than 180 degrees of longitude between two corners) is refused, since on a plane it would
 * enclose the rest of the world instead. The geometry kept is rebuilt from the parsed numbers: members other
 * than {@code type} and {@code coordinates} are not stored.
 */
public final class ZoneGeometry {
    /** More vertices are refused: a zone is drawn by a person, and each test walks every edge. */
    public static final int MAX_VERTICES = 10_000;

    /** Each polygon: its rings, the first the outer boundary; each ring: [lon, lat] pairs, closed. */
    private final List<List<double[][]>> polygons;
    private final boolean multi;
    private final PreparedGeometry area;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** A zone that is no valid Polygon or MultiPolygon: the message says what is wrong, for the user who drew it. */
    public static final class InvalidZone extends IllegalArgumentException {
        InvalidZone(String message) {
            super(message);
        }
    }

    private ZoneGeometry(List<List<double[][]>> polygons, boolean multi) {
        this.polygons = polygons;
        this.multi = multi;
        Polygon[] parts = new Polygon[polygons.size()];
        for (int i = 0; i < parts.length; i++) {
            List<double[][]> rings = polygons.get(i);
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int h = 1; h < rings.size(); h++) holes[h - 1] = ring(rings.get(h));
            parts[i] = FACTORY.createPolygon(ring(rings.get(0)), holes);
            refuseInvalid(parts[i], parts.length > 1 ? "polygon " + (i + 1) + " of the zone" : "the zone");
        }
        Geometry whole = parts.length == 1 ? parts[0] : FACTORY.createMultiPolygon(parts);
        if (parts.length > 1) refuseInvalid(whole, "the zone's polygons together");
        // After the validity check, so a bow-tie (whose halves cancel out) is told as one.
        for (List<double[][]> p : polygons) {
            for (double[][] r : p) {
                double twiceArea = 0;
                for (int i = 1; i < r.length; i++) twiceArea += r[i - 1][0] * r[i][1] - r[i][0] * r[i - 1][1];
                if (Math.abs(twiceArea) < 1e-12) throw new InvalidZone("a ring encloses no area (its corners lie on one line)");
            }
        }
        this.area = PreparedGeometryFactory.prepare(whole);
    }

    /**
     * Refuses a zone that is not a valid OGC simple feature (checked by JTS), saying what is wrong and where: a
     * ring that crosses itself (a bow-tie), a hole outside its shell or nested in another, the same ring twice,
     * polygons of a MultiPolygon that overlap. A point-in-zone test on such a shape has no one right answer.
     */
    private static void refuseInvalid(Geometry g, String what) {
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error == null) return;
        Coordinate at = error.getCoordinate();
        String where = at == null ? "" : " at [" + at.x + ", " + at.y + "]";
        String why = switch (error.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                    "its boundary crosses itself" + where + " (a bow-tie or figure-eight): draw the corners in order around the area";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "a hole lies outside its outer ring" + where;
            case TopologyValidationError.NESTED_HOLES -> "a hole lies inside another hole" + where;
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "its holes cut the area into pieces" + where;
            case TopologyValidationError.NESTED_SHELLS -> "one polygon lies inside another" + where + ": make the inner one a hole";
            case TopologyValidationError.DUPLICATE_RINGS -> "the same ring is given twice" + where;
            case TopologyValidationError.TOO_FEW_POINTS -> "a ring has fewer than 3 distinct corners" + where;
            default -> error.getMessage().toLowerCase(java.util.Locale.ROOT) + where;
        };
        throw new InvalidZone(what + " is not a valid polygon (OGC simple features): " + why);
    }

    private static LinearRing ring(double[][] positions) {
        Coordinate[] c = new Coordinate[positions.length];
        for (int i = 0; i < c.length; i++) c[i] = new Coordinate(positions[i][0], positions[i][1]);
        return FACTORY.createLinearRing(c);
    }

    /** The zone as a GeoJSON geometry of its type and coordinates only. */
    public JsonNode geometry() {
        ObjectNode g = JsonNodeFactory.instance.objectNode();
        g.put("type", multi ? "MultiPolygon" : "Polygon");
        ArrayNode coords = g.putArray("coordinates");
        for (List<double[][]> p : polygons) {
            ArrayNode rings = multi ? coords.addArray() : coords;
            for (double[][] ring : p) {
                ArrayNode positions = rings.addArray();
                for (double[] v : ring) positions.addArray().add(v[0]).add(v[1]);
            }
        }
        return g;
    }

    public static ZoneGeometry parse(JsonNode node) {
        if (node == null || !node.isObject()) throw new InvalidZone("zone must be a GeoJSON Polygon, MultiPolygon or a Feature with one");
        if ("Feature".equals(node.path("type").asText())) return parse(node.get("geometry"));
        String type = node.path("type").asText();
        JsonNode coords = node.get("coordinates");
        if (coords == null || !coords.isArray()) throw new InvalidZone("zone geometry has no coordinates array");
        List<List<double[][]>> polygons = new ArrayList<>();
        int[] vertices = {0};
        switch (type) {
            case "Polygon" -> polygons.add(polygon(coords, vertices));
            case "MultiPolygon" -> {
                for (JsonNode p : coords) polygons.add(polygon(p, vertices));
                if (polygons.isEmpty()) throw new InvalidZone("MultiPolygon has no polygons");
            }
            default -> throw new InvalidZone("zone geometry must be a Polygon or MultiPolygon, got '" + type + "'");
        }
        return new ZoneGeometry(polygons, type.equals("MultiPolygon"));
    }

    private static List<double[][]> polygon(JsonNode rings, int[] vertices) {
        if (!rings.isArray() || rings.isEmpty()) throw new InvalidZone("a polygon needs at least its outer ring");
        List<double[][]> out = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) throw new InvalidZone("each ring needs at least 4 positions (closed: last = first)");
            vertices[0] += ring.size();
            if (vertices[0] > MAX_VERTICES) throw new InvalidZone("zone has more than " + MAX_VERTICES + " vertices");
            double[][] r = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode p = ring.get(i);
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw new InvalidZone("positions must be [lon, lat] numbers");
                }
                double lon = p.get(0).asDouble(), lat = p.get(1).asDouble();
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw new InvalidZone("position out of range: [" + lon + ", " + lat + "]");
                r[i] = new double[]{lon, lat};
            }
            if (r[0][0] != r[r.length - 1][0] || r[0][1] != r[r.length - 1][1]) throw new InvalidZone("rings must be closed (last position = first)");
            for (int i = 1; i < r.length; i++) {
                if (Math.abs(r[i][0] - r[i - 1][0]) > 180) {
                    throw new InvalidZone("a ring crosses the antimeridian (two corners more than 180 degrees of longitude apart): "
                            + "split the zone at 180 degrees into a MultiPolygon");
                }
            }
            out.add(r);
        }
        return out;
    }

    /** minLon, minLat, maxLon, maxLat over the outer rings. */
    public double[] bbox() {
        Envelope e = area.getGeometry().getEnvelopeInternal();
        return new double[]{e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    /** Whether the point lies in the zone: inside an outer ring and outside that polygon's holes (or on an edge). */
    public boolean contains(double lon, double lat) {
        return area.covers(FACTORY.createPoint(new Coordinate(lon, lat)));
    }
}
