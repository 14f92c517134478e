package sitrep.actors;

import sitrep.model.Actor;
import sitrep.nlp.Sentence;

import java.util.List;

/**
 * Turns the noun phrase under a head token into one CAMEO actor, composing what the dictionaries found
 * in it: a named actor wins ("the Russian Black Sea Fleet" -> RUSMIL); otherwise a country or demonym
 * plus the nearest sector noun ("Syrian government forces" -> SYR + MIL), a country alone, or a sector
 * alone ("militants" -> REB, no country).
 */
public final class ActorResolver {
    /** How deep into the phrase to look: "submarines ... from the Russian Black Sea Fleet" is 2 levels. */
    private static final int PHRASE_DEPTH = 3;

    private final ActorDictionary dictionary;

    public ActorResolver(ActorDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * The actor the phrase under {@code head} names, or null.
     *
     * @param metonyms whether a capital may stand for its government here: yes for a clause's subject or
     *                 object ("Damascus said"), no for modifiers ("the Astana talks")
     */
    public Actor resolve(Sentence s, List<ActorMention> mentions, int head, String text, boolean metonyms) {
        return resolve(s, mentions, head, text, metonyms, java.util.Set.of());
    }

    /**
     * As {@link #resolve(Sentence, List, int, String, boolean)}, leaving out the backers a phrase names: in
     * "Iran-backed government forces" or "Turkish-supported rebels" the actor is the head noun's, not the backer's.
     *
     * @param backers lemmas of the participles that introduce a backer ("back", "support", "sponsor"); empty: none
     */
    public Actor resolve(Sentence s, List<ActorMention> mentions, int head, String text, boolean metonyms, java.util.Set<String> backers) {
        return resolve(s, mentions, head, text, metonyms, backers, false);
    }

    /**
     * As {@link #resolve(Sentence, List, int, String, boolean, java.util.Set)}; with {@code conjunctsApart}, the head's
     * conjuncts are left out of its phrase: in "Sudan's army and the Rapid Support Forces clashed" the second conjunct is
     * the other side of the act, not a part of the first ("Khaleda Yasmin and nine other BNP activists were arrested"
     * keeps them together: there both are the act's one target).
     */
    public Actor resolve(Sentence s, List<ActorMention> mentions, int head, String text, boolean metonyms, java.util.Set<String> backers,
                         boolean conjunctsApart) {
        List<Integer> phrase = new java.util.ArrayList<>(s.phrase(head, PHRASE_DEPTH));
        if (conjunctsApart) {
            for (var d : s.children(head)) {
                if (!d.baseRelation().equals("conj") || d.dependent() < head) continue;
                for (int n : s.phrase(d.dependent(), PHRASE_DEPTH)) if (n != head) phrase.remove(Integer.valueOf(n));
            }
        }
        if (!backers.isEmpty()) {
            for (int b : List.copyOf(phrase)) {
                if (b == head || !backers.contains(s.token(b).lemma().toLowerCase(java.util.Locale.ROOT))) continue;
                String pos = s.token(b).pos();
                if (!pos.equals("VBN") && !pos.startsWith("JJ")) continue;
                java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(b));
                while (!todo.isEmpty()) {
                    int n = todo.poll();
                    if (!phrase.remove(Integer.valueOf(n))) continue;
                    for (var d : s.children(n)) todo.add(d.dependent());
                }
                // The hyphen splits "Iran-backed" into "Iran", "-", "backed": the name before the hyphen is the backer's.
                if (b >= 2 && s.token(b - 1).word().equals("-")) {
                    phrase.remove(Integer.valueOf(b - 1));
                    phrase.remove(Integer.valueOf(b - 2));
                }
            }
        }
        if (!backers.isEmpty()) {
            // "Kurdish-led forces", "a Russian-led bombardment": the leader names whose the forces or the act are,
            // though the parser hangs the name on "led" by a relation the phrase does not follow.
            // (The phrase holds its head, so "led" as the head itself is covered.)
            for (int n : List.copyOf(phrase)) {
                if (n >= 2 && s.token(n).word().equalsIgnoreCase("led") && s.token(n - 1).word().equals("-")
                        && !phrase.contains(n - 2)) phrase.add(n - 2);
            }
        }
        ActorMention named = null, country = null, agent = null;
        int namedDist = Integer.MAX_VALUE, countryDist = Integer.MAX_VALUE, agentDist = Integer.MAX_VALUE;
        for (ActorMention m : mentions) {
            if (!inPhrase(m, phrase)) continue;
            // "the village of Baghouz in eastern Syria": a country named as a location is no actor.
            if (!m.isAgent() && !m.covers(head) && m.entry().sector() == null && locative(s, m)) continue;
            int dist = m.covers(head) ? 0 : Math.min(Math.abs(m.firstToken() - head), Math.abs(m.lastToken() - head));
            if (m.isAgent()) {
                if (dist < agentDist) { agent = m; agentDist = dist; }
            } else if (m.entry().metonym() && (!metonyms || !m.covers(head))) {
                continue; // "Damascus" inside a phrase is a place, not the Syrian government
            } else if (m.entry().sector() == null && m.entry().country() != null && m.entry().code().length() == 3) {
                if (dist < countryDist) { country = m; countryDist = dist; }
            } else if (dist < namedDist) {
                named = m;
                namedDist = dist;
            }
        }
        // "Hungarian and Romanian officials": the nearest demonym is the second conjunct; the first leads.
        for (int guard = 0; country != null && guard < 4; guard++) {
            ActorMention first = null;
            for (ActorMention m : mentions) {
                if (m == country || m.isAgent() || !inPhrase(m, phrase)) continue;
                for (var d : s.children(m.lastToken())) {
                    if (d.relation().startsWith("conj") && d.dependent() >= country.firstToken() && d.dependent() <= country.lastToken()) first = m;
                }
            }
            if (first == null || first.entry().sector() != null || first.entry().country() == null) break;
            country = first;
        }
        String role = agent == null ? null : agent.agent().role();
        if (named != null) {
            ActorEntry e = named.entry();
            if (e.complete() || role == null) return actor(text, named, e.code(), e.name(), e.country(), e.sector(), head, s, agent);
            return actor(text, named, e.country() + role, label(e.country(), role), e.country(), role, head, s, agent);
        }
        if (country != null) {
            String iso3 = country.entry().country();
            if (role != null) return actor(text, country, iso3 + role, label(iso3, role), iso3, role, head, s, agent);
            return actor(text, country, iso3, dictionary.countryName(iso3), iso3, null, head, s, null);
        }
        if (agent != null) return actor(text, agent, role, dictionary.roleName(role), null, role, head, s, null);
        return null;
    }

    private String label(String iso3, String role) {
        String name = dictionary.countryName(iso3);
        return (name == null ? iso3 : name) + " (" + dictionary.roleName(role) + ")";
    }

    /** Whether token {@code t} is within three tokens of first..last with no comma or clause break between. */
    private static boolean adjacent(Sentence s, int first, int last, int t) {
        if (t >= first && t <= last) return true;
        int from = t < first ? t : last, to = t < first ? first : t;
        if (to - from > 3) return false;
        for (int i = from + 1; i < to; i++) {
            String w = s.token(i).word();
            if (w.equals(",") || w.equals(";") || w.equals("(") || s.token(i).isVerb()) return false;
        }
        return true;
    }

    private static final java.util.Set<String> LOCATIVE = java.util.Set.of("in", "at", "near", "across", "into",
            "inside", "within", "throughout", "around", "outside", "towards", "toward", "through");

    private static boolean locative(Sentence s, ActorMention m) {
        for (int i = m.firstToken(); i <= m.lastToken(); i++) {
            for (var d : s.children(i)) {
                if (d.baseRelation().equals("case") && LOCATIVE.contains(s.token(d.dependent()).lemma().toLowerCase())) return true;
            }
        }
        return false;
    }

    private static boolean inPhrase(ActorMention m, List<Integer> phrase) {
        for (int i = m.firstToken(); i <= m.lastToken(); i++) if (phrase.contains(i)) return true;
        return false;
    }

    private static Actor actor(String text, ActorMention main, String code, String name, String country, String sector,
                               int head, Sentence s, ActorMention other) {
        // The actor's text is the dictionary hit, widened to the phrase head and the sector noun only when they
        // stand next to it ("Syrian government forces"), so a distant head does not drag a whole list along.
        int first = main.firstToken(), last = main.lastToken();
        for (int extra : other == null ? new int[]{head} : new int[]{head, other.firstToken(), other.lastToken()}) {
            if (adjacent(s, first, last, extra)) {
                first = Math.min(first, extra);
                last = Math.max(last, extra);
            }
        }
        // Include a leading determiner, so the evidence reads "the Russian Black Sea Fleet".
        if (first > 0 && s.token(first - 1).pos().equals("DT")) first--;
        int start = s.token(first).start(), end = s.token(last).end();
        return new Actor(text.substring(start, end), start, end, code, name, country, sector);
    }
}
