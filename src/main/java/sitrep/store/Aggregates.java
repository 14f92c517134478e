package sitrep.store;

/** Rows of the API's statistics: counts of events by period and type, by actor, by actor pair. */
public final class Aggregates {
    private Aggregates() {
    }

    /** @param period the first day of the day or week counted */
    public record TimelineCount(String period, String type, long count) {
    }

    public record ActorCount(String code, String name, long asSource, long asTarget) {
        public long total() {
            return asSource + asTarget;
        }
    }

    public record DyadCount(String source, String sourceName, String target, String targetName, long count) {
    }
}
