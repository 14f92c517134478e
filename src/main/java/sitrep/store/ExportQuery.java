package sitrep.store;

import java.time.LocalDate;

/**
 * Filters for exporting events; null means no filter.
 *
 * @param type a CAMEO root ("19"), a PLOVER type ("ASSAULT") or an ACLED event or sub-event type
 */
public record ExportQuery(LocalDate from, LocalDate to, String country, String type) {
    public static ExportQuery all() {
        return new ExportQuery(null, null, null, null);
    }
}
