package sitrep.eval;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coding scorer against metrics worked out by hand, and the PETRARCH records reader. */
class CodingScoreTest {
    private static CodingScore.Tuple t(String s, String t, String c) {
        return new CodingScore.Tuple(s, t, c);
    }

    @Test
    void exactSentencesTupleMetricsPerRootAndConfusion() {
        CodingScore score = new CodingScore();
        // Sentence 1: exact. Sentence 2: one right, one wrong code on the same dyad. Sentence 3: nothing expected, one coded.
        assertTrue(score.add(Set.of(t("ARN", "GON", "064")), Set.of(t("ARN", "GON", "064"))));
        assertFalse(score.add(Set.of(t("ARN", "GON", "041"), t("FOR", "OSG", "041")), Set.of(t("ARN", "GON", "041"), t("FOR", "OSG", "122"))));
        assertFalse(score.add(Set.of(), Set.of(t("GON", "MOR", "190"))));
        assertEquals(3, score.sentences());
        assertEquals(1, score.exact());
        // tp = 2 (064, 041), fp = 2 (122, 190), fn = 1 (FOR OSG 041): P = 0.5, R = 2/3, F1 = 4/7.
        assertEquals(new CodingScore.Counts(2, 2, 1), score.total());
        assertEquals(0.5, score.total().precision(), 1e-9);
        assertEquals(2.0 / 3, score.total().recall(), 1e-9);
        assertEquals(4.0 / 7, score.total().f1(), 1e-9);
        assertEquals(new CodingScore.Counts(1, 0, 1), score.byRoot().get("04"));
        assertEquals(new CodingScore.Counts(0, 1, 0), score.byRoot().get("12"));
        assertEquals(1, score.confusion().get("04").get("12"), "the FOR-OSG dyad: gold 04, coded 12");
        assertEquals(1, score.confusion().get(CodingScore.NONE).get("19"));
        assertTrue(score.report().contains("coded exactly: 1 (33.3 %)"));
    }

    @Test
    void recordsReaderKeepsGoldNoEventsAndTheDyadOption() throws IOException {
        String xml = """
                <Validation><Sentences>
                <Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
                <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
                <Text>Arnor restored ties with Gondor.</Text>
                <Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties))) (. .)))</Parse>
                </Sentence>
                <Config option="require_dyad" value="False"></Config>
                <Sentence date = "19950102" id ="A-2" category="DEMO" sentence="true">
                <EventCoding noevents = "True"></EventCoding>
                <Text>Nothing happened.</Text>
                <Parse>(ROOT (S (NP (NN Nothing)) (VP (VBD happened)) (. .)))</Parse>
                </Sentence>
                </Sentences></Validation>
                """;
        List<PetrarchRecords.Record> records = PetrarchRecords.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, records.size());
        assertEquals(Set.of(t("ARN", "GON", "064")), records.get(0).gold());
        assertTrue(records.get(0).requireDyad());
        assertEquals("A-2", records.get(1).id());
        assertTrue(records.get(1).gold().isEmpty());
        assertFalse(records.get(1).requireDyad());
        assertEquals(java.time.LocalDate.of(1995, 1, 2), records.get(1).date());
    }
}
