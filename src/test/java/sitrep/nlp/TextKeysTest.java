package sitrep.nlp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextKeysTest {
    @Test
    void keysIgnoreCaseAccentsAndPunctuation() {
        assertEquals("deir ez zor", TextKeys.key("Deïr ez-Zor"));
        assertEquals("deir ez zor", TextKeys.key("DEIR  EZ ZOR"));
        assertEquals("daesh", TextKeys.key("Da'esh"));
    }

    @Test
    void variantsUnifyArabicArticles() {
        assertEquals("sukhnah", TextKeys.variant(TextKeys.key("Al-Sukhnah")));
        assertEquals(TextKeys.variant(TextKeys.key("Deir ez-Zor")), TextKeys.variant(TextKeys.key("Deir al-Zor")));
        assertEquals("homs", TextKeys.variant("homs"));
    }

    @Test
    void acronymsAreCaseSensitive() {
        PhraseIndex<String> index = new PhraseIndex<>(false);
        index.add("US", "USA");
        index.add("Islamic State", "ISIS");
        assertEquals("USA", index.lookup("U.S.").get(0));
        assertTrue(index.lookup("us").isEmpty(), "the pronoun is not the country");
        assertEquals("ISIS", index.lookup("islamic state").get(0));
        assertTrue(TextKeys.isAcronym("SDF"));
        assertFalse(TextKeys.isAcronym("Sdf"));
    }
}
