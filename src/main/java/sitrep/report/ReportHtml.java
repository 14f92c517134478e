package sitrep.report;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML document (inline CSS and SVG, no script, nothing fetched), built as a
 * jsoup tree: text goes in through {@code text()}, which escapes it, so article text can never become markup.
 * The same document is what the PDF lays out; its {@code @page} rules set A4 and page numbers there.
 */
final class ReportHtml {
    private static final String CSS = """
            @page { size: A4; margin: 16mm 15mm 18mm 15mm;
              @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans', Helvetica, sans-serif; font-size: 8pt; color: #555; }
              @bottom-left { content: "sitrep situation report"; font-family: 'DejaVu Sans', Helvetica, sans-serif; font-size: 8pt; color: #555; } }
            body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; font-size: 9.5pt; line-height: 1.4; color: #1b1b1b;
              max-width: 190mm; margin: 0 auto; }
            h1 { font-size: 16pt; margin: 0 0 4pt 0; }
            h2 { font-size: 12pt; border-bottom: 1px solid #999; margin: 14pt 0 5pt 0; padding-bottom: 2pt; page-break-after: avoid; }
            h3 { font-size: 10pt; margin: 8pt 0 3pt 0; page-break-after: avoid; }
            p.meta { margin: 1pt 0; color: #333; }
            table { border-collapse: collapse; margin: 3pt 0 6pt 0; page-break-inside: auto; }
            th, td { border-bottom: 1px solid #ddd; padding: 2pt 6pt 2pt 0; text-align: left; vertical-align: top; }
            td.n, th.n { text-align: right; }
            tr { page-break-inside: avoid; }
            .figures td.big { font-size: 14pt; font-weight: bold; }
            .cite a, a.cite { color: #1a5276; text-decoration: none; }
            ol.highlights li, ul.changes li { margin-bottom: 3pt; }
            .flag { color: #922b21; font-weight: bold; }
            figure { margin: 4pt 0 8pt 0; page-break-inside: avoid; }
            figcaption { font-size: 8.5pt; color: #444; }
            svg { max-width: 100%; height: auto; }
            ol.references li { margin-bottom: 4pt; page-break-inside: avoid; }
            .evidence { color: #444; font-size: 8.5pt; margin: 1pt 0 0 0; }
            .muted { color: #666; }
            """;
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private ReportHtml() {
    }

    static Document document(SituationReport r) {
        Document doc = Document.createShell("");
        doc.outputSettings().charset("UTF-8").prettyPrint(false);
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("title").text(r.title());
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));
        Element body = doc.body();
        header(body, r);
        figures(body, r);
        highlights(body, r);
        map(body, r);
        charts(body, r);
        areas(body, r);
        control(body, r);
        actors(body, r);
        references(body, r);
        method(body, r);
        return doc;
    }

    private static void header(Element body, SituationReport r) {
        body.appendElement("h1").text(r.title());
        long days = ChronoUnit.DAYS.between(r.from(), r.to()) + 1;
        meta(body, "Scope: ", r.scope());
        meta(body, "Period: ", ReportText.period(r.from(), r.to()) + " (" + days + (days == 1 ? " day" : " days") + "), compared with "
                + ReportText.period(r.previousFrom(), r.previousTo()));
        meta(body, "Generated: ", r.generated().atZone(java.time.ZoneOffset.UTC).format(GENERATED) + " by sitrep, from coded news reports");
        meta(body, "Sources: ", r.figures().events().now() + " events from " + r.articles() + (r.articles() == 1 ? " article" : " articles")
                + " by " + r.outlets() + (r.outlets() == 1 ? " outlet" : " outlets"));
    }

    private static void meta(Element body, String label, String text) {
        Element p = body.appendElement("p").addClass("meta");
        p.appendElement("b").text(label);
        p.appendText(text);
    }

    private static void figures(Element body, SituationReport r) {
        body.appendElement("h2").text("Key figures");
        Element t = body.appendElement("table").addClass("figures");
        Element head = t.appendElement("tr");
        head.appendElement("th").text("");
        head.appendElement("th").addClass("n").text("this period");
        head.appendElement("th").addClass("n").text("previous period");
        head.appendElement("th").addClass("n").text("change");
        for (SituationReport.Count c : List.of(r.figures().events(), r.figures().fatalities())) {
            Element row = t.appendElement("tr");
            row.appendElement("td").text(c.label().substring(0, 1).toUpperCase(Locale.ROOT) + c.label().substring(1));
            row.appendElement("td").addClass("n").addClass("big").text(String.valueOf(c.now()));
            row.appendElement("td").addClass("n").text(String.valueOf(c.before()));
            row.appendElement("td").addClass("n").text(ReportText.change(c.now(), c.before()));
        }
        body.appendElement("h3").text("Events by PLOVER type");
        countTable(body, r.figures().plover(), true);
        body.appendElement("h3").text("Events by ACLED event type");
        if (r.figures().acled().isEmpty()) body.appendElement("p").addClass("muted").text("No event of the period is in ACLED's scope.");
        else countTable(body, r.figures().acled(), false);
    }

    private static void countTable(Element body, List<SituationReport.Count> counts, boolean plover) {
        Element t = body.appendElement("table");
        Element head = t.appendElement("tr");
        head.appendElement("th").text("type");
        head.appendElement("th").addClass("n").text("this period");
        head.appendElement("th").addClass("n").text("previous");
        head.appendElement("th").addClass("n").text("change");
        for (SituationReport.Count c : counts) {
            Element row = t.appendElement("tr");
            row.appendElement("td").text(plover ? ReportText.type(c.label()) : c.label());
            row.appendElement("td").addClass("n").text(String.valueOf(c.now()));
            row.appendElement("td").addClass("n").text(String.valueOf(c.before()));
            row.appendElement("td").addClass("n").text(ReportText.change(c.now(), c.before()));
        }
    }

    private static void highlights(Element body, SituationReport r) {
        body.appendElement("h2").text("Highlights");
        if (r.highlights().isEmpty()) {
            body.appendElement("p").addClass("muted").text("No event was reported as done in the period.");
            return;
        }
        body.appendElement("p").addClass("muted").text("The most reported events (by outlets, then reports, then severity), each worded from its coding.");
        Element list = body.appendElement("ol").addClass("highlights");
        for (SituationReport.Highlight h : r.highlights()) {
            Element li = list.appendElement("li");
            li.appendText(h.sentence() + " ");
            cite(li, h.citations());
            li.appendElement("span").addClass("muted").text(" (" + h.sources() + (h.sources() == 1 ? " outlet, " : " outlets, ")
                    + h.mentions() + (h.mentions() == 1 ? " report)" : " reports)"));
        }
    }

    private static void cite(Element e, List<Integer> numbers) {
        Element span = e.appendElement("span").addClass("cite");
        for (int n : numbers) span.appendElement("a").attr("href", "#ref-" + n).text("[" + n + "]");
    }

    private static void map(Element body, SituationReport r) {
        body.appendElement("h2").text("Map");
        Element fig = body.appendElement("figure");
        appendSvg(fig, ReportMaps.svg(r.map(), ReportCharts.colours()));
        int drawn = r.map().points().stream().mapToInt(SituationReport.Point::events).sum();
        fig.appendElement("figcaption").text(drawn + (drawn == 1 ? " event at " : " events at ") + r.map().points().size() + (r.map().points().size() == 1 ? " place" : " places") + ", sized by count and coloured by their most "
                + "frequent PLOVER type; the places with most events are named"
                + (r.map().control().isEmpty() ? "" : "; squares mark the period's control changes")
                + (r.map().notDrawn() == 0 ? "." : "; " + r.map().notDrawn() + (r.map().notDrawn() == 1 ? " event" : " events") + " located only to a country or region, or not at all, are not drawn."));
    }

    private static void charts(Element body, SituationReport r) {
        body.appendElement("h2").text("Over time");
        appendSvg(body.appendElement("figure"), ReportCharts.events(r.series()));
        appendSvg(body.appendElement("figure"), ReportCharts.fatalities(r.series()));
    }

    /** Our own SVG (every text in it escaped), parsed as XML so its elements keep the SVG namespace. */
    static void appendSvg(Element parent, String svg) {
        Document parsed = Parser.xmlParser().parseInput(svg, "");
        for (org.jsoup.nodes.Node n : parsed.childNodes()) parent.appendChild(n.clone());
    }

    private static void areas(Element body, SituationReport r) {
        body.appendElement("h2").text("By area");
        if (r.areas().isEmpty()) {
            body.appendElement("p").addClass("muted").text("No event of the period is located within a first-level division.");
            return;
        }
        Element t = body.appendElement("table");
        Element head = t.appendElement("tr");
        for (String h : new String[]{"first-level division", "events", "change", "rose most", "fell most", "fatalities"}) head.appendElement("th").text(h);
        for (SituationReport.Area a : r.areas()) {
            Element row = t.appendElement("tr");
            row.appendElement("td").text(a.name() + (a.country() == null ? "" : " (" + ActorWords.shared().country(a.country()) + ")"));
            row.appendElement("td").addClass("n").text(String.valueOf(a.events().now()));
            row.appendElement("td").addClass("n").text(ReportText.change(a.events().now(), a.events().before()));
            row.appendElement("td").text(changes(a.rose()));
            row.appendElement("td").text(changes(a.fell()));
            Element f = row.appendElement("td");
            f.appendText(String.valueOf(a.fatalities()));
            if (a.fatalitiesYearHigh()) f.appendElement("span").addClass("flag").text(" \u25B2 highest in a year");
        }
        body.appendElement("p").addClass("muted").text("\u25B2: the period's reported fatalities are the most the store holds for the division "
                + "in any period of this length over the year before (the rule of OCHA's HDX Signals).");
    }

    private static String changes(List<SituationReport.Count> counts) {
        return String.join(", ", counts.stream().map(c -> ReportText.type(c.label()) + " " + c.before() + "\u2192" + c.now()).toList());
    }

    private static void control(Element body, SituationReport r) {
        body.appendElement("h2").text("Territorial changes");
        if (r.control().isEmpty()) body.appendElement("p").addClass("muted").text("No capture or withdrawal was reported in the period.");
        else {
            body.appendElement("p").addClass("muted").text("The latest claim in the period about each place, as reported, not verified.");
            Element list = body.appendElement("ul").addClass("changes");
            for (SituationReport.ControlChange c : r.control()) {
                Element li = list.appendElement("li");
                li.appendText(c.sentence() + " ");
                cite(li, c.citations());
                if (c.claims() > 1) li.appendElement("span").addClass("muted").text(" (" + c.claims() + " claims in the period)");
            }
        }
        body.appendElement("h3").text("Zone alerts");
        if (r.alerts().isEmpty()) {
            body.appendElement("p").addClass("muted").text("No event of the period lies in a zone drawn before the store saw it.");
            return;
        }
        Element list = body.appendElement("ul").addClass("changes");
        for (SituationReport.ZoneAlert a : r.alerts()) {
            Element li = list.appendElement("li");
            li.appendElement("b").text(a.zone() + ": ");
            li.appendText(a.sentence() + " ");
            cite(li, a.citations());
        }
    }

    private static void actors(Element body, SituationReport r) {
        body.appendElement("h2").text("Actors");
        if (r.actors().isEmpty()) {
            body.appendElement("p").addClass("muted").text("No actor was identified in the period's events.");
            return;
        }
        Element t = body.appendElement("table");
        Element head = t.appendElement("tr");
        for (String h : new String[]{"actor", "code", "events", "as source", "as target"}) head.appendElement("th").text(h);
        for (SituationReport.ActorRow a : r.actors()) {
            Element row = t.appendElement("tr");
            row.appendElement("td").text(a.name());
            row.appendElement("td").text(a.code());
            row.appendElement("td").addClass("n").text(String.valueOf(a.events()));
            row.appendElement("td").addClass("n").text(String.valueOf(a.asSource()));
            row.appendElement("td").addClass("n").text(String.valueOf(a.asTarget()));
        }
        if (r.pairs().isEmpty()) return;
        body.appendElement("h3").text("Actor pairs");
        Element p = body.appendElement("table");
        Element ph = p.appendElement("tr");
        for (String h : new String[]{"source", "target", "events"}) ph.appendElement("th").text(h);
        for (SituationReport.PairRow pr : r.pairs()) {
            Element row = p.appendElement("tr");
            row.appendElement("td").text(pr.source());
            row.appendElement("td").text(pr.target());
            row.appendElement("td").addClass("n").text(String.valueOf(pr.events()));
        }
    }

    private static void references(Element body, SituationReport r) {
        body.appendElement("h2").text("References");
        if (r.references().isEmpty()) {
            body.appendElement("p").addClass("muted").text("Nothing was cited.");
            return;
        }
        Element list = body.appendElement("ol").addClass("references");
        for (SituationReport.Reference ref : r.references()) {
            Element li = list.appendElement("li").attr("id", "ref-" + ref.number()).attr("value", String.valueOf(ref.number()));
            li.appendText((ref.outlet() == null ? "unknown outlet" : ref.outlet()) + ", ");
            li.appendElement("i").text(ref.title() == null ? "untitled" : "\u201c" + ref.title() + "\u201d");
            li.appendText(", " + (ref.published() == null ? "undated" : ReportText.day(ref.published())) + ". ");
            String link = ReportText.safeLink(ref.url());
            if (link != null) li.appendElement("a").attr("href", link).text(link);
            else if (ref.url() != null) li.appendText(ref.url());
            else li.appendElement("span").addClass("muted").text("article " + ref.articleId() + " (no URL)");
            for (String sentence : ref.evidence()) li.appendElement("p").addClass("evidence").text("\u201c" + sentence + "\u201d");
        }
    }

    private static void method(Element body, SituationReport r) {
        body.appendElement("h2").text("Method");
        body.appendElement("p").text("This report was written by software from news articles, without human review. Each article was coded "
                + "automatically: events (who did what to whom) in CAMEO, PLOVER and ACLED types, actors to CAMEO actor codes, places to "
                + "GeoNames, dates read from the text or taken from the publication date. Reports of the same event (same kind of act, "
                + "overlapping dates, nearby places, compatible actors) were merged into one event; an event counts once however many "
                + "articles report it, and the counts of outlets and reports say how widely it was reported. Fatalities are the highest "
                + "figure a report of the event states; they are as reported, not verified. Events count in a period when their date "
                + "(a day, a month or a year) meets it. Highlights are events reported as done (not denied, planned or hypothetical), "
                + "each sentence worded from the coding and followed by the articles that reported it; the evidence sentences under each "
                + "reference are the sentences the coding rests on.");
        body.appendElement("p").text(r.minConfidence() == null
                ? "Every stored event is included: the store holds events whose calibrated confidence reached the threshold set at ingest (" + sitrep.coding.CoderSettings.DEFAULT_MIN_CONFIDENCE + " by default)."
                : String.format(Locale.ROOT, "Only events with a report coded at a confidence of at least %.2f are included "
                + "(the calibrated probability that a careful human coder records the act).", r.minConfidence()));
    }
}
