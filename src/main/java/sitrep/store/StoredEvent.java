package sitrep.store;

import java.util.List;

/**
 * One event in the store with everything its reports agree on, how many reports there are, and where
 * they disagree.
 *
 * @param eventJson     the representative mention's event, in the extract format, with merged fields
 *                      (date, location, actors) already updated
 * @param disagreements JSON object: field -> the distinct values reports gave (e.g. {"killed": [6, 8]})
 */
public record StoredEvent(String id, String eventJson, int numMentions, int numArticles, int numSources,
                          String disagreements, String firstSeen, List<StoredMention> mentions) {
    public StoredEvent {
        mentions = List.copyOf(mentions);
    }
}
