package sitrep.nlp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lookup keys for names, so that dictionary entries and text meet despite case, accents, hyphens and
 * apostrophes: "Deïr ez-Zor", "Deir ez Zor" and "DEIR EZ-ZOR" all become "deir ez zor".
 */
public final class TextKeys {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼʻ]");
    private static final Pattern SEPARATORS = Pattern.compile("[-‐‑–—_/]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Arabic article forms as transliterated in news ("al-", "as-", "ad-", "el-", "ez-" ...). */
    private static final Pattern ARTICLE = Pattern.compile("^(al|el|as|ad|ar|an|ash|at|az|ath|adh|ez|es|ed|er|en|ul|ud|uz|ur) ");
    private static final Pattern INNER_ARTICLE = Pattern.compile(" (al|el|as|ad|ar|an|ash|at|az|ath|adh|ez|es|ed|er|en|ul|ud|uz|ur) ");

    private TextKeys() {
    }

    /** The case-, accent- and punctuation-insensitive key of a name. */
    public static String key(String name) {
        String fast = asciiKey(name);
        return fast != null ? fast : slowKey(name);
    }

    /**
     * {@link #key} for names of plain ASCII letters, digits, spaces and the punctuation it handles, in one pass
     * (most names; dictionaries and the gazetteer key tens of thousands at start-up); null for any other name.
     */
    private static String asciiKey(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (space && out.length() > 0) out.append(' ');
                space = false;
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                if (space && out.length() > 0) out.append(' ');
                space = false;
                out.append((char) (c + ('a' - 'A')));
            } else if (c == ' ' || c == '-' || c == '_' || c == '/' || c == ',') {
                space = true;
            } else if (c != '\'' && c != '`' && c != '.') {
                return null;
            }
        }
        return out.toString();
    }

    /** The general form of {@link #key}; package-private so tests can compare it with the fast path. */
    static String slowKey(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = SEPARATORS.matcher(s).replaceAll(" ");
        s = s.replace(".", "").replace(",", " ");
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * The transliteration-tolerant variant of a key: a leading Arabic article is dropped and inner ones
     * are unified ("al sukhnah" -> "sukhnah", "deir ez zor" -> "deir al zor", "dayr az zawr" -> "dayr al zawr").
     * Returns the key itself when there is nothing to vary.
     */
    public static String variant(String key) {
        String s = ARTICLE.matcher(key).replaceFirst("");
        String prev;
        do {
            prev = s;
            s = INNER_ARTICLE.matcher(s).replaceFirst(" al ");
        } while (!s.equals(prev) && s.contains(" ") && !INNER_ARTICLE.matcher(s).replaceFirst(" al ").equals(s));
        return s;
    }

    /** Acronyms ("US", "IS", "U.S.") match only in capitals, so the pronoun "us" is not the United States. */
    public static boolean isAcronym(String alias) {
        String s = alias.replace(".", "");
        if (s.length() < 2 || s.length() > 6) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isUpperCase(s.charAt(i)) && !Character.isDigit(s.charAt(i))) return false;
        return true;
    }
}
