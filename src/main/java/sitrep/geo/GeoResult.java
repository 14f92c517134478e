package sitrep.geo;

import sitrep.model.Place;
import sitrep.model.PlaceKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The geo stage's output for one article. Every place word is in one of three lists, by what it can say of where
 * things happen.
 *
 * @param mentions     the names used as places ({@link PlaceKind#TOPONYM}) or standing for a place's government or
 *                     team ({@link PlaceKind#METONYM}: "Turkey said"), resolved; events are located among the toponyms
 * @param demonyms     adjectives and nouns for a country's people ("Syrian", "Palestinians": {@link PlaceKind#ADJECTIVAL};
 *                     or inside an organisation's name, "Syrian Observatory": {@link PlaceKind#EMBEDDED}), resolved to
 *                     the country. Kept apart: "Russian warships" says whose ships, not where they are, so an event is
 *                     located at one only when the text names no place for it
 * @param embedded     place names inside larger names ("the Washington Post", "Aleppo University"), resolved in the
 *                     text's context; they locate nothing
 * @param focusCountry the ISO3 country the article is mostly about, or null
 */
public record GeoResult(List<PlaceMention> mentions, List<PlaceMention> demonyms, List<PlaceMention> embedded, String focusCountry) {
    public GeoResult {
        mentions = List.copyOf(mentions);
        demonyms = List.copyOf(demonyms);
        embedded = List.copyOf(embedded);
    }

    public GeoResult(List<PlaceMention> mentions, String focusCountry) {
        this(mentions, List.of(), List.of(), focusCountry);
    }

    /** Every place word of the article, of every kind, in text order: the extract format's {@code places}. */
    public List<Place> places() {
        List<PlaceMention> all = all();
        List<Place> out = new ArrayList<>(all.size());
        for (PlaceMention m : all) out.add(m.place());
        return out;
    }

    /** The mentions of all three lists in text order. */
    public List<PlaceMention> all() {
        List<PlaceMention> all = new ArrayList<>(mentions.size() + demonyms.size() + embedded.size());
        all.addAll(mentions);
        all.addAll(demonyms);
        all.addAll(embedded);
        all.sort(Comparator.comparingInt((PlaceMention m) -> m.place().start()).thenComparingInt(m -> m.place().end()));
        return all;
    }

    /** The mentions of a sentence: its toponyms and metonyms. */
    public List<PlaceMention> inSentence(int sentence) {
        List<PlaceMention> out = new ArrayList<>();
        for (PlaceMention m : mentions) if (m.sentence() == sentence) out.add(m);
        return out;
    }
}
