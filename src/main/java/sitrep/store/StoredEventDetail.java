package sitrep.store;

import java.util.Map;

/**
 * One event for the API's event page: the stored event, its listing position, and each mention's own coding
 * in the extract format (actor, trigger and place offsets), by mention id.
 */
public record StoredEventDetail(StoredEvent event, Map<String, String> mentionJson) {
    public StoredEventDetail {
        mentionJson = Map.copyOf(mentionJson);
    }
}
