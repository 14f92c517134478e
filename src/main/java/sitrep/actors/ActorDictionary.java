package sitrep.actors;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;
import sitrep.geo.Country;
import sitrep.geo.Gazetteer;
import sitrep.nlp.PhraseIndex;
import sitrep.nlp.Sentence;
import sitrep.nlp.TextKeys;
import sitrep.nlp.Token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The actor dictionaries: named actors (actors.tsv, then the office holders, organisations and armed groups
 * imported from the Phoenix dictionaries, phoenix-actors.tsv), countries with their names, demonyms and capitals
 * (from the gazetteer's country table), sector nouns (agents.tsv) and role names (roles.tsv).
 * Read-only once built, so one instance serves all threads.
 */
public final class ActorDictionary {
    private static final Lazy<ActorDictionary> BUILT_IN = new Lazy<>(() -> load(Gazetteer.shared(),
            DataFiles.rows("/sitrep/actors/actors.tsv"), DataFiles.rows("/sitrep/actors/phoenix-actors.tsv"),
            DataFiles.rows("/sitrep/actors/agents.tsv"), DataFiles.rows("/sitrep/actors/roles.tsv")));

    private final PhraseIndex<ActorEntry> named = new PhraseIndex<>(false);
    /** Entries from an imported dictionary (phoenix-actors.tsv), by identity. */
    private final Set<ActorEntry> imported = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, String> roleNames = new HashMap<>();
    private final Map<String, String> countryNames = new HashMap<>();
    private int maxAgentTokens = 1;

    private ActorDictionary() {
    }

    /** The built-in dictionaries. */
    public static ActorDictionary builtIn() {
        return BUILT_IN.get();
    }

    /**
     * Dictionaries from rows in the formats of actors.tsv (hand-made, then imported), agents.tsv and roles.tsv.
     * Order is precedence: countries, then our actors, then the imported ones, which never take a name that is
     * already there.
     */
    static ActorDictionary load(Gazetteer gazetteer, List<String[]> actors, List<String[]> importedActors,
                                List<String[]> agents, List<String[]> roles) {
        ActorDictionary d = new ActorDictionary();
        d.loadCountries(gazetteer);
        d.loadActors(actors);
        d.loadImported(importedActors);
        d.loadAgents(agents);
        d.loadRoles(roles);
        return d;
    }

    private void loadCountries(Gazetteer gazetteer) {
        // A demonym shared by a state and its territories ("French": France and the French Southern Lands) means
        // the state: the first country added wins, and the state has the shorter name.
        List<Country> countries = new ArrayList<>(gazetteer.countries());
        countries.sort(java.util.Comparator.comparingInt((Country c) -> c.name().length()));
        for (Country c : countries) {
            countryNames.put(c.iso3(), c.name());
            ActorEntry country = new ActorEntry(c.iso3(), c.name(), c.iso3(), null, null, null, false);
            named.add(c.name(), country);
            for (String n : c.otherNames()) if (n.length() > 3) named.add(n, country);
            for (String d : c.demonyms()) {
                named.add(d, country);
                // The people as a group act too: "Palestinians blamed Israel", "Iraqis voted".
                if (d.endsWith("n") || d.endsWith("i")) named.add(d + "s", country);
            }
            ActorEntry government = new ActorEntry(c.iso3() + "GOV", c.name() + " (government)", c.iso3(), "GOV", null, null, true);
            for (String capital : c.capitals()) named.add(capital, government);
        }
    }

    private void loadActors(List<String[]> rows) {
        for (String[] f : rows) {
            if (f.length < 7) continue;
            ActorEntry e = new ActorEntry(f[0], f[1], blank(f[2]), blank(f[3]), date(f[4]), date(f[5]), false);
            for (String alias : f[6].split("\\|")) named.add(alias.strip(), e);
        }
    }

    /**
     * Rows of an imported dictionary. An alias the index has already (a country's name, demonym or capital, or an
     * actors.tsv alias, in any case) is skipped, so a hand-made entry is never displaced, nor its gaps in time
     * filled, by an imported one: PhraseIndex keeps a name's values in the order added and {@link #pick} takes the
     * first valid, but an imported row would still be the only valid one on dates our rows leave out.
     */
    private void loadImported(List<String[]> rows) {
        Set<String> own = new HashSet<>();
        for (String[] f : rows) {
            if (f.length < 7) continue;
            ActorEntry e = new ActorEntry(f[0], f[1], blank(f[2]), blank(f[3]), date(f[4]), date(f[5]), false);
            imported.add(e);
            for (String raw : f[6].split("\\|")) {
                String alias = raw.strip();
                if (alias.isEmpty()) continue;
                if (!own.contains(alias)) {
                    if (!named.lookup(alias).isEmpty()) continue;
                    // A short word may be taken as an acronym ("Fidh" vs "FIDH"), which is looked up in capitals only.
                    String upper = alias.toUpperCase(Locale.ROOT);
                    if (!upper.equals(alias) && TextKeys.isAcronym(upper) && !named.lookup(upper).isEmpty()) continue;
                    own.add(alias);
                }
                named.add(alias, e);
            }
        }
    }

    private void loadAgents(List<String[]> rows) {
        for (String[] f : rows) {
            if (f.length < 2) continue;
            Agent a = new Agent(f[0].strip(), f[1].strip());
            String key = TextKeys.key(a.term());
            agents.putIfAbsent(key, a);
            maxAgentTokens = Math.max(maxAgentTokens, key.split(" ").length);
        }
    }

    private void loadRoles(List<String[]> rows) {
        for (String[] f : rows) if (f.length >= 2) roleNames.put(f[0].strip(), f[1].strip());
    }

    /** "military" for MIL; the code itself when unknown. */
    public String roleName(String role) {
        return roleNames.getOrDefault(role, role);
    }

    public String countryName(String iso3) {
        return countryNames.get(iso3);
    }

    /**
     * Every dictionary hit in a sentence, valid on {@code date}: named actors first (longest match), then sector
     * nouns in the tokens left over, matched on lemmas so "troops" finds "troop" and "forces" finds "force".
     */
    public List<ActorMention> find(Sentence s, String text, LocalDate date) {
        List<ActorMention> out = new ArrayList<>();
        boolean[] used = new boolean[s.size()];
        for (PhraseIndex.Match<ActorEntry> m : named.find(s, text, i -> s.token(i).capitalized() || isLowerCaseStart(s.token(i)))) {
            ActorEntry e = pick(m.values(), date);
            if (e == null) continue;
            if (imported.contains(e) && partOfLongerName(s, m)) continue;
            if (e.metonym() && personName(s, m)) continue;
            out.add(new ActorMention(m.firstToken(), m.lastToken(), m.start(), m.end(), e, null));
            for (int i = m.firstToken(); i <= m.lastToken(); i++) used[i] = true;
        }
        for (int i = 0; i < s.size(); i++) {
            if (used[i]) continue;
            for (int j = Math.min(s.size() - 1, i + maxAgentTokens - 1); j >= i; j--) {
                Agent a = agent(s, i, j);
                if (a != null) {
                    out.add(new ActorMention(i, j, s.token(i).start(), s.token(j).end(), null, a));
                    i = j;
                    break;
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.firstToken(), b.firstToken()));
        return out;
    }

    /**
     * An imported one-word name followed by another proper noun is the start of a longer name we do not know:
     * "Amit" (an NGO) in "Amit Shah", "Isnilon" in "Isnilon Hapilon". Acronyms, matched in capitals only, are kept.
     */
    private static boolean partOfLongerName(Sentence s, PhraseIndex.Match<ActorEntry> m) {
        if (m.firstToken() != m.lastToken() || TextKeys.isAcronym(m.text().strip())) return false;
        int next = m.lastToken() + 1;
        return next < s.size() && s.token(next).isProperNoun() && s.token(next).capitalized();
    }

    /** A capital that NER reads as (part of) a person's name: "Denzel Washington", "Paris Hilton". */
    private static boolean personName(Sentence s, PhraseIndex.Match<ActorEntry> m) {
        for (int i = m.firstToken(); i <= m.lastToken(); i++) if (!"PERSON".equals(s.token(i).ner())) return false;
        return true;
    }

    private static boolean isLowerCaseStart(Token t) {
        // Group names are sometimes written in lower case after a prefix ("al-Nusra", "al-Qaeda").
        return t.word().startsWith("al-") || t.word().equals("al");
    }

    private Agent agent(Sentence s, int i, int j) {
        StringBuilder lemmas = new StringBuilder(), words = new StringBuilder();
        for (int k = i; k <= j; k++) {
            Token t = s.token(k);
            if (!(t.isNoun() || t.pos().startsWith("JJ") || t.pos().startsWith("VBN") && k < j)) return null;
            lemmas.append(k > i ? " " : "").append(t.lemma());
            words.append(k > i ? " " : "").append(t.word());
        }
        Token head = s.token(j);
        if (!head.isNoun()) return null;
        Agent a = agents.get(TextKeys.key(lemmas.toString()));
        return a != null ? a : agents.get(TextKeys.key(words.toString()));
    }

    private static ActorEntry pick(List<ActorEntry> values, LocalDate date) {
        for (ActorEntry e : values) if (e.validOn(date)) return e;
        return null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        String t = s.strip();
        // YYYY-MM-DD read directly: tens of thousands of dated rows are read at start-up.
        if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            try {
                return LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10), Integer.parseInt(t, 8, 10, 10));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                // fall through to the parser's message
            }
        }
        return LocalDate.parse(t);
    }
}
