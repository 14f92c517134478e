package sitrep.nlp;

/**
 * One token of an annotated sentence. {@code index} counts from 0 within the sentence;
 * {@code start}/{@code end} are character offsets into the article text.
 *
 * @param ner        CoreNLP's coarse entity tag (PERSON, LOCATION, ORGANIZATION, DATE, ..., or O)
 * @param normalized the normalised value of a numeric or temporal entity ("2017-09-14", "9000.0"), else null
 */
public record Token(int index, String word, String lemma, String pos, String ner, String normalized,
                    int start, int end) {

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isVerb() {
        return pos.startsWith("VB");
    }

    public boolean capitalized() {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }
}
