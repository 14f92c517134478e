package sitrep.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a sentence can hold a date: the cues (date-shaped numbers and the words of {@code time-words.tsv}) that decide
 * which sentences get SUTime and which windows of them it reads (see {@link AnnotationPlan#timeWindow()}).
 */
public final class TimeCues {
    private TimeCues() {
    }

    /** The words of the time-words list (time-words.tsv): a sentence without one of them or a digit holds no date. */
    private static final java.util.Set<String> TIME_WORDS = new java.util.HashSet<>();
    private static final java.util.Set<String> COMMON_WORD_NAMES = java.util.Set.of("may", "march", "sun", "sat", "wed", "mar", "jun", "dec", "sept");

    /** A year (1000 to 2199, or a decade "1990s", "'90s"), digits joined as dates and times are, or an hour ("10pm"). */
    private static final java.util.regex.Pattern DATE_SHAPED = java.util.regex.Pattern.compile(
            "(1\\d{3}|2[01]\\d{2})(s|'s)?|'\\d0s|\\d{1,4}([/:-]\\d{1,4})+|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|\\d{1,2}([ap]\\.?m\\.?|h\\d{2})",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Words that widen SUTime's windows in a sentence with a date but do not make one (use "window" in time-words.tsv). */
    private static final java.util.Set<String> WINDOW_WORDS = new java.util.HashSet<>();

    static {
        for (String[] f : sitrep.data.DataFiles.rows("/sitrep/nlp/time-words.tsv")) {
            boolean window = f.length > 1 && f[1].strip().equals("window");
            (window ? WINDOW_WORDS : TIME_WORDS).add(f[0].strip());
        }
    }

    /** Whether a tagged sentence can hold a date SUTime finds: a date-shaped number or a time word. */
    public static boolean mayHoldDate(List<Token> tagged) {
        for (boolean cue : cues(tagged)) if (cue) return true;
        return false;
    }

    /** Which tokens of a tagged sentence are time cues: {@link #timeCue}, or an hour ("1 am", "10 p.m."). */
    static boolean[] cues(List<Token> tagged) {
        boolean[] cues = new boolean[tagged.size()];
        for (int i = 0; i < cues.length; i++) {
            cues[i] = timeCue(tagged.get(i)) || i + 1 < cues.length && HOUR.matcher(tagged.get(i).word()).matches()
                    && HOUR_WORDS.contains(tagged.get(i + 1).word().toLowerCase(java.util.Locale.ROOT));
        }
        return cues;
    }

    /** An hour's number ("1" of "1 am"); compiled once, as every token of every sentence is tried. */
    private static final java.util.regex.Pattern HOUR = java.util.regex.Pattern.compile("\\d{1,2}");

    /** The words after an hour's number ("1 am"), as the tokeniser leaves them. */
    private static final java.util.Set<String> HOUR_WORDS = java.util.Set.of("am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc");

    /**
     * A number shaped like a date or a time ("2017", "1990s", "14/09/2017", "2017-09-14", "10:30", "10pm") or a time word
     * (with or without an abbreviation's full stop: "Sept."): what every date expression SUTime finds holds. A plain
     * count ("50", "1,200") dates nothing on its own; beside a time word ("15 days", "3 March") that word's window
     * holds it.
     */
    static boolean timeCue(Token t) {
        String w = t.word();
        if (DATE_SHAPED.matcher(w).matches()) return true;
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        if (lower.length() > 1 && lower.endsWith(".")) lower = lower.substring(0, lower.length() - 1);
        if (!TIME_WORDS.contains(lower) && !TIME_WORDS.contains(t.lemma().toLowerCase(java.util.Locale.ROOT))) return false;
        // "may", "march", "sun": the month or day only as a proper noun ("in May", "on 3 March").
        return !COMMON_WORD_NAMES.contains(lower) || t.isProperNoun();
    }

    /**
     * The windows SUTime reads in a sentence with a date: {@code radius} tokens on either side of each cue, of each
     * window word (not tagged as a verb) and of each number, overlapping windows joined; each as {from, to} with
     * {@code to} exclusive. Numbers get windows because in a sentence with a date CoreNLP's numeric classifiers read
     * them with SUTime ("up to 24" is at most 24), and the classifiers without it, which the rest of the sentence got,
     * take a count for a duration where the sentence speaks of days ("24 civilians ... in three days").
     */
    static List<int[]> windows(List<Token> tagged, int radius) {
        boolean[] cues = cues(tagged);
        List<int[]> out = new ArrayList<>();
        int size = tagged.size(), from = -1, to = -1;
        for (int i = 0; i < size; i++) {
            Token t = tagged.get(i);
            boolean number = t.pos().equals("CD") || t.word().chars().anyMatch(Character::isDigit);
            if (!cues[i] && !number && !(WINDOW_WORDS.contains(t.lemma().toLowerCase(java.util.Locale.ROOT)) && !t.isVerb())) continue;
            int begin = Math.max(0, i - radius), end = Math.min(size, i + radius + 1);
            if (from >= 0 && begin <= to) {
                to = end;
            } else {
                if (from >= 0) out.add(new int[]{from, to});
                from = begin;
                to = end;
            }
        }
        if (from >= 0) out.add(new int[]{from, to});
        return out;
    }
}
