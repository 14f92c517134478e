package sitrep.geo;

import sitrep.model.Place;

import java.util.ArrayList;
import java.util.List;

/**
 * The geo stage's output for one article.
 *
 * @param mentions     the toponyms, resolved; these are the article's places
 * @param demonyms     adjectives and nouns for a country's people ("Syrian", "Palestinians"), resolved to the country.
 *                     Kept apart from the places: "Russian warships" says whose ships, not where they are, so an event
 *                     must not be located there; corpora that count demonyms as toponyms (LGL, TR-News) score them.
 * @param focusCountry the ISO3 country the article is mostly about, or null
 */
public record GeoResult(List<PlaceMention> mentions, List<PlaceMention> demonyms, String focusCountry) {
    public GeoResult {
        mentions = List.copyOf(mentions);
        demonyms = List.copyOf(demonyms);
    }

    public GeoResult(List<PlaceMention> mentions, String focusCountry) {
        this(mentions, List.of(), focusCountry);
    }

    public List<Place> places() {
        List<Place> out = new ArrayList<>(mentions.size());
        for (PlaceMention m : mentions) out.add(m.place());
        return out;
    }

    public List<PlaceMention> inSentence(int sentence) {
        List<PlaceMention> out = new ArrayList<>();
        for (PlaceMention m : mentions) if (m.sentence() == sentence) out.add(m);
        return out;
    }
}
