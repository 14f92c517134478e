package sitrep.eval;

import sitrep.model.Event;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the one event a single-label gold record is compared with. The "top event" is the event with the
 * highest confidence among those that pass the filter; asserted events come before negated, future or
 * hypothetical ones, and ties go to the event earlier in the text (its trigger offset), since news leads
 * with the main event.
 */
public final class TopEvents {
    private TopEvents() {
    }

    public static final Comparator<Event> ORDER = Comparator
            .comparing((Event e) -> !"asserted".equals(e.modality()))
            .thenComparing(Comparator.comparingDouble(Event::confidence).reversed())
            .thenComparingInt(e -> e.evidence() == null ? Integer.MAX_VALUE : e.evidence().trigger().start());

    public static Optional<Event> top(List<Event> events, Predicate<Event> filter) {
        return events.stream().filter(filter).min(ORDER);
    }

    /** Statements (CAMEO root 01) only carry what was said: the reported event is the one that counts. */
    public static boolean notStatement(Event e) {
        return e.cameo() == null || !"01".equals(e.cameo().root());
    }
}
