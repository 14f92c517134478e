package sitrep.coding;

import sitrep.model.Event;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule one-act: the words of one act in a sentence make one event. "A coalition bombing raid struck a residential
 * building, killing 50" is one attack told by a noun (its source), a verb (its target) and an outcome participle (its
 * toll); "vowed to keep up the raids" is one threat. Two acts stay two: "shelled the town and bombed the airport".
 */
final class ActMerger {
    /** Relations by which one violent trigger tells part of another's act. */
    private static final Set<String> PART_OF_ACT = Set.of("nsubj", "nsubj:pass", "obl", "nmod", "acl", "acl:relcl", "obl:agent");

    /** Roots of speech acts whose content is announced, not done: appeals, intents, demands, threats. */
    private static final Set<String> ANNOUNCING = Set.of("02", "03", "10", "13");

    private ActMerger() {
    }

    private static boolean sameObject(Sentence s, int a, int b) {
        int oa = Graph.child(s, a, "obj"), ob = Graph.child(s, b, "obj");
        if (oa < 0) oa = Graph.passiveSubject(s, a);
        if (ob < 0) ob = Graph.passiveSubject(s, b);
        return ob < 0 || oa == ob;
    }

    /** CAMEO 171: seizing or destroying property, the outcome of an attack on it. */
    private static boolean damage(Candidate c) {
        return c.code != null && c.code.startsWith("171");
    }

    private static boolean conjoined(Sentence s, int a, int b) {
        for (Dependency d : s.children(a)) if (d.relation().startsWith("conj") && d.dependent() == b) return true;
        return false;
    }

    private static boolean twoDoers(Sentence s, int whole, int part) {
        int a = Graph.child(s, whole, "nsubj"), b = Graph.child(s, part, "nsubj");
        return a >= 0 && b >= 0 && a != b;
    }

    private static boolean inSubject(Sentence s, int token, int verb) {
        int subj = Graph.subject(s, verb);
        return subj >= 0 && Graph.under(s, token, subj);
    }

    static List<Candidate> merge(List<Candidate> candidates) {
        List<Candidate> live = new ArrayList<>();
        for (Candidate c : candidates) if (c.dropped == null) live.add(c);
        int n = live.size();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) group[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && partOf(live.get(j), live.get(i))) union(group, i, j);
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (find(group, i) != i && !isMain(live, group, i)) continue;
            List<Candidate> members = new ArrayList<>();
            for (int j = 0; j < n; j++) if (find(group, j) == find(group, i)) members.add(live.get(j));
            Candidate main = main(members);
            if (main != live.get(i)) continue;
            for (Candidate m : members) if (m != main) absorb(main, m);
            out.add(main);
        }
        for (Candidate c : candidates) if (c.dropped != null) out.add(c);
        return out;
    }

    private static boolean isMain(List<Candidate> live, int[] group, int i) {
        List<Candidate> members = new ArrayList<>();
        for (int j = 0; j < live.size(); j++) if (find(group, j) == find(group, i)) members.add(live.get(j));
        return main(members) == live.get(i);
    }

    /** Whether {@code part} tells part of {@code whole}'s act. */
    static boolean partOf(Candidate part, Candidate whole) {
        Sentence s = whole.sentence;
        if (part.sentence != s) return false;
        // A threat, promise or demand and the act it announces: "vowed to keep up such raids", "threatened a resumption
        // of air raids", "called for a ceasefire". What is accused, denied or rejected stays an act of its own.
        if (whole.trigger.speechAct() && !part.trigger.speech() && ANNOUNCING.contains(whole.root())
                && Graph.under(s, part.head(), whole.head()) && !inSubject(s, part.head(), whole.head())) {
            return true;
        }
        // "would not attend the talks", "held talks": the noun names the act its verb does.
        // "blamed Moscow for allowing Turkey ...", "accused it of building ...": what is blamed is the accusation's content.
        if (whole.trigger.speechAct() && (whole.root().equals("11") || whole.root().equals("12")) && part.verb()
                && s.token(part.head()).pos().equals("VBG") && Graph.under(s, part.head(), whole.head())) {
            for (Dependency d : s.parents(part.head())) {
                if (d.head() == whole.head() && (d.relation().equals("obl:for") || d.relation().equals("obl:of")
                        || d.relation().equals("advcl:for") || d.relation().equals("advcl:of"))) return true;
            }
        }
        if (!part.verb() && whole.verb() && part.root().equals(whole.root()) && Graph.relation(s, whole.head(), part.head()).equals("obj")) {
            return true;
        }
        // "attacked and destroyed an oil platform", "were destroyed and sunk": force and the damage it did to one object.
        if (part.verb() && whole.verb() && (part.violent() || whole.violent()) && damage(part) != damage(whole)
                && sameObject(s, whole.head(), part.head())) {
            for (Dependency d : s.parents(part.head())) if (d.head() == whole.head() && d.relation().startsWith("conj")) return true;
        }
        if (!(part.violent() && whole.violent())) return false;
        // "killed in the first three days of Turkey's offensive": the campaign named through a time or stage noun.
        if (!part.verb() && whole.verb()) {
            for (Dependency d : s.parents(part.head())) {
                if (!d.baseRelation().equals("nmod") || d.head() < 0) continue;
                for (Dependency up : s.parents(d.head())) {
                    // "... killed and 5,000 displaced in the first days of the offensive": the phrase ends the coordination.
                    if (up.baseRelation().equals("obl") && (up.head() == whole.head() || conjoined(s, whole.head(), up.head()))) return true;
                }
            }
        }
        // "A policeman was killed and 70 were injured when a bomb was lobbed onto the parade ground", "were killed when US
        // forces carried out air strikes": the weapon or act of the clause that tells the cause of a suffered act is that
        // act's. Not where both clauses have a doer of their own: "the attack that killed dozens, when Trump ordered a
        // missile strike" is two acts.
        if (!part.verb() && whole.verb()) {
            for (Dependency d : s.parents(part.head())) {
                if (d.head() < 0 || !(d.relation().startsWith("nsubj") || d.relation().equals("obj"))) continue;
                for (Dependency up : s.parents(d.head())) {
                    if (up.baseRelation().equals("advcl") && (up.head() == whole.head() || conjoined(s, whole.head(), up.head()))
                            && !twoDoers(s, up.head(), d.head())) return true;
                }
            }
        }
        for (Dependency d : s.parents(part.head())) {
            if (d.head() != whole.head()) continue;
            String rel = d.baseRelation();
            // "struck ..., killing 50": an outcome participle; "were killed when guerrillas attacked the base".
            if ((rel.equals("advcl") || rel.equals("xcomp") || rel.equals("conj") || rel.equals("dep"))
                    && s.token(part.head()).pos().equals("VBG")) return true;
            // "were killed when guerrillas attacked the base": the cause of a suffered act. But "Israeli aircraft bombed
            // Gaza after Hamas fired rockets": two doers, each with a subject of its own, are two acts.
            if (rel.equals("advcl")) return !twoDoers(s, whole.head(), part.head());
            // "attacked and destroyed an Iranian oil platform", "were destroyed and sunk": one act told by two verbs.
            if (rel.equals("conj") && part.verb() && whole.verb() && sameObject(s, whole.head(), part.head())) return true;
            // "a raid struck", "killed in airstrikes", "an airstrike that killed 5", "attack by gunmen".
            if (PART_OF_ACT.contains(rel)) return true;
            // "airstrikes and shelling": two nouns for one barrage.
            if (rel.equals("conj") && !part.verb() && !whole.verb()) return true;
        }
        return false;
    }

    /** The member that heads the act: the verb highest in the parse, else the first. */
    private static Candidate main(List<Candidate> members) {
        Candidate best = members.get(0);
        for (Candidate c : members) {
            if (c.trigger.speechAct() && !best.trigger.speechAct()) { best = c; continue; }
            if (best.trigger.speechAct() && !c.trigger.speechAct()) continue;
            if (c.verb() && !best.verb()) { best = c; continue; }
            if (c.verb() == best.verb() && Graph.under(c.sentence, best.head(), c.head()) && best != c) best = c;
        }
        return best;
    }

    private static void absorb(Candidate main, Candidate part) {
        Sentence s = main.sentence;
        if (main.source == null && part.source != null) {
            main.source = part.source;
            main.sourceToken = part.sourceToken;
        }
        if (main.target == null && part.target != null) {
            main.target = part.target;
            main.targetToken = part.targetToken;
        }
        if (!main.trigger.speechAct() && specificity(part.code) > specificity(main.code) && part.root().equals(main.root())
                || main.code.equals("190") && part.violent() && !part.code.equals("190")) {
            main.code = part.code;
        }
        main.mergedHeads.add(part.head());
        main.mergedHeads.addAll(part.mergedHeads);
        var first = s.token(part.first);
        var last = s.token(part.last);
        main.alsoTriggers.add(new Event.Span(s.token(part.first).word() + (part.first == part.last ? "" : " " + last.word()),
                first.start(), last.end()));
        main.alsoTriggers.addAll(part.alsoTriggers);
        part.merged = main;
    }

    private static int specificity(String code) {
        return code.length() * 2 - (code.endsWith("0") ? 1 : 0);
    }

    private static int find(int[] group, int i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    }

    private static void union(int[] group, int a, int b) {
        group[find(group, a)] = find(group, b);
    }
}
