package sitrep.model;

import java.util.Locale;

/**
 * How a place word is used in its sentence. Every place word is output, so that a consumer can score or count all of
 * them, but only a {@link #TOPONYM} says where something is: the others say whose ("Syrian forces"), name something else
 * ("the Washington Post") or stand for a government or team ("Turkey said").
 */
public enum PlaceKind {
    /** The place itself: "fighting in Raqqa", "flew to Geneva". */
    TOPONYM,
    /** A demonym or place adjective: "Syrian", "Irish", "Palestinians". */
    ADJECTIVAL,
    /** A place name inside a larger name: "Syrian Observatory", "Washington Post", "Aleppo University". */
    EMBEDDED,
    /** A place standing for its government, people or team: "Turkey said", "Moscow warned". */
    METONYM;

    /** The name the extract format writes: {@code toponym}, {@code adjectival}, {@code embedded}, {@code metonym}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a label names; null (a record written before kinds existed) is a toponym. */
    public static PlaceKind of(String label) {
        if (label == null) return TOPONYM;
        for (PlaceKind k : values()) if (k.label().equals(label)) return k;
        throw new IllegalArgumentException("unknown place kind: " + label);
    }
}
