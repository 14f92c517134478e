package sitrep.store;

/** One report of an event: which article said it, in which sentence, and why it was merged where it is. */
public record StoredMention(String mentionId, String eventId, String articleId, String url, String outlet,
                            String sentence, int start, int end, String trigger, int triggerStart, int triggerEnd,
                            double confidence, String mergeReason) {
}
