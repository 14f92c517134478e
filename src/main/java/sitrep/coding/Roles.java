package sitrep.coding;

import sitrep.actors.ActorDictionary;
import sitrep.actors.ActorMention;
import sitrep.actors.ActorResolver;
import sitrep.geo.PlaceMention;
import sitrep.model.Actor;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static sitrep.coding.Graph.child;
import static sitrep.coding.Graph.lemma;

/**
 * Who did it and to whom: the source and target of each act, from the dependency parse and the actor dictionaries,
 * with references resolved within the article (rules coreference, victims-as-targets, backed-actors, modifier-actors).
 *
 * <p>Verbs take their source from the subject (or the "by" agent of a passive) and their target from the object (or
 * the passive subject); nouns ("airstrikes", "talks") from possessives, "by"/"between" phrases, national adjectives and
 * noun modifiers, or the subject of the verb that governs them ("carried out airstrikes"). What the sentence gives
 * beyond those (a purpose, a cause, a possessor, the ground hit) {@link ImpliedRoles} reads.
 */
final class Roles {
    private static final Set<String> ARMED_SECTORS = Set.of("MIL", "REB", "INS", "UAF", "COP", "SPY", "RAD", "SEP");
    /** Armed groups that are not a state's forces: rebels, insurgents, unidentified armed groups, separatists, radicals. */
    private static final Set<String> NON_STATE_ARMED = Set.of("REB", "INS", "UAF", "SEP", "RAD");
    private static final Set<String> NON_DOMESTIC = Set.of("IGO", "NGO", "MNC", "IMG", "NGM", "UIS");
    /** How many sentences back a pronoun or description may find its antecedent. */
    private static final int COREFERENCE_WINDOW = 6;

    private final ActorDictionary dictionary;
    private final ActorResolver resolver;
    private final TriggerLexicon lexicon;
    private final CoderSettings settings;

    /** Roles the text gives beyond the act's own subject and object (a purpose, a cause, a possessor, a place). */
    private final ImpliedRoles implied;

    Roles(ActorDictionary dictionary, TriggerLexicon lexicon, CoderSettings settings) {
        this.dictionary = dictionary;
        this.resolver = new ActorResolver(dictionary);
        this.lexicon = lexicon;
        this.settings = settings;
        this.implied = new ImpliedRoles(this, resolver, lexicon, settings);
    }

    /** The context roles are resolved in: the sentence's dictionary hits, the text and the article so far. */
    record Context(Sentence s, List<ActorMention> mentions, String text, Discourse discourse, List<PlaceMention> places) {
    }

    /** Fills in the source and target of a verb trigger; false when the trigger's condition on them does not hold. */
    boolean assignVerb(Candidate c, Context x) {
        Sentence s = x.s();
        int head = c.head();
        TriggerLexicon.Trigger t = c.trigger;
        // "died" is an act only with a violent cause: "died in the shelling", not "died of cancer" or "died as he lived".
        if (t.has("victim") && !violentCause(s, head)) return false;
        // Rule reduced-relatives: "villagers killed by Turkish shelling" (a past participle: the noun is acted on, the
        // "by" phrase acts), "a French proposal calling for elections" (a present one of a verbal act: the noun acts; a
        // material one, "fighters besieging the town", describes who they are and is left to the generic rule).
        int modified = settings.on(CodingRule.REDUCED_RELATIVES) ? Graph.participleNoun(s, head) : -1;
        boolean reducedPassive = modified >= 0 && s.token(head).pos().equals("VBN");
        if (modified >= 0 && !reducedPassive && !c.verbal()) modified = -1;
        boolean passive = reducedPassive || Graph.passive(s, head);
        boolean victim = settings.on(CodingRule.VICTIMS) && victimVerb(s, head, t, passive);
        int subj = reducedPassive || victim && passive ? Graph.agent(s, head) : Graph.subject(s, head);
        if (subj < 0 && !reducedPassive) subj = modified;
        if (victim && t.has("victim")) {
            // "a soldier died in the attack": the subject suffered the act; the doer is whoever the cause names.
            c.target = actor(x, subj);
            c.targetToken = subj;
            implied.doerOfCause(c, x);
            return true;
        }
        c.source = subj < 0 ? null : actor(x, subj);
        c.sourceToken = c.source == null ? -1 : subj;
        if (victim && c.source == null) implied.doerOfCause(c, x);
        // "fired missiles at X": the object is the weapon, the target follows "at"/"on".
        boolean weapon = t.has("weapon");
        int obj = weapon ? aimedAt(s, head, "obl:at", "obl:on", "obl:against") : child(s, head, "obj");
        if (obj < 0) obj = Graph.passiveSubject(s, head);
        if (obj < 0 && reducedPassive && !weapon) obj = modified;
        // "extend its offensive to Manbij", "intensified the bombardment": where the object is the act itself
        // (triggers.tsv's obj= condition), it is aimed at whom the act noun names ("the offensive against the YPG").
        if (obj >= 0 && t.condition("obj") != null && !lexicon.nouns(lemma(s, obj)).isEmpty()) obj = child(s, obj, "nmod:against", "nmod:on", "nmod:of");
        if (obj < 0 && c.trigger.speechAct() && c.code.startsWith("11") && settings.on(CodingRule.SPEECH_ACTS)) {
            // "Pakistan complained to the United Nations that planes from Afghanistan attacked ...": an accusation is
            // aimed at whom it accuses, the doer of what it reports, not at whom it is told to.
            int accused = ImpliedRoles.accusedIn(s, head);
            if (accused >= 0 && actor(x, accused) != null) obj = accused;
        }
        if (obj < 0 && c.trigger.speechAct()) obj = child(s, head, "iobj", "obl:to", "obl:on");
        // A mutual act (cameo.tsv's roles column: meet, negotiate, clash) may name its other side after "with" or as
        // the subject's second conjunct; merging relies on the same list to match such mentions with the sides swapped.
        boolean mutual = Codebook.shared().mutual(c.code);
        if (obj < 0 && mutual) obj = child(s, head, "obl:with");
        if (obj < 0) obj = aimedAt(s, head, "obl:on", "obl:against");
        if (obj < 0 && mutual && !implied.allied(s, head)) {
            obj = Graph.secondConjunct(s, subj);
            // "X and Y clashed": the second conjunct is the other side, so it does not name the source too.
            if (obj >= 0) {
                c.source = actor(x, subj, true);
                c.sourceToken = c.source == null ? -1 : subj;
            }
        }
        c.target = obj < 0 ? null : weapon ? resolver.resolve(s, x.mentions(), obj, x.text(), false) : actor(x, obj);
        c.targetToken = c.target == null ? -1 : obj;
        if (c.target == null && obj >= 0 && c.verbal() && settings.on(CodingRule.MODIFIER_ACTORS)) implied.ownerOfObject(c, x, obj);
        // "fought alongside the SDF to oust Isis from its caliphate in Syria": the purpose names the enemy before the
        // ground fought over does.
        implied.purposeTarget(c, x);
        if (c.target == null) {
            Actor controller = implied.controller(x, head);
            if (controller != null) c.target = controller;
        }
        if (c.target == null && obj >= 0) implied.placeTarget(c, x, obj);
        return conditionHolds(c, x, obj);
    }

    /**
     * Rule one-role: one mention fills one role. A source resolved to the very words that are the target ("Some senior
     * members of the ruling party ... urged Erdoğan": "the ruling party" taken back to the president) is a reference
     * gone astray; the act keeps its target, read from the object, and loses the source.
     */
    static void oneRole(Candidate c) {
        if (c.source == null || c.target == null) return;
        if (c.source.start() == c.target.start() && c.source.end() == c.target.end()) {
            c.source = null;
            c.sourceToken = -1;
        }
    }

    /** An oblique or clause of the verb that names a violent act: "in an airstrike", "when a shell hit", "of wounds". */
    private boolean violentCause(Sentence s, int verb) {
        for (Dependency d : s.children(verb)) {
            String rel = d.baseRelation();
            if (!rel.equals("obl") && !rel.equals("advcl") && !rel.equals("nmod")) continue;
            int dep = d.dependent();
            String l = lemma(s, dep);
            if (lexicon.cues("violent-cause").contains(l)) return true;
            var rows = s.token(dep).isVerb() ? lexicon.verbs(l) : lexicon.nouns(l);
            if (!rows.isEmpty() && rows.get(0).code().compareTo("18") >= 0 && rows.get(0).code().compareTo("21") < 0) return true;
        }
        return false;
    }

    /** "a soldier died", "two were killed", "civilians were wounded": the subject is the victim. */
    private static boolean victimVerb(Sentence s, int head, TriggerLexicon.Trigger t, boolean passive) {
        if (t.has("victim")) return true;
        String l = lemma(s, head);
        return (l.equals("kill") || l.equals("wound") || l.equals("injure")) && passive;
    }

    private boolean conditionHolds(Candidate c, Context x, int obj) {
        Sentence s = x.s();
        TriggerLexicon.Trigger t = c.trigger;
        if (t.has("territory")) {
            if (obj < 0) return false;
            List<Integer> phrase = s.phrase(obj, 3);
            for (PlaceMention p : x.places()) if (phrase.contains(p.lastToken())) return true;
            Set<String> territory = lexicon.cues("territory-noun");
            for (int i : phrase) if (territory.contains(lemma(s, i))) return true;
            return false;
        }
        if (t.has("weapon")) {
            int w = child(s, c.head(), "obj");
            if (w < 0) w = Graph.passiveSubject(s, c.head());
            if (w < 0) return false;
            for (int i : s.phrase(w, 2)) if (lexicon.instrument(lemma(s, i)) != null) return true;
            return false;
        }
        if (t.has("actor-object")) {
            // "another two facilities were hit", "shells struck the market": a place or installation hit is an attack too.
            boolean ground = obj >= 0 && (lexicon.cues("installation-noun").contains(lemma(s, obj)) || lexicon.cues("territory-noun").contains(lemma(s, obj))
                    || x.places().stream().anyMatch(p -> p.lastToken() == obj));
            return c.target != null || c.source != null && c.source.sector() != null && ARMED_SECTORS.contains(c.source.sector())
                    || weaponSubject(s, c.head()) || ground;
        }
        if (t.has("actor-target")) return c.target != null;
        return true;
    }

    /** "four rockets hit the town", "a shell struck the school": a weapon as the subject makes the verb an attack. */
    private boolean weaponSubject(Sentence s, int verb) {
        int subj = child(s, verb, "nsubj");
        if (subj < 0) return false;
        for (int i : s.phrase(subj, 1)) if (lexicon.instrument(lemma(s, i)) != null) return true;
        return false;
    }

    /** "platforms blamed by Washington for Friday's attack", "accused Iran of the attack": the accuser did not do it. */
    private boolean accusedOf(Sentence s, int noun) {
        for (Dependency d : s.parents(noun)) {
            if (d.head() < 0 || !(d.relation().equals("obl:for") || d.relation().equals("obl:of"))) continue;
            var rows = lexicon.verbs(lemma(s, d.head()));
            if (!rows.isEmpty() && rows.get(0).code().startsWith("11")) return true;
        }
        return false;
    }

    /** Source and target of a nominal trigger. */
    void assignNoun(Candidate c, Context x) {
        Sentence s = x.s();
        int head = c.head();
        List<Integer> between = new ArrayList<>();
        for (Dependency d : s.children(head)) {
            String rel = d.relation();
            if (rel.equals("nmod:between") || rel.equals("nmod:among")) between.add(d.dependent());
        }
        if (between.size() == 1) {
            int other = Graph.secondConjunct(s, between.get(0));
            if (other >= 0) between.add(other);
        }
        if (between.size() >= 2) {
            c.source = actor(x, between.get(0));
            c.target = actor(x, between.get(1));
            return;
        }
        int src = child(s, head, "nmod:poss", "nmod:by", "nmod:agent", "nmod:from");
        if (src >= 0) c.source = actor(x, src);
        if (c.source == null && settings.on(CodingRule.MODIFIER_ACTORS)) {
            // "Russian airstrikes", "coalition air strikes", "Daesh attacks": a name, nation or force before the noun.
            for (Dependency d : s.children(head)) {
                String rel = d.baseRelation();
                if ((rel.equals("amod") || rel.equals("compound")) && d.dependent() < c.first) {
                    // Only a country, an organisation or an armed force: "cruise missile attacks" has no actor in
                    // "missile", and "the Astana talks" is a venue, not Kazakhstan's government.
                    Actor a = resolver.resolve(s, x.mentions(), d.dependent(), x.text(), false);
                    if (a == null) a = coreferent(x, d.dependent(), null);
                    if (a != null && (a.country() != null || a.sector() == null || NON_DOMESTIC.contains(a.code()))) {
                        c.source = a;
                        break;
                    }
                }
            }
        }
        if (c.source == null && settings.on(CodingRule.MODIFIER_ACTORS) && !accusedOf(s, head)) {
            int subj = Graph.governingSubject(s, head);
            if (subj >= 0) c.source = actor(x, subj);
        }
        if (c.source == null) {
            // "airstrikes and shelling by forces loyal to Assad": the agent of a conjoined noun is the agent of both.
            for (Dependency d : s.parents(head)) {
                if (!d.relation().startsWith("conj") || d.head() < 0) continue;
                int by = child(s, d.head(), "nmod:by", "nmod:agent");
                if (by < 0) for (Dependency e : s.children(d.head())) if (e.relation().startsWith("conj") && e.dependent() != head) by = child(s, e.dependent(), "nmod:by");
                if (by >= 0) c.source = actor(x, by);
            }
        }
        int tgt = child(s, head, "nmod:on", "nmod:against", "nmod:with", "nmod:of");
        if (tgt >= 0) c.target = actor(x, tgt);
        if (c.target == null && tgt >= 0) implied.placeTarget(c, x, tgt);
        if (c.target == null) {
            // "launched an offensive last month against the YPG": the light verb carries the noun's target.
            int verb = Graph.governingVerb(s, head);
            if (verb >= 0 && Graph.relation(s, verb, head).equals("obj")) {
                int t = child(s, verb, "obl:against", "obl:on");
                if (t >= 0) c.target = actor(x, t);
            }
        }
        if (c.target == null && settings.on(CodingRule.VICTIMS)) implied.victimsOfNoun(c, x);
        implied.purposeTarget(c, x);
    }

    /** "According to X, ...": X is the source of everything else the sentence says. */
    Actor accordingTo(Context x) {
        Sentence s = x.s();
        for (int i = 0; i + 1 < s.size(); i++) {
            if (!s.token(i).lemma().equalsIgnoreCase("accord") || !s.token(i + 1).word().equalsIgnoreCase("to")) continue;
            for (Dependency d : s.parents(i)) {
                if (d.baseRelation().equals("case") && d.head() >= 0) return actor(x, d.head());
            }
        }
        return null;
    }

    /**
     * The actor a phrase names: the dictionaries first; then, for pronouns, surnames and definite descriptions, the
     * earlier mention they refer to (rule coreference). What is found is remembered for later references.
     */
    Actor actor(Context x, int head) {
        return actor(x, head, false);
    }

    /** As {@link #actor(Context, int)}; {@code conjunctsApart}: the head's conjuncts name other actors (see ActorResolver). */
    Actor actor(Context x, int head, boolean conjunctsApart) {
        if (head < 0) return null;
        Sentence s = x.s();
        Token t = s.token(head);
        Actor found = resolver.resolve(s, x.mentions(), head, x.text(), true,
                settings.on(CodingRule.BACKED_ACTORS) ? lexicon.cues("backer") : Set.of(), conjunctsApart);
        boolean coref = settings.on(CodingRule.COREFERENCE);
        if (coref && (found == null || found.country() == null && found.code() != null && found.code().length() == 3)) {
            Actor earlier = coreferent(x, head, found);
            if (earlier == null) earlier = possessor(x, head, found);
            if (earlier != null) found = earlier;
        }
        if (coref && found != null && found.country() == null && found.code() != null && found.code().equals(found.sector())) {
            Actor sender = sender(x, head);
            if (sender != null) found = new Actor(found.text(), found.start(), found.end(), sender.country() + found.code(),
                    found.name(), sender.country(), found.sector());
        }
        if (found != null && coref) remember(x, head, found);
        return found;
    }

    /**
     * "Turkey sent troops to fight", "Russia deployed warplanes": forces that someone sends are that sender's, so a bare
     * sector noun ("troops") takes the country of the subject of a sending verb it is the object of.
     */
    private Actor sender(Context x, int head) {
        Sentence s = x.s();
        for (Dependency d : s.parents(head)) {
            if (d.head() < 0 || !d.relation().equals("obj") || !lexicon.cues("dispatch-verb").contains(lemma(s, d.head()))) continue;
            int subj = Graph.subject(s, d.head());
            if (subj < 0 || subj == head) return null;
            Actor a = resolver.resolve(s, x.mentions(), subj, x.text(), true);
            if (a == null && s.token(subj).pos().startsWith("PRP")) a = x.discourse().antecedent(s.token(subj).word(), s.index(), subj, COREFERENCE_WINDOW);
            return a != null && a.country() != null ? a : null;
        }
        return null;
    }

    /** The subject of the verb whose object {@code pronoun} is ("urging him"), or -1: the one actor it cannot be. */
    private static int clauseSubject(Sentence s, int pronoun) {
        String rel = Graph.relationToHead(s, pronoun);
        if (!rel.equals("obj") && !rel.equals("iobj")) return -1;
        int verb = s.head(pronoun);
        return verb < 0 ? -1 : Graph.subject(s, verb);
    }

    /** The earlier actor a pronoun, surname or definite description at {@code head} refers to, as a mention here. */
    private Actor coreferent(Context x, int head, Actor found) {
        Sentence s = x.s();
        Token t = s.token(head);
        Discourse d = x.discourse();
        Actor earlier = null;
        if (t.pos().startsWith("PRP")) {
            earlier = d.antecedent(t.word(), s.index(), head, COREFERENCE_WINDOW, clauseSubject(s, head));
        } else if ("PERSON".equals(t.ner())) {
            earlier = d.bySurname(t.word());
        } else if (definite(s, head)) {
            String l = lemma(s, head);
            earlier = d.byHead(l);
            if (earlier == null && lexicon.cues("group-noun").contains(l)) earlier = d.latestGroup(s.index(), COREFERENCE_WINDOW);
        }
        if (earlier == null) return null;
        return new Actor(t.word(), t.start(), t.end(), earlier.code(), earlier.name(), earlier.country(), earlier.sector());
    }

    /**
     * "its aircraft", "their fighters": a role owned by a pronoun is the antecedent's ("the coalition said its aircraft
     * struck": the coalition's); a role with no country takes the antecedent's country.
     */
    private Actor possessor(Context x, int head, Actor found) {
        Sentence s = x.s();
        int poss = child(s, head, "nmod:poss");
        // "two of its soldiers": the count heads the phrase, the owner is the counted noun's.
        int counted = child(s, head, "nmod:of");
        if (poss < 0 && counted >= 0 && s.token(head).pos().equals("CD")) poss = child(s, counted, "nmod:poss");
        if (poss < 0 || !s.token(poss).pos().startsWith("PRP")) return null;
        Actor owner = x.discourse().antecedent(s.token(poss).word(), s.index(), poss, COREFERENCE_WINDOW);
        if (owner == null) return null;
        Token t = s.token(head);
        // "The RSF said its fighters had seized the palace": an armed group's own fighters are the group; a state's or a
        // ministry's soldiers are its country's military ("Russia's troops" is RUSMIL).
        if (found != null && found.sector() != null && ARMED_SECTORS.contains(found.sector()) && owner.sector() != null
                && NON_STATE_ARMED.contains(owner.sector())) {
            return new Actor(found.text(), found.start(), found.end(), owner.code(), owner.name(), owner.country(), owner.sector());
        }
        if (found != null && owner.country() != null && found.sector() != null) {
            return new Actor(found.text(), found.start(), found.end(), owner.country() + found.sector(), found.name(), owner.country(), found.sector());
        }
        return new Actor(t.word(), t.start(), t.end(), owner.code(), owner.name(), owner.country(), owner.sector());
    }

    /** "the group", "the ministry", "the coalition", "the regime": a bare noun with a definite article and nothing else. */
    private static boolean definite(Sentence s, int head) {
        boolean the = false;
        for (Dependency d : s.children(head)) {
            String rel = d.baseRelation();
            if (rel.equals("det") && lemma(s, d.dependent()).equals("the")) the = true;
            else if (rel.equals("amod") || rel.equals("compound") || rel.equals("nmod:poss") || rel.startsWith("nmod")) return false;
        }
        return the && s.token(head).isNoun() && !s.token(head).isProperNoun();
    }

    private void remember(Context x, int head, Actor a) {
        Sentence s = x.s();
        Token t = s.token(head);
        if (t.pos().startsWith("PRP")) return;
        boolean person = "PERSON".equals(t.ner()) || lexicon.cues("person-noun").contains(lemma(s, head));
        String surname = null;
        // The surname of a person named in the phrase: "President Recep Tayyip Erdoğan", "the envoy, Vassily Nebenzia".
        for (int i : s.phrase(head, 2)) {
            if ("PERSON".equals(s.token(i).ner()) && (i + 1 >= s.size() || !"PERSON".equals(s.token(i + 1).ner()))) {
                surname = s.token(i).word();
                person = true;
            }
        }
        boolean plural = t.pos().equals("NNS") || t.pos().equals("NNPS");
        x.discourse().remember(s.index(), head, a, "PERSON".equals(t.ner()) || "LOCATION".equals(t.ner()) ? null : lemma(s, head), person, plural, surname);
    }

    /**
     * Every named actor of a sentence, remembered in text order before its acts are coded, so a pronoun can refer to
     * a name that was no act's source or target ("stepped up his rhetoric against the US, accusing it of ...").
     */
    void rememberNames(Context x) {
        if (!settings.on(CodingRule.COREFERENCE)) return;
        Sentence s = x.s();
        for (ActorMention m : x.mentions()) {
            if (m.isAgent() || m.entry().metonym()) continue;
            var e = m.entry();
            boolean person = false;
            for (int i = m.firstToken(); i <= m.lastToken(); i++) person |= "PERSON".equals(s.token(i).ner());
            String pos = s.token(m.lastToken()).pos();
            boolean plural = pos.equals("NNS") || pos.equals("NNPS");
            Actor a = new Actor(x.text().substring(m.start(), m.end()), m.start(), m.end(), e.code(), e.name(), e.country(), e.sector());
            x.discourse().remember(s.index(), m.lastToken(), a, null, person, plural, person ? s.token(m.lastToken()).word() : null);
        }
    }

    /**
     * A role without a country ("police", "opposition groups", "the vice-president") is the role in the country where
     * the act happens (else the article's focus country), as ICEWS and CAMEO coders treat domestic actors: "police" in
     * a Nairobi story is KENCOP. International and unknown organisations stay as they are.
     */
    /**
     * The first dependent of {@code head} by one of these relations that is not a time: "attacked on Sunday" or
     * "clashed on Sunday" names when, not whom ("clashed ... on Sunday" had hidden the second side of a clash).
     */
    private static int aimedAt(Sentence s, int head, String... relations) {
        for (String r : relations) {
            for (Dependency d : s.children(head)) {
                if (!d.relation().equals(r) || Graph.time(s.token(d.dependent()))) continue;
                return d.dependent();
            }
        }
        return -1;
    }

    /** Coerce, assault, fight, mass violence (CAMEO roots 17 to 20): acts of force against someone. */
    static boolean force(String code) {
        return code != null && code.compareTo("17") >= 0 && code.compareTo("21") < 0;
    }

    Actor domestic(Actor a, String country) {
        if (a == null || a.country() != null || country == null || a.code() == null || a.code().length() != 3
                || !a.code().equals(a.sector()) || NON_DOMESTIC.contains(a.code()) || dictionary.countryName(a.code()) != null) return a;
        return new Actor(a.text(), a.start(), a.end(), country + a.code(), a.name(), country, a.sector() != null ? a.sector() : a.code());
    }

    /**
     * "Turkey launched a military campaign in Afrin", "Iranian troops are fighting in northern Iraq": a foreign force's
     * attack in a country with no target named is an attack on that country (rule place-targets). The place must be
     * named in the act's own sentence, and the source's country known and different.
     */
    void foreignTarget(Candidate c) {
        if (!settings.on(CodingRule.PLACE_TARGETS) || c.target != null || c.place == null || c.placeInherited) return;
        if (c.code == null || c.code.compareTo("18") < 0 || c.code.compareTo("21") >= 0) return;
        String country = c.place.country();
        if (country == null || c.source == null || c.source.country() == null || c.source.country().equals(country)) return;
        String name = dictionary.countryName(country);
        c.target = new Actor(c.place.text(), c.place.start(), c.place.end(), country, name != null ? name : c.place.name(), country, null);
        c.placeTarget = true;
    }

    /** A pronoun subject inside reported speech is the speaker: "Iraq said it would allow ...". */
    static boolean pronoun(Sentence s, int token) {
        return token >= 0 && s.token(token).pos().startsWith("PRP");
    }
}
