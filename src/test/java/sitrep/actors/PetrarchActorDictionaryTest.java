package sitrep.actors;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Date restrictions of users' TABARI actor files. */
class PetrarchActorDictionaryTest {
    @Test
    void sixDigitDatesFollowTabarisCenturyRule() {
        // TABARI and PETRARCH read YY 00-30 as 20YY and 31-99 as 19YY (Phoenix has birth years such as 47).
        PetrarchActorDictionary.DatedCode c = PetrarchActorDictionary.code("AFGELI 470101-790327");
        assertEquals(LocalDate.of(1947, 1, 1), c.from());
        assertEquals(LocalDate.of(1979, 3, 27), c.to());
        assertEquals(LocalDate.of(2030, 12, 31), PetrarchActorDictionary.code("X >301231").from());
        assertEquals(LocalDate.of(1931, 1, 1), PetrarchActorDictionary.code("X >310101").from());
        assertEquals(LocalDate.of(2011, 12, 22), PetrarchActorDictionary.code("AFGGOV >20111222").from());
    }

    @Test
    void unreadableDatesDropTheRestriction() {
        assertNull(PetrarchActorDictionary.code("KORGOVBUS 2004017-20061201"), "seven digits");
        assertNull(PetrarchActorDictionary.code("X >20110230"), "30 February");
    }
}
