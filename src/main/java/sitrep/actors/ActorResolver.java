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

    public Actor resolve(Sentence s, List<ActorMention> mentions, int head, String text) {
        List<Integer> phrase = s.phrase(head, PHRASE_DEPTH);
        ActorMention named = null, country = null, agent = null;
        int namedDist = Integer.MAX_VALUE, countryDist = Integer.MAX_VALUE, agentDist = Integer.MAX_VALUE;
        for (ActorMention m : mentions) {
            if (!inPhrase(m, phrase)) continue;
            int dist = m.covers(head) ? 0 : Math.min(Math.abs(m.firstToken() - head), Math.abs(m.lastToken() - head));
            if (m.isAgent()) {
                if (dist < agentDist) { agent = m; agentDist = dist; }
            } else if (m.entry().metonym() && !m.covers(head)) {
                continue; // "Damascus" inside a phrase is a place, not the Syrian government
            } else if (m.entry().sector() == null && m.entry().country() != null && m.entry().code().length() == 3) {
                if (dist < countryDist) { country = m; countryDist = dist; }
            } else if (dist < namedDist) {
                named = m;
                namedDist = dist;
            }
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

    private static boolean inPhrase(ActorMention m, List<Integer> phrase) {
        for (int i = m.firstToken(); i <= m.lastToken(); i++) if (phrase.contains(i)) return true;
        return false;
    }

    private static Actor actor(String text, ActorMention main, String code, String name, String country, String sector,
                               int head, Sentence s, ActorMention other) {
        int first = Math.min(main.firstToken(), head), last = Math.max(main.lastToken(), head);
        if (other != null) {
            first = Math.min(first, other.firstToken());
            last = Math.max(last, other.lastToken());
        }
        // Include a leading determiner, so the evidence reads "the Russian Black Sea Fleet".
        if (first > 0 && s.token(first - 1).pos().equals("DT")) first--;
        int start = s.token(first).start(), end = s.token(last).end();
        return new Actor(text.substring(start, end), start, end, code, name, country, sector);
    }
}
