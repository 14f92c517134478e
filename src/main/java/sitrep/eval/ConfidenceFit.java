package sitrep.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the coder's confidence model (a logistic regression with an L2 penalty) to events labelled by the
 * full-article scorer: 1 where a careful coder recorded the act. Newton's method on 28 features converges in a few
 * steps; a library (Smile, Tribuo) would bring far more than this needs, so it is written out here. Also chooses the
 * threshold, and estimates both by leaving one article out.
 */
final class ConfidenceFit {
    /** One emitted event: its article, features, and whether it matched a gold event (and fully). */
    record Sample(String article, Map<String, Double> features, boolean matched, boolean full) {
    }

    private ConfidenceFit() {
    }

    static Map<String, Double> fit(List<Sample> samples, List<String> names, double l2) {
        int n = names.size();
        double[] w = new double[n];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[n];
            double[][] hess = new double[n][n];
            for (Sample s : samples) {
                double[] x = vector(s.features(), names);
                double p = sigmoid(dot(w, x));
                double y = s.matched() ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    grad[i] += (p - y) * x[i];
                    for (int j = 0; j < n; j++) hess[i][j] += p * (1 - p) * x[i] * x[j];
                }
            }
            for (int i = 0; i < n; i++) {
                // The bias is not shrunk: the penalty pulls features towards "tells nothing", not the base rate.
                double lambda = names.get(i).equals("bias") ? 1e-6 : l2;
                grad[i] += lambda * w[i];
                hess[i][i] += lambda;
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int i = 0; i < n; i++) {
                w[i] -= step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < 1e-6) break;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) out.put(names.get(i), Math.round(w[i] * 1000) / 1000.0);
        return out;
    }

    static double probability(Map<String, Double> weights, Map<String, Double> features) {
        double z = 0;
        for (var e : features.entrySet()) z += weights.getOrDefault(e.getKey(), 0.0) * e.getValue();
        return sigmoid(z);
    }

    /**
     * The threshold that maximises F1 over the samples, where recall counts against {@code gold} events (a gold event
     * is found only through a matched sample kept by the threshold).
     */
    static double bestThreshold(List<Sample> samples, Map<String, Double> weights, int gold) {
        double best = 0, bestF = -1;
        for (int step = 0; step <= 90; step++) {
            double t = step / 100.0;
            int kept = 0, matched = 0;
            for (Sample s : samples) {
                if (probability(weights, s.features()) < t) continue;
                kept++;
                if (s.matched()) matched++;
            }
            double p = kept == 0 ? 0 : (double) matched / kept, r = gold == 0 ? 0 : (double) matched / gold;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f > bestF + 1e-9) {
                bestF = f;
                best = t;
            }
        }
        return best;
    }

    /** Out-of-fold probabilities: each article's samples scored by a model fitted on the other articles. */
    record CrossValidated(List<Double> probabilities, List<Double> thresholds, List<Double> raw) {
    }

    static CrossValidated leaveOneArticleOut(List<Sample> samples, List<String> names, double l2, Map<String, Integer> goldPerArticle) {
        List<Double> probs = new ArrayList<>(), raw = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            probs.add(0.0);
            raw.add(0.0);
        }
        List<Double> thresholds = new ArrayList<>();
        for (String article : goldPerArticle.keySet()) {
            List<Sample> train = new ArrayList<>();
            for (Sample s : samples) if (!s.article().equals(article)) train.add(s);
            Map<String, Double> w = fit(train, names, l2);
            int gold = 0;
            for (var e : goldPerArticle.entrySet()) if (!e.getKey().equals(article)) gold += e.getValue();
            double t = bestThreshold(train, w, gold);
            for (int i = 0; i < samples.size(); i++) {
                if (!samples.get(i).article().equals(article)) continue;
                raw.set(i, probability(w, samples.get(i).features()));
                probs.set(i, raw.get(i) - t);
            }
            thresholds.add(t);
        }
        return new CrossValidated(probs, thresholds, raw);
    }

    private static double[] vector(Map<String, Double> features, List<String> names) {
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) x[i] = features.getOrDefault(names.get(i), 0.0);
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves A x = b by Gaussian elimination with partial pivoting (A is small, symmetric positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            if (Math.abs(m[col][col]) < 1e-12) continue;
            for (int r = 0; r < n; r++) {
                if (r == col) continue;
                double f = m[r][col] / m[col][col];
                for (int k = col; k <= n; k++) m[r][k] -= f * m[col][k];
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        return x;
    }
}
