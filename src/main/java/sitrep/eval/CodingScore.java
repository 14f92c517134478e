package sitrep.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores coded (source, target, event code) tuples against gold, sentence by sentence: exact sentence matches,
 * tuple precision/recall/F1 overall and per CAMEO root (the code's first two characters), and a confusion table
 * of roots over the dyads both sides coded ("none" where only one side did).
 */
public final class CodingScore {
    public static final String NONE = "none";

    /** One coded event as the scorers compare it. */
    public record Tuple(String source, String target, String code) {
        public String root() {
            return code.length() >= 2 ? code.substring(0, 2) : code;
        }
    }

    /** True/false positives and false negatives, with the metrics they give (0 when undefined). */
    public record Counts(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(int dtp, int dfp, int dfn) {
            return new Counts(tp + dtp, fp + dfp, fn + dfn);
        }
    }

    private int sentences, exact;
    private Counts total = new Counts(0, 0, 0);
    private final Map<String, Counts> byRoot = new TreeMap<>();
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();

    /** Adds one sentence; returns whether it was coded exactly. */
    public boolean add(Set<Tuple> gold, Set<Tuple> predicted) {
        sentences++;
        boolean same = gold.equals(predicted);
        if (same) exact++;
        for (Tuple t : predicted) {
            boolean hit = gold.contains(t);
            total = total.plus(hit ? 1 : 0, hit ? 0 : 1, 0);
            byRoot.merge(t.root(), new Counts(hit ? 1 : 0, hit ? 0 : 1, 0), (a, b) -> a.plus(b.tp(), b.fp(), b.fn()));
        }
        for (Tuple t : gold) {
            if (predicted.contains(t)) continue;
            total = total.plus(0, 0, 1);
            byRoot.merge(t.root(), new Counts(0, 0, 1), (a, b) -> a.plus(b.tp(), b.fp(), b.fn()));
        }
        // Confusion over dyads: pair each gold tuple with a predicted tuple of the same source and target.
        List<Tuple> unpaired = new ArrayList<>(predicted);
        unpaired.sort((a, b) -> a.toString().compareTo(b.toString()));
        List<Tuple> golds = new ArrayList<>(gold);
        golds.sort((a, b) -> a.toString().compareTo(b.toString()));
        Set<Tuple> pairedGold = new HashSet<>();
        for (Tuple g : golds) {
            Tuple match = null;
            for (Tuple p : unpaired) if (p.equals(g)) match = p;
            if (match == null) for (Tuple p : unpaired) if (p.source().equals(g.source()) && p.target().equals(g.target())) {
                match = p;
                break;
            }
            if (match != null) {
                unpaired.remove(match);
                pairedGold.add(g);
                count(g.root(), match.root());
            }
        }
        for (Tuple g : golds) if (!pairedGold.contains(g)) count(g.root(), NONE);
        for (Tuple p : unpaired) count(NONE, p.root());
        return same;
    }

    private void count(String gold, String predicted) {
        confusion.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
    }

    public int sentences() {
        return sentences;
    }

    public int exact() {
        return exact;
    }

    public double exactRate() {
        return sentences == 0 ? 0 : (double) exact / sentences;
    }

    public Counts total() {
        return total;
    }

    public Map<String, Counts> byRoot() {
        return byRoot;
    }

    /** confusion().get(goldRoot).get(predictedRoot): dyads so coded; "none" for a side that coded nothing. */
    public Map<String, Map<String, Integer>> confusion() {
        return confusion;
    }

    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "sentences: %d, coded exactly: %d (%.1f %%)%n", sentences, exact, 100 * exactRate()));
        b.append(String.format(Locale.ROOT, "tuples: tp %d, fp %d, fn %d; precision %.3f, recall %.3f, F1 %.3f%n",
                total.tp(), total.fp(), total.fn(), total.precision(), total.recall(), total.f1()));
        b.append(String.format(Locale.ROOT, "%nper CAMEO root:%n%-6s %5s %5s %5s %7s %7s %7s%n", "root", "tp", "fp", "fn", "P", "R", "F1"));
        for (var e : byRoot.entrySet()) {
            Counts c = e.getValue();
            b.append(String.format(Locale.ROOT, "%-6s %5d %5d %5d %7.3f %7.3f %7.3f%n", e.getKey(), c.tp(), c.fp(), c.fn(),
                    c.precision(), c.recall(), c.f1()));
        }
        Set<String> columns = new TreeSet<>();
        for (var row : confusion.values()) columns.addAll(row.keySet());
        b.append(String.format(Locale.ROOT, "%nconfusion (rows gold root, columns coded root, over dyads):%n%-6s", "gold"));
        for (String c : columns) b.append(String.format(Locale.ROOT, " %5s", c));
        b.append('\n');
        for (var row : confusion.entrySet()) {
            b.append(String.format(Locale.ROOT, "%-6s", row.getKey()));
            for (String c : columns) b.append(String.format(Locale.ROOT, " %5d", row.getValue().getOrDefault(c, 0)));
            b.append('\n');
        }
        return b.toString();
    }
}
