package sitrep.geo;

import sitrep.nlp.Dependency;
import sitrep.nlp.PhraseIndex;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;

import java.util.Locale;
import java.util.Set;

/**
 * How recognition tells the kinds of place word apart ({@link sitrep.model.PlaceKind}) once a name is found: a
 * demonym or place name inside a larger name (embedded), and a country, capital or division standing for its
 * government (metonym). {@link ToponymRecognizer} decides whether a name is a place word at all.
 */
final class PlaceUses {
    /** The least population of a town whose name inside a larger name is reported as an embedded place. */
    private static final long EMBEDDED_MIN_POPULATION = 50_000;

    private final Gazetteer gazetteer;

    PlaceUses(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * Whether a demonym starts or sits inside an organisation's name ("Syrian Observatory for Human Rights", "the
     * Kurdish Red Crescent"): NER puts it in one organisation with a capitalised name word next to it.
     */
    static boolean inOrganisationName(Sentence s, int first, int last) {
        if (!s.token(first).ner().equals("ORGANIZATION")) return false;
        int after = last + 1, before = first - 1;
        return after < s.size() && s.token(after).ner().equals("ORGANIZATION") && s.token(after).capitalized()
                || before >= 0 && s.token(before).ner().equals("ORGANIZATION") && s.token(before).capitalized();
    }

    /**
     * Whether a place used as a place stands for its government, people or team: a country, capital or first-level
     * division that is the subject of a verb ("Turkey said", "Moscow has warned", "Turkey and Russia agreed") or the
     * agent of a passive one ("was shelled by Turkey"). Where the sentence has no parse, the verb right after the name
     * decides ("Ankara said"), unless a preposition comes before it ("fighting in Syria killed"). Verbs whose subject is
     * the land itself ("Syria borders Turkey", "Lebanon has seen fighting": literal-verb in toponym-words.tsv), and passive
     * subjects ("Kabul was attacked"), keep the place a toponym.
     */
    boolean metonym(Sentence s, PhraseIndex.Match<GazetteerEntry> m) {
        boolean governs = false;
        for (GazetteerEntry e : m.values()) governs |= e.isCountry() || e.isAdmin1() || e.featureCode().equals("PPLC");
        if (!governs) return false;
        if (!s.dependencies().isEmpty()) {
            for (Dependency d : s.parents(m.lastToken())) {
                if (d.head() < 0) continue;
                String rel = d.relation();
                boolean subject = rel.equals("nsubj") || rel.equals("obl:agent") || rel.equals("nmod:agent");
                if (subject && finiteVerb(s, d.head()) && !literalVerb(s.token(d.head()))) return true;
            }
            return false;
        }
        int before = m.firstToken() - 1;
        if (before >= 0 && (s.token(before).pos().equals("IN") || s.token(before).pos().equals("TO"))) return false;
        for (int i = m.lastToken() + 1; i < Math.min(s.size(), m.lastToken() + 4); i++) {
            Token t = s.token(i);
            String pos = t.pos();
            if (pos.startsWith("RB")) continue;
            // "Moscow has warned", "Turkey will send": past the auxiliary to the verb it carries.
            if (pos.equals("MD") || Set.of("have", "be", "do").contains(t.lemma().toLowerCase(Locale.ROOT))
                    && i + 1 < s.size() && (s.token(i + 1).pos().startsWith("VB") || s.token(i + 1).pos().startsWith("RB"))) continue;
            return (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("VBN") && i > m.lastToken() + 1
                    || pos.equals("VB") && i > m.lastToken() + 1) && !literalVerb(t);
        }
        return false;
    }

    /** A verb that can have an agent as subject: not a bare gerund ("fighting in Syria"), which parses get wrong. */
    private static boolean finiteVerb(Sentence s, int verb) {
        Token t = s.token(verb);
        if (!t.isVerb()) return false;
        if (!t.pos().equals("VBG")) return true;
        for (Dependency d : s.children(verb)) if (d.relation().equals("aux")) return true;
        return false;
    }

    private boolean literalVerb(Token verb) {
        return gazetteer.isWord("literal-verb", verb.lemma().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a match that is not used as a place names one inside a larger name: no word of it is a person's, a
     * capitalised name word or an organisation next to it makes the larger name, and the place is one that names are
     * made from (a country or division, or a capital, division seat or town of {@link #EMBEDDED_MIN_POPULATION} named
     * so), not a hamlet or another name of a town that shares a word of the name ("Rapid" in "Rapid Support Forces").
     *
     * @param namesAThing whether the name heads a newspaper, street, building and the like ("the Washington Post
     *                    newspaper"), which makes the larger name by itself
     */
    static boolean embeddable(Sentence s, PhraseIndex.Match<GazetteerEntry> m, boolean namesAThing) {
        boolean namesake = false;
        for (GazetteerEntry e : m.values()) {
            // A town by its own name: "Rapid" is one of Rapid City's other names, not what "Rapid Support Forces" names.
            namesake |= e.isCountry() || e.isAdmin1() || (e.featureCode().equals("PPLC") || e.featureCode().equals("PPLA")
                    || e.population() >= EMBEDDED_MIN_POPULATION) && e.name().equalsIgnoreCase(m.text());
        }
        if (!namesake) return false;
        for (int i = m.firstToken(); i <= m.lastToken(); i++) if (s.token(i).ner().equals("PERSON")) return false;
        int before = m.firstToken() - 1, after = m.lastToken() + 1;
        if (before >= 0 && s.token(before).ner().equals("PERSON") || after < s.size() && s.token(after).ner().equals("PERSON")) return false;
        if (namesAThing) return true;
        return after < s.size() && s.token(after).capitalized() && s.token(after).isProperNoun()
                || before >= 0 && s.token(before).capitalized() && s.token(before).isProperNoun();
    }
}
