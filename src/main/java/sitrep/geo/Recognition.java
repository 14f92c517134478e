package sitrep.geo;

import java.util.List;

/** What recognition found in one article: its toponyms and demonyms, in text order. */
public record Recognition(List<Toponym> toponyms, List<Demonym> demonyms) {
    public Recognition {
        toponyms = List.copyOf(toponyms);
        demonyms = List.copyOf(demonyms);
    }
}
