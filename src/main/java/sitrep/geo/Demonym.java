package sitrep.geo;

/**
 * A demonym recognition found ("Syrian", "Palestinians"): it votes for its country's share of the article, and when
 * it speaks of the country's people or things it is also reported, resolved to the country.
 *
 * @param sentence index of its sentence
 * @param country  ISO3 of its country
 * @param mention  the demonym resolved to its country, or null where it is no use of one (inside a place name or a
 *                 person's name, or the tail of a hyphenated compound)
 */
public record Demonym(int sentence, String country, PlaceMention mention) {
}
