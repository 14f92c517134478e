package sitrep.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import sitrep.data.Lazy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Natural Earth 1:50m country outlines (public domain) that the build writes from the web app's world-atlas
 * package (web/report-shapes.mjs), as rings of [lon, lat] with each ring's bounding box, loaded once.
 */
final class CountryShapes {
    static final String RESOURCE = "/sitrep/report/countries-50m.geojson";
    private static final Lazy<CountryShapes> SHARED = new Lazy<>(CountryShapes::load);

    /** One ring of a country's outline and its bounding box (minLon, minLat, maxLon, maxLat). */
    record Ring(String country, double[][] points, double[] bbox) {
        boolean meets(double[] view) {
            return bbox[0] <= view[2] && bbox[2] >= view[0] && bbox[1] <= view[3] && bbox[3] >= view[1];
        }
    }

    private final List<Ring> rings;

    private CountryShapes(List<Ring> rings) {
        this.rings = List.copyOf(rings);
    }

    static CountryShapes shared() {
        return SHARED.get();
    }

    List<Ring> rings() {
        return rings;
    }

    private static CountryShapes load() {
        try (InputStream in = CountryShapes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath; rebuild with `mvn package`");
            JsonNode root = new ObjectMapper().readTree(in);
            List<Ring> rings = new ArrayList<>();
            for (JsonNode f : root.path("features")) {
                JsonNode g = f.path("geometry");
                String name = f.path("properties").path("name").asText(null);
                if (g.path("type").asText().equals("Polygon")) polygon(name, g.path("coordinates"), rings);
                else if (g.path("type").asText().equals("MultiPolygon")) for (JsonNode p : g.path("coordinates")) polygon(name, p, rings);
            }
            return new CountryShapes(rings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The bounding box of a country's largest ring (its mainland: France's is in Europe, not Guiana), by the
     * Natural Earth name; null when no outline has that name.
     */
    double[] mainland(String country) {
        Ring best = null;
        for (Ring r : rings) {
            if (country == null || !country.equals(r.country())) continue;
            if (best == null || area(r.bbox()) > area(best.bbox())) best = r;
        }
        return best == null ? null : best.bbox().clone();
    }

    private static double area(double[] b) {
        return (b[2] - b[0]) * (b[3] - b[1]);
    }

    private static void polygon(String country, JsonNode polygon, List<Ring> out) {
        for (JsonNode ring : polygon) {
            double[][] pts = new double[ring.size()][];
            double[] bbox = {180, 90, -180, -90};
            for (int i = 0; i < ring.size(); i++) {
                double lon = ring.get(i).get(0).asDouble(), lat = ring.get(i).get(1).asDouble();
                pts[i] = new double[]{lon, lat};
                bbox[0] = Math.min(bbox[0], lon);
                bbox[1] = Math.min(bbox[1], lat);
                bbox[2] = Math.max(bbox[2], lon);
                bbox[3] = Math.max(bbox[3], lat);
            }
            if (pts.length >= 3) out.add(new Ring(country, pts, bbox));
        }
    }
}
