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

    @Test
    void theFastPathGivesTheGeneralKey() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("U.S.", " Deir  ez-Zor ", "Da'esh", "al-Nusra_Front",
                "EC/UNFPA", "Ban Ki-moon", "A , B", "Kim Jong-un's", "`Isa", "  ", "", "-", "Ba'asyir", "ONEWORLD.NET", "a\tb", "Wörner"));
        for (String file : java.util.List.of("/sitrep/actors/actors.tsv", "/sitrep/actors/phoenix-actors.tsv")) {
            for (String[] f : sitrep.data.DataFiles.rows(file)) if (f.length >= 7) names.addAll(java.util.List.of(f[6].split("\\|")));
        }
        for (String n : names) assertEquals(TextKeys.slowKey(n), TextKeys.key(n), n);
    }
}
