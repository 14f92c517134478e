package sitrep.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report's map: the period's events as points per place (sized by count, coloured by their most frequent
 * PLOVER type), the places with most events named, and the control changes, over the Natural Earth outlines,
 * drawn as SVG with no browser or network. An equirectangular projection scaled by the cosine of the view's
 * middle latitude: true enough in shape for the regional views a report shows.
 */
final class ReportMaps {
    /** Places precise enough to draw: a country's or region's centroid would put its events where none happened. */
    private static final Set<String> DRAWN = Set.of("point", "city", "admin2", "admin1");
    private static final double MAX_WIDTH = 700, MAX_HEIGHT = 520;

    private ReportMaps() {
    }

    /**
     * @param scopeBox the scope's box, which is the view when given
     * @param country  the scope's country by its Natural Earth name: the view takes in its mainland, for context
     */
    static SituationReport.MapData mapData(List<ReportBuilder.Item> now, double[] scopeBox, String country,
                                           List<SituationReport.ControlChange> control, int labels) {
        record Place(String name, double lon, double lat) {
        }
        Map<Place, Map<String, Integer>> byPlace = new TreeMap<>(Comparator.comparing(Place::name).thenComparingDouble(Place::lon).thenComparingDouble(Place::lat));
        int notDrawn = 0;
        for (ReportBuilder.Item i : now) {
            JsonNode loc = i.location();
            if (loc == null || !DRAWN.contains(loc.path("precision").asText())) {
                notDrawn++;
                continue;
            }
            Place p = new Place(loc.path("name").asText(""), round(loc.path("lon").asDouble()), round(loc.path("lat").asDouble()));
            byPlace.computeIfAbsent(p, k -> new TreeMap<>()).merge(i.plover(), 1, Integer::sum);
        }
        List<SituationReport.Point> points = new ArrayList<>();
        for (Map.Entry<Place, Map<String, Integer>> e : byPlace.entrySet()) {
            String type = e.getValue().entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            points.add(new SituationReport.Point(e.getKey().lon(), e.getKey().lat(), type, n, e.getKey().name()));
        }
        // The places with most events keep their label; the others are drawn unnamed, so labels stay legible.
        List<SituationReport.Point> ranked = new ArrayList<>(points);
        ranked.sort(Comparator.comparingInt((SituationReport.Point p) -> -p.events()).thenComparing(SituationReport.Point::label));
        Set<SituationReport.Point> named = new java.util.HashSet<>(ranked.subList(0, Math.min(labels, ranked.size())));
        List<SituationReport.Point> out = new ArrayList<>();
        for (SituationReport.Point p : points) out.add(named.contains(p) ? p : new SituationReport.Point(p.lon(), p.lat(), p.type(), p.events(), null));
        out.sort(Comparator.comparingInt((SituationReport.Point p) -> -p.events()).thenComparingDouble(SituationReport.Point::lon)
                .thenComparingDouble(SituationReport.Point::lat)); // big circles first, small ones drawn over them
        Map<String, Integer> byType = new TreeMap<>();
        for (SituationReport.Point p : out) byType.merge(p.type(), p.events(), Integer::sum);
        List<String> types = byType.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
        double[] mainland = country == null ? null : CountryShapes.shared().mainland(country);
        return new SituationReport.MapData(view(scopeBox, mainland, out, control), out, control, types, notDrawn);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The scope's box when it has one, else the points' (and the country's mainland) with a margin, at least 4 degrees across. */
    private static double[] view(double[] scopeBox, double[] mainland, List<SituationReport.Point> points, List<SituationReport.ControlChange> control) {
        if (scopeBox != null) return scopeBox.clone();
        double[] b = {180, 90, -180, -90};
        List<double[]> xy = new ArrayList<>();
        if (mainland != null) {
            xy.add(new double[]{mainland[0], mainland[1]});
            xy.add(new double[]{mainland[2], mainland[3]});
        }
        for (SituationReport.Point p : points) xy.add(new double[]{p.lon(), p.lat()});
        for (SituationReport.ControlChange c : control) xy.add(new double[]{c.lon(), c.lat()});
        if (xy.isEmpty()) return new double[]{-180, -60, 180, 85};
        for (double[] v : xy) {
            b[0] = Math.min(b[0], v[0]);
            b[1] = Math.min(b[1], v[1]);
            b[2] = Math.max(b[2], v[0]);
            b[3] = Math.max(b[3], v[1]);
        }
        double padLon = Math.max(2, (b[2] - b[0]) * 0.08), padLat = Math.max(2, (b[3] - b[1]) * 0.08);
        return new double[]{Math.max(-180, b[0] - padLon), Math.max(-85, b[1] - padLat), Math.min(180, b[2] + padLon), Math.min(85, b[3] + padLat)};
    }

    /** The map as a standalone SVG document. */
    static String svg(SituationReport.MapData map, Map<String, String> colours) {
        double[] v = map.bbox();
        double cos = Math.cos(Math.toRadians((v[1] + v[3]) / 2));
        double k = Math.min(MAX_WIDTH / ((v[2] - v[0]) * cos), MAX_HEIGHT / (v[3] - v[1]));
        double w = (v[2] - v[0]) * cos * k, h = (v[3] - v[1]) * k;
        Projection p = new Projection(v[0], v[3], cos, k);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" role=\"img\" aria-label=\"Map of the period's events\">", w, h, w, h));
        s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.1f\" height=\"%.1f\" fill=\"#dfeaf2\"/>", w, h));
        s.append("<g fill=\"#f2efe4\" stroke=\"#8a8a7a\" stroke-width=\"0.6\" stroke-linejoin=\"round\">");
        for (CountryShapes.Ring r : CountryShapes.shared().rings()) {
            if (r.meets(v)) path(s, r.points(), p);
        }
        s.append("</g>");
        for (SituationReport.Point pt : map.points()) {
            double[] xy = p.xy(pt.lon(), pt.lat());
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                    xy[0], xy[1], radius(pt.events()), colours.getOrDefault(pt.type(), colours.get("OTHER"))));
        }
        for (SituationReport.ControlChange c : map.control()) {
            // Above and left of the place's circle, so that neither hides the other.
            double[] xy = p.xy(c.lon(), c.lat());
            double r = map.points().stream().filter(pt -> Math.abs(pt.lon() - c.lon()) < 1e-3 && Math.abs(pt.lat() - c.lat()) < 1e-3)
                    .mapToDouble(pt -> radius(pt.events())).max().orElse(0);
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"#f4d03f\" stroke=\"#1b1b1b\" stroke-width=\"1.2\"/>",
                    xy[0] - r * 0.7 - 9, xy[1] - r * 0.7 - 9));
        }
        for (SituationReport.Point pt : map.points()) {
            if (pt.label() != null) label(s, p.xy(pt.lon(), pt.lat()), radius(pt.events()) + 2, pt.label() + (pt.events() > 1 ? " (" + pt.events() + ")" : ""));
        }
        for (SituationReport.ControlChange c : map.control()) {
            boolean labelled = map.points().stream().anyMatch(pt -> pt.label() != null && pt.label().equals(c.place()));
            if (!labelled) label(s, p.xy(c.lon(), c.lat()), 7, c.place());
        }
        legend(s, map, colours, h);
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"8\" text-anchor=\"end\" fill=\"#555555\">Outlines: Natural Earth</text>", w - 4, h - 4));
        s.append(String.format(Locale.ROOT, "<rect x=\"0.5\" y=\"0.5\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444444\"/>", w - 1, h - 1));
        return s.append("</svg>").toString();
    }

    private record Projection(double minLon, double maxLat, double cos, double k) {
        double[] xy(double lon, double lat) {
            return new double[]{(lon - minLon) * cos * k, (maxLat - lat) * k};
        }
    }

    static double radius(int events) {
        return Math.min(16, 3.5 + 2.2 * Math.sqrt(events));
    }

    /** A ring as a closed path; vertices less than a pixel from the last one drawn are skipped. */
    private static void path(StringBuilder s, double[][] ring, Projection p) {
        StringBuilder d = new StringBuilder();
        double lastX = Double.NaN, lastY = Double.NaN;
        int drawn = 0;
        for (double[] pt : ring) {
            double[] xy = p.xy(pt[0], pt[1]);
            if (drawn > 0 && Math.abs(xy[0] - lastX) < 0.8 && Math.abs(xy[1] - lastY) < 0.8) continue;
            d.append(drawn == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", xy[0], xy[1]));
            lastX = xy[0];
            lastY = xy[1];
            drawn++;
        }
        if (drawn >= 3) s.append("<path d=\"").append(d).append("Z\"/>");
    }

    /** A label with a white halo (drawn twice: the halo, then the text), legible over outlines and points. */
    private static void label(StringBuilder s, double[] xy, double dx, String text) {
        String t = ReportText.xml(text);
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"3\" "
                + "stroke-linejoin=\"round\">%s</text>", xy[0] + dx, xy[1] + 3.5, t));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#1b1b1b\">%s</text>", xy[0] + dx, xy[1] + 3.5, t));
    }

    private static void legend(StringBuilder s, SituationReport.MapData map, Map<String, String> colours, double h) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String t : map.types()) rows.put(t, colours.getOrDefault(t, colours.get("OTHER")));
        int n = rows.size() + (map.control().isEmpty() ? 0 : 1);
        if (n == 0) return;
        double top = h - 8 - 14 * n - 6;
        s.append(String.format(Locale.ROOT, "<rect x=\"6\" y=\"%.1f\" width=\"150\" height=\"%d\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#999999\"/>",
                top, 14 * n + 8));
        double y = top + 12;
        for (Map.Entry<String, String> r : rows.entrySet()) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"16\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\"/>", y - 3.5, r.getValue()));
            s.append(String.format(Locale.ROOT, "<text x=\"26\" y=\"%.1f\" font-size=\"9.5\" fill=\"#1b1b1b\">%s</text>", y, ReportText.xml(ReportText.type(r.getKey()))));
            y += 14;
        }
        if (!map.control().isEmpty()) {
            s.append(String.format(Locale.ROOT, "<rect x=\"11.5\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"#f4d03f\" stroke=\"#1b1b1b\" stroke-width=\"1.2\"/>", y - 8));
            s.append(String.format(Locale.ROOT, "<text x=\"26\" y=\"%.1f\" font-size=\"9.5\" fill=\"#1b1b1b\">Control change</text>", y));
        }
    }
}
