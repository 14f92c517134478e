package sitrep.store;

import java.util.List;

/**
 * One page of an event listing (events without their mentions) and where the next page starts, null on the
 * last page.
 */
public record EventPage(List<StoredEvent> events, EventQuery.Position next) {
    public EventPage {
        events = List.copyOf(events);
    }
}
