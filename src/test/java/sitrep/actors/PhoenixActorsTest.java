package sitrep.actors;

import org.junit.jupiter.api.Test;
import sitrep.data.DataFiles;
import sitrep.geo.Gazetteer;
import sitrep.nlp.Sentence;
import sitrep.nlp.TextKeys;
import sitrep.nlp.Token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The actors imported from the Phoenix dictionaries (phoenix-actors.tsv) and how they load after actors.tsv. */
class PhoenixActorsTest {
    private static final String ACTORS = "/sitrep/actors/actors.tsv";
    private static final String PHOENIX = "/sitrep/actors/phoenix-actors.tsv";

    /** A hand-made sentence: tokens split on spaces, capitalised words tagged NNP, "said" VBD, others NN. */
    private record Text(String text, Sentence sentence) {
        static Text of(String text) {
            List<Token> tokens = new ArrayList<>();
            int at = 0;
            for (String w : text.split(" ")) {
                int start = text.indexOf(w, at);
                String pos = w.equals("said") ? "VBD" : Character.isUpperCase(w.charAt(0)) ? "NNP" : Character.isLetter(w.charAt(0)) ? "NN" : ".";
                tokens.add(new Token(tokens.size(), w, w.toLowerCase(), pos, "O", null, start, start + w.length()));
                at = start + w.length();
            }
            return new Text(text, new Sentence(0, 0, text.length(), tokens, List.of(), List.of()));
        }
    }

    /** The named actor found at the start of {@code text} on {@code date}, or null. */
    private static ActorEntry first(ActorDictionary d, String text, LocalDate date) {
        Text t = Text.of(text);
        for (ActorMention m : d.find(t.sentence(), t.text(), date)) {
            if (!m.isAgent() && m.firstToken() == 0) return m.entry();
        }
        return null;
    }

    private static String code(ActorDictionary d, String text, LocalDate date) {
        ActorEntry e = first(d, text, date);
        return e == null ? null : e.code();
    }

    @Test
    void aDatedOfficeHolderChangesCodeAtHisDates() {
        ActorDictionary d = ActorDictionary.builtIn();
        // Phoenix: [SYRELI 580101-000313] [SYRGOV 000313-030910] [SYRELI]; the first matching restriction wins, so
        // 2000-03-13 (in both ranges) is still ELI, and the range's last day, 2003-09-10, is included.
        String mero = "Muhammad Mustafa Mero said .";
        assertEquals("SYRELI", code(d, mero, LocalDate.of(2000, 3, 13)));
        assertEquals("SYRGOV", code(d, mero, LocalDate.of(2000, 3, 14)));
        assertEquals("SYRGOV", code(d, mero, LocalDate.of(2003, 9, 10)));
        assertEquals("SYRELI", code(d, mero, LocalDate.of(2003, 9, 11)), "the undated [SYRELI] fills the time after the last range");
        assertEquals("SYRELI", code(d, mero, LocalDate.of(1990, 1, 1)));
        // [AFGELI 470101-790327]: 47 is 1947 under TABARI's century rule (00-30 = 20YY), not 2047.
        String amin = "Hafizullah Amin said .";
        assertEquals("AFGELI", code(d, amin, LocalDate.of(1960, 1, 1)));
        assertEquals("AFGGOV", code(d, amin, LocalDate.of(1979, 6, 1)));
        assertNull(code(d, amin, LocalDate.of(1985, 1, 1)), "no fallback code: no actor after his dates");
        // [SYRGOV >030910]: an open end stops at the files' snapshot (2015-02-18); then the fallback [SYRELI].
        String otari = "Muhammad Naji al-Otari said .";
        assertEquals("SYRGOV", code(d, otari, LocalDate.of(2010, 1, 1)));
        assertEquals("SYRELI", code(d, otari, LocalDate.of(2020, 1, 1)));
    }

    @Test
    void handMadeEntriesWinOverImportedOnesForTheSameAlias() {
        // An imported row naming "Bashar al-Assad" as Phoenix does before he took office ([SYRELI 830101-000101]).
        List<String[]> phoenix = List.of(
                new String[]{"SYRELI", "Phoenix Assad", "SYR", "ELI", "1983-01-01", "2000-01-02", "Bashar al-Assad|Bashar Testname al-Phoenix"},
                new String[]{"IGOUNO", "Phoenix Kremlin", "", "IGO", "", "", "KREMLIN"});
        ActorDictionary d = ActorDictionary.load(Gazetteer.shared(), DataFiles.rows(ACTORS), phoenix,
                DataFiles.rows("/sitrep/actors/agents.tsv"), DataFiles.rows("/sitrep/actors/roles.tsv"));
        ActorEntry in2010 = first(d, "Bashar al-Assad said .", LocalDate.of(2010, 1, 1));
        assertEquals("SYRGOV", in2010.code());
        assertEquals("Bashar al-Assad", in2010.name(), "the actors.tsv row, not the imported one");
        assertNull(first(d, "Bashar al-Assad said .", LocalDate.of(1990, 1, 1)),
                "where our rows say nothing, the imported row does not fill the gap");
        assertEquals("SYRELI", code(d, "Bashar Testname al-Phoenix said .", LocalDate.of(1990, 1, 1)), "imported rows do load");
        assertEquals("RUSGOV", code(d, "Kremlin said .", LocalDate.of(2010, 1, 1)), "a name taken in another case is taken too");
        assertEquals("RUSGOV", code(d, "KREMLIN said .", LocalDate.of(2010, 1, 1)));
    }

    @Test
    void noImportedAliasRepeatsAnActorsTsvAlias() {
        Set<String> ours = new HashSet<>();
        for (String[] f : DataFiles.rows(ACTORS)) if (f.length >= 7) for (String a : f[6].split("\\|")) ours.add(TextKeys.key(a));
        int aliases = 0;
        for (String[] f : DataFiles.rows(PHOENIX)) {
            assertEquals(7, f.length, String.join("\t", f));
            for (String a : f[6].split("\\|")) {
                assertFalse(ours.contains(TextKeys.key(a)), a + " is in actors.tsv");
                aliases++;
            }
        }
        assertTrue(aliases > 10_000, "the import is there: " + aliases);
    }

    @Test
    void countrySynonymNoiseIsNoActor() {
        // Phoenix lists these under SYRIA_ [SYR] and AFGHANISTAN_ [AFG]; country blocks are not imported.
        // Nor are generic names: a single word ("dawn"), a phrase of ordinary words ("black star"), a country's
        // institution in ordinary words that other countries have too ("national security council", USAGOV in Phoenix).
        Set<String> noise = Set.of("kobane", "yabroud", "golan heights", "graveyard of empires", "aleppo", "helmand",
                "dawn", "black star", "national security council", "supreme court justices");
        for (String[] f : DataFiles.rows(PHOENIX)) {
            for (String a : f[6].split("\\|")) assertFalse(noise.contains(TextKeys.key(a)), a + " in " + f[1]);
        }
        ActorDictionary d = ActorDictionary.builtIn();
        for (String text : List.of("Kobane fell .", "Yabroud fell .", "Golan Heights residents said .", "Graveyard of Empires , they said .")) {
            assertNull(first(d, text, LocalDate.of(2014, 6, 1)), text);
        }
        // A generic name of ordinary words ("Black Star", a Greek group in Phoenix) is not imported either.
        assertNull(first(d, "Black Star said .", LocalDate.of(2014, 6, 1)));
    }

    @Test
    void anImportedOneWordNameIsNotTheStartOfALongerName() {
        ActorDictionary d = ActorDictionary.builtIn();
        assertEquals("NGOUSAJEW", code(d, "Amit said .", LocalDate.of(2020, 1, 1)), "AMIT, the US Jewish NGO");
        Text t = Text.of("Amit Shah said .");
        for (ActorMention m : d.find(t.sentence(), t.text(), LocalDate.of(2020, 1, 1))) {
            assertFalse(!m.isAgent() && m.entry().code().equals("NGOUSAJEW"), "Amit Shah is not the NGO");
        }
    }
}
