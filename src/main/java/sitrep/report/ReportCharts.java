package sitrep.report;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;
import sitrep.store.Aggregates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as SVG: events per period stacked by PLOVER type, and reported fatalities per period.
 * Hand-drawn: a bar chart is a few rectangles, and no Java charting library writes plain SVG without a
 * rendering toolkit behind it.
 */
final class ReportCharts {
    private static final Lazy<Map<String, String>> COLOURS = new Lazy<>(() -> {
        Map<String, String> c = new LinkedHashMap<>();
        for (String[] r : DataFiles.rows("/sitrep/report/plover-colours.tsv")) c.put(r[0], r[1]);
        return Map.copyOf(c);
    });
    private static final double WIDTH = 700, HEIGHT = 230, LEFT = 44, RIGHT = 10, TOP = 14, BOTTOM = 36;

    private ReportCharts() {
    }

    /** PLOVER type -> colour (report/plover-colours.tsv); OTHER for the rest. */
    static Map<String, String> colours() {
        return COLOURS.get();
    }

    static String events(SituationReport.Series series) {
        int n = series.periods().size();
        int[] totals = new int[n];
        for (int[] c : series.counts()) for (int p = 0; p < n; p++) totals[p] += c[p];
        StringBuilder s = start("Events per " + unit(series.interval()) + " by PLOVER type");
        double max = axis(s, totals, series);
        double bw = (WIDTH - LEFT - RIGHT) / Math.max(1, n);
        for (int p = 0; p < n; p++) {
            double y = HEIGHT - BOTTOM;
            for (int t = 0; t < series.types().size(); t++) {
                int c = series.counts().get(t)[p];
                if (c == 0) continue;
                double bh = c / max * (HEIGHT - TOP - BOTTOM);
                y -= bh;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>",
                        LEFT + p * bw + bw * 0.1, y, Math.max(0.6, bw * 0.8), bh, colours().getOrDefault(series.types().get(t), colours().get("OTHER"))));
            }
        }
        // The legend, across the top right, in the stacking order.
        double x = WIDTH - RIGHT;
        for (int t = series.types().size() - 1; t >= 0; t--) {
            String label = ReportText.type(series.types().get(t));
            x -= 14 + 6.2 * label.length();
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"2\" width=\"9\" height=\"9\" fill=\"%s\"/>", x, colours().getOrDefault(series.types().get(t), colours().get("OTHER"))));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"10\" font-size=\"9.5\">%s</text>", x + 12, ReportText.xml(label)));
        }
        return s.append("</svg>").toString();
    }

    static String fatalities(SituationReport.Series series) {
        int n = series.periods().size();
        StringBuilder s = start("Reported fatalities per " + unit(series.interval()));
        double max = axis(s, series.fatalities(), series);
        double bw = (WIDTH - LEFT - RIGHT) / Math.max(1, n);
        for (int p = 0; p < n; p++) {
            int c = series.fatalities()[p];
            if (c == 0) continue;
            double bh = c / max * (HEIGHT - TOP - BOTTOM);
            s.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#7b241c\"/>",
                    LEFT + p * bw + bw * 0.1, HEIGHT - BOTTOM - bh, Math.max(0.6, bw * 0.8), bh));
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder start(String title) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" fill=\"#1b1b1b\" role=\"img\" aria-label=\"%s\">", WIDTH, HEIGHT, WIDTH, HEIGHT, ReportText.xml(title)));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"10\" font-size=\"10\" font-weight=\"bold\">%s</text>", LEFT, ReportText.xml(title)));
        return s;
    }

    /** Draws the axes, gridlines and period labels; returns the value the top of the plot stands for. */
    private static double axis(StringBuilder s, int[] values, SituationReport.Series series) {
        int top = 0;
        for (int v : values) top = Math.max(top, v);
        int step = niceStep(Math.max(1, top));
        double max = Math.max(step, Math.ceil(Math.max(1, top) / (double) step) * step);
        double plotH = HEIGHT - TOP - BOTTOM;
        for (int v = 0; v <= max; v += step) {
            double y = HEIGHT - BOTTOM - v / max * plotH;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.6\"/>",
                    LEFT, y, WIDTH - RIGHT, y, v == 0 ? "#444444" : "#dddddd"));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"end\">%d</text>", LEFT - 4, y + 3, v));
        }
        int n = series.periods().size();
        double bw = (WIDTH - LEFT - RIGHT) / Math.max(1, n);
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int p = 0; p < n; p += every) {
            double x = LEFT + p * bw + bw / 2;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444444\" stroke-width=\"0.6\"/>",
                    x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%s</text>",
                    x, HEIGHT - BOTTOM + 15, label(series.periods().get(p), series.interval())));
        }
        return max;
    }

    private static int niceStep(int top) {
        int raw = (int) Math.ceil(top / 4.0);
        int magnitude = (int) Math.pow(10, Math.floor(Math.log10(raw)));
        for (int m : new int[]{1, 2, 5, 10}) if (m * magnitude >= raw) return m * magnitude;
        return 10 * magnitude;
    }

    private static String label(LocalDate d, Aggregates.Interval interval) {
        return switch (interval) {
            case DAY, WEEK -> d.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
            case MONTH -> d.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH));
            case YEAR -> String.valueOf(d.getYear());
        };
    }

    static String unit(Aggregates.Interval interval) {
        return switch (interval) {
            case DAY -> "day";
            case WEEK -> "week (from Monday)";
            case MONTH -> "month";
            case YEAR -> "year";
        };
    }

}
