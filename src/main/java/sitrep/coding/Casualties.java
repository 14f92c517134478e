package sitrep.coding;

import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static sitrep.coding.Graph.lemma;

/**
 * Casualty and arrest counts the text states ("killed 6 civilians", "10 were wounded"). Rule clause-counts gives each
 * count to the act of its own clause: the trigger itself, a word merged into it ("killing 50"), or the act the count's
 * verb hangs from ("died in the attack"); "62 killed on 26 July and 15 two days later" are two counts for two acts.
 * With the rule off, every count of the sentence goes to every violent act in it.
 */
final class Casualties {
    private static final Map<String, String> QUANTITY_VERBS = Map.of("kill", "killed", "die", "killed",
            "wound", "injured", "injure", "injured", "arrest", "arrested", "detain", "arrested",
            "displace", "displaced", "abduct", "abducted", "kidnap", "abducted");

    private final CoderSettings settings;

    Casualties(CoderSettings settings) {
        this.settings = settings;
    }

    /** One stated count: its kind, the number, and the verb token that states it. */
    record Count(String kind, int number, int verb) {
    }

    static List<Count> counts(Sentence s) {
        List<Count> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String kind = QUANTITY_VERBS.get(lemma(s, i));
            if (kind == null || !s.token(i).isVerb()) continue;
            // A number standing as the verb's own argument ("and 64 injured") beats one on a shared subject.
            Integer direct = null;
            for (Dependency d : s.children(i)) {
                Token arg = s.token(d.dependent());
                String rel = d.baseRelation();
                if (arg.pos().equals("CD") && (rel.startsWith("nsubj") || rel.equals("obj") || rel.equals("dep"))) direct = number(s, d.dependent());
            }
            if (direct != null) {
                out.add(new Count(kind, direct, i));
                continue;
            }
            for (Dependency d : s.children(i)) {
                String rel = d.relation();
                boolean countAsSubject = rel.equals("nsubj") && (lemma(s, i).equals("die") || s.token(d.dependent()).pos().equals("CD"));
                if (!(rel.equals("obj") || rel.startsWith("nsubj:pass") || countAsSubject)) continue;
                Integer n = number(s, d.dependent());
                if (n != null) out.add(new Count(kind, n, i));
            }
        }
        return out;
    }

    /** Gives a candidate the counts of its clause (or all of the sentence's, with the rule off). */
    void assign(Candidate c, List<Count> counts, List<Candidate> others) {
        boolean material = c.violent() || c.root().equals("17");
        if (!material) return;
        for (Count n : counts) {
            if (!settings.on(CodingRule.CLAUSE_COUNTS) || belongs(c, n, others)) c.quantities.merge(n.kind(), n.number(), Integer::sum);
        }
    }

    /** Whether the count's verb is the act's own, or the nearest act it hangs from or governs. */
    private static boolean belongs(Candidate c, Count n, List<Candidate> others) {
        Sentence s = c.sentence;
        if (c.heads(n.verb())) return true;
        // The count's verb is itself another act's trigger: the count is that act's.
        for (Candidate o : others) if (o != c && o.merged == null && o.heads(n.verb()) && o.dropped == null) return false;
        int best = Integer.MAX_VALUE;
        Candidate nearest = null;
        for (Candidate o : others) {
            if (o.merged != null || o.dropped != null || !(o.violent() || o.root().equals("17"))) continue;
            // "24 civilians had died, as well as 25 rebels fighting alongside Turkey": a participle that describes the
            // counted people is not the act that killed them, so it takes no count it does not state itself.
            if (describesCounted(s, o.head(), n.verb())) continue;
            int d = Graph.pathLength(s, n.verb(), o.head(), 6);
            if (d < best) {
                best = d;
                nearest = o;
            }
        }
        return nearest == c && best != Integer.MAX_VALUE;
    }

    /** Relations by which a count verb names the people it counts ("24 civilians died", "killed 5 soldiers"). */
    private static final Set<String> COUNTED = Set.of("nsubj", "nsubj:pass", "obj", "dep");

    /**
     * A participle hung on a noun that the count verb counts ("rebels fighting alongside Turkey" under "died"); one
     * hung on the cause ("a barrage ... began") is not.
     */
    private static boolean describesCounted(Sentence s, int participle, int countVerb) {
        String pos = s.token(participle).pos();
        String rel = Graph.relationToHead(s, participle);
        if (!(pos.equals("VBG") || pos.equals("VBN")) || !(rel.equals("acl") || rel.equals("amod"))) return false;
        int noun = s.head(participle);
        for (Dependency d : s.parents(noun)) {
            if (COUNTED.contains(d.baseRelation()) && d.head() == countVerb) return true;
            // "24 civilians ..., as well as 25 rebels fighting ... and 26 fighters": one of the counted people.
            if (d.baseRelation().equals("conj")) {
                for (Dependency up : s.parents(d.head())) if (COUNTED.contains(up.baseRelation()) && up.head() == countVerb) return true;
            }
        }
        return false;
    }

    static Integer number(Sentence s, int noun) {
        List<Integer> candidates = new ArrayList<>();
        candidates.add(noun);
        for (Dependency d : s.children(noun)) if (d.baseRelation().equals("nummod")) candidates.add(0, d.dependent());
        for (int c : candidates) {
            Token t = s.token(c);
            if (!t.pos().equals("CD") || t.normalized() == null) continue;
            try {
                double v = Double.parseDouble(t.normalized().replace("~", "").replace(">", "").replace("<", "").replace("=", ""));
                if (v >= 0 && v < 10_000_000) return (int) v;
            } catch (NumberFormatException ignored) {
                // a range or a non-number: not a stated count
            }
        }
        return null;
    }
}
