package sitrep.geo;

import java.util.Locale;

/**
 * The named features resolution scores a candidate sense by. A candidate's score is the sum over the features of
 * the feature's value for it times the feature's weight in {@link ResolutionSettings}; the features are summed in this
 * order. Each can be switched off (weight 0) in {@code eval geo --disable-feature NAME}, and {@code eval geo
 * --feature-report} prints what each adds on a gold corpus.
 */
public enum ResolutionFeature {
    /** log10(population + 10) / 2; a division counts its people at a discount when a town of its name lies in it. */
    POPULATION("population"),
    /** 1 for a country or an ocean: the name means it unless the context says otherwise. */
    COUNTRY_NAME("country-name"),
    /** 1 for a capital (PPLC). */
    CAPITAL("capital"),
    /** 1 for the seat of a first-level division (PPLA). */
    DIVISION_SEAT("division-seat"),
    /** 1 for a first-level division without a cue. */
    DIVISION("division"),
    /** 1 for a first-level division where the text says "province", "state", "the region of"... */
    DIVISION_CUE("division-cue"),
    /** 1 for the seat of a second-level division (PPLA2). */
    COUNTY_SEAT("county-seat"),
    /** 1 for a named feature that is no populated place (a region, a sea, a county). */
    NAMED_FEATURE("named-feature"),
    /** 1 for a populated place after "city of", "town of", "outskirts of". */
    CITY_CUE("city-cue"),
    /**
     * 1 for a town that has the name only as an alternate one, or that is a city of a country or division the name
     * also means ("Mexico" is not Mexico City), unless a metropolis in an article about other countries.
     */
    ALTERNATE_NAME("alternate-name"),
    /** 1 for a division or country right after "Place," that holds a sense of that place ("Buffalo, New York"). */
    HOLDS_QUALIFIED("holds-qualified"),
    /** The items of a list are of one kind: up to 3 for each other item of the same kind (country, division). */
    LIST_KIN("list-kin"),
    /** Up to 1.5 for a town listed with countries or divisions. */
    LIST_UNLIKE("list-unlike"),
    /** 1 for a populated place where the text says "province", "state"... */
    TOWN_UNDER_DIVISION_CUE("town-under-division-cue"),
    /** 1 when the candidate's main name is the text's (not an alternate name). */
    EXACT_NAME("exact-name"),
    /** The candidate's country's share of the article's country votes. */
    COUNTRY_FOCUS("country-focus"),
    /** The candidate's first-level division's share of the article's division votes (not for divisions themselves). */
    ADMIN1_FOCUS("admin1-focus"),
    /** 1 when a "Town, Country" qualifier names the candidate's country. */
    QUALIFIER_COUNTRY("qualifier-country"),
    /** 1 when a "Town, Country" qualifier names another country. */
    QUALIFIER_COUNTRY_MISMATCH("qualifier-country-mismatch"),
    /** 1 when a "Town, Region" qualifier names the candidate's division. */
    QUALIFIER_ADMIN1("qualifier-admin1"),
    /** 1 when a "Town, Region" qualifier names another division. */
    QUALIFIER_ADMIN1_MISMATCH("qualifier-admin1-mismatch"),
    /** Up to 3: the other places chosen in the text near the candidate (or, for a country or division, inside it). */
    NEAR_PLACES("near-places"),
    /** 1 for a division that holds another chosen place of the text and whose name no town in it shares. */
    HOLDS_PLACES("holds-places"),
    /** Up to 2: the other names of the text with a possible sense near the candidate, each by its share of senses. */
    NAME_SUPPORT("name-support"),
    /**
     * 1 for a world city or capital against far smaller namesakes: a capital, or a town of at least
     * {@link ResolutionSettings#prominentPopulation()}, whose far namesakes all have at most 1 / {@link
     * ResolutionSettings#prominenceRatio()} of its people, where no "Town, Region" qualifier is given and no other place
     * the text chose lies in any namesake's division, nor two near one ("Geneva" in a report on the Syria talks is the Swiss
     * city, though the report names the United States often; "Geneva" beside "Aurora" and "Elgin" is Illinois').
     */
    PROMINENCE("prominence"),
    /**
     * Up to 2: the places chosen for the other names of the same sentence and the {@link
     * ResolutionSettings#contextSentences()} before it that lie near the candidate or hold it ("In Raqqa ... the Old
     * City": the event's enclosing place decides among the senses of what follows).
     */
    CONTEXT_PLACES("context-places");

    private final String label;

    ResolutionFeature(String label) {
        this.label = label;
    }

    /** The name used on the command line and in reports. */
    public String label() {
        return label;
    }

    public static ResolutionFeature byLabel(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        for (ResolutionFeature f : values()) if (f.label.equals(l)) return f;
        throw new IllegalArgumentException("no resolution feature '" + label + "'; known: " + labels());
    }

    public static String labels() {
        StringBuilder b = new StringBuilder();
        for (ResolutionFeature f : values()) b.append(b.length() == 0 ? "" : ", ").append(f.label);
        return b.toString();
    }
}
