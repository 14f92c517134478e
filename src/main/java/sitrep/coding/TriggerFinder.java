package sitrep.coding;

import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static sitrep.coding.Graph.child;
import static sitrep.coding.Graph.lemma;

/**
 * Finds the words that state acts (triggers.tsv) in a sentence and settles which of their rows applies: a row's
 * grammatical conditions ("prt=out", "with=on|for", "xcomp", "obj") and the word's other senses (senses.tsv, rule
 * word-sense: "struck a deal" is no attack, "March" the month no protest).
 */
final class TriggerFinder {
    private final TriggerLexicon lexicon;
    private final CoderSettings settings;

    TriggerFinder(TriggerLexicon lexicon, CoderSettings settings) {
        this.lexicon = lexicon;
        this.settings = settings;
    }

    List<Candidate> find(Sentence s) {
        List<Candidate> out = new ArrayList<>();
        Set<String> lightNouns = lexicon.cues("frame-noun");
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            String lemma = lemma(s, i);
            // "March" the month, "Strike" a name: a token that is part of a date, number or person name is no act.
            if (settings.on(CodingRule.WORD_SENSE) && (t.ner().equals("DATE") || t.ner().equals("PERSON") || t.ner().equals("NUMBER"))) continue;
            TriggerLexicon.Trigger trig = null;
            int first = i;
            if (t.isVerb()) {
                trig = applicable(s, i, lexicon.verbs(lemma));
            } else if (t.isNoun()) {
                if (i > 0) {
                    TriggerLexicon.Trigger two = applicable(s, i, lexicon.nouns(lemma(s, i - 1) + " " + lemma));
                    if (two != null) {
                        trig = two;
                        first = i - 1;
                    }
                }
                if (trig == null) trig = applicable(s, i, lexicon.nouns(lemma));
                // A noun modifying another noun ("attack helicopter") is no act, unless the other noun only frames it
                // ("mediation effort", "peace mission"): then the pair is the trigger, headed by the frame.
                if (trig != null) {
                    for (Dependency d : s.parents(i)) {
                        if (!d.baseRelation().equals("compound")) continue;
                        if (d.head() == i + 1 && lightNouns.contains(lemma(s, d.head()))) out.add(new Candidate(s, i, i + 1, trig));
                        trig = null;
                        break;
                    }
                }
            }
            if (trig == null) continue;
            // With rule speech-acts off, "warned", "accused", "urged" are reporting verbs like "said".
            if (trig.speechAct() && !settings.on(CodingRule.SPEECH_ACTS)) {
                trig = new TriggerLexicon.Trigger(trig.lemma(), trig.verb(), "010", List.of("speech"), null);
            }
            if (settings.on(CodingRule.WORD_SENSE)) {
                String sense = otherSense(s, i, trig);
                if ("-".equals(sense) || insideNoAct(s, i)) continue;
                if (sense != null) trig = trig.withCode(sense);
            }
            out.add(new Candidate(s, first, i, trig));
        }
        return out;
    }

    /** The first row whose grammatical conditions hold at token {@code i}, or null. */
    private TriggerLexicon.Trigger applicable(Sentence s, int i, List<TriggerLexicon.Trigger> rows) {
        for (TriggerLexicon.Trigger t : rows) {
            // "fired missiles at" and "fired on the militiamen" are two rows of one verb: a weapon row needs its weapon.
            if (t.has("weapon") && !weaponObject(s, i)) continue;
            if (grammarHolds(s, i, t)) return t;
            // "accepted demands" yields (080), "accepted a formula" agrees (the row's otherwise code, 030).
            if (t.condition("obj") != null && t.otherwise() != null && grammarHolds(s, i, without(t, "obj"))) return t.withCode(t.otherwise());
        }
        return null;
    }

    /** Whether the verb's object (or passive subject) names a weapon ("fired missiles", "rockets were fired"). */
    private boolean weaponObject(Sentence s, int verb) {
        int w = child(s, verb, "obj");
        if (w < 0) w = Graph.passiveSubject(s, verb);
        if (w < 0) return false;
        for (int k : s.phrase(w, 2)) if (lexicon.instrument(lemma(s, k)) != null) return true;
        return false;
    }

    private static boolean grammarHolds(Sentence s, int i, TriggerLexicon.Trigger t) {
        String prt = t.condition("prt");
        if (prt != null) {
            int p = child(s, i, "compound:prt");
            // "hit back at the troops": the parser often reads the particle as an adverb.
            if (p < 0 || !s.token(p).word().equalsIgnoreCase(prt)) p = child(s, i, "advmod");
            if (p < 0 || !s.token(p).word().equalsIgnoreCase(prt)) return false;
        }
        String with = t.condition("with");
        if (with != null) {
            Set<String> prepositions = Set.of(with.split("\\|"));
            boolean found = false;
            for (Dependency d : s.children(i)) {
                int colon = d.relation().indexOf(':');
                String prep = colon < 0 ? "" : d.relation().substring(colon + 1);
                // "called his counterpart on Friday": a time after the preposition is no "call on".
                if (prepositions.contains(prep) && !Graph.time(s.token(d.dependent()))) found = true;
                // "had called on Russia to defend them": the parser may read the preposition as the verb's particle.
                if (d.relation().equals("compound:prt") && prepositions.contains(s.token(d.dependent()).word().toLowerCase(java.util.Locale.ROOT))) found = true;
            }
            if (!found) return false;
        }
        // "told X to withdraw", "asked Congress to ensure": an addressee and what they are to do.
        if (t.has("xcomp") && (child(s, i, "xcomp") < 0 || child(s, i, "obj") < 0 && child(s, i, "iobj") < 0)) return false;
        if (t.has("obj") && child(s, i, "obj") < 0 && Graph.passiveSubject(s, i) < 0) return false;
        String obj = t.condition("obj");
        if (obj != null) {
            int o = child(s, i, "obj");
            if (o < 0) o = Graph.passiveSubject(s, i);
            if (o < 0 || !Set.of(obj.split("\\|")).contains(lemma(s, o))) return false;
        }
        return true;
    }

    private static TriggerLexicon.Trigger without(TriggerLexicon.Trigger t, String condition) {
        List<String> rest = new ArrayList<>();
        for (String c : t.conditions()) if (!c.startsWith(condition + "=")) rest.add(c);
        return new TriggerLexicon.Trigger(t.lemma(), t.verb(), t.code(), rest, t.otherwise());
    }

    /**
     * "declined to discuss reports": a complement that selects a no-act sense of the verb it depends on (senses.tsv,
     * relation xcomp, outcome "-") is part of that phrase, so it is no act either (not a talk, nor, through
     * "declined", a refused one).
     */
    private boolean insideNoAct(Sentence s, int i) {
        for (Dependency d : s.parents(i)) {
            if (d.head() < 0) continue;
            var head = s.token(d.head());
            for (TriggerLexicon.Sense sense : lexicon.senses(lemma(s, d.head()), head.isVerb())) {
                // Only a verb's complement ("declined to discuss") is part of the phrase; an object the sense names
                // ("launched a campaign": launching is no act, the campaign is) stays a trigger of its own.
                if (!sense.outcome().equals("-") || !sense.relation().equals("xcomp")) continue;
                if ((d.relation().equals(sense.relation()) || d.baseRelation().equals(sense.relation())) && sense.cues().contains(lemma(s, i))) return true;
            }
        }
        return false;
    }

    /** The code of another sense the word has here (senses.tsv), "-" for no act, or null for the trigger's own sense. */
    private String otherSense(Sentence s, int i, TriggerLexicon.Trigger trig) {
        for (TriggerLexicon.Sense sense : lexicon.senses(trig.lemma().contains(" ") ? trig.lemma() : lemma(s, i), trig.verb())) {
            if (sense.relation().equals("sentence")) {
                for (int k = 0; k < s.size(); k++) if (sense.cues().contains(lemma(s, k))) return sense.outcome();
                continue;
            }
            for (Dependency d : s.children(i)) {
                if (!d.relation().equals(sense.relation()) && !d.baseRelation().equals(sense.relation())) continue;
                if (sense.cues().contains("*") || sense.cues().contains(lemma(s, d.dependent()))) return sense.outcome();
            }
            // A verb's object is the same word when the verb is passive: "the video was released", "a video released by".
            if (sense.relation().equals("obj") && trig.verb()) {
                int patient = Graph.passiveSubject(s, i);
                if (patient < 0 && s.token(i).pos().equals("VBN")) patient = Graph.participleNoun(s, i);
                if (patient >= 0 && (sense.cues().contains("*") || sense.cues().contains(lemma(s, patient)))) return sense.outcome();
            }
        }
        return null;
    }
}
