package sitrep.geo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.shared();

    @Test
    void knowsTransliterationsOfSyrianPlaces() {
        for (String name : List.of("Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr", "Deir el-Zor")) {
            assertTrue(gazetteer.lookup(name).stream().anyMatch(e -> e.geonameid() == 170794), name);
        }
        assertTrue(gazetteer.lookup("Al-Sukhnah").stream().anyMatch(e -> "SYR".equals(e.country())), "Al-Sukhnah");
        assertTrue(gazetteer.lookup("Palmyra").stream().anyMatch(e -> e.geonameid() == 163808), "Palmyra is Tadmur");
    }

    @Test
    void placesCarryTheNamesOfTheirFirstLevelDivisions() {
        // GeoNames' seats would give "West Ilsley" for London and "Mosul" for Mosul; the build matches regions.tsv.
        assertEquals("England", admin1("London", 2643743));
        assertEquals("Nineveh", admin1("Mosul", 99072));
        assertEquals("Aleppo", admin1("Aleppo", 170063));
        assertEquals("Deir ez-Zor", admin1("Deir ez-Zor", 170794));
        assertEquals("Kharkiv Oblast", admin1("Kharkiv", 706483));
        assertEquals("Moscow", admin1("Moscow", 524901));
        assertEquals("Île-de-France", admin1("Paris", 2988507));
        assertEquals("Louisiana", admin1("Alexandria", 4314550));
        // Piedmont is not in regions.tsv: Turin's division keeps its seat's name.
        assertEquals("Turin", admin1("Turin", 3165524));
    }

    private String admin1(String name, long geonameid) {
        return gazetteer.lookup(name).stream().filter(e -> e.geonameid() == geonameid).findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + geonameid)).admin1();
    }

    @Test
    void countriesAndDemonyms() {
        GazetteerEntry syria = gazetteer.countryEntry("SYR");
        assertEquals("Syria", syria.name());
        assertEquals("country", syria.precision());
        assertTrue(gazetteer.lookup("Syrian Arab Republic").contains(syria));
        assertEquals("RUS", gazetteer.demonyms().lookup("Russian").get(0).iso3());
        assertTrue(gazetteer.size() > 190_000, "cities500 and countries are loaded: " + gazetteer.size());
    }

    private static Path resource(String name) {
        try {
            return Path.of(GazetteerTest.class.getResource("/sitrep/geo/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsAUsersGeoNamesFilesForThePlacesTheBuiltInDataLacks() {
        Gazetteer withFile = new Gazetteer(List.of(resource("geonames-sample.txt"), resource("alternateNamesV2-sample.txt")));
        // The village, the airbase, the road and the district; not the wadi (a kind of row not kept), nor Deir ez-Zor
        // (built in).
        assertEquals(4, withFile.userEntries());
        assertEquals(gazetteer.size() + 4, withFile.size());
        GazetteerEntry village = withFile.lookup("Khirbet Zaytoun").get(0);
        assertEquals(99000001L, village.geonameid());
        assertEquals("SYR", village.country());
        assertEquals("Deir ez-Zor", village.admin1(), "the division named as the built-in places name it");
        assertEquals(0, village.population());
        assertTrue(withFile.lookup("Kherbet Zeitoun").contains(village), "the file's alternate names");
        assertTrue(withFile.lookup("Khirbat az-Zaytoun").contains(village), "alternateNamesV2's names");
        assertTrue(withFile.lookup("Old Zaytoun Hamlet").isEmpty(), "historic names are left out");
        assertEquals("AIRB", withFile.lookup("Qarmoun Air Base").get(0).featureCode());
        assertEquals("point", withFile.lookup("Qarmoun Air Base").get(0).precision(), "a facility is a point");
        assertEquals("RD", withFile.lookup("Qarmoun Road").get(0).featureCode(), "roads (class R) are kept");
        assertEquals("admin2", withFile.lookup("Sabkha Qarmoun District").get(0).precision());
        assertTrue(withFile.lookup("Wadi Qarmoun").isEmpty());
        assertEquals(1, withFile.lookup("Deir ez-Zor").stream().filter(e -> e.geonameid() == 170794).count());
        // The file's country row gives the country's point.
        assertEquals(34.9, withFile.countryEntry("SYR").lat(), 1e-9);
        assertEquals(38.6, withFile.countryEntry("SYR").lon(), 1e-9);
    }

    @Test
    void namedFacilitiesAreBuiltIn() {
        GazetteerEntry base = gazetteer.lookup("Khmeimim Air Base").get(0);
        assertEquals("Hmeimim Air Base", base.name());
        assertEquals("AIRB", base.featureCode());
        assertEquals("SYR", base.country());
        assertEquals("Latakia", base.admin1());
        assertEquals("point", base.precision());
        assertTrue(base.distanceKm(35.52, 35.79) < 30, "beside Latakia: " + base);
        assertEquals("RD", gazetteer.lookup("M5 highway").get(0).featureCode());
        assertEquals("region", gazetteer.lookup("M5 highway").get(0).precision(), "a route is no point");
    }

    @Test
    void aMalformedGeoNamesFileIsAnErrorThatNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Gazetteer(List.of(resource("geonames-malformed.txt"))));
        assertTrue(e.getMessage().contains("geonames-malformed.txt line 1"), e.getMessage());
    }
}
