package sitrep.actors;

import java.time.LocalDate;

/**
 * A dictionary actor: a CAMEO code with its country and sector, valid from {@code from} up to, not including, {@code to} (office holders).
 *
 * @param metonym true for names that stand for a government only as a sentence's actor ("Damascus said"),
 *                never inside a place phrase ("strikes in Damascus")
 */
public record ActorEntry(String code, String name, String country, String sector, LocalDate from, LocalDate to,
                         boolean metonym) {

    public boolean validOn(LocalDate date) {
        if (date == null) return true;
        return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to)); // 'to' is exclusive
    }

    /** True when the code already says both who and in what role (RUSMIL, IGOUNO), so no agent may refine it. */
    public boolean complete() {
        return sector != null || country == null;
    }
}
