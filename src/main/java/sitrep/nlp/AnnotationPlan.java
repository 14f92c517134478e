package sitrep.nlp;

import java.util.List;

/**
 * Which of CoreNLP's costly annotations a sentence gets, decided from its tagged words (word, lemma, part of speech)
 * before named entities, dates and the dependency parse are computed. SUTime and the neural parser are most of
 * CoreNLP's time; a sentence with no time word has no date to find, and one with no word that can state an act
 * gives the coder nothing to parse.
 */
public interface AnnotationPlan {
    /** Whether the sentence gets the dependency parse. */
    boolean parse(List<Token> tagged);

    /** Whether the sentence gets SUTime's dates (named entities and numbers it gets anyway). */
    boolean times(List<Token> tagged);

    /**
     * How far around each time cue (a digit or a time word) SUTime reads, in tokens on either side; 0 for the whole
     * sentence. SUTime's pattern matching costs time in proportion to the tokens it reads, and a date expression
     * ("on the morning of 14 September 2017", "two days later") lies close to its cue, so a window reads what a whole
     * sentence gives at a fraction of the cost. Named entities and numbers are found on the whole sentence anyway.
     */
    default int timeWindow() {
        return 0;
    }

    /**
     * Whether CoreNLP's annotators run as CoreNLP configures them: SUTime on whole sentences and the depparse
     * annotator with all five dependency graphs it builds (the reference bench measures against). Otherwise SUTime
     * reads the plan's windows and the parser builds only the enhanced++ graph the coder reads; the annotations sitrep
     * keeps are the same.
     */
    default boolean stockAnnotators() {
        return false;
    }

    /** A name for the plan, part of the key of cached annotations. */
    default String name() {
        return getClass().getName();
    }

    /** Every annotation on every sentence: CoreNLP's full annotation. */
    AnnotationPlan FULL = new AnnotationPlan() {
        @Override
        public boolean parse(List<Token> tagged) {
            return true;
        }

        @Override
        public boolean times(List<Token> tagged) {
            return true;
        }

        @Override
        public boolean stockAnnotators() {
            return true;
        }

        @Override
        public String name() {
            return "full";
        }
    };
}
