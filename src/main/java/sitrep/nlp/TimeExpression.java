package sitrep.nlp;

/**
 * A date found by SUTime, already normalised against the article's publication date.
 *
 * @param value TIMEX3 value as SUTime gives it: "2017-09-14", "2017-08", "2017", "2017-W37", "PRESENT_REF"...
 * @param firstToken first token index within the sentence (inclusive)
 * @param lastToken  last token index within the sentence (inclusive)
 */
public record TimeExpression(String text, String value, int firstToken, int lastToken, int start, int end) {
}
