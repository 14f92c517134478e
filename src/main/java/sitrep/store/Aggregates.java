package sitrep.store;

/** Rows of the API's statistics: counts of events by period and type, by actor, by actor pair. */
public final class Aggregates {
    private Aggregates() {
    }

    /** @param period the first day of the period counted (YYYY-MM-DD) */
    public record TimelineCount(String period, String type, long count) {
    }

    /** The periods a timeline counts events in; weeks start on Monday. */
    public enum Interval {
        DAY, WEEK, MONTH, YEAR;

        /**
         * The finest interval that keeps a span of {@code days} to a few hundred bars: a timeline over an archive
         * of decades counted per day would send tens of thousands of rows that no chart can show.
         */
        public static Interval forSpan(long days) {
            if (days <= 200) return DAY;
            if (days <= 5 * 366) return WEEK;
            if (days <= 50 * 366) return MONTH;
            return YEAR;
        }
    }

    /** Counts per period and PLOVER type, oldest first, and the interval they were counted in. */
    public record Timeline(Interval interval, java.util.List<TimelineCount> counts) {
    }

    public record ActorCount(String code, String name, long asSource, long asTarget) {
        public long total() {
            return asSource + asTarget;
        }
    }

    public record DyadCount(String source, String sourceName, String target, String targetName, long count) {
    }
}
