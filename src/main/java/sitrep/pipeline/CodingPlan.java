package sitrep.pipeline;

import sitrep.coding.CoderSettings;
import sitrep.coding.CodingRule;
import sitrep.coding.TriggerLexicon;
import sitrep.geo.Geoparser;
import sitrep.nlp.AnnotationPlan;
import sitrep.nlp.TimeCues;
import sitrep.nlp.Token;

import java.util.List;
import java.util.Locale;

/**
 * The annotations the pipeline needs: the dependency parse only for sentences with a word that can state an act
 * (the coder reads nothing else from a parse; the geoparser reads it only beside a word such as "ship" or "street"),
 * SUTime only for sentences that can hold a date, and there only in windows around the time cues. Named entities,
 * numbers, lemmas and tags every sentence gets, for places and actors.
 */
public final class CodingPlan implements AnnotationPlan {
    /**
     * Changes with what the plan asks for, so cached annotations of an older plan are not reused (the name also
     * carries the trigger lexicon's fingerprint: a new trigger word changes which sentences are parsed). Bump it when
     * the geoparser's own test of which sentences it reads a parse for (Geoparser.readsParse) changes.
     */
    private static final int VERSION = 6;
    /**
     * Tokens SUTime reads on either side of a time cue. Six holds the longest date expressions news writes ("on the
     * morning of Tuesday 14 September 2017", "in the early hours of Sunday") on either side of any of their words;
     * on the first 100 Guardian articles it gives the same dates as whole sentences (see README, "How it works").
     */
    static final int TIME_WINDOW = 6;
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
        if (Geoparser.readsParse(tagged)) return true;
        boolean reporting = false;
        java.util.Set<String> words = new java.util.HashSet<>();
        boolean properNoun = false;
        for (Token t : tagged) {
            words.add(t.lemma().toLowerCase(Locale.ROOT));
            words.add(t.word().toLowerCase(Locale.ROOT));
            properNoun |= t.isProperNoun();
        }
        for (int i = 0; i < tagged.size(); i++) {
            Token t = tagged.get(i);
            String lemma = t.lemma().toLowerCase(Locale.ROOT);
            boolean pair = t.isNoun() && i > 0 && !lexicon.nouns(tagged.get(i - 1).lemma().toLowerCase(Locale.ROOT) + " " + lemma).isEmpty();
            boolean may = pair || t.isVerb() && lexicon.mayApply(lemma, true, words, properNoun) || t.isNoun() && lexicon.mayApply(lemma, false, words, properNoun);
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
        return "coding-" + VERSION + "-" + lexicon.fingerprint() + (statements ? "+statements" : "");
    }

    @Override
    public int timeWindow() {
        return TIME_WINDOW;
    }

    @Override
    public boolean times(List<Token> tagged) {
        return TimeCues.mayHoldDate(tagged);
    }
}
