package sitrep.report;

import sitrep.store.EventQuery;

/**
 * What a report covers: the event listing's filters (paging ignored), whose {@code from}/{@code to} are the
 * period, and optionally a zone whose area the events must lie in. A period bound left null is taken from the
 * scope's event dates: the earliest, the latest.
 */
public record ReportRequest(EventQuery scope, String zoneId) {
    public ReportRequest {
        if (scope == null) throw new IllegalArgumentException("a report needs a scope (EventQuery.all for everything)");
    }
}
