package sitrep.eval;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Readers of the single-label gold formats, on small files written here. */
class GoldFilesTest {
    @Test
    void usDatesAndGovernorateSpellings() {
        assertEquals(LocalDate.of(2017, 4, 5), GoldFiles.usDate("4/5/17"));
        assertEquals(LocalDate.of(2013, 12, 31), GoldFiles.usDate("12/31/2013"));
        assertNull(GoldFiles.usDate("13/40/17"));
        assertEquals("deirezzor", GoldFiles.governorate("deir ezzor"));
        assertEquals("deirezzor", GoldFiles.governorate("Deir ez-Zor"));
        assertEquals("hama", GoldFiles.governorate("Muḩāfaz̧at Ḩamāh"));
        assertEquals("hasakeh", GoldFiles.governorate("Al-Hasakah"));
        assertEquals("damascus", GoldFiles.governorate("Rif Dimashq"));
        assertEquals("lattakia", GoldFiles.governorate("Latakia"));
    }

    @Test
    void fakesCsvWithQuotedCommasAndLineBreaks() throws IOException {
        String csv = "unit_id,article_title,article_content,source,date,location\r\n"
                + "1,\"A, title\",\"12 May 2016 Shells hit \"\"the\"\" town,\nkilling two.\",x,5/12/16,aleppo\r\n"
                + "2,B,Short text,y,1/2/14,idlib\n";
        List<GoldFiles.FakesRecord> r = GoldFiles.fakes(new StringReader(csv));
        assertEquals(2, r.size());
        assertEquals("12 May 2016 Shells hit \"the\" town,\nkilling two.", r.get(0).text());
        assertEquals(LocalDate.of(2016, 5, 12), r.get(0).date());
        assertEquals("idlib", r.get(1).location());
    }

    @Test
    void ploverRecordsScoredInTheCurrentOntology() throws IOException {
        String json = """
                [{"id": "doc", "event": "DOCUMENT", "eventText": "notes"},
                 {"id": "a", "event": "DEMAND", "date": "2000-01-01", "text": "Arnor demanded talks.",
                  "source": [{"actorText": "Arnor", "code": "ARNGOV"}]},
                 {"id": "b", "event": "FIGHT", "date": "n/a", "text": "Troops fought.", "source": {"code": "X"}}]
                """;
        var r = GoldFiles.plover(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, r.size(), "the DOCUMENT record is skipped");
        assertEquals("REQUEST", r.get(0).goldType());
        assertEquals("ARN", r.get(0).sourceCountry());
        assertEquals(LocalDate.of(2000, 1, 1), r.get(0).date());
        assertEquals("ASSAULT", r.get(1).goldType());
        assertNull(r.get(1).sourceCountry(), "a code shorter than three letters is no country");
        assertNull(r.get(1).date());
    }

    @Test
    void caseSnippetsAndLabels() throws IOException {
        var r = GoldFiles.case2021(new StringReader("id\tEventSnippet\tSubType\n7\tPolice seized rifles\tDISR_WEAP\n"));
        assertEquals(1, r.size());
        assertEquals("DISR_WEAP", r.get(0).label());
        var labels = GoldFiles.caseLabels();
        assertEquals(30, labels.size());
        assertEquals(25, labels.values().stream().filter(v -> !v.isEmpty()).count());
        assertEquals("Disrupted weapons use", labels.get("DISR_WEAP"));
    }
}
