package sitrep.geo;

import org.junit.jupiter.api.Test;
import sitrep.model.PlaceKind;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Resolution alone, on toponym records built from the gazetteer: no NLP stage involved. */
class ToponymResolverTest {
    private static final Gazetteer GAZETTEER = Gazetteer.shared();
    private static final ToponymResolver RESOLVER = new ToponymResolver(ResolutionSettings.defaults());

    /** A toponym as recognition would give it: its sentence, its text, and the cues around it. */
    private static Toponym toponym(int sentence, String text, String qualifierCountry, String qualifierAdmin1) {
        List<GazetteerEntry> candidates = GAZETTEER.lookup(text);
        assertNotNull(candidates, text);
        return new Toponym(sentence, 0, 0, 0, text.length(), text, candidates, false, false, qualifierCountry, qualifierAdmin1,
                null, false);
    }

    private static Toponym plain(int sentence, String text) {
        return toponym(sentence, text, null, null);
    }

    private static List<GazetteerEntry> resolve(ToponymResolver resolver, Toponym... toponyms) {
        return resolver.resolve(new Recognition(List.of(toponyms), List.of())).chosen();
    }

    @Test
    void aRegionQualifierPicksTheTownAndSwitchingTheFeatureOffUndoesIt() {
        Toponym paris = toponym(0, "Paris", null, "Texas");
        GazetteerEntry chosen = resolve(RESOLVER, paris, plain(0, "Texas")).get(0);
        assertEquals("USA", chosen.country(), chosen.toString());
        assertEquals("Texas", chosen.admin1());
        ToponymResolver without = new ToponymResolver(ResolutionSettings.defaults().without(List.of(
                ResolutionFeature.QUALIFIER_ADMIN1, ResolutionFeature.QUALIFIER_ADMIN1_MISMATCH, ResolutionFeature.NEAR_PLACES,
                ResolutionFeature.NAME_SUPPORT, ResolutionFeature.ADMIN1_FOCUS)));
        GazetteerEntry unqualified = resolve(without, paris).get(0);
        assertEquals("FRA", unqualified.country(), unqualified.toString());
    }

    @Test
    void theOtherPlacesOfTheTextPullATownToTheirCountry() {
        List<GazetteerEntry> chosen = resolve(RESOLVER, plain(0, "Deir ez-Zor"), plain(1, "Raqqa"), plain(1, "Palmyra"));
        for (GazetteerEntry e : chosen) assertEquals("SYR", e.country(), e.toString());
    }

    @Test
    void aNameEmbeddedInALargerNameSwaysNoOtherPlaceButIsResolvedInTheirContext() {
        // As a place, "Atlanta" makes "Georgia" the state; inside a larger name ("the Atlanta Braves") it does not.
        List<GazetteerEntry> asOwn = resolve(RESOLVER, plain(0, "Georgia"), plain(1, "Atlanta"));
        assertEquals("USA", asOwn.get(0).country(), "as a toponym, Atlanta pulls Georgia: " + asOwn.get(0));
        List<GazetteerEntry> embedded = resolve(RESOLVER, plain(0, "Georgia"), plain(1, "Atlanta").withKind(PlaceKind.EMBEDDED));
        assertEquals("GEO", embedded.get(0).country(), embedded.get(0).toString());
        assertEquals("USA", embedded.get(1).country(), "the embedded name is still resolved: " + embedded.get(1));
        // An embedded mention of a name the text resolves elsewhere takes that sense ("Georgia Power" after "Atlanta, Georgia").
        Toponym georgia = plain(0, "Georgia");
        Toponym power = new Toponym(1, 0, 0, 0, 7, "Georgia", georgia.candidates(), false, false, null, null, null, false,
                PlaceKind.EMBEDDED);
        List<GazetteerEntry> chosen = resolve(RESOLVER, plain(0, "Atlanta"), georgia, power);
        assertEquals(chosen.get(1), chosen.get(2), chosen::toString);
        assertEquals("USA", chosen.get(2).country());
    }

    @Test
    void aCountrysNameMeansTheCountry() {
        GazetteerEntry mexico = resolve(RESOLVER, plain(0, "Mexico")).get(0);
        assertEquals("PCLI", mexico.featureCode(), mexico.toString());
    }

    @Test
    void unqualifiedMentionsOfANameFollowTheQualifiedOne() {
        List<Toponym> toponyms = new ArrayList<>(List.of(toponym(0, "Paris", null, "Texas"), plain(0, "Texas"), plain(1, "Paris")));
        List<GazetteerEntry> chosen = RESOLVER.resolve(new Recognition(toponyms, List.of())).chosen();
        assertEquals("Texas", chosen.get(2).admin1(), chosen.get(2).toString());
    }

    @Test
    void aWorldCityWinsOverSmallNamesakesUnlessTheTextSupportsOne() {
        // A report on the Syria talks names the United States often; Geneva is still the Swiss city.
        List<GazetteerEntry> talks = resolve(RESOLVER, plain(0, "Syria"), plain(0, "Geneva"), plain(1, "U.S."), plain(1, "Washington"),
                plain(2, "U.S."), plain(2, "Russia"), plain(3, "Damascus"), plain(3, "America"));
        assertEquals("CHE", talks.get(1).country(), talks.get(1).toString());
        assertEquals("SYR", talks.get(6).country(), talks.get(6).toString());
        // A local paper's Geneva beside Aurora and Elgin is the Illinois town.
        List<GazetteerEntry> local = resolve(RESOLVER, plain(0, "Geneva"), plain(0, "Aurora"), plain(1, "Elgin"), plain(1, "Illinois"));
        assertEquals("USA", local.get(0).country(), local.get(0).toString());
        assertEquals("Illinois", local.get(0).admin1());
        ToponymResolver without = new ToponymResolver(ResolutionSettings.defaults().without(List.of(ResolutionFeature.PROMINENCE)));
        GazetteerEntry geneva = resolve(without, plain(0, "Syria"), plain(0, "Geneva"), plain(1, "U.S."), plain(1, "Washington"),
                plain(2, "U.S."), plain(2, "Russia"), plain(3, "Damascus"), plain(3, "America")).get(1);
        assertEquals("USA", geneva.country(), () -> "without the feature the US votes win: " + geneva);
    }

    @Test
    void respellingsAreNamesThatDifferByTwoLettersAtMost() {
        assertTrue(ToponymResolver.respelling("Geneva", "Genève"));
        assertTrue(ToponymResolver.respelling("Kiev", "Kyiv"));
        assertFalse(ToponymResolver.respelling("Twickenham", "Huntsville"));
    }

    @Test
    void aTownsSectionFollowsTheEnclosingPlaceOfTheSentencesBefore() {
        // The gazetteer's only "Old City" is Jerusalem's; after "In Raqqa" it is Raqqa's, which it cannot name.
        Toponym oldCity = plain(2, "Old City");
        List<GazetteerEntry> raqqa = resolve(RESOLVER, plain(0, "Syria"), plain(1, "Raqqa"), oldCity);
        assertNull(raqqa.get(2), () -> "not Jerusalem's: " + raqqa.get(2));
        List<GazetteerEntry> jerusalem = resolve(RESOLVER, plain(0, "Israel"), plain(1, "Jerusalem"), oldCity);
        assertEquals("PPLX", jerusalem.get(2).featureCode(), () -> String.valueOf(jerusalem.get(2)));
        ToponymResolver without = new ToponymResolver(ResolutionSettings.defaults().withSectionsNeedContext(false));
        assertNotNull(resolve(without, plain(0, "Syria"), plain(1, "Raqqa"), oldCity).get(2));
    }

    @Test
    void featureNamesAreTheCommandLinesNames() {
        for (ResolutionFeature f : ResolutionFeature.values()) assertEquals(f, ResolutionFeature.byLabel(f.label()));
    }
}
