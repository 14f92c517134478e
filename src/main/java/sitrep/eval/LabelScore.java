package sitrep.eval;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores one label per item against a gold label: accuracy, per-label precision/recall/F1, macro-F1 over a
 * chosen label set, and a confusion table. Used by the PLOVER, CASE 2021 and FA-KES scorers, whose gold
 * gives a single label per record.
 */
public final class LabelScore {
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private int items, correct;

    public void add(String gold, String predicted) {
        items++;
        if (gold.equals(predicted)) correct++;
        confusion.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
    }

    public int items() {
        return items;
    }

    public int correct() {
        return correct;
    }

    public double accuracy() {
        return items == 0 ? 0 : (double) correct / items;
    }

    /** tp, fp, fn of one label, read off the confusion table. */
    public CodingScore.Counts counts(String label) {
        int tp = 0, fp = 0, fn = 0;
        for (var row : confusion.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                boolean goldIs = row.getKey().equals(label), predIs = cell.getKey().equals(label);
                if (goldIs && predIs) tp += cell.getValue();
                else if (predIs) fp += cell.getValue();
                else if (goldIs) fn += cell.getValue();
            }
        }
        return new CodingScore.Counts(tp, fp, fn);
    }

    /** Unweighted mean of the F1 of each label in {@code labels} (a label never seen counts as F1 0). */
    public double macroF1(Collection<String> labels) {
        if (labels.isEmpty()) return 0;
        double sum = 0;
        for (String l : labels) sum += counts(l).f1();
        return sum / labels.size();
    }

    /** Every label seen as gold or predicted. */
    public Set<String> labels() {
        Set<String> out = new TreeSet<>(confusion.keySet());
        for (var row : confusion.values()) out.addAll(row.keySet());
        return out;
    }

    public Map<String, Map<String, Integer>> confusion() {
        return confusion;
    }

    /** Per-label table for {@code labels} (all seen labels when null), then the confusion table. */
    public String report(Collection<String> labels) {
        Collection<String> rows = labels == null ? labels() : labels;
        int width = 8;
        for (String l : labels()) width = Math.max(width, l.length() + 4);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-" + width + "s %5s %5s %5s %7s %7s %7s%n", "label", "tp", "fp", "fn", "P", "R", "F1"));
        for (String l : rows) {
            CodingScore.Counts c = counts(l);
            b.append(String.format(Locale.ROOT, "%-" + width + "s %5d %5d %5d %7.3f %7.3f %7.3f%n", l, c.tp(), c.fp(), c.fn(),
                    c.precision(), c.recall(), c.f1()));
        }
        // Columns are numbered so a 30-label table stays readable; the legend is the row order.
        Set<String> all = labels();
        var index = new java.util.ArrayList<>(all);
        b.append(String.format(Locale.ROOT, "%nconfusion (rows gold, columns predicted by number):%n%-" + width + "s", ""));
        for (int i = 0; i < index.size(); i++) b.append(String.format(Locale.ROOT, " %3d", i + 1));
        b.append('\n');
        for (int i = 0; i < index.size(); i++) {
            String g = index.get(i);
            Map<String, Integer> row = confusion.getOrDefault(g, Map.of());
            b.append(String.format(Locale.ROOT, "%-" + width + "s", (i + 1) + " " + g));
            for (String p : index) {
                int n = row.getOrDefault(p, 0);
                b.append(n == 0 ? "   ." : String.format(Locale.ROOT, " %3d", n));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
