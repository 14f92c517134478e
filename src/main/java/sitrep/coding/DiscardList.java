package sitrep.coding;

import sitrep.data.TabariText;
import sitrep.nlp.Sentence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A TABARI/PETRARCH discard list: phrases that mark a sentence (or, prefixed with '+', the whole story) as
 * out of scope (sports, entertainment). A phrase matches at a word start, case-insensitively; it matches as a
 * stem unless it ends in '_'.
 */
public final class DiscardList {
    /** One discard phrase; {@code story} when it discards the whole story, not only the sentence. */
    public record Discard(String phrase, boolean whole, boolean story) {
    }

    private final List<Discard> discards;

    private DiscardList(List<Discard> discards) {
        this.discards = List.copyOf(discards);
    }

    public static DiscardList load(Path file) {
        return parse(TabariText.lines(file));
    }

    public static DiscardList parse(List<String> lines) {
        List<Discard> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            boolean story = t.startsWith("+");
            if (story) t = t.substring(1).strip();
            boolean whole = t.endsWith("_");
            String phrase = t.replace('_', ' ').strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!phrase.isEmpty()) out.add(new Discard(phrase, whole, story));
        }
        return new DiscardList(out);
    }

    public List<Discard> discards() {
        return discards;
    }

    /** The first discard phrase found in the sentence's words, or null. */
    public Discard match(Sentence s) {
        StringBuilder b = new StringBuilder(" ");
        for (var t : s.tokens()) b.append(t.word().toUpperCase(Locale.ROOT)).append(' ');
        String words = b.toString();
        for (Discard d : discards) {
            int at = words.indexOf(" " + d.phrase());
            while (at >= 0) {
                int end = at + 1 + d.phrase().length();
                if (!d.whole() || end >= words.length() || words.charAt(end) == ' ') return d;
                at = words.indexOf(" " + d.phrase(), at + 1);
            }
        }
        return null;
    }
}
