package sitrep.coding;

import org.junit.jupiter.api.Test;
import sitrep.actors.PetrarchActorDictionary;
import sitrep.data.TabariText;
import sitrep.nlp.Sentence;
import sitrep.nlp.TreebankSentences;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TABARI/PETRARCH dictionary readers and the pattern coder, on tiny dictionaries and hand-written parses. */
class DictionaryCodingTest {
    private static final String VERBS = """
            <!-- a tiny verb dictionary -->
            &TIES
            +MILITARY
            +TRADE

            --- ABANDON  [345] ---
            ABANDON    # comment
            - * &TIES TIES [902]
            - * DIPLOMATIC_TIES [901]

            --- ARRIVE  [032:033] ---
            ARRIVE

            --- BREAK [171] ---
            BREAK {BROKE BROKEN}
            +BREAK_DOWN [1717]

            --- URGE [100] ---
            URGE
            - * + TO HELP [102]

            --- QUESTION [---] ---
            QUESTION
            """;
    private static final String ACTORS = """
            ARNOR [ARN]
            +ARNORIAN
            GONDOR_ [GON]
            GOLLUM
            +SMEAGOL
            \t[HOB <19950601]
            \t[HOBGOV 19950601-19990815]
            \t[HOBREB >19990816]
            THE_SHIRE [FRO/BIL]
            """;
    private static final String AGENTS = """
            !PERSON! = MAN, MEN
            MINISTER [~GOV]
            FOREIGN_MINISTER [~GOVFRM]
            POLICE {} [~COP]
            MSF {} [NGO~]
            CONGRESS!PERSON! [~LEG]
            """;

    private static PetrarchActorDictionary actors() {
        PetrarchActorDictionary d = new PetrarchActorDictionary();
        d.loadActors(TabariText.lines(ACTORS));
        d.loadAgents(TabariText.lines(AGENTS));
        return d;
    }

    private static List<String> code(String parse, LocalDate date) {
        Sentence s = TreebankSentences.convert(parse).sentence();
        PatternCoder coder = new PatternCoder(VerbDictionary.parse(VERBS), actors(), null, true);
        List<String> out = new ArrayList<>();
        for (PatternCoder.Coded c : coder.code(s, date)) out.add(c.source() + " " + c.target() + " " + c.code());
        return out;
    }

    @Test
    void verbFileBlocksFormsSynsetsAndPatterns() {
        VerbDictionary d = VerbDictionary.parse(VERBS);
        assertEquals(List.of("MILITARY", "TRADE"), d.synsets().get("TIES"));
        VerbDictionary.Verb broke = d.byForm("BROKE").get(0);
        assertEquals("BREAK", broke.base());
        assertEquals("171", broke.block().code());
        VerbDictionary.Verb breakDown = d.byBase("BREAK").get(1);
        assertEquals(List.of("DOWN"), breakDown.after());
        assertEquals("1717", breakDown.code());
        assertTrue(d.byForm("ARRIVED").get(0).base().equals("ARRIVE"), "regular forms are generated");
        VerbDictionary.VerbPattern ties = d.byBase("ABANDON").get(0).block().patterns().get(0);
        assertEquals(VerbDictionary.Kind.SYNSET, ties.after().get(0).kind());
        assertEquals("902", ties.code());
        VerbDictionary.VerbPattern diplomatic = d.byBase("ABANDON").get(0).block().patterns().get(1);
        assertTrue(diplomatic.after().get(1).adjacent(), "'_' joins words that must be adjacent");
        VerbDictionary.VerbPattern urge = d.byBase("URGE").get(0).block().patterns().get(0);
        assertEquals(VerbDictionary.Kind.TARGET, urge.after().get(0).kind());
    }

    @Test
    void actorDateRestrictionsPickTheCodeValidOnTheDate() {
        PetrarchActorDictionary d = actors();
        Sentence s = TreebankSentences.convert("(ROOT (S (NP (NNP Smeagol)) (VP (VBD left)) (. .)))").sentence();
        PetrarchActorDictionary.Hit hit = d.find(s).get(0);
        assertEquals(List.of("HOB"), hit.actor().codesOn(LocalDate.of(1995, 1, 1)));
        assertEquals(List.of("HOBGOV"), hit.actor().codesOn(LocalDate.of(1995, 6, 1)));
        assertEquals(List.of("HOBREB"), hit.actor().codesOn(LocalDate.of(2001, 1, 1)));
        assertEquals(4, d.actorCount());
    }

    @Test
    void aDefaultCodeAndAPatternWithASynonymSet() {
        String plain = "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB abandon) (NP (NP (JJ full) (NNS relations)) (PP (IN with) (NP (NNP Gondor)))))) (. .)))";
        assertEquals(List.of("ARN GON 345"), code(plain, null));
        String military = "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB abandon) (NP (NP (JJ military) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))) (. .)))";
        assertEquals(List.of("ARN GON 902"), code(military, null));
    }

    @Test
    void twoWayCodesCompoundActorsAndNoEventCodes() {
        String arrive = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD arrived) (PP (IN in) (NP (DT the) (NNP Shire)))) (. .)))";
        assertEquals(List.of("ARN FRO 032", "FRO ARN 033", "ARN BIL 032", "BIL ARN 033", "GON FRO 032", "FRO GON 033",
                "GON BIL 032", "BIL GON 033"), code(arrive, null));
        String question = "(ROOT (S (NP (NNP Arnor)) (VP (VBD questioned) (NP (NNP Gondor))) (. .)))";
        assertEquals(List.of(), code(question, null), "[---] codes nothing");
    }

    @Test
    void agentsComposeWithTheirActorAndPatternsBindTheTarget() {
        String urge = "(ROOT (S (NP (NP (NNP Arnor) (POS 's)) (JJ foreign) (NN minister)) (VP (VBD urged) (NP (NNP Gondor) (NN police))"
                + " (S (VP (TO to) (VP (VB help))))) (. .)))";
        assertEquals(List.of("ARNGOVFRM GONCOP 102"), code(urge, null));
        String msf = "(ROOT (S (NP (NNP MSF) (NNP Arnor)) (VP (VBD broke) (PRT (RP down)) (NP (NNS talks)) (PP (IN with) (NP (NNP Gondor)))) (. .)))";
        assertEquals(List.of("NGOARN GON 1717"), code(msf, null), "a prefix agent and a multi-word verb");
        String congress = "(ROOT (S (NP (NNP Arnor) (NNS congressmen)) (VP (VBD broke) (NP (NNP Gondor))) (. .)))";
        assertEquals(List.of("ARNLEG GON 171"), code(congress, null), "substitution sets expand");
    }

    @Test
    void discardsStopASentence() {
        DiscardList d = DiscardList.parse(TabariText.lines("BASEBALL\n+WORLD CUP_ # story\n"));
        Sentence baseball = TreebankSentences.convert("(ROOT (S (NP (NNP Arnor)) (VP (VBD played) (NP (NNS baseballs))) (. .)))").sentence();
        assertNotNull(d.match(baseball), "stems match");
        Sentence cups = TreebankSentences.convert("(ROOT (S (NP (NNP Arnor)) (VP (VBD won) (NP (NNP World) (NNS Cups))) (. .)))").sentence();
        assertNull(d.match(cups), "a phrase ending in '_' matches whole words only");
        assertTrue(d.discards().get(1).story());
    }
}
