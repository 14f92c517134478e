package sitrep.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus readers on small files written here in each corpus's layout. */
class GeoCorpusTest {
    @TempDir
    Path dir;

    @Test
    void lglLayoutKeepsToponymsWithCoordinatesOnly() throws IOException {
        Path file = dir.resolve("small-lgl.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="utf-8"?>
                <articles>
                  <article docid="7">
                    <dltime>2009-03-20 12:24:52.002364-05</dltime>
                    <text><![CDATA[Flooding in Pineville and Ball closed roads.]]></text>
                    <toponyms>
                      <toponym><start>12</start><end>21</end><phrase>Pineville</phrase>
                        <gaztag geonameid="1"><name>Pineville</name><lat>31.32</lat><lon>-92.43</lon></gaztag></toponym>
                      <toponym><start>26</start><end>30</end><phrase>Ball</phrase></toponym>
                    </toponyms>
                  </article>
                </articles>
                """, StandardCharsets.UTF_8);
        List<GeoEvalDocument> docs = GeoCorpus.read("lgl", file);
        assertEquals(1, docs.size());
        GeoEvalDocument d = docs.get(0);
        assertEquals("7", d.id());
        assertEquals(LocalDate.of(2009, 3, 20), d.published());
        assertEquals(1, d.gold().size(), "Ball has no coordinates and is left out");
        GeoAnnotation g = d.gold().get(0);
        assertEquals("Pineville", d.text().substring(g.start(), g.end()));
        assertEquals(-92.43, g.lon(), 1e-9);
    }

    @Test
    void geoVirusOffsetsAreShiftedBackByOne() throws IOException {
        Path file = dir.resolve("small-geovirus.xml");
        Files.writeString(file, """
                <articles>
                    <article>
                        <text>Cases rose in Lagos on Monday.</text>
                        <locations>
                            <location><name>Lagos</name><start>15</start><end>20</end><lat>6.45</lat><lon>3.39</lon></location>
                        </locations>
                    </article>
                </articles>
                """, StandardCharsets.UTF_8);
        GeoEvalDocument d = GeoCorpus.read("geovirus", file).get(0);
        GeoAnnotation g = d.gold().get(0);
        assertEquals("Lagos", d.text().substring(g.start(), g.end()));
    }

    @Test
    void lineFilesGiveOneArticlePerLine() throws IOException {
        Path file = dir.resolve("system.txt");
        Files.writeString(file, "Alexandria,,Alexandria,,31.3113,,-92.4451,,0,,10||Rapides Parish,,Rapides,,31.16,,-92.48,,247,,254,,7041.8||\n"
                + "\n" + "Nowhere,,Nowhere,,x,,y,,5,,12||\n", StandardCharsets.UTF_8);
        List<List<GeoAnnotation>> lines = GeoCorpus.readLines(file);
        assertEquals(3, lines.size());
        assertEquals(2, lines.get(0).size());
        assertEquals("Rapides", lines.get(0).get(1).text());
        assertEquals(254, lines.get(0).get(1).end());
        assertTrue(lines.get(1).isEmpty());
        assertTrue(!lines.get(2).get(0).hasCoordinates(), "unparsable coordinates stay NaN");
    }
}
