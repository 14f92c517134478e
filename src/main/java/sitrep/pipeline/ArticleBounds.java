package sitrep.pipeline;

/**
 * Where one article's cost is bounded, so that a run-on text (a table, a scraped page with no full stops, a
 * feed item gone wrong) cannot hold the pipeline or the store's writer for hours. Text longer than
 * {@code maxChars}, or that splits into more than {@code maxSentences} sentences, is refused with an error
 * naming the bound, before the costly annotation. Of the events coded, at most {@code maxEventsPerSentence}
 * per sentence and {@code maxEventsPerArticle} per article are kept, in text order; the article's errors say
 * how many were left out and by which bound, so nothing is cut silently.
 *
 * <p>The defaults lie well above real news (the longest of the 249 articles of the Guardian sample in
 * ../shared/eval/corpora has 58,265 characters) and well below what makes a store's writer wait for long: a
 * 300,000-character text annotates in minutes, and 500 events merge in seconds.
 */
public record ArticleBounds(int maxChars, int maxSentences, int maxEventsPerSentence, int maxEventsPerArticle) {
    public static final int DEFAULT_MAX_CHARS = 300_000;
    public static final int DEFAULT_MAX_SENTENCES = 4_000;
    public static final int DEFAULT_MAX_EVENTS_PER_SENTENCE = 20;
    public static final int DEFAULT_MAX_EVENTS_PER_ARTICLE = 500;

    public ArticleBounds {
        if (maxChars < 1 || maxSentences < 1 || maxEventsPerSentence < 1 || maxEventsPerArticle < 1) {
            throw new IllegalArgumentException("article bounds must be at least 1");
        }
    }

    public static ArticleBounds defaults() {
        return new ArticleBounds(DEFAULT_MAX_CHARS, DEFAULT_MAX_SENTENCES, DEFAULT_MAX_EVENTS_PER_SENTENCE, DEFAULT_MAX_EVENTS_PER_ARTICLE);
    }
}
