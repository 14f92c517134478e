package sitrep.coding;

import sitrep.model.Actor;
import sitrep.model.Event;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;

import java.util.List;
import java.util.Set;

import static sitrep.coding.Graph.lemma;

/**
 * Reported speech: who said what. A reporting verb ("said", "told", "added") gives no event of its own by default
 * (rule bare-statements); what it reports carries the speaker as attribution. A speech verb that is an act ("warned",
 * "accused", "urged", "denied") is coded as that act (rule speech-acts). Obligations a speaker puts on others ("X must
 * withdraw") make the report a request.
 */
final class Speech {
    private final TriggerLexicon lexicon;
    private final CoderSettings settings;

    Speech(TriggerLexicon lexicon, CoderSettings settings) {
        this.lexicon = lexicon;
        this.settings = settings;
    }

    /** The clauses a speech verb reports: its clausal complements, quoted parataxis and "to" complements. */
    static List<Integer> contentHeads(Sentence s, int verb) {
        List<Integer> out = new java.util.ArrayList<>();
        for (Dependency d : s.children(verb)) {
            String rel = d.baseRelation();
            if (rel.equals("ccomp") || rel.equals("parataxis") || rel.equals("xcomp") || rel.equals("csubj")
                    || d.relation().equals("advcl:of") || d.relation().equals("obl:of") && s.token(d.dependent()).pos().equals("VBG")) {
                out.add(d.dependent());
            }
        }
        return out;
    }

    /** Marks the tokens of what a speech candidate reports with its speaker; returns the content heads. */
    List<Integer> attribute(Candidate speech, Event.Attribution[] attribution) {
        Sentence s = speech.sentence;
        List<Integer> heads = contentHeads(s, speech.head());
        if (speech.source == null) return heads;
        Event.Attribution a = new Event.Attribution(speech.source, s.token(speech.head()).word());
        for (int h : heads) for (int t : Graph.subtree(s, h)) if (attribution[t] == null) attribution[t] = a;
        return heads;
    }

    /**
     * What a bare reporting verb becomes: a request when what it reports obliges someone ("told Erdoğan that the
     * ceasefire must be applied"), else nothing (rule bare-statements), or a statement (010) with the rule off.
     */
    void code(Candidate speech, List<Integer> contentHeads) {
        Sentence s = speech.sentence;
        if (speech.trigger.speechAct()) {
            byContent(speech, contentHeads);
            return;
        }
        for (int h : contentHeads) {
            if (obliges(s, h)) {
                speech.code = "100";
                if (speech.target == null) speech.targetToken = -1;
                return;
            }
        }
        if (settings.on(CodingRule.BARE_STATEMENTS)) speech.drop(CodingRule.BARE_STATEMENTS, "a bare speech act");
    }

    /**
     * "vowed to keep up the raids" threatens, "vowed to ask its allies" promises: the code of a vow or pledge follows
     * the act vowed.
     */
    private void byContent(Candidate speech, List<Integer> contentHeads) {
        if (!speech.trigger.has("by-content")) return;
        Sentence s = speech.sentence;
        for (int h : contentHeads) {
            // The first act word in what was vowed, in text order: "vowed to keep up such raids".
            List<Integer> tokens = new java.util.ArrayList<>(Graph.subtree(s, h));
            java.util.Collections.sort(tokens);
            for (int i : tokens) {
                var t = s.token(i);
                List<TriggerLexicon.Trigger> rows = t.isVerb() ? lexicon.verbs(lemma(s, i)) : t.isNoun() ? lexicon.nouns(lemma(s, i)) : List.of();
                if (rows.isEmpty() || rows.get(0).speech()) continue;
                int root = Integer.parseInt(rows.get(0).code().substring(0, 2));
                if (root >= 14) speech.code = "138";
                else if (root >= 9) speech.code = "130";
                return;
            }
        }
    }

    /** "must", "should", "ought to" on the reported clause's verb, or "has to", "needs to" governing it. */
    boolean obliges(Sentence s, int verb) {
        for (Dependency d : s.children(verb)) {
            if (d.baseRelation().equals("aux") && lexicon.cues("obligation-modal").contains(lemma(s, d.dependent()))) return true;
        }
        // "X has to withdraw", "needs to stop": the obligation verb governs the act through "to".
        for (Dependency d : s.parents(verb)) {
            if (d.baseRelation().equals("xcomp") && d.head() >= 0 && lexicon.cues("obligation-verb").contains(lemma(s, d.head()))
                    && Graph.hasChild(s, verb, "mark", "to")) return true;
        }
        return false;
    }

    /** A speaker whose words are commentary (an analyst, an expert), so what they report is opinion, not an event. */
    boolean commentator(Sentence s, int speakerToken, Actor speaker) {
        if (speakerToken < 0) return false;
        Set<String> roles = lexicon.cues("opinion-speaker");
        for (int i : s.phrase(speakerToken, 2)) if (roles.contains(lemma(s, i))) return true;
        return false;
    }

    /** A verb of belief or fear ("believes", "fears", "expects"): what it governs is opinion or expectation. */
    boolean cognition(Sentence s, int verb) {
        return lexicon.cues("cognition").contains(lemma(s, verb));
    }
}
