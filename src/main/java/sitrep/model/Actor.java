package sitrep.model;

/**
 * An actor mention with its CAMEO actor code: ISO3 country then role codes (RUSMIL), or an
 * organisation code (IGOUNO, IMGMUSISI). Country and sector may be null.
 */
public record Actor(String text, int start, int end, String code, String name, String country, String sector) {
}
