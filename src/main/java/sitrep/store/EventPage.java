package sitrep.store;

import java.util.List;

/**
 * One page of an event listing (events without their mentions), each event's listing position (for callers
 * that stop part-way through a page), and where the next page starts, null on the last page.
 */
public record EventPage(List<StoredEvent> events, List<EventQuery.Position> positions, EventQuery.Position next) {
    public EventPage {
        events = List.copyOf(events);
        positions = List.copyOf(positions);
        if (positions.size() != events.size()) throw new IllegalArgumentException("one position per event");
    }
}
