package sitrep.geo;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything resolution is tuned by, in one place: each feature's weight and the distances and sizes its features
 * read. The weights were set by hand on the development corpora (LGL, GeoVirus; README gives the figures).
 *
 * @param weights    each {@link ResolutionFeature}'s weight; a missing feature weighs 0
 * @param nearKm     another chosen place this close supports a candidate (feature near-places)
 * @param supportKm  another name's possible sense this close supports a candidate (feature name-support)
 * @param seatKm     a town this close to a division of its name is the division's seat ("Raqqa" in Raqqa province)
 * @param metropolis a city this big is what its name means to readers of news about other countries, more than a
 *                   same-named division around it ("talks in New York" in a report on Syria)
 * @param foreignShare the share of the article's country votes under which a country counts as another country
 * @param prominentPopulation a town this big (or a capital) is prominent against far smaller namesakes
 * @param prominenceRatio a prominent town has at least this many times the people of each far namesake
 * @param contextSentences how many sentences before a toponym's own give the places that enclose it (context-places)
 * @param sectionsNeedContext whether a section of a town (GeoNames PPLX: "Old City", a quarter) smaller than a
 *                   prominent town is left unresolved
 *                   where the places of its sentence and the ones before lie elsewhere ("In Raqqa ... the Old City" is
 *                   not Jerusalem's): such names recur from town to town, and the enclosing place says which
 */
public record ResolutionSettings(Map<ResolutionFeature, Double> weights, double nearKm, double supportKm, double seatKm,
                                 long metropolis, double foreignShare, long prominentPopulation, double prominenceRatio,
                                 int contextSentences, boolean sectionsNeedContext) {
    public ResolutionSettings {
        EnumMap<ResolutionFeature, Double> copy = new EnumMap<>(ResolutionFeature.class);
        copy.putAll(weights);
        weights = Map.copyOf(copy);
    }

    public static ResolutionSettings defaults() {
        Map<ResolutionFeature, Double> w = new EnumMap<>(ResolutionFeature.class);
        w.put(ResolutionFeature.POPULATION, 1.0);
        w.put(ResolutionFeature.COUNTRY_NAME, 5.0);
        w.put(ResolutionFeature.CAPITAL, 1.5);
        w.put(ResolutionFeature.DIVISION_SEAT, 1.0);
        w.put(ResolutionFeature.DIVISION, 0.8);
        w.put(ResolutionFeature.DIVISION_CUE, 3.0);
        w.put(ResolutionFeature.COUNTY_SEAT, 0.4);
        w.put(ResolutionFeature.NAMED_FEATURE, 1.2);
        w.put(ResolutionFeature.CITY_CUE, 1.0);
        w.put(ResolutionFeature.ALTERNATE_NAME, -2.0);
        w.put(ResolutionFeature.HOLDS_QUALIFIED, 2.0);
        w.put(ResolutionFeature.LIST_KIN, 1.0);
        w.put(ResolutionFeature.LIST_UNLIKE, -1.0);
        w.put(ResolutionFeature.TOWN_UNDER_DIVISION_CUE, -0.5);
        w.put(ResolutionFeature.EXACT_NAME, 0.8);
        w.put(ResolutionFeature.COUNTRY_FOCUS, 3.0);
        w.put(ResolutionFeature.ADMIN1_FOCUS, 2.0);
        w.put(ResolutionFeature.QUALIFIER_COUNTRY, 4.0);
        w.put(ResolutionFeature.QUALIFIER_COUNTRY_MISMATCH, -2.0);
        w.put(ResolutionFeature.QUALIFIER_ADMIN1, 4.0);
        w.put(ResolutionFeature.QUALIFIER_ADMIN1_MISMATCH, -1.0);
        w.put(ResolutionFeature.NEAR_PLACES, 0.5);
        w.put(ResolutionFeature.HOLDS_PLACES, 1.5);
        w.put(ResolutionFeature.NAME_SUPPORT, 0.5);
        w.put(ResolutionFeature.PROMINENCE, 2.0);
        w.put(ResolutionFeature.CONTEXT_PLACES, 0.5);
        return new ResolutionSettings(w, 300, 150, 150, 1_000_000, 0.5, 100_000, 5, 2, true);
    }

    public ResolutionSettings withSectionsNeedContext(boolean on) {
        return new ResolutionSettings(weights, nearKm, supportKm, seatKm, metropolis, foreignShare, prominentPopulation, prominenceRatio,
                contextSentences, on);
    }

    public double weight(ResolutionFeature f) {
        return weights.getOrDefault(f, 0.0);
    }

    /** These settings with the given features switched off. */
    public ResolutionSettings without(Collection<ResolutionFeature> features) {
        Map<ResolutionFeature, Double> w = new EnumMap<>(ResolutionFeature.class);
        w.putAll(weights);
        for (ResolutionFeature f : features) w.put(f, 0.0);
        return new ResolutionSettings(w, nearKm, supportKm, seatKm, metropolis, foreignShare, prominentPopulation, prominenceRatio, contextSentences,
                sectionsNeedContext);
    }
}
