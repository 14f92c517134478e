package sitrep.geo;

import sitrep.model.Place;

import java.util.ArrayList;
import java.util.List;

/**
 * The geo stage's output for one article.
 *
 * @param focusCountry the ISO3 country the article is mostly about, or null
 */
public record GeoResult(List<PlaceMention> mentions, String focusCountry) {
    public GeoResult {
        mentions = List.copyOf(mentions);
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
