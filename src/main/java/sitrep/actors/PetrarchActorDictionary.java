package sitrep.actors;

import sitrep.data.TabariText;
import sitrep.nlp.Sentence;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Actor and agent dictionaries in the TABARI/PETRARCH text formats, as users bring them
 * (Phoenix.*.actors.txt, PETR.Validate.actors.txt, *.agents.txt).
 *
 * <p>Actors: a line {@code NAME [CODE]} starts an entry; {@code +SYNONYM} lines add names; indented
 * {@code [CODE ...]} lines add codes, optionally restricted in time: {@code >YYYYMMDD} (from), {@code <YYYYMMDD}
 * (before), {@code YYYYMMDD-YYYYMMDD} (between, inclusive). The first restricted code valid on the sentence's date
 * wins, else the unrestricted one. {@code [A/B]} names several actors at once. Words are joined by '_' or spaces;
 * a word ending in '_' must match whole, others also match as stems ("ARGENTIN" finds "Argentina").
 *
 * <p>Agents: {@code TERM {PLURALS} [~CODE]} appends CODE to the actor it qualifies, {@code [CODE~]} prepends it;
 * {@code {}} means no plural, otherwise regular plurals are generated; {@code !SET! = A, B} defines a
 * substitution set used as {@code CONGRESS!PERSON!}.
 */
public final class PetrarchActorDictionary {
    private static final Pattern CODE_BLOCK = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern SUBSTITUTION = Pattern.compile("!([A-Za-z0-9_]+)!");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** One code of an actor, valid from {@code from} (inclusive) to {@code to} (inclusive); null bounds are open. */
    public record DatedCode(String code, LocalDate from, LocalDate to, boolean restricted) {
        boolean validOn(LocalDate date) {
            if (date == null) return !restricted;
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }
    }

    /** A named actor: its name variants (each a word list) and its codes in file order. */
    public record NamedActor(String name, List<DatedCode> codes) {
        /** The codes this actor has on {@code date}: the first matching restricted code, else the default ones. */
        public List<String> codesOn(LocalDate date) {
            for (DatedCode c : codes) if (c.restricted() && c.validOn(date)) return split(c.code());
            for (DatedCode c : codes) if (!c.restricted()) return split(c.code());
            return List.of();
        }

        private static List<String> split(String code) {
            List<String> out = new ArrayList<>();
            for (String c : code.split("/")) if (!c.isBlank()) out.add(c.strip().toUpperCase(Locale.ROOT));
            return out;
        }
    }

    /** A generic agent ("minister", "police"): its code and whether it goes before the actor code (NGO~). */
    public record AgentTerm(String name, String code, boolean prefix) {
    }

    /** A dictionary hit over tokens first..last (inclusive): a named actor or an agent. */
    public record Hit(int first, int last, NamedActor actor, AgentTerm agent) {
        public boolean isAgent() {
            return agent != null;
        }
    }

    private record Phrase<T>(List<String> words, T value) {
    }

    private final Map<String, List<Phrase<NamedActor>>> actorsByPrefix = new HashMap<>();
    private final Map<String, List<Phrase<AgentTerm>>> agentsByFirstWord = new HashMap<>();
    private int actorCount, agentCount;

    public int actorCount() {
        return actorCount;
    }

    public int agentCount() {
        return agentCount;
    }

    /** Adds the actors of one file. */
    public void loadActors(Path file) {
        loadActors(TabariText.lines(file));
    }

    /** Adds the agents of one file. */
    public void loadAgents(Path file) {
        loadAgents(TabariText.lines(file));
    }

    public void loadActors(List<String> lines) {
        List<List<String>> names = new ArrayList<>();
        List<DatedCode> codes = new ArrayList<>();
        String first = null;
        for (String line : lines) {
            if (line.isBlank()) continue;
            String t = line.strip();
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (t.startsWith("[") && (indented || first != null && codes.isEmpty())) {
                codes.addAll(codes(t));
            } else if (t.startsWith("+")) {
                if (first == null) continue;
                names.add(words(beforeCode(t.substring(1))));
                codes.addAll(codes(t));
            } else {
                if (first != null) addActor(first, names, codes);
                names = new ArrayList<>();
                codes = new ArrayList<>();
                first = beforeCode(t);
                names.add(words(first));
                codes.addAll(codes(t));
            }
        }
        if (first != null) addActor(first, names, codes);
    }

    private void addActor(String name, List<List<String>> names, List<DatedCode> codes) {
        if (codes.isEmpty()) return;
        NamedActor actor = new NamedActor(name.replace('_', ' ').strip(), List.copyOf(codes));
        actorCount++;
        for (List<String> words : names) {
            if (words.isEmpty()) continue;
            actorsByPrefix.computeIfAbsent(prefixKey(words.get(0)), k -> new ArrayList<>()).add(new Phrase<>(words, actor));
        }
    }

    public void loadAgents(List<String> lines) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        AgentTerm last = null;
        for (String line : lines) {
            if (line.isBlank()) continue;
            String t = line.strip();
            Matcher set = Pattern.compile("^!([A-Za-z0-9_]+)!\\s*=\\s*(.*)$").matcher(t);
            if (set.matches()) {
                List<String> members = new ArrayList<>();
                for (String m : set.group(2).split(",")) if (!m.isBlank()) members.add(m.strip().toUpperCase(Locale.ROOT));
                sets.put(set.group(1).toUpperCase(Locale.ROOT), members);
                continue;
            }
            boolean synonym = t.startsWith("+");
            if (synonym) t = t.substring(1);
            String term = beforeCode(t);
            String plurals = null;
            int brace = term.indexOf('{');
            if (brace >= 0) {
                int close = term.indexOf('}', brace);
                plurals = term.substring(brace + 1, close < 0 ? term.length() : close);
                term = term.substring(0, brace).strip();
            }
            Matcher code = CODE_BLOCK.matcher(t);
            AgentTerm agent;
            if (code.find()) {
                String c = code.group(1).replace(" ", "").toUpperCase(Locale.ROOT);
                boolean prefix = c.endsWith("~") && !c.startsWith("~");
                agent = new AgentTerm(term.replace('_', ' '), c.replace("~", ""), prefix);
            } else if (synonym && last != null) {
                agent = new AgentTerm(term.replace('_', ' '), last.code(), last.prefix());
            } else {
                continue;
            }
            last = agent;
            agentCount++;
            for (String expanded : substitute(term.toUpperCase(Locale.ROOT), sets)) {
                List<String> words = words(expanded);
                if (words.isEmpty()) continue;
                addAgent(words, agent);
                if (plurals == null) {
                    String plural = plural(words.get(words.size() - 1));
                    if (plural != null) {
                        List<String> p = new ArrayList<>(words);
                        p.set(p.size() - 1, plural);
                        addAgent(p, agent);
                    }
                } else {
                    for (String form : plurals.split("\\s+")) if (!form.isBlank()) addAgent(words(form.toUpperCase(Locale.ROOT)), agent);
                }
            }
        }
    }

    private void addAgent(List<String> words, AgentTerm agent) {
        if (words.isEmpty()) return;
        agentsByFirstWord.computeIfAbsent(strip(words.get(0)), k -> new ArrayList<>()).add(new Phrase<>(words, agent));
    }

    private static List<String> substitute(String term, Map<String, List<String>> sets) {
        Matcher m = SUBSTITUTION.matcher(term);
        if (!m.find()) return List.of(term);
        List<String> members = sets.get(m.group(1));
        if (members == null) return List.of(term.replace(m.group(), ""));
        List<String> out = new ArrayList<>();
        for (String member : members) {
            out.addAll(substitute(term.substring(0, m.start()) + member + term.substring(m.end()), sets));
        }
        return out;
    }

    /** A regular English plural of an agent noun; null for words marked whole ('_'). */
    static String plural(String word) {
        if (word.endsWith("_")) return null;
        if (word.endsWith("Y") && word.length() > 1 && "AEIOU".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "IES";
        }
        if (word.endsWith("S") || word.endsWith("X") || word.endsWith("CH") || word.endsWith("SH")) return word + "ES";
        return word + "S";
    }

    /**
     * Every hit in a sentence: named actors first (longest match at each position), then agents over the
     * tokens left.
     */
    public List<Hit> find(Sentence s) {
        List<Hit> out = new ArrayList<>();
        boolean[] used = new boolean[s.size()];
        for (int i = 0; i < s.size(); i++) {
            String w = upper(s, i);
            int bestLast = -1;
            NamedActor best = null;
            for (Phrase<NamedActor> p : actorsByPrefix.getOrDefault(prefixKey(w), List.of())) {
                int last = matchEnd(s, i, p.words(), true);
                if (last > bestLast) {
                    bestLast = last;
                    best = p.value();
                }
            }
            if (best != null) {
                out.add(new Hit(i, bestLast, best, null));
                for (int k = i; k <= bestLast; k++) used[k] = true;
                i = bestLast;
            }
        }
        for (int i = 0; i < s.size(); i++) {
            if (used[i]) continue;
            int bestLast = -1;
            AgentTerm best = null;
            for (Phrase<AgentTerm> p : agentsByFirstWord.getOrDefault(upper(s, i), List.of())) {
                int last = matchEnd(s, i, p.words(), false);
                if (last > bestLast && !anyUsed(used, i, last)) {
                    bestLast = last;
                    best = p.value();
                }
            }
            if (best != null) {
                out.add(new Hit(i, bestLast, null, best));
                i = bestLast;
            }
        }
        out.sort((a, b) -> Integer.compare(a.first(), b.first()));
        return out;
    }

    private static boolean anyUsed(boolean[] used, int from, int to) {
        for (int k = from; k <= to; k++) if (used[k]) return true;
        return false;
    }

    /** The last token of {@code words} matched from token {@code i}, or -1. */
    private static int matchEnd(Sentence s, int i, List<String> words, boolean stems) {
        if (i + words.size() > s.size()) return -1;
        for (int k = 0; k < words.size(); k++) {
            if (!wordMatches(words.get(k), upper(s, i + k), stems)) return -1;
        }
        return i + words.size() - 1;
    }

    private static boolean wordMatches(String dictionaryWord, String token, boolean stems) {
        if (dictionaryWord.endsWith("_")) return token.equals(strip(dictionaryWord));
        if (token.equals(dictionaryWord)) return true;
        // TABARI stems: an unmarked word matches words it begins ("ARGENTIN" -> "ARGENTINA"); short ones must
        // match whole, or "ENT" would find "entire".
        return stems && dictionaryWord.length() >= 4 && token.startsWith(dictionaryWord);
    }

    private static String upper(Sentence s, int i) {
        return s.token(i).word().toUpperCase(Locale.ROOT);
    }

    private static String prefixKey(String word) {
        String w = strip(word);
        return w.length() <= 3 ? w : w.substring(0, 3);
    }

    private static String strip(String word) {
        return word.endsWith("_") ? word.substring(0, word.length() - 1) : word;
    }

    private static String beforeCode(String t) {
        int b = t.indexOf('[');
        return (b < 0 ? t : t.substring(0, b)).strip();
    }

    /** Words of a name: split on '_' and spaces; a word that ended in '_' keeps it as its "match whole" mark. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        String n = name.strip().toUpperCase(Locale.ROOT);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '_' || Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    out.add(c == '_' && (i + 1 >= n.length() || Character.isWhitespace(n.charAt(i + 1))) ? w + "_" : w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) out.add(w.toString());
        return out;
    }

    private static List<DatedCode> codes(String line) {
        List<DatedCode> out = new ArrayList<>();
        Matcher m = CODE_BLOCK.matcher(line);
        while (m.find()) {
            DatedCode c = code(m.group(1).strip());
            if (c != null) out.add(c);
        }
        return out;
    }

    /** "HOB", "HOBGOV >20130119", "HOB < 950601", "HOBMIL 20080120-20121109"; null when malformed. */
    static DatedCode code(String block) {
        String[] parts = block.strip().split("\\s+", 2);
        String code = parts[0];
        if (code.isEmpty()) return null;
        if (parts.length == 1) return new DatedCode(code, null, null, false);
        String r = parts[1].replace(" ", "");
        try {
            if (r.startsWith(">")) return new DatedCode(code, date(r.substring(1)), null, true);
            if (r.startsWith("<")) return new DatedCode(code, null, date(r.substring(1)).minusDays(1), true);
            int dash = r.indexOf('-');
            if (dash > 0) return new DatedCode(code, date(r.substring(0, dash)), date(r.substring(dash + 1)), true);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null; // a malformed restriction is skipped, as PETRARCH does, rather than guessed
        }
        return null;
    }

    /** YYYYMMDD, or the older YYMMDD, read as TABARI and PETRARCH do: YY 00-30 is 20YY, 31-99 is 19YY. */
    private static LocalDate date(String s) {
        if (s.length() == 6) s = (Integer.parseInt(s.substring(0, 2)) <= 30 ? "20" : "19") + s;
        if (s.length() != 8) throw new IllegalArgumentException("bad date " + s);
        return LocalDate.parse(s, YYYYMMDD);
    }
}
