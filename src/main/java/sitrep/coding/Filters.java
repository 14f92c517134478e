package sitrep.coding;

import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;
import sitrep.nlp.TimeExpression;
import sitrep.nlp.Token;

import java.util.List;
import java.util.Set;

import static sitrep.coding.Graph.lemma;

/**
 * The filters that keep what is not an event out of the output, each a named rule: generic and habitual descriptions,
 * aggregate tolls, hypothetical content, back-references, descriptive negations and opinion. Each marks the candidate
 * dropped with its reason; none removes anything itself, so eval can list what each rule took.
 */
final class Filters {
    private final TriggerLexicon lexicon;
    private final CoderSettings settings;
    private final Speech speech;

    Filters(TriggerLexicon lexicon, CoderSettings settings, Speech speech) {
        this.lexicon = lexicon;
        this.settings = settings;
        this.speech = speech;
    }

    void apply(Candidate c, Discourse discourse, boolean hasPlace, boolean intent) {
        if (c.dropped != null) return;
        // What PLOVER reads as an intent ("may halt mediation if ...", "will not accept refugees") is a threat, promise
        // or refusal, however conditional or negated the act itself is.
        if (intent) {
            // "what they fear will be an imminent blockade", "it would be the most lethal clash": an intended or
            // conditional act that no one named intends or announces threatens nothing.
            if (settings.on(CodingRule.HYPOTHETICAL) && c.source == null && c.attribution == null && !toldBySomeone(c)) {
                c.drop(CodingRule.HYPOTHETICAL, "an intended act with no one who intends or announces it");
                return;
            }
            if (settings.on(CodingRule.OPINION)) opinion(c);
            return;
        }
        if (settings.on(CodingRule.HYPOTHETICAL)) hypothetical(c);
        if (settings.on(CodingRule.GENERIC)) generic(c, hasPlace);
        if (settings.on(CodingRule.AGGREGATE_TOLLS)) aggregate(c);
        if (settings.on(CodingRule.DESCRIPTIVE_NEGATION)) negation(c);
        if (settings.on(CodingRule.OPINION)) opinion(c);
        if (settings.on(CodingRule.BACK_REFERENCES)) backReference(c, discourse);
        if (settings.on(CodingRule.BARE_NOUNS)) bareNoun(c, hasPlace);
    }

    /**
     * Whether a reporting verb governs the act ("the party has said it will boycott the elections"): someone announces
     * it, even where the dictionaries do not know who.
     */
    private boolean toldBySomeone(Candidate c) {
        Sentence s = c.sentence;
        for (int up : Graph.ancestors(s, c.head())) {
            for (TriggerLexicon.Trigger t : lexicon.verbs(lemma(s, up))) if (t.speech()) return true;
        }
        return false;
    }

    /** A noun trigger with nothing that makes it one act (rule bare-nouns). */
    private void bareNoun(Candidate c, boolean hasPlace) {
        if (c.dropped != null || c.verb() || !c.alsoTriggers.isEmpty() || ownTime(c) || !c.quantities.isEmpty()) return;
        if (anchored(c)) return;
        Sentence s = c.sentence;
        // "South African attacks on them", "rocket attacks": a plural with no article names a kind of act, not one.
        boolean bare = s.token(c.head()).pos().equals("NNS") && Graph.childBase(s, c.head(), "det") < 0;
        if (c.source != null && c.target != null && hasPlace && !bare) return;
        c.drop(CodingRule.BARE_NOUNS, "a noun with no date, count, launching verb or actors and place of its own");
    }

    /**
     * Whether a noun trigger is told as one act by the verb it hangs from: "launched an attack", "carried out
     * airstrikes", "the attack killed five", "took part in marches", "dispersed the protesters", "10 days of war games".
     */
    private boolean anchored(Candidate c) {
        Sentence s = c.sentence;
        int node = c.head();
        for (Dependency d : s.parents(c.head())) {
            if (d.relation().equals("nmod:of") && d.head() >= 0 && lexicon.cues("measure-noun").contains(lemma(s, d.head()))) node = d.head();
        }
        for (Dependency d : s.parents(node)) {
            if (d.head() < 0) continue;
            String rel = d.baseRelation();
            if (rel.equals("obj") && lexicon.cues("launch-verb").contains(lemma(s, d.head()))) return true;
            if ((rel.equals("nsubj") || rel.equals("nsubj:pass")) && s.token(d.head()).isVerb()
                    && !lexicon.cues("stative-verb").contains(lemma(s, d.head()))) return true;
            if (rel.equals("obl") && lexicon.cues("participate-verb").contains(lemma(s, d.head()))) return true;
            if (rel.equals("obj") && lexicon.cues("actor-noun").contains(lemma(s, c.head())) && s.token(d.head()).isVerb()) return true;
        }
        return false;
    }

    /** A time expression attached to the trigger's clause (within two arcs). */
    static boolean ownTime(Candidate c) {
        return ownTime(c, false);
    }

    /** As {@link #ownTime(Candidate)}; with {@code day}, only a date to the day counts ("on Sunday", not "in recent days"). */
    private static boolean ownTime(Candidate c, boolean day) {
        Sentence s = c.sentence;
        for (TimeExpression t : s.times()) {
            if (day) {
                String v = EventDates.dayOrCoarser(t.value());
                if (v == null || v.length() != 10) continue;
            }
            for (int i = t.firstToken(); i <= t.lastToken(); i++) {
                if (Graph.pathLength(s, i, c.head(), 3) <= 3) return true;
            }
        }
        return false;
    }

    private void hypothetical(Candidate c) {
        Sentence s = c.sentence;
        if ("hypothetical".equals(c.modality) && c.ploverOverride == null) {
            c.drop(CodingRule.HYPOTHETICAL, "may, might, could, or wanted, sought, urged");
            return;
        }
        String last = s.token(s.size() - 1).word();
        if (last.equals("?") || s.size() > 1 && s.token(s.size() - 2).word().equals("?")) {
            c.drop(CodingRule.HYPOTHETICAL, "a question");
            return;
        }
        // "if a US strike threatened Russian personnel", "in case of a threat": the content of a condition.
        int mark = conditionMark(c);
        if (mark >= 0) {
            c.drop(CodingRule.HYPOTHETICAL, "inside a condition ('" + s.token(mark).word() + "')");
            return;
        }
        // "was asked why the US had chosen to attack", "wondered whether": an indirect question asks, it does not tell.
        for (int a : Graph.ancestors(s, c.head())) {
            if (!lexicon.cues("question-verb").contains(lemma(s, a))) continue;
            for (int t : Graph.subtree(s, c.head())) {
                if (t < c.head() && lexicon.cues("question-word").contains(lemma(s, t))) {
                    c.drop(CodingRule.HYPOTHETICAL, "an indirect question");
                    return;
                }
            }
            for (Dependency d : s.children(c.head())) {
                if ((d.baseRelation().equals("mark") || d.baseRelation().equals("advmod")) && lexicon.cues("question-word").contains(lemma(s, d.dependent()))) {
                    c.drop(CodingRule.HYPOTHETICAL, "an indirect question");
                    return;
                }
            }
        }
        // "travelled to Syria to join the struggle", "in an effort to drive out": a purpose is not yet an act.
        String rel = Graph.relationToHead(s, c.head());
        // ("took to the streets to protest" is the protest: a crowd that gathers to protest is protesting.)
        if (c.verb() && s.token(c.head()).pos().equals("VB") && (rel.equals("advcl") || rel.equals("acl"))
                && Graph.hasChild(s, c.head(), "mark", "to") && !c.trigger.speechAct() && !c.root().equals("14")) {
            c.drop(CodingRule.HYPOTHETICAL, "a purpose ('to ...')");
            return;
        }
        // "sent troops to fight Isis", "deployed ships to patrol the strait": what forces are sent to do is a purpose.
        if (c.verb() && s.token(c.head()).pos().equals("VB") && rel.equals("xcomp") && Graph.hasChild(s, c.head(), "mark", "to")
                && !c.trigger.speechAct()) {
            for (Dependency d : s.parents(c.head())) {
                if (d.head() >= 0 && d.relation().equals("xcomp") && lexicon.cues("dispatch-verb").contains(lemma(s, d.head()))) {
                    c.drop(CodingRule.HYPOTHETICAL, "a purpose ('sent ... to ...')");
                    return;
                }
            }
        }
    }

    /** The "if"/"unless" that makes the act's own clause a condition, or -1. */
    int conditionMark(Candidate c) {
        Sentence s = c.sentence;
        Set<String> conditions = lexicon.cues("condition");
        for (int node : withSelf(s, c.head())) {
            for (Dependency d : s.children(node)) {
                if (d.baseRelation().equals("mark") && conditions.contains(lemma(s, d.dependent()))) return d.dependent();
            }
            if (Graph.relationToHead(s, node).equals("ccomp") || Graph.relationToHead(s, node).equals("parataxis")) break;
        }
        return -1;
    }

    private static List<Integer> withSelf(Sentence s, int token) {
        List<Integer> out = new java.util.ArrayList<>();
        out.add(token);
        out.addAll(Graph.ancestors(s, token));
        return out;
    }

    private void generic(Candidate c, boolean hasPlace) {
        Sentence s = c.sentence;
        Token t = s.token(c.head());
        String rel = Graph.relationToHead(s, c.head());
        if (c.verb()) {
            List<String> aux = Graph.auxiliaries(s, c.head());
            // "a British woman fighting alongside Kurdish forces", "militants allied to the YPG": a participle that
            // says who someone is.
            if ((t.pos().equals("VBG") || t.pos().equals("VBN")) && (rel.equals("acl") || rel.equals("amod")) && !ownTime(c)
                    && c.quantities.isEmpty() && !(c.trigger.speechAct() && t.pos().equals("VBG"))) {
                c.drop(CodingRule.GENERIC, "a participle describing someone");
                return;
            }
            // "Iran, whose Revolutionary Guards and militiamen are fighting alongside Assad's forces": whom someone fights
            // beside, with no enemy, time or toll named, says whose side they are on, not that an act happened.
            if (c.violent() && c.target == null && c.mergedHeads.isEmpty() && !ownTime(c) && c.quantities.isEmpty()) {
                String ally = Graph.obliquePreposition(s, c.head(), lexicon.cues("ally-preposition"));
                if (ally != null) {
                    c.drop(CodingRule.GENERIC, "fighting '" + ally + "' someone: whose side, not an act");
                    return;
                }
            }
            // "have been raided several times in the past three years", "have repeatedly clashed": a material act told
            // as done again and again is a tally or a habit, not one act, unless a day is named ("repeatedly shelled the
            // town on Sunday" is that day's shelling). A warning or demand made repeatedly is a standing one, and news
            // reports it as such ("Erdoğan has repeatedly threatened a new incursion in recent days"): it stays.
            if (!c.verbal() && c.quantities.isEmpty() && repeated(s, c.head()) && !ownTime(c, true)) {
                c.drop(CodingRule.GENERIC, "told as done again and again");
                return;
            }
            // "as territory shrinks and fighting becomes more intense": a gerund with no subject or auxiliary of its own,
            // standing where a noun would, needs what a noun needs to be one act.
            // ("stepped up his rhetoric, accusing it of ...", "encircled Afrin, besieging 200,000 civilians": a participle
            // with an object, hung on a verb, is an adverbial clause of that verb's subject, not a noun.)
            boolean participialClause = rel.equals("dep") && Graph.governingVerbOf(s, c.head()) >= 0 && Graph.child(s, c.head(), "obj") >= 0;
            if (t.pos().equals("VBG") && aux.isEmpty() && Graph.child(s, c.head(), "nsubj") < 0 && c.mergedHeads.isEmpty() && !participialClause
                    && Set.of("conj", "dep", "nsubj", "obj", "root").contains(rel) && !ownTime(c) && c.quantities.isEmpty() && !anchored(c)) {
                c.drop(CodingRule.GENERIC, "a gerund used as a noun");
                return;
            }
            // "shifted its focus from fighting Isis", "aimed at fighting terrorists": a gerund inside a phrase.
            if (t.pos().equals("VBG") && aux.isEmpty()) {
                for (Dependency d : s.children(c.head())) {
                    if ((d.baseRelation().equals("mark") || d.baseRelation().equals("case"))
                            && lexicon.cues("gerund-preposition").contains(lemma(s, d.dependent()))) {
                        c.drop(CodingRule.GENERIC, "a gerund after '" + s.token(d.dependent()).word() + "'");
                        return;
                    }
                }
            }
            // "know how to fight in an urban setting": a skill or a manner, not an act.
            if (t.pos().equals("VB") && Graph.hasChild(s, c.head(), "mark", "to")) {
                for (Dependency d : s.children(c.head())) {
                    if ((d.baseRelation().equals("advmod") || d.baseRelation().equals("mark")) && d.dependent() < c.head()
                            && lexicon.cues("question-word").contains(lemma(s, d.dependent()))) {
                        c.drop(CodingRule.GENERIC, "'" + s.token(d.dependent()).word() + " to ...'");
                        return;
                    }
                }
            }
            // "Turkey considers the YPG a terrorist group", "rebels who fight the regime": the simple present tells
            // what is habitually so, not what happened (speech acts excepted: "Russia accuses ...").
            boolean present = t.pos().equals("VBZ") || t.pos().equals("VBP")
                    || t.pos().equals("VBN") && aux.stream().anyMatch(a -> a.equals("be")) && presentAux(s, c.head());
            if (present && !c.trigger.speechAct() && !ownTime(c) && c.quantities.isEmpty() && !aux.contains("will") && !hasPlace) {
                c.drop(CodingRule.GENERIC, "simple present (habitual)");
            }
            return;
        }
        // "the fight against Isis", "the war", "fighting" with nothing that makes it one act: no actor doing it,
        // no date, no count, no place.
        if (lexicon.cues("generic-noun").contains(lemma(s, c.head())) && !ownTime(c) && c.quantities.isEmpty() && !anchored(c)) {
            c.drop(CodingRule.GENERIC, "a generic noun ('" + t.word() + "')");
        }
    }

    private static boolean presentAux(Sentence s, int verb) {
        for (Dependency d : s.children(verb)) {
            if (!d.baseRelation().startsWith("aux")) continue;
            String w = Graph.word(s, d.dependent());
            if (w.equals("was") || w.equals("were") || w.equals("been") || w.equals("had") || w.equals("has") || w.equals("have")) return false;
        }
        return true;
    }

    /** "330,000 killed since 2011", "brought the death toll to 500", "so far": totals, not one act. */
    private void aggregate(Candidate c) {
        Sentence s = c.sentence;
        if (!c.violent()) return;
        Set<String> cues = lexicon.cues("aggregate");
        for (int i = 0; i < s.size(); i++) {
            if (!cues.contains(lemma(s, i))) continue;
            int cue = i;
            if (Graph.pathLength(s, i, c.head(), 4) <= 4 || c.mergedHeads.stream().anyMatch(h -> Graph.pathLength(s, h, cue, 3) <= 3)) {
                c.drop(CodingRule.AGGREGATE_TOLLS, "a total ('" + s.token(i).word() + "')");
                return;
            }
        }
        // "300 militants had been killed so far in the offensive": a running total.
        boolean tally = !c.quantities.isEmpty() || lexicon.cues("toll-verb").contains(lemma(s, c.head()));
        for (String phrase : tally ? lexicon.cues("running-total") : Set.<String>of()) {
            String[] words = phrase.split(" ");
            for (int i = 0; i + words.length <= s.size(); i++) {
                boolean match = true;
                for (int k = 0; k < words.length && match; k++) match = s.token(i + k).word().equalsIgnoreCase(words[k]);
                if (match && Graph.pathLength(s, i, c.head(), 4) <= 4) {
                    c.drop(CodingRule.AGGREGATE_TOLLS, "a running total ('" + phrase + "')");
                    return;
                }
            }
        }
        for (TimeExpression t : s.times()) {
            // ("since midnight" counts hours, not a campaign's toll.)
            // ("the deadliest attack since 2015" compares: it counts nothing.)
            int qualified = s.head(Graph.spanHead(s, t.firstToken(), t.lastToken()));
            if (t.firstToken() > 0 && lemma(s, t.firstToken() - 1).equals("since") && t.value().indexOf('T') < 0
                    && Graph.pathLength(s, t.firstToken(), c.head(), 4) <= 4
                    && !(qualified >= 0 && Graph.ranked(s, qualified, lexicon.cues("rank-word")))) {
                c.drop(CodingRule.AGGREGATE_TOLLS, "counted since " + t.text());
                return;
            }
        }
        // "killed in eight weeks of bombardment", "over the past year": a toll over a long span.
        boolean toll = !c.quantities.isEmpty() || lexicon.cues("toll-verb").contains(lemma(s, c.head()))
                || c.mergedHeads.stream().anyMatch(h -> lexicon.cues("toll-verb").contains(lemma(s, h)));
        for (int i = 0; toll && i < s.size(); i++) {
            if (!s.token(i).ner().equals("DURATION") || s.token(i).normalized() == null) continue;
            if (Graph.pathLength(s, i, c.head(), 4) > 4) continue;
            // "a 30-day ceasefire", "the weeklong offensive": a duration that modifies a noun names it, not a span of tolls.
            String rel = Graph.relationToHead(s, i);
            if (rel.equals("amod") || rel.equals("compound") || rel.equals("nummod") || s.token(i).word().toLowerCase(java.util.Locale.ROOT).contains("-old")
                    || i + 1 < s.size() && lemma(s, i + 1).equals("old")) continue;
            long days = days(s.token(i).normalized());
            if (days > 10) {
                c.drop(CodingRule.AGGREGATE_TOLLS, "over " + s.token(i).word() + " " + (i + 1 < s.size() ? s.token(i + 1).word() : ""));
                return;
            }
        }
    }

    /** Days in a TIMEX duration ("P8D", "P2W", "P3M", "P7Y"), 0 when unreadable. */
    static long days(String duration) {
        var m = java.util.regex.Pattern.compile("P(\\d+(?:\\.\\d+)?)([DWMY])").matcher(duration);
        if (!m.lookingAt()) return 0;
        double n = Double.parseDouble(m.group(1));
        return (long) (n * switch (m.group(2)) {
            case "D" -> 1;
            case "W" -> 7;
            case "M" -> 30;
            default -> 365;
        });
    }

    /**
     * "no arrests were made", "the US has not intervened": a negated act nobody refuses is no event. A refusal or a
     * denial is (speech acts), and so is what a speaker says it will not do ("Afrin would not be returned": REJECT).
     */
    private void negation(Candidate c) {
        // "a moratorium on air raids", "an end to the shelling", "a lull in the fighting": the act named is one that
        // stopped or is to stop, not one that happened (the halt, where it is a trigger, is coded on its own).
        if (!c.verb()) {
            Sentence s = c.sentence;
            for (Dependency d : s.parents(c.head())) {
                String rel = d.relation();
                if (d.head() >= 0 && (rel.equals("nmod:on") || rel.equals("nmod:to") || rel.equals("nmod:of") || rel.equals("nmod:in"))
                        && lexicon.cues("cessation-noun").contains(lemma(s, d.head()))) {
                    c.drop(CodingRule.DESCRIPTIVE_NEGATION, "an act halted ('" + s.token(d.head()).word() + "')");
                    return;
                }
            }
        }
        if (!"negated".equals(c.modality) || "REJECT".equals(c.ploverOverride)) return;
        // "did not deny them", "did not condemn": no refusal or accusation was made.
        if (c.trigger.speechAct()) {
            c.drop(CodingRule.DESCRIPTIVE_NEGATION, "a speech act not made");
            return;
        }
        if (c.attribution != null && Graph.auxiliaries(c.sentence, c.head()).stream().anyMatch(a -> a.equals("will") || a.equals("would"))) return;
        c.drop(CodingRule.DESCRIPTIVE_NEGATION, "a negated act");
    }

    /** What commentators say, and what anyone believes or fears, is opinion. */
    private void opinion(Candidate c) {
        Sentence s = c.sentence;
        // "“We are standing before the massacre of the 21st century,” said a doctor": in a quotation, material acts are
        // the speaker's picture of things; only what the speaker does by speaking (threats, demands) is an act.
        if (c.quoted && !c.verbal() && !c.trigger.speech()) {
            c.drop(CodingRule.OPINION, "a material act inside a quotation");
            return;
        }
        if (c.attribution != null && speech.commentator(s, c.attribution.speaker() == null ? -1 : tokenOf(s, c.attribution.speaker()), c.attribution.speaker())) {
            c.drop(CodingRule.OPINION, "a commentator's words");
            return;
        }
        for (int a : Graph.ancestors(s, c.head())) {
            if (s.token(a).isVerb() && speech.cognition(s, a)) {
                c.drop(CodingRule.OPINION, "what someone " + s.token(a).word());
                return;
            }
        }
    }

    private static int tokenOf(Sentence s, sitrep.model.Actor a) {
        for (Token t : s.tokens()) if (t.start() <= a.start() && a.start() < t.end()) return t.index();
        return -1;
    }

    /** An adverb of frequency on the verb ("repeatedly"), or a count of times ("several times", "three times"). */
    private boolean repeated(Sentence s, int verb) {
        for (Dependency d : s.children(verb)) {
            int k = d.dependent();
            String l = lemma(s, k);
            if (d.baseRelation().equals("advmod") && lexicon.cues("frequency").contains(l)) return true;
            if (!l.equals("time") || !s.token(k).word().equalsIgnoreCase("times")) continue;
            for (Dependency m : s.children(k)) {
                if (s.token(m.dependent()).pos().equals("CD") || lexicon.cues("frequency-count").contains(lemma(s, m.dependent()))) return true;
            }
        }
        return false;
    }

    /**
     * "the attack", "the talks", "despite the de-escalation deal": a definite noun for a kind of act the article has
     * already coded, with nothing new (no date, count or place of its own), refers back to it.
     */
    private void backReference(Candidate c, Discourse discourse) {
        if (c.verb()) {
            outcomeOfEarlier(c, discourse);
            return;
        }
        if (!definite(c.sentence, c.head(), true) || ownTime(c) || !c.quantities.isEmpty()) return;
        for (Candidate earlier : discourse.coded) {
            if (earlier.root().equals(c.root()) || earlier.violent() && c.violent()) {
                c.drop(CodingRule.BACK_REFERENCES, "refers back to '" + earlier.sentence.token(earlier.head()).word() + "'");
                return;
            }
        }
    }

    /** A noun with a definite determiner ("the attack", "these strikes") or, where {@code preposition}, after "despite" and the like. */
    private boolean definite(Sentence s, int noun, boolean preposition) {
        for (Dependency d : s.children(noun)) {
            String rel = d.baseRelation();
            String l = lemma(s, d.dependent());
            if (rel.equals("det") && (l.equals("the") || l.equals("this") || l.equals("that") || l.equals("these") || l.equals("those"))) return true;
            if (preposition && rel.equals("case") && lexicon.cues("reference-preposition").contains(l)) return true;
        }
        return false;
    }

    /**
     * "At least 18 rebels died in the clash", "An anaesthetist was killed in the attacks", "The attack has displaced
     * 5,000 people and killed scores": a death or wound told of a definite act of force ("the clash") already coded
     * in the article, with no time and no doer of its own, is that act's toll, not a new act. The toll goes to the
     * act it tells of, where that act has none.
     */
    private void outcomeOfEarlier(Candidate c, Discourse discourse) {
        if (!c.violent() || ownTime(c)) return;
        Sentence s = c.sentence;
        int act = -1;
        for (Dependency d : s.children(c.head())) {
            String rel = d.baseRelation();
            if (!(rel.equals("obl") || rel.equals("nsubj"))) continue;
            int n = d.dependent();
            if (!s.token(n).isNoun() || !definite(s, n, false)) continue;
            for (TriggerLexicon.Trigger t : lexicon.nouns(lemma(s, n))) {
                if (t.code().startsWith("18") || t.code().startsWith("19") || t.code().startsWith("20")) act = n;
            }
        }
        if (act < 0) return;
        // "The army said it had killed 70 militants in the fighting": a side's own claim of what it did in the act,
        // with its own doer, is kept as that side's act; only deaths told of the act itself are its toll.
        if (!c.trigger.has("victim")) {
            int doer = Graph.passive(s, c.head()) ? Graph.child(s, c.head(), "obl:agent") : Graph.subject(s, c.head());
            if (doer >= 0 && doer != act) return;
        }
        Candidate earlier = null;
        for (Candidate e : discourse.coded) if (e.violent() && e.sentence.index() < s.index()) earlier = e;
        if (earlier == null) return;
        Integer killed = c.quantities.get("killed");
        if (killed != null && !earlier.quantities.containsKey("killed")) earlier.quantities.put("killed", killed);
        c.drop(CodingRule.BACK_REFERENCES, "the toll of '" + earlier.sentence.token(earlier.head()).word() + "' told before");
    }
}
