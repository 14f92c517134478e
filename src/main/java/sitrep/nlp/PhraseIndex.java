package sitrep.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary of multi-token names matched over sentences, longest match first. Keys come from
 * {@link TextKeys}; acronyms are kept apart and match only when the text is in capitals.
 * Used for actors and places alike. Not thread-safe while being filled; read-only use is.
 */
public final class PhraseIndex<T> {
    /** How many tokens a name may span ("Islamic State of Iraq and the Levant" is 7 with punctuation). */
    public static final int MAX_TOKENS = 9;

    private final Map<String, List<T>> byKey = new HashMap<>();
    private final Map<String, List<T>> byAcronym = new HashMap<>();
    private final boolean variants;

    /** @param variants also index and look up {@link TextKeys#variant} keys (for transliterated place names) */
    public PhraseIndex(boolean variants) {
        this.variants = variants;
    }

    public void add(String alias, T value) {
        if (alias == null || alias.isBlank()) return;
        if (TextKeys.isAcronym(alias.strip())) {
            put(byAcronym, alias.strip().replace(".", ""), value);
            return;
        }
        String key = TextKeys.key(alias);
        if (key.isEmpty()) return;
        put(byKey, key, value);
        if (variants) {
            String v = TextKeys.variant(key);
            if (!v.equals(key) && v.length() > 2) put(byKey, v, value);
        }
    }

    private static <T> void put(Map<String, List<T>> map, String key, T value) {
        List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(value)) list.add(value);
    }

    /** Values for one name, or an empty list. */
    public List<T> lookup(String text) {
        String t = text.strip();
        if (TextKeys.isAcronym(t)) {
            List<T> hit = byAcronym.get(t.replace(".", ""));
            if (hit != null) return hit;
        }
        String key = TextKeys.key(t);
        List<T> hit = byKey.get(key);
        if (hit == null && variants) hit = byKey.get(TextKeys.variant(key));
        return hit == null ? List.of() : hit;
    }

    public int size() {
        return byKey.size() + byAcronym.size();
    }

    /** A name found in a sentence: tokens firstToken..lastToken inclusive, characters start..end. */
    public record Match<T>(int firstToken, int lastToken, int start, int end, String text, List<T> values) {
    }

    /**
     * Non-overlapping matches in {@code sentence}, scanning left to right and taking the longest name at
     * each position. {@code startable} says which tokens may begin a name (e.g. only capitalised ones).
     */
    public List<Match<T>> find(Sentence sentence, String text, java.util.function.IntPredicate startable) {
        List<Match<T>> out = new ArrayList<>();
        List<Token> tokens = sentence.tokens();
        int i = 0;
        while (i < tokens.size()) {
            Match<T> best = null;
            if (startable.test(i)) {
                for (int j = Math.min(tokens.size() - 1, i + MAX_TOKENS - 1); j >= i; j--) {
                    Token last = tokens.get(j);
                    // A name ends in a letter or digit, or in the period of an abbreviation ("U.S."), never in punctuation.
                    String w = last.word();
                    if (j > i && !Character.isLetterOrDigit(w.charAt(w.length() - 1)) && !(w.length() > 1 && w.endsWith("."))) continue;
                    int start = tokens.get(i).start(), end = last.end();
                    String span = text.substring(start, end);
                    List<T> values = lookup(span);
                    if (!values.isEmpty()) {
                        best = new Match<>(i, j, start, end, span, values);
                        break;
                    }
                }
            }
            if (best != null) {
                out.add(best);
                i = best.lastToken() + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
