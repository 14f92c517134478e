package sitrep.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;
import sitrep.pipeline.TestPipeline;
import sitrep.store.ContentHash;
import sitrep.store.EventQuery;
import sitrep.store.EventStore;
import sitrep.store.Stores;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Situation reports from a real store: the founding article's strike coded by the pipeline, and hostile article text. */
class ReportTest {
    @TempDir
    Path dir;

    private static final Instant GENERATED = Instant.parse("2017-09-16T08:00:00Z");
    /** Our retelling of the founding article's lead (published 2017-09-15). */
    private static final String STRIKE = """
            Russian warships hit Islamic State targets near Deir ez-Zor
            On September 14, the submarines Veliky Novgorod and Kolpino from the Russian Black Sea Fleet hit weapons depots in Daesh-controlled areas to the east of the city of Deir ez-Zor.
            In August, Syrian government forces, backed by Russian aviation, liberated the town of Al-Sukhnah on the road between Deir ez-Zor and Palmyra.
            """;

    private static EventQuery syria() {
        return new EventQuery(null, null, "SYR", null, null, null, null, null, null, null, null, 1);
    }

    @Test
    void reportsTheFoundingStrikeWithItsCitationInHtmlPdfAndMap() throws IOException {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("id", "founding")
                .put("published", "2017-09-15").put("title", "Russian warships hit Islamic State targets near Deir ez-Zor")
                .put("url", "https://news.example.org/2017/09/15/deir-ez-zor").put("source", "Example Wire").put("text", STRIKE).toString();
        InputItem item = new ArticleReader(InputFormat.JSONL, null).fromJson("test", json);
        ReportWriter writer = new ReportWriter(ReportSettings.defaults());
        SituationReport report;
        try (EventStore store = Stores.open(dir.resolve("store.duckdb").toString())) {
            store.save(TestPipeline.get().process(item), ContentHash.of(STRIKE));
            report = new ReportBuilder(ReportSettings.defaults()).build(store, new ReportRequest(syria(), null), GENERATED);
        }
        SituationReport.Highlight strike = report.highlights().stream()
                .filter(h -> h.sentence().contains("Deir ez-Zor") && h.sentence().contains("14 September")).findFirst()
                .orElseThrow(() -> new AssertionError("no highlight of the 14 September strike in " + report.highlights()));
        assertTrue(strike.sentence().startsWith("Russian forces struck Islamic State"), strike.sentence());
        assertEquals(List.of(1), strike.citations());
        SituationReport.Reference ref = report.references().get(0);
        assertEquals("https://news.example.org/2017/09/15/deir-ez-zor", ref.url());
        assertEquals("Example Wire", ref.outlet());
        assertTrue(ref.evidence().stream().anyMatch(s -> s.startsWith("On September 14")), ref.evidence().toString());
        assertEquals(LocalDate.of(2017, 8, 1), report.from(), "the period starts with the earliest event in scope (August)");

        Document html = Jsoup.parse(writer.html(report));
        Element item1 = html.select("ol.highlights li").stream().filter(li -> li.text().contains("14 September")).findFirst().orElseThrow();
        assertEquals("#ref-1", item1.selectFirst("a").attr("href"));
        assertEquals("https://news.example.org/2017/09/15/deir-ez-zor", html.getElementById("ref-1").selectFirst("a").attr("href"));
        Element map = html.selectFirst("svg.map");
        assertTrue(map != null && !map.select("circle").isEmpty(), "the map draws the events as points");
        assertTrue(map.select("text").stream().anyMatch(t -> t.text().startsWith("Deir ez-Zor")), "and names the place");
        assertFalse(html.select("svg.chart rect").isEmpty(), "the charts are drawings");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        writer.pdf(report, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Russian forces struck Islamic State positions in Deir ez-Zor on 14 September. [1]"), text);
            assertTrue(text.contains("news.example.org/2017/09/15/deir-ez-zor"), "the reference's link");
            assertTrue(doc.getNumberOfPages() >= 2);
        }
    }

    @Test
    void articleTextStaysText() throws IOException {
        Place damascus = new Place("Damascus", 0, 8, "Damascus", 170654L, 33.5102, 36.2913, "SYR", "Damascus", "PPLC", "city");
        String sentence = "Protesters <script>alert(1)</script> marched in Damascus.";
        Event protest = new Event("m1", "2017-09-14", "day", "text", new Actor("Protesters", 0, 10, "SYRCVL", "civilians", "SYR", "CVL"), null,
                new Event.Cameo("141", "141", "14", 3, -6.5, "Demonstrate or rally"), new Event.Plover("PROTEST", "demonstrate", List.of()),
                new Event.Acled("Protests", "Peaceful protest"), damascus, "asserted", null, Map.of(),
                new Event.Evidence(sentence, 0, sentence.length(), new Event.Span("marched", 37, 44)), 0.9);
        Article a = new Article("x1", sentence, LocalDate.of(2017, 9, 15), "<img src=x onerror=alert(2)> Title", "javascript:alert(3)",
                "Outlet <b>", "en", "x1", false);
        Path md = dir.resolve("r.md");
        String html;
        try (EventStore store = Stores.open(dir.resolve("hostile.duckdb").toString())) {
            store.save(new ArticleResult(a, List.of(damascus), List.of(protest), List.of()), ContentHash.of(sentence));
            SituationReport report = new ReportBuilder(ReportSettings.defaults()).build(store, new ReportRequest(syria(), null), GENERATED);
            ReportWriter writer = new ReportWriter(ReportSettings.defaults());
            html = writer.html(report);
            writer.write(report, ReportWriter.Format.MD, md);
        }
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script, img, b:contains(Outlet)").isEmpty(), "no element from article text");
        assertTrue(doc.text().contains("<script>alert(1)</script>"), "the script is shown as text");
        assertTrue(doc.select("a[href^=javascript]").isEmpty(), "only http(s) links");
        String markdown = Files.readString(md);
        assertTrue(markdown.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"), markdown);
        assertFalse(markdown.contains("<img"));
        assertTrue(Files.readString(dir.resolve("r-map.svg")).contains("<circle"), "the map beside the Markdown");
    }
}
