package sitrep.report;

import java.util.List;
import java.util.Locale;

/**
 * The report as Markdown, for pasting into other tools; the map and charts are SVG files beside it, linked by
 * name. Article text is escaped: Markdown's and HTML's special characters lose their meaning, so an article
 * cannot add links, images or markup.
 */
final class ReportMarkdown {
    private ReportMarkdown() {
    }

    /** @param svgPrefix the file name prefix of the SVG files beside the document ("report" for report-map.svg) */
    static String write(SituationReport r, String svgPrefix) {
        StringBuilder m = new StringBuilder();
        m.append("# ").append(esc(r.title())).append("\n\n");
        m.append("**Scope:** ").append(esc(r.scope())).append("  \n");
        m.append("**Period:** ").append(ReportText.period(r.from(), r.to())).append(", compared with ")
                .append(ReportText.period(r.previousFrom(), r.previousTo())).append("  \n");
        m.append("**Generated:** ").append(r.generated()).append("  \n");
        m.append("**Sources:** ").append(r.figures().events().now()).append(" events from ").append(r.articles()).append(" articles by ")
                .append(r.outlets()).append(" outlets\n\n");

        m.append("## Key figures\n\n| | this period | previous period | change |\n|---|---:|---:|---:|\n");
        for (SituationReport.Count c : List.of(r.figures().events(), r.figures().fatalities())) row(m, c, c.label());
        m.append("\n### Events by PLOVER type\n\n| type | this period | previous | change |\n|---|---:|---:|---:|\n");
        for (SituationReport.Count c : r.figures().plover()) row(m, c, ReportText.type(c.label()));
        m.append("\n### Events by ACLED event type\n\n| type | this period | previous | change |\n|---|---:|---:|---:|\n");
        for (SituationReport.Count c : r.figures().acled()) row(m, c, c.label());

        m.append("\n## Highlights\n\n");
        int i = 1;
        for (SituationReport.Highlight h : r.highlights()) m.append(i++).append(". ").append(esc(h.sentence())).append(' ').append(cites(h.citations())).append('\n');
        if (r.highlights().isEmpty()) m.append("No event was reported as done in the period.\n");

        m.append("\n## Map\n\n![Map of the period's events](").append(svgPrefix).append("-map.svg)\n\n");
        m.append("## Over time\n\n![Events per period](").append(svgPrefix).append("-events.svg)\n\n![Reported fatalities per period](")
                .append(svgPrefix).append("-fatalities.svg)\n\n");

        m.append("## By area\n\n| first-level division | events | change | rose most | fell most | fatalities |\n|---|---:|---:|---|---|---:|\n");
        for (SituationReport.Area a : r.areas()) {
            m.append("| ").append(esc(a.name())).append(" | ").append(a.events().now()).append(" | ").append(ReportText.change(a.events().now(), a.events().before()))
                    .append(" | ").append(esc(changes(a.rose()))).append(" | ").append(esc(changes(a.fell()))).append(" | ").append(a.fatalities())
                    .append(a.fatalitiesYearHigh() ? " ▲ highest in a year" : "").append(" |\n");
        }
        m.append("\n## Territorial changes\n\n");
        for (SituationReport.ControlChange c : r.control()) m.append("- ").append(esc(c.sentence())).append(' ').append(cites(c.citations())).append('\n');
        if (r.control().isEmpty()) m.append("No capture or withdrawal was reported in the period.\n");
        m.append("\n### Zone alerts\n\n");
        for (SituationReport.ZoneAlert a : r.alerts()) m.append("- **").append(esc(a.zone())).append(":** ").append(esc(a.sentence())).append(' ').append(cites(a.citations())).append('\n');
        if (r.alerts().isEmpty()) m.append("No event of the period lies in a zone drawn before the store saw it.\n");

        m.append("\n## Actors\n\n| actor | code | events | as source | as target |\n|---|---|---:|---:|---:|\n");
        for (SituationReport.ActorRow a : r.actors()) {
            m.append("| ").append(esc(a.name())).append(" | ").append(esc(a.code())).append(" | ").append(a.events()).append(" | ")
                    .append(a.asSource()).append(" | ").append(a.asTarget()).append(" |\n");
        }
        m.append("\n### Actor pairs\n\n| source | target | events |\n|---|---|---:|\n");
        for (SituationReport.PairRow p : r.pairs()) m.append("| ").append(esc(p.source())).append(" | ").append(esc(p.target())).append(" | ").append(p.events()).append(" |\n");

        m.append("\n## References\n\n");
        for (SituationReport.Reference ref : r.references()) {
            m.append(ref.number()).append(". <a id=\"ref-").append(ref.number()).append("\"></a>").append(esc(ref.outlet() == null ? "unknown outlet" : ref.outlet()))
                    .append(", *").append(esc(ref.title() == null ? "untitled" : ref.title())).append("*, ")
                    .append(ref.published() == null ? "undated" : ReportText.day(ref.published())).append(". ");
            String link = ReportText.safeLink(ref.url());
            if (link != null) m.append('<').append(link.replace(">", "%3E").replace("<", "%3C")).append('>');
            else m.append("article ").append(esc(ref.articleId()));
            m.append('\n');
            for (String s : ref.evidence()) m.append("   > ").append(esc(s)).append('\n');
        }
        m.append("\n## Method\n\nWritten by software from automatically coded news articles, without human review; reports of one event are "
                + "merged into one event; fatalities are as reported, not verified. ")
                .append(r.minConfidence() == null ? "" : String.format(Locale.ROOT, "Only events with a report coded at a confidence of at least %.2f are included.", r.minConfidence()))
                .append('\n');
        return m.toString();
    }

    private static void row(StringBuilder m, SituationReport.Count c, String label) {
        m.append("| ").append(esc(label)).append(" | ").append(c.now()).append(" | ").append(c.before()).append(" | ")
                .append(ReportText.change(c.now(), c.before())).append(" |\n");
    }

    private static String cites(List<Integer> numbers) {
        StringBuilder s = new StringBuilder();
        for (int n : numbers) s.append("[\\[").append(n).append("\\]](#ref-").append(n).append(')');
        return s.toString();
    }

    private static String changes(List<SituationReport.Count> counts) {
        return String.join(", ", counts.stream().map(c -> ReportText.type(c.label()) + " " + c.before() + "→" + c.now()).toList());
    }

    /** Untrusted text as literal Markdown: its special characters backslash-escaped, HTML's as entities, one line. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.replaceAll("[\\r\\n\\t]+", " ").toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '!', '|', '~' -> b.append('\\').append(c);
                default -> {
                    if (c >= 0x20) b.append(c);
                }
            }
        }
        return b.toString();
    }
}
