package sitrep.eval;

import java.util.Arrays;

/**
 * Geoparsing scores: recognition over toponyms, and resolution over the recognised gold toponyms.
 *
 * @param truePositives  gold toponyms paired with a prediction
 * @param falsePositives predictions paired with no gold toponym
 * @param falseNegatives gold toponyms paired with no prediction
 * @param accuracy161    share of recognised gold toponyms resolved within 161 km (100 miles)
 * @param meanKm         mean resolution error
 * @param medianKm       median resolution error
 * @param auc            area under the curve of sorted ln(1 + error) values, normalised by ln(20039): 0 is perfect,
 *                       1 is every toponym on the far side of the Earth (Gritta et al.); lower is better
 */
public record GeoScores(int truePositives, int falsePositives, int falseNegatives, double precision, double recall,
                        double f1, double accuracy161, double meanKm, double medianKm, double auc) {

    public static final double ACCURACY_KM = 161;

    /** Scores from the counts and the resolution errors (km) of the recognised gold toponyms. */
    public static GeoScores of(int tp, int fp, int fn, double[] errorsKm) {
        double precision = ratio(tp, tp + fp), recall = ratio(tp, tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        int n = errorsKm.length;
        if (n == 0) return new GeoScores(tp, fp, fn, precision, recall, f1, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] sorted = errorsKm.clone();
        Arrays.sort(sorted);
        int within = 0;
        double sum = 0;
        for (double e : sorted) {
            if (e <= ACCURACY_KM) within++;
            sum += e;
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new GeoScores(tp, fp, fn, precision, recall, f1, (double) within / n, sum / n, median, auc(sorted));
    }

    /**
     * The trapezoidal area under the sorted ln(1 + error) curve on [0, 1], divided by ln(20039): as in the
     * published scorer, numpy.trapz(log errors) / (ln(20039) * (n - 1)). A single toponym's AUC is its own
     * normalised log error.
     */
    static double auc(double[] sortedErrorsKm) {
        int n = sortedErrorsKm.length;
        double norm = Math.log(GeoScorer.MAX_ERROR_KM);
        if (n == 1) return Math.log1p(sortedErrorsKm[0]) / norm;
        double area = 0;
        for (int i = 1; i < n; i++) area += (Math.log1p(sortedErrorsKm[i - 1]) + Math.log1p(sortedErrorsKm[i])) / 2;
        return area / (norm * (n - 1));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** Two lines for people: recognition and resolution. */
    public String describe() {
        return String.format("recognition: P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n"
                        + "resolution (%d recognised gold toponyms): acc@161km %.3f  mean %.1f km  median %.1f km  AUC %.3f",
                precision, recall, f1, truePositives, falsePositives, falseNegatives, truePositives, accuracy161, meanKm, medianKm, auc);
    }
}
