package sitrep.geo;

import java.util.List;

/** A country with the names news uses for it and for its people. */
public record Country(String iso3, String iso2, String name, double lat, double lon, List<String> capitals,
                      List<String> demonyms, List<String> otherNames) {
    public Country {
        capitals = List.copyOf(capitals);
        demonyms = List.copyOf(demonyms);
        otherNames = List.copyOf(otherNames);
    }
}
