package sitrep.coding;

import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;

import static sitrep.coding.Graph.lemma;

/** Whether an act is asserted, or negated, announced for the future or only hypothetical (modality.tsv cues). */
final class Modality {
    private final TriggerLexicon lexicon;

    Modality(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** asserted unless a negation, future or hypothetical cue governs the trigger. */
    String of(Sentence s, int trigger) {
        return of(s, trigger, false);
    }

    /**
     * As {@link #of(Sentence, int)}; a speech verb ({@code speech}) takes no cue from above it when the parser hung it
     * under what it reports ("Iran could strike US bases, a commander warned": the warning is not hypothetical).
     */
    String of(Sentence s, int trigger, boolean speech) {
        int node = trigger;
        // A conjunct shares its first conjunct's auxiliaries and negation ("would not shell or storm the town") but is
        // not that verb's complement: "called Erdogan, urging him to ..." is no call for the urging.
        boolean viaConjunct = false;
        for (int hops = 0; hops <= 3 && node >= 0; hops++) {
            if (hops > 0 && !viaConjunct) {
                String m = lexicon.modality(lemma(s, node));
                if (m != null) return m;
            }
            // "will not accept": a negation outranks the future or hypothetical cue beside it.
            String found = null;
            for (Dependency d : s.children(node)) {
                String rel = d.baseRelation();
                if (rel.equals("neg") || rel.equals("aux") || rel.equals("mark") || rel.equals("advmod")
                        || rel.equals("det") && hops == 0) {
                    String m = lexicon.modality(lemma(s, d.dependent()));
                    if ("negated".equals(m)) return m;
                    if (found == null) found = m;
                }
            }
            if (found != null) return found;
            // "not" on a passive or copular event hangs off the auxiliary's head: checked above via advmod.
            int up = s.head(node);
            if (speech && hops == 0 && up >= 0) {
                String rel = Graph.relation(s, up, node);
                if (rel.equals("parataxis") || rel.equals("ccomp") || rel.equals("advcl")) break;
            }
            if (up >= 0) {
                String rel = Graph.relation(s, up, node);
                if (rel.equals("ccomp") && lexicon.modality(lemma(s, up)) == null && hops > 0) break;
                // "would not attend the talks, blaming Turkey", "rejected a statement urging restraint": a participle
                // clause or a modifier is asserted on its own; the main clause's negation or refusal is not its.
                // But "plans to attack", "its readiness to withdraw": an infinitive complement of a noun of intent has
                // that noun's modality.
                // So do "are making plans to attack", "has the capacity to strike", read as the act being the verb's
                // complement beside its object.
                int intent = -1;
                if (s.token(node).pos().equals("VB")) {
                    if (rel.equals("acl")) intent = up;
                    else if (rel.equals("xcomp") || rel.equals("ccomp")) intent = Graph.child(s, up, "obj");
                }
                String intended = intent < 0 || intent != up && !s.token(intent).isNoun() ? null : lexicon.modality(lemma(s, intent));
                if (intended != null) return intended;
                if ((rel.equals("advcl") || rel.equals("dep")) && s.token(node).pos().equals("VBG") || rel.equals("acl")
                        || rel.equals("parataxis")) break;
            }
            viaConjunct = up >= 0 && Graph.relation(s, up, node).startsWith("conj");
            node = up;
        }
        return "asserted";
    }
}
