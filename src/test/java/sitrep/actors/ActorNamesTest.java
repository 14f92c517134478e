package sitrep.actors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The names people read for actors: a country's demonym before its role, never a bare sector word. */
class ActorNamesTest {
    final ActorNames names = ActorNames.shared();

    @Test
    void composedAndBareRolesReadWithTheirCountry() {
        assertEquals("Syrian military", names.name("SYRMIL", "Syria (military)", "SYR", "MIL"));
        assertEquals("Syrian civilians", names.name("SYRCVL", "civilians", "SYR", "CVL"));
        assertEquals("Kenyan police", names.name("KENCOP", "police", null, null), "country and role read from the code");
        assertEquals("unidentified armed group in Mali", names.name("MLIUAF", "unidentified armed forces", "MLI", "UAF"));
        assertEquals("Sudanese government", names.name("SDNGOV", "government", "SDN", "GOV"));
    }

    @Test
    void withoutACountryTheNameSaysSo() {
        assertEquals("unidentified armed group", names.name("UAF", "unidentified armed forces", null, "UAF"));
        assertEquals("civilians (country unknown)", names.name("CVL", "civilians", null, "CVL"));
        assertEquals("unidentified military forces", names.name("MIL", "military", null, "MIL"));
    }

    @Test
    void namedActorsAndCountriesKeepTheirNames() {
        assertEquals("Islamic State (ISIS/ISIL/Daesh)", names.name("IMGMUSISI", "Islamic State (ISIS/ISIL/Daesh)", null, "REB"));
        assertEquals("Rapid Support Forces (at war with the army)", names.name("SDNREB", "Rapid Support Forces (at war with the army)", "SDN", "REB"));
        assertEquals("Russia", names.name("RUS", "Russia", "RUS", null));
        assertEquals("Russia", names.name("RUS", null, null, null), "a country's code alone names it");
        assertNull(names.name(null, null, null, null));
    }

    @Test
    void anUnnamedActorIsNamedByWhatItDid() {
        assertEquals("unidentified armed group in Syria", names.unnamed("Explosions/Remote violence", 4, "SYR"));
        assertEquals("unidentified armed group", names.unnamed(null, 4, null));
        assertEquals("protesters in Kenya", names.unnamed("Protests", 3, "KEN"));
        assertEquals("rioters", names.unnamed("Riots", 4, null));
        assertEquals("unidentified actor", names.unnamed(null, 1, null));
    }
}
