package sitrep.coding;

import sitrep.nlp.Sentence;

import java.util.Arrays;
import java.util.List;

/**
 * What the layout of a text tells the coder before any rule reads a word: which lines are headings (rule headlines)
 * and which tokens stand inside a quotation, carried over the sentences a quote spans.
 */
final class TextLayout {
    private TextLayout() {
    }

    /** A title or heading: a line of its own, short, with no closing punctuation (rule headlines). */
    static boolean headline(Sentence s, String text) {
        int before = s.start() - 1;
        while (before >= 0 && text.charAt(before) == ' ') before--;
        int after = s.end();
        while (after < text.length() && text.charAt(after) == ' ') after++;
        boolean ownLine = (before < 0 || text.charAt(before) == '\n') && (after >= text.length() || text.charAt(after) == '\n');
        if (!ownLine || s.size() > 25) return false;
        String last = s.token(s.size() - 1).word();
        return !(last.equals(".") || last.equals("!") || last.equals("?") || last.equals("''") || last.equals("\"")
                || last.equals("\u201D") || last.equals(":"));
    }

    /**
     * Which tokens of each sentence stand inside a quotation, from the opening and closing marks the tagger tells
     * (`` and ''). A quotation left open at a sentence's end goes on into the next ones, as quotes over several
     * sentences and paragraphs are printed, for at most {@code maxCarry} sentences without a closing mark.
     */
    static boolean[][] quoted(List<Sentence> sentences, int maxCarry) {
        boolean[][] out = new boolean[sentences.size()][];
        boolean carry = false;
        int carried = 0;
        for (int k = 0; k < sentences.size(); k++) {
            Sentence s = sentences.get(k);
            boolean[] q = new boolean[s.size()];
            boolean inside = carry;
            boolean sawMark = false;
            for (int i = 0; i < s.size(); i++) {
                String pos = s.token(i).pos();
                if (pos.equals("``")) {
                    inside = true;
                    sawMark = true;
                } else if (pos.equals("''")) {
                    // A closing mark with no opening one before it closes a quotation begun in an earlier sentence.
                    if (!inside && !sawMark) Arrays.fill(q, 0, i, true);
                    inside = false;
                    sawMark = true;
                } else {
                    q[i] = inside;
                }
            }
            out[k] = q;
            if (inside) {
                carried++;
                carry = carried <= maxCarry;
            } else {
                carried = 0;
                carry = false;
            }
        }
        return out;
    }
}
