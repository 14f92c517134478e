package sitrep.store;

import java.time.LocalDate;

/**
 * Filters and paging for the API's event queries; null means no filter. Every value reaches SQL as a bound
 * parameter, never as SQL text.
 *
 * @param bbox     minLon, minLat, maxLon, maxLat, or null
 * @param actor    an actor code prefix ("RUS" matches RUSMIL) or text in an actor's name, either side
 * @param text     text searched for in the evidence sentences of the event's mentions
 * @param after    keyset position: only events after this one in the listing order (newest first)
 * @param minConfidence only events that one of their mentions codes with at least this confidence, or null
 */
public record EventQuery(LocalDate from, LocalDate to, String country, String admin1, double[] bbox, String actor,
                         String cameoRoot, String ploverType, String acledType, String text, Position after, int limit,
                         Double minConfidence) {
    /** An event's place in the listing order: by date (undated last), then id. */
    public record Position(LocalDate date, String id) {
    }

    public EventQuery {
        if (bbox != null && bbox.length != 4) throw new IllegalArgumentException("bbox needs 4 numbers");
        bbox = bbox == null ? null : bbox.clone();
    }

    public EventQuery(LocalDate from, LocalDate to, String country, String admin1, double[] bbox, String actor,
                      String cameoRoot, String ploverType, String acledType, String text, Position after, int limit) {
        this(from, to, country, admin1, bbox, actor, cameoRoot, ploverType, acledType, text, after, limit, null);
    }

    public static EventQuery all(int limit) {
        return new EventQuery(null, null, null, null, null, null, null, null, null, null, null, limit);
    }
}
