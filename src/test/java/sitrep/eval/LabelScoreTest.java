package sitrep.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The single-label scorer against figures worked out by hand. */
class LabelScoreTest {
    @Test
    void accuracyPerLabelAndMacroF1() {
        LabelScore s = new LabelScore();
        s.add("A", "A");
        s.add("A", "A");
        s.add("A", "B");
        s.add("B", "B");
        s.add("B", "none");
        s.add("C", "A");
        // 3 of 6 right.
        assertEquals(0.5, s.accuracy(), 1e-9);
        // A: tp 2, fp 1 (gold C), fn 1 (coded B): P 2/3, R 2/3, F1 2/3.
        assertEquals(new CodingScore.Counts(2, 1, 1), s.counts("A"));
        assertEquals(2.0 / 3, s.counts("A").f1(), 1e-9);
        // B: tp 1, fp 1, fn 1: F1 1/2. C: tp 0: F1 0. D never seen: F1 0.
        assertEquals(0.5, s.counts("B").f1(), 1e-9);
        assertEquals((2.0 / 3 + 0.5 + 0) / 3, s.macroF1(List.of("A", "B", "C")), 1e-9);
        assertEquals((2.0 / 3 + 0.5 + 0 + 0) / 4, s.macroF1(List.of("A", "B", "C", "D")), 1e-9);
        assertEquals(1, s.confusion().get("C").get("A"));
        String report = s.report(List.of("A", "B"));
        assertEquals(true, report.contains("0.667"), report);
    }
}
