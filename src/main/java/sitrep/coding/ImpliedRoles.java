package sitrep.coding;

import sitrep.actors.ActorResolver;
import sitrep.geo.PlaceMention;
import sitrep.model.Actor;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static sitrep.coding.Graph.child;
import static sitrep.coding.Graph.lemma;

/**
 * The roles a sentence gives an act beyond its own subject and object, for {@link Roles}: the enemy its purpose names
 * ("an offensive to oust Kurdish forces"), the doer its cause names ("killed in airstrikes by forces loyal to Assad"),
 * those its toll befell ("injured by a chlorine attack"), the maker of what a verbal act answers ("denied Russia's
 * charges"), whom an accusation accuses, the holder of the ground it hit and the town it hit. Each belongs to a named
 * rule (purpose-targets, victims-as-targets, modifier-actors, speech-acts, place-targets).
 */
final class ImpliedRoles {
    private static final Set<String> CONTROL_WORDS = Set.of("control", "hold", "occupy", "run", "dominate", "besiege");

    private final Roles roles;
    private final ActorResolver resolver;
    private final TriggerLexicon lexicon;
    private final CoderSettings settings;

    ImpliedRoles(Roles roles, ActorResolver resolver, TriggerLexicon lexicon, CoderSettings settings) {
        this.roles = roles;
        this.resolver = resolver;
        this.lexicon = lexicon;
        this.settings = settings;
    }

    /**
     * Rule victims-as-targets: "almost 200 civilians have been killed in dozens of airstrikes and shelling by forces
     * loyal to Assad", "died in a bombing campaign by the regime": the doer of a death or wound with no agent of its
     * own is the agent the cause names.
     */
    void doerOfCause(Candidate c, Roles.Context x) {
        Sentence s = x.s();
        for (Dependency d : s.children(c.head())) {
            if (!d.baseRelation().equals("obl") || d.relation().equals("obl:agent")) continue;
            for (int k : s.phrase(d.dependent(), 4)) {
                for (Dependency e : s.children(k)) {
                    String r = e.relation();
                    if (!(r.equals("nmod:by") || r.equals("nmod:agent") || r.equals("obl:by"))) continue;
                    Actor a = roles.actor(x, e.dependent());
                    if (a != null && (c.target == null || !java.util.Objects.equals(a.code(), c.target.code()))) {
                        c.source = a;
                        c.sourceToken = e.dependent();
                        return;
                    }
                }
            }
        }
    }

    /** The doer of what an accusation reports: the subject of its content clause, or the agent of a passive one. */
    static int accusedIn(Sentence s, int verb) {
        int content = child(s, verb, "ccomp");
        if (content < 0) return -1;
        int agent = Graph.agent(s, content);
        if (agent >= 0 && Graph.passive(s, content)) return agent;
        int subj = child(s, content, "nsubj");
        return subj >= 0 && !Roles.pronoun(s, subj) ? subj : -1;
    }

    /**
     * Rule modifier-actors, for the object of a verbal act: "Zambia denied Botha's charges", "rejected a US statement":
     * the act answers whoever made what it names, the object's possessor or the name or nation before it.
     */
    void ownerOfObject(Candidate c, Roles.Context x, int obj) {
        Sentence s = x.s();
        for (Dependency d : s.children(obj)) {
            String rel = d.baseRelation();
            if (!(rel.equals("nmod") && d.relation().equals("nmod:poss") || rel.equals("compound") || rel.equals("amod")) || d.dependent() > obj) continue;
            Actor a = rel.equals("nmod") ? roles.actor(x, d.dependent()) : resolver.resolve(s, x.mentions(), d.dependent(), x.text(), false);
            if (a != null && a.code() != null && (c.source == null || !a.code().equals(c.source.code()))) {
                c.target = a;
                c.targetToken = d.dependent();
                return;
            }
        }
    }

    /** "Guards and militiamen are fighting alongside Assad's forces": the subject's conjuncts are one side. */
    boolean allied(Sentence s, int verb) {
        return Graph.obliquePreposition(s, verb, lexicon.cues("ally-preposition")) != null;
    }

    /**
     * "rockets hit the town of Douma", "a Turkish assault on the city of Afrin": a town attacked by someone not of its
     * country (or by no one named) is the act's target, coded as that country, as CAMEO codes a place by its state. An
     * army retaking a town of its own country says nothing of whom it took it from, so that gets no target.
     */
    void placeTarget(Candidate c, Roles.Context x, int obj) {
        if (!settings.on(CodingRule.PLACE_TARGETS) || !Roles.force(c.code)) return;
        List<Integer> phrase = x.s().phrase(obj, 3);
        for (PlaceMention p : x.places()) {
            var place = p.place();
            if (!place.resolved() || place.country() == null || !phrase.contains(p.lastToken())) continue;
            if (c.source != null && place.country().equals(c.source.country())) return;
            c.target = new Actor(place.text(), place.start(), place.end(), place.country(), place.name(), place.country(), null);
            c.targetToken = p.lastToken();
            c.placeTarget = true;
            return;
        }
    }

    /**
     * Rule victims-as-targets, for a noun: "at least 18 people had been injured by a suspected chlorine attack",
     * "two children were killed in an airstrike": those the act's toll befell are its target.
     */
    void victimsOfNoun(Candidate c, Roles.Context x) {
        Sentence s = x.s();
        for (Dependency d : s.parents(c.head())) {
            if (d.head() < 0) continue;
            String rel = d.relation();
            if (!(rel.equals("obl:agent") || rel.equals("obl:by") || rel.equals("obl:in"))) continue;
            if (!lexicon.cues("toll-verb").contains(lemma(s, d.head())) || !Graph.passive(s, d.head())) continue;
            int victim = Graph.passiveSubject(s, d.head());
            Actor a = victim < 0 ? null : roles.actor(x, victim);
            if (a != null) {
                c.target = a;
                c.targetToken = victim;
                return;
            }
        }
    }

    /**
     * Rule purpose-targets: "Turkey launched a ground and air offensive to oust Kurdish forces", "a military campaign
     * in Afrin, in an effort to drive out Kurdish militias": an act of force with no target of its own whose purpose
     * clause (a "to" infinitive on the act, on the verb that launches it, or on an "effort"/"bid" beside them) is to
     * expel, defeat or fight someone (expel-verb in coding/cues.tsv) is aimed at them.
     */
    void purposeTarget(Candidate c, Roles.Context x) {
        if (c.target != null || !Roles.force(c.code) || !settings.on(CodingRule.PURPOSE_TARGETS)) return;
        Sentence s = x.s();
        List<Integer> carriers = new ArrayList<>(List.of(c.head()));
        int verb = Graph.governingVerb(s, c.head());
        if (!c.verb() && verb >= 0 && Graph.relation(s, verb, c.head()).equals("obj")) carriers.add(verb);
        for (int k = 0, n = carriers.size(); k < n; k++) {
            for (Dependency d : s.children(carriers.get(k))) {
                String rel = d.baseRelation();
                if ((rel.equals("obl") || rel.equals("nmod")) && lexicon.cues("effort-noun").contains(lemma(s, d.dependent()))) carriers.add(d.dependent());
            }
        }
        Set<String> expel = lexicon.cues("expel-verb");
        for (int carrier : carriers) {
            for (Dependency d : s.children(carrier)) {
                String rel = d.baseRelation();
                int purpose = d.dependent();
                if (!(rel.equals("xcomp") || rel.equals("advcl") || rel.equals("acl")) || !s.token(purpose).isVerb()) continue;
                if (!Graph.hasChild(s, purpose, "mark", "to") || !expel.contains(lemma(s, purpose))) continue;
                int enemy = child(s, purpose, "obj");
                if (enemy < 0) continue;
                Actor a = roles.actor(x, enemy);
                if (a != null && a.code() != null && (c.source == null || !a.code().equals(c.source.code()))) {
                    c.target = a;
                    c.targetToken = enemy;
                    return;
                }
            }
        }
    }

    /**
     * The actor holding the place an attack hit: "hit depots in Daesh-controlled areas", "shelled rebel-held
     * districts", "struck areas held by the militants".
     */
    Actor controller(Roles.Context x, int trigger) {
        Sentence s = x.s();
        for (Dependency d : s.children(trigger)) {
            if (!d.baseRelation().equals("obl") && !d.baseRelation().equals("obj")) continue;
            for (int t : s.phrase(d.dependent(), 2)) {
                if (!CONTROL_WORDS.contains(lemma(s, t))) continue;
                for (Dependency m : s.children(t)) {
                    String rel = m.baseRelation();
                    if (rel.equals("obl") || rel.equals("obl:agent") || rel.equals("compound") || rel.equals("nsubj")
                            || rel.equals("obl:npmod") || rel.startsWith("nmod") || rel.equals("dep")) {
                        Actor a = resolver.resolve(s, x.mentions(), m.dependent(), x.text(), false);
                        if (a != null) return a;
                    }
                }
            }
        }
        return null;
    }
}
