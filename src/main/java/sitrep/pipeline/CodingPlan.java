package sitrep.pipeline;

import sitrep.coding.CoderSettings;
import sitrep.coding.CodingRule;
import sitrep.coding.TriggerLexicon;
import sitrep.nlp.AnnotationPlan;
import sitrep.nlp.NlpAnnotator;
import sitrep.nlp.Token;

import java.util.List;
import java.util.Locale;

/**
 * The annotations the pipeline needs: the dependency parse only for sentences with a word that can state an act
 * (the coder reads nothing else from a parse, and the geoparser gets by without one), SUTime only for sentences
 * that can hold a date. Named entities, lemmas and tags every sentence gets, for places and actors.
 */
public final class CodingPlan implements AnnotationPlan {
    private final TriggerLexicon lexicon;
    /** Whether bare statements are coded (rule bare-statements off): then every reporting verb needs its parse. */
    private final boolean statements;

    public CodingPlan(TriggerLexicon lexicon, CoderSettings settings) {
        this.lexicon = lexicon;
        this.statements = !settings.on(CodingRule.BARE_STATEMENTS);
    }

    /**
     * A sentence whose only act words are reporting verbs ("said", "told") yields no event unless the report obliges
     * someone ("must", "should": a request) or carries a quotation whose speaker later sentences need.
     */
    @Override
    public boolean parse(List<Token> tagged) {
        boolean reporting = false;
        for (Token t : tagged) {
            String lemma = t.lemma().toLowerCase(Locale.ROOT);
            boolean may = t.isVerb() && lexicon.mayTrigger(lemma, true) || t.isNoun() && lexicon.mayTrigger(lemma, false);
            if (!may) continue;
            if (t.isVerb() && lexicon.reportingOnly(lemma) && !statements) {
                reporting = true;
                continue;
            }
            return true;
        }
        if (!reporting) return false;
        for (Token t : tagged) {
            String pos = t.pos();
            if (pos.equals("``") || pos.equals("''") || lexicon.cues("obligation-modal").contains(t.lemma().toLowerCase(Locale.ROOT))
                    || lexicon.cues("obligation-verb").contains(t.lemma().toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    @Override
    public String name() {
        return "coding" + (statements ? "+statements" : "");
    }

    @Override
    public boolean times(List<Token> tagged) {
        return NlpAnnotator.mayHoldDate(tagged);
    }
}
