package sitrep.geo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void countriesAndDemonyms() {
        GazetteerEntry syria = gazetteer.countryEntry("SYR");
        assertEquals("Syria", syria.name());
        assertEquals("country", syria.precision());
        assertTrue(gazetteer.lookup("Syrian Arab Republic").contains(syria));
        assertEquals("RUS", gazetteer.demonyms().lookup("Russian").get(0).iso3());
        assertTrue(gazetteer.size() > 190_000, "cities500 and countries are loaded: " + gazetteer.size());
    }
}
