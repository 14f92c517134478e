package sitrep.coding;

import sitrep.data.TabariText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A verb-pattern dictionary in the TABARI/PETRARCH text format (CAMEO.2.0.txt, PETR.Validate.verbs.txt).
 *
 * <ul>
 *   <li>{@code &NAME} followed by {@code +WORD} lines defines a synonym set, used in patterns as {@code &NAME}
 *       (members may be phrases or other sets; regular plurals of members match too).</li>
 *   <li>{@code --- NAME [CODE] ---} opens a verb block with its default code; the lines after it that do not
 *       start with '-' are its verbs: {@code BREAK {BROKE BROKEN}} (irregular forms in braces), multi-word verbs
 *       with the verb word marked by '+' ({@code +BREAK_DOWN}, {@code WIRE_+TAP}), optionally with their own
 *       {@code [CODE]}.</li>
 *   <li>{@code - PRE * POST [CODE]} is a pattern: '*' is the verb, '$' the source, '+' the target, '%' a compound
 *       actor (the actors code among themselves), '^' skips a phrase, '&NAME' a synonym set; words joined by
 *       '_' must be adjacent, words separated by spaces may have others between them.</li>
 *   <li>{@code [X:Y]} codes X from source to target and Y back; {@code [---]} codes nothing.</li>
 * </ul>
 */
public final class VerbDictionary {
    private static final Pattern CODE = Pattern.compile("\\[([^\\]]*)\\]");

    /** One pattern element; {@code adjacent} when it must directly follow the previous element ('_'). */
    public record Element(Kind kind, String word, boolean adjacent) {
    }

    public enum Kind { WORD, SYNSET, VERB, SOURCE, TARGET, COMPOUND, SKIP }

    /** A pattern of a verb block: elements before the verb (in text order), after it, and its code. */
    public record VerbPattern(List<Element> before, List<Element> after, String code, int order) {
        /** How specific the pattern is: its words and actor slots. */
        public int weight() {
            int w = 0;
            for (Element e : before) if (e.kind() != Kind.SKIP) w++;
            for (Element e : after) if (e.kind() != Kind.SKIP) w++;
            return w;
        }
    }

    /** A verb of a block: the verb word's forms, words required right before and after it, its own code if any. */
    public record Verb(String base, List<String> forms, List<String> before, List<String> after, String code, Block block) {
    }

    /** A verb block: its name, default code and patterns. */
    public record Block(String name, String code, List<VerbPattern> patterns) {
    }

    private final Map<String, List<String>> synsets = new LinkedHashMap<>();
    private final List<Block> blocks = new ArrayList<>();
    /** Verbs by every surface form of their verb word (upper case), and by base form for lemma lookups. */
    private final Map<String, List<Verb>> byForm = new HashMap<>();
    private final Map<String, List<Verb>> byBase = new HashMap<>();

    public static VerbDictionary load(Path file) {
        VerbDictionary d = new VerbDictionary();
        d.add(TabariText.lines(file));
        return d;
    }

    public static VerbDictionary parse(String content) {
        VerbDictionary d = new VerbDictionary();
        d.add(TabariText.lines(content));
        return d;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public Map<String, List<String>> synsets() {
        return synsets;
    }

    /** Verbs whose verb word has this surface form (upper case). */
    public List<Verb> byForm(String form) {
        return byForm.getOrDefault(form, List.of());
    }

    /** Verbs whose base form is this lemma (upper case). */
    public List<Verb> byBase(String lemma) {
        return byBase.getOrDefault(lemma, List.of());
    }

    private void add(List<String> lines) {
        String synset = null;
        String blockName = null, blockCode = null;
        List<VerbPattern> patterns = null;
        List<String[]> verbLines = new ArrayList<>();
        int order = 0;
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty()) {
                synset = null;
                continue;
            }
            if (t.startsWith("&")) {
                synset = setName(t.split("\\s+")[0]);
                synsets.computeIfAbsent(synset, k -> new ArrayList<>());
                continue;
            }
            if (synset != null && t.startsWith("+")) {
                synsets.get(synset).add(t.substring(1).strip().toUpperCase(Locale.ROOT));
                continue;
            }
            synset = null;
            if (t.startsWith("---")) {
                finish(blockName, blockCode, patterns, verbLines);
                String inner = t.replaceAll("^-+", "").replaceAll("-+$", "").strip();
                Matcher m = CODE.matcher(inner);
                blockCode = m.find() ? m.group(1).strip() : "---";
                blockName = (m.find(0) ? inner.substring(0, inner.indexOf('[')) : inner).strip();
                patterns = new ArrayList<>();
                verbLines = new ArrayList<>();
                continue;
            }
            if (patterns == null) continue;
            if (t.startsWith("-")) {
                VerbPattern p = pattern(t.substring(1), order++);
                if (p != null) patterns.add(p);
            } else {
                verbLines.add(new String[]{t});
            }
        }
        finish(blockName, blockCode, patterns, verbLines);
    }

    private void finish(String name, String code, List<VerbPattern> patterns, List<String[]> verbLines) {
        if (name == null) return;
        Block block = new Block(name, code, List.copyOf(patterns));
        blocks.add(block);
        for (String[] l : verbLines) verb(l[0], block);
    }

    private void verb(String line, Block block) {
        String t = line.startsWith("+") && !line.contains("_+") ? line.substring(1) : line;
        String code = null;
        Matcher m = CODE.matcher(t);
        if (m.find()) {
            code = m.group(1).strip();
            t = t.substring(0, m.start()) + t.substring(m.end());
        }
        List<String> irregular = new ArrayList<>();
        int brace = t.indexOf('{');
        if (brace >= 0) {
            int close = t.indexOf('}', brace);
            for (String f : t.substring(brace + 1, close < 0 ? t.length() : close).split("\\s+")) if (!f.isBlank()) irregular.add(f);
            t = t.substring(0, brace);
        }
        String[] words = t.strip().toUpperCase(Locale.ROOT).split("[_\\s]+");
        int verbAt = 0;
        for (int i = 0; i < words.length; i++) if (words[i].startsWith("+")) verbAt = i;
        String base = words[verbAt].replace("+", "");
        if (base.isEmpty()) return;
        List<String> before = new ArrayList<>(), after = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (i < verbAt) before.add(words[i].replace("+", ""));
            if (i > verbAt) after.add(words[i].replace("+", ""));
        }
        List<String> forms = new ArrayList<>(regularForms(base));
        for (String f : irregular) {
            String[] fw = f.toUpperCase(Locale.ROOT).split("_");
            int at = 0;
            for (int i = 0; i < fw.length; i++) if (fw[i].startsWith("+")) at = i;
            String form = fw[at].replace("+", "");
            if (!form.isEmpty() && !forms.contains(form)) forms.add(form);
        }
        Verb v = new Verb(base, List.copyOf(forms), List.copyOf(before), List.copyOf(after), code, block);
        for (String f : forms) byForm.computeIfAbsent(f, k -> new ArrayList<>()).add(v);
        byBase.computeIfAbsent(base, k -> new ArrayList<>()).add(v);
    }

    /** The regular forms PETRARCH generates: base, -S/-ES, -ED/-D, -ING (dropping a final E). */
    static List<String> regularForms(String base) {
        List<String> out = new ArrayList<>();
        out.add(base);
        boolean sibilant = base.endsWith("S") || base.endsWith("X") || base.endsWith("CH") || base.endsWith("SH") || base.endsWith("Z");
        out.add(sibilant ? base + "ES" : base.endsWith("Y") && base.length() > 1 && "AEIOU".indexOf(base.charAt(base.length() - 2)) < 0
                ? base.substring(0, base.length() - 1) + "IES" : base + "S");
        if (base.endsWith("E")) {
            out.add(base + "D");
            out.add(base.substring(0, base.length() - 1) + "ING");
        } else if (base.endsWith("Y") && base.length() > 1 && "AEIOU".indexOf(base.charAt(base.length() - 2)) < 0) {
            out.add(base.substring(0, base.length() - 1) + "IED");
            out.add(base + "ING");
        } else {
            out.add(base + "ED");
            out.add(base + "ING");
        }
        return out;
    }

    private static String setName(String token) {
        String s = token.toUpperCase(Locale.ROOT);
        if (s.startsWith("&")) s = s.substring(1);
        while (s.endsWith("_")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /** Parses "PRE * POST [CODE]"; null when it has no verb marker or no code. */
    static VerbPattern pattern(String text, int order) {
        Matcher m = CODE.matcher(text);
        if (!m.find()) return null;
        String code = m.group(1).strip();
        String body = text.substring(0, m.start()).strip().toUpperCase(Locale.ROOT);
        List<Element> elements = new ArrayList<>();
        for (String chunk : body.split("\\s+")) {
            if (chunk.isEmpty()) continue;
            boolean adjacent = false;
            for (String part : chunk.split("_", -1)) {
                if (!part.isEmpty()) elements.add(element(part, adjacent));
                adjacent = true;
            }
        }
        int star = -1;
        for (int i = 0; i < elements.size(); i++) if (elements.get(i).kind() == Kind.VERB) star = i;
        if (star < 0) return null;
        List<Element> before = new ArrayList<>(elements.subList(0, star));
        List<Element> after = new ArrayList<>(elements.subList(star + 1, elements.size()));
        // Adjacency is stored on the later element, so "IN_*" (the last word right before the verb) ends the
        // "before" list with a verb marker that pins it.
        if (elements.get(star).adjacent() && !before.isEmpty()) before.add(new Element(Kind.VERB, "*", true));
        return new VerbPattern(List.copyOf(before), List.copyOf(after), code, order);
    }

    private static Element element(String part, boolean adjacent) {
        return switch (part) {
            case "*" -> new Element(Kind.VERB, "*", adjacent);
            case "$" -> new Element(Kind.SOURCE, "$", adjacent);
            case "+" -> new Element(Kind.TARGET, "+", adjacent);
            case "%" -> new Element(Kind.COMPOUND, "%", adjacent);
            case "^" -> new Element(Kind.SKIP, "^", adjacent);
            default -> part.startsWith("&") ? new Element(Kind.SYNSET, setName(part.substring(1)), adjacent)
                    : new Element(Kind.WORD, part, adjacent);
        };
    }
}
