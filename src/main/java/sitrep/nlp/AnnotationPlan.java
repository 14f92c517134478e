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
        public String name() {
            return "full";
        }
    };
}
