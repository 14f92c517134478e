package sitrep.geo;

import org.junit.jupiter.api.Test;
import sitrep.model.Place;
import sitrep.model.PlaceKind;
import sitrep.nlp.NlpAnnotator;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The geoparser on short local-news texts written for these tests, through the real CoreNLP models. */
class GeoparserTest {
    private static final Geoparser GEOPARSER = new Geoparser(Gazetteer.shared());

    private static GeoResult parse(String text) {
        return GEOPARSER.geoparse(NlpAnnotator.shared().annotate(text, LocalDate.of(2009, 3, 20)));
    }

    /** The place of that text used as a place (a toponym or metonym), not an adjective or part of a larger name. */
    private static Optional<Place> place(GeoResult r, String text) {
        return r.mentions().stream().map(PlaceMention::place).filter(p -> p.text().equals(text)).findFirst();
    }

    /** The place word of that text, of any kind. */
    private static Place word(GeoResult r, String text) {
        return r.places().stream().filter(p -> p.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no place word '" + text + "' in " + r.places()));
    }

    private static Place required(GeoResult r, String text) {
        return place(r, text).orElseThrow(() -> new AssertionError("no place '" + text + "' in " + r.places()));
    }

    @Test
    void stateAbbreviationAfterACommaQualifiesTheTown() {
        GeoResult r = parse("A woman from Alexandria, La., was charged with arson on Friday.");
        Place alexandria = required(r, "Alexandria");
        assertEquals("USA", alexandria.country());
        assertEquals("Louisiana", alexandria.admin1());
        Place state = required(r, "La.");
        assertEquals("ADM1", state.featureCode());
        assertEquals("Louisiana", state.name());
    }

    @Test
    void aDivisionHoldingAnotherPlaceOfTheTextIsTheDivisionNotTheCountry() {
        GeoResult r = parse("Forecasters said the drought is over in most of north Georgia. More storms moved toward metro Atlanta "
                + "on Tuesday, and Georgia's reservoirs rose.");
        for (Place p : r.places()) {
            if (p.text().equals("Georgia")) assertEquals("USA", p.country(), () -> "the state beside Atlanta: " + r.places());
        }
        GeoResult abroad = parse("Observers said shelling was heard near Tskhinvali, and Georgia accused the separatists.");
        assertEquals("GEO", required(abroad, "Georgia").country(), () -> abroad.places().toString());
    }

    @Test
    void countiesAndParishesComeFromThePostalData() {
        GeoResult r = parse("Deputies from Rapides Parish and the Laurel County Sheriff's Office searched the woods.");
        Place parish = required(r, "Rapides Parish");
        assertEquals("admin2", parish.precision());
        assertEquals("Louisiana", parish.admin1());
        Place county = required(r, "Laurel County");
        assertEquals("Kentucky", county.admin1());
        assertTrue(county.lat() > 36.5 && county.lat() < 37.7 && county.lon() > -84.6 && county.lon() < -83.6, county.toString());
    }

    @Test
    void streetsShopsAndLoneCommonNounsAreNotPlaces() {
        GeoResult r = parse("The fire at 6016 Dublin Road spread to the Woodfield Shopping Center. Man booked for assault.");
        assertFalse(place(r, "Dublin").isPresent(), () -> "Dublin Road is a street: " + r.places());
        assertEquals(PlaceKind.EMBEDDED, word(r, "Dublin").kind(), () -> "a place name inside a street's: " + r.places());
        assertFalse(place(r, "Road").isPresent(), () -> r.places().toString());
        assertFalse(place(r, "Center").isPresent(), () -> r.places().toString());
        assertFalse(place(r, "Man").isPresent(), () -> r.places().toString());
    }

    @Test
    void institutionsNamedAfterPlacesKeepThePlaceButNewspapersDoNot() {
        GeoResult r = parse("The Texas Department of State Health Services confirmed the case, The Washington Post reported.");
        assertEquals("USA", required(r, "Texas").country());
        assertFalse(place(r, "Washington").isPresent(), () -> r.places().toString());
        Place post = word(r, "Washington");
        assertEquals(PlaceKind.EMBEDDED, post.kind());
        assertEquals("USA", post.country(), "an embedded name is resolved like any place");
        assertEquals(PlaceKind.TOPONYM, word(r, "Texas").kind());
        GeoResult fired = parse("Hamas fired rockets at the border town overnight, the army said.");
        assertTrue(fired.places().stream().noneMatch(p -> p.text().equals("Hamas")),
                () -> "a verb after a name is no institution word ('Fire Department'), and Hamas is no town: " + fired.places());
        GeoResult rsf = parse("The Rapid Support Forces said they had taken the airport.");
        assertTrue(rsf.places().stream().noneMatch(p -> p.text().equals("Rapid")),
                () -> "a hamlet sharing a word of a name is no embedded place: " + rsf.places());
    }

    @Test
    void demonymsResolveToTheirCountryApartFromThePlaces() {
        GeoResult r = parse("Palestinians and Israeli officials met American diplomats on Tuesday.");
        List<String> countries = r.demonyms().stream().map(m -> m.place().country()).toList();
        assertTrue(countries.containsAll(List.of("PSE", "ISR", "USA")), countries.toString());
        assertTrue(r.mentions().isEmpty(), () -> "demonyms are not toponyms: " + r.mentions());
        assertEquals(3, r.places().size(), () -> "every place word is output: " + r.places());
        for (Place p : r.places()) assertEquals(PlaceKind.ADJECTIVAL, p.kind(), p::toString);
    }

    @Test
    void aDemonymInAnOrganisationsNameIsEmbedded() {
        GeoResult r = parse("The Syrian Observatory for Human Rights said Syrian troops shelled the village.");
        Place observatory = r.places().stream().filter(p -> p.text().equals("Syrian")).findFirst().orElseThrow();
        assertEquals(PlaceKind.EMBEDDED, observatory.kind(), () -> r.places().toString());
        Place troops = r.places().stream().filter(p -> p.text().equals("Syrian") && p.start() > observatory.start()).findFirst().orElseThrow();
        assertEquals(PlaceKind.ADJECTIVAL, troops.kind(), () -> r.places().toString());
        assertEquals("SYR", troops.country());
    }

    @Test
    void aCountryOrCapitalThatActsIsAMetonymAndTheLandItselfIsNot() {
        GeoResult r = parse("Turkey said on Monday that its troops would stay. Moscow has warned against the move. "
                + "Syria borders Turkey to the north, and fighting in Syria killed four people. Lebanon has seen such fighting before.");
        List<Place> turkey = r.places().stream().filter(p -> p.text().equals("Turkey")).toList();
        assertEquals(PlaceKind.METONYM, turkey.get(0).kind(), () -> r.places().toString());
        assertEquals("TUR", turkey.get(0).country(), "a metonym is resolved like any place");
        assertEquals(PlaceKind.METONYM, word(r, "Moscow").kind(), () -> r.places().toString());
        for (Place p : r.places()) {
            if (p.text().equals("Syria")) assertEquals(PlaceKind.TOPONYM, p.kind(), () -> r.places().toString());
        }
        assertEquals(PlaceKind.TOPONYM, word(r, "Lebanon").kind(), () -> "'see' is a verb of the land itself: " + r.places());
    }

    @Test
    void namedFacilitiesAndRoutesArePlaces() {
        GeoResult r = parse("Russian jets took off from Hmeimim airbase and struck a convoy on the M4 highway near the "
                + "Bab al-Hawa crossing, while the Tabqa Dam was shut.");
        Place base = required(r, "Hmeimim airbase");
        assertEquals("AIRB", base.featureCode());
        assertEquals("point", base.precision());
        assertEquals("SYR", base.country());
        Place road = required(r, "M4 highway");
        assertEquals("RD", road.featureCode());
        assertEquals("SYR", required(r, "Bab al-Hawa crossing").country());
        assertEquals("DAM", required(r, "Tabqa Dam").featureCode());
    }

    @Test
    void aQualifiedMentionDecidesForTheOtherMentionsOfTheName() {
        GeoResult r = parse("Police in Paris, Texas, said the message was a hoax. Paris residents received it on Monday.");
        List<Place> paris = r.places().stream().filter(p -> p.text().equals("Paris")).toList();
        assertEquals(2, paris.size(), r.places().toString());
        for (Place p : paris) assertEquals("Texas", p.admin1(), p.toString());
    }

    @Test
    void countryNamesAndAbbreviationsMeanTheCountry() {
        GeoResult r = parse("Officials in Mexico asked U.S. health agencies and the UK for help.");
        assertEquals("PCLI", required(r, "Mexico").featureCode());
        Place us = required(r, "U.S.");
        assertEquals("USA", us.country());
        // One source of country points for every country: world-countries' (none is moved to suit a corpus).
        assertEquals(Gazetteer.shared().country("USA").lat(), us.lat(), 1e-4);
        assertEquals("GBR", required(r, "UK").country());
    }

    @Test
    void theItemsOfAListAreOfOneKind() {
        GeoResult r = parse("Illnesses were reported in New Jersey and New York. In Canada, cases were confirmed in "
                + "Alberta, Manitoba, Ontario and New Brunswick. Travellers from Armenia, Iraq, Iran and Syria were screened.");
        Place brunswick = required(r, "New Brunswick");
        assertEquals("ADM1", brunswick.featureCode(), brunswick.toString());
        assertEquals("CAN", brunswick.country());
        assertEquals("PCLI", required(r, "Iraq").featureCode());
        // "Oklahoma, Pennsylvania" inside a list of states is two states, not the town of Oklahoma in Pennsylvania.
        GeoResult states = parse("Outbreaks were reported in Georgia, Oklahoma, Pennsylvania, Wisconsin and California.");
        Place oklahoma = required(states, "Oklahoma");
        assertEquals("ADM1", oklahoma.featureCode(), oklahoma.toString());
        assertEquals("Oklahoma", oklahoma.name());
    }

    @Test
    void aDivisionRightAfterPlaceCommaIsTheOneHoldingThePlace() {
        GeoResult r = parse("The boy from Buffalo, New York, was treated at a clinic in Atlanta, Georgia, last week.");
        Place newYork = required(r, "New York");
        assertEquals("ADM1", newYork.featureCode(), newYork.toString());
        Place georgia = required(r, "Georgia");
        assertEquals("USA", georgia.country(), georgia.toString());
        assertEquals("ADM1", georgia.featureCode());
    }

    @Test
    void theProvinceOfANameDecidesForItsOtherMentions() {
        GeoResult r = parse("Doctors said the province of Ontario lacks beds for newborns. Mothers in Ontario now "
                + "give birth in Buffalo, New York, or in Detroit.");
        List<Place> ontario = r.places().stream().filter(p -> p.text().equals("Ontario")).toList();
        assertEquals(2, ontario.size(), r.places().toString());
        for (Place p : ontario) assertEquals("CAN", p.country(), p.toString());
    }

    @Test
    void aCountrysNameIsNotTheCapitalThatSharesIt() {
        GeoResult r = parse("Drug violence in Mexico has killed thousands, police in Acapulco and Guerrero said. "
                + "Mexico has sent troops.");
        for (Place p : r.places()) if (p.text().equals("Mexico")) assertEquals("PCLI", p.featureCode(), p.toString());
    }

    @Test
    void britishCountiesAreNotTheirAmericanOrCanadianNamesakes() {
        GeoResult r = parse("Foot-and-mouth disease was found at a farm in Surrey, England, and turkeys were culled "
                + "in Suffolk and on a farm in Fife, Scotland.");
        for (String county : List.of("Surrey", "Suffolk", "Fife")) {
            Place p = required(r, county);
            assertEquals("GBR", p.country(), p.toString());
            assertEquals("admin2", p.precision(), p.toString());
        }
    }

    @Test
    void aTownStateQualifierMakesAGenericWordTheTown() {
        GeoResult r = parse("A man from Independence, Mo., was arrested after the Independence Day parade.");
        Place independence = required(r, "Independence");
        assertEquals("Missouri", independence.admin1(), independence.toString());
        assertEquals(1, r.places().stream().filter(p -> p.text().equals("Independence")).count(), () -> r.places().toString());
    }

    @Test
    void aMetropolisInAReportAboutOtherCountriesIsTheCity() {
        // International news: the Security Council meets in the city. A US text about the state keeps the state.
        GeoResult un = parse("The Security Council met in New York on Friday after the shelling of Idlib and Aleppo in Syria.");
        Place city = required(un, "New York");
        assertEquals("city", city.precision(), city.toString());
        GeoResult state = parse("Lawmakers in Albany said New York will cut school budgets, as New Jersey and Connecticut did.");
        Place division = required(state, "New York");
        assertEquals("ADM1", division.featureCode(), division.toString());
    }

    @Test
    void aTownAfterALocativePrepositionIsATownWhateverNerCallsIt() {
        // CoreNLP's NER tags this "Afrin" as an organisation; after "in" the gazetteer's town wins.
        GeoResult r = parse("Turkey launched a military campaign in Afrin last month, in an effort to drive out Kurdish militias.");
        assertEquals("SYR", required(r, "Afrin").country());
    }

    @Test
    void aDivisionWordAfterTheNameIsPartOfTheDivisionsName() {
        GeoResult r = parse("Government forces shelled villages in Hama province on Sunday, and residents fled north.");
        Place hama = required(r, "Hama province");
        assertEquals("ADM1", hama.featureCode());
        assertEquals("SYR", hama.country());
    }

    @Test
    void aFeatureWordWrittenInLowerCaseCompletesTheName() {
        GeoResult r = parse("Tankers loaded crude at Kharg island on Monday before sailing south.");
        assertEquals("IRN", required(r, "Kharg island").country(), () -> r.places().toString());
    }

    @Test
    void aNameTheTextUsesAsAPlaceIsAPlaceAtEachMention() {
        GeoResult r = parse("Clashes were reported in Afrin on Monday. The militia vowed to stay in the enclave of Afrin. "
                + "Ankara wants the YPG out of Afrin, and Afrin's residents fear more shelling.");
        long afrin = r.mentions().stream().filter(m -> m.place().text().equals("Afrin") && "SYR".equals(m.place().country())).count();
        assertTrue(afrin >= 3, () -> "each use of Afrin as a place: " + r.places());
    }

    @Test
    void oneSmallTownNearANamesakeDoesNotMakeAWorldCityTheNamesake() {
        GeoResult r = parse("Syrian and Russian envoys met in Geneva on Monday. Turkey and Iran sent observers. The talks will move to "
                + "Sochi next month. In Moscow, officials said Russia would attend. The U.S. delegation was led by a former "
                + "professor at Stanford, who said the United States wanted a ceasefire in Syria.");
        assertEquals("CHE", required(r, "Geneva").country(), () -> r.places().toString());
    }
}
