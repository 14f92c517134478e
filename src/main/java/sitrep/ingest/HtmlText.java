package sitrep.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Main-text extraction from a news page: the container whose paragraphs hold the most text (penalised for
 * links, as in navigation and link lists) is the article; its headings, paragraphs, list items and quotes
 * become paragraphs of plain text. Title, canonical URL, site name and publication date come from the
 * page's metadata when present.
 */
public final class HtmlText {
    public record Page(String title, String text, String url, String siteName, LocalDate published) {
    }

    private static final String BOILERPLATE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, "
            + "button, figure figcaption, [role=navigation], [aria-hidden=true], .advert, .ad, .share, .related, .comments";
    private static final String BLOCKS = "h1, h2, h3, h4, p, li, blockquote, pre";

    private HtmlText() {
    }

    public static Page extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        String title = meta(doc, "meta[property=og:title]", "content");
        if (title == null) title = doc.title().isBlank() ? null : doc.title().strip();
        String url = meta(doc, "link[rel=canonical]", "href");
        if (url == null) url = meta(doc, "meta[property=og:url]", "content");
        String site = meta(doc, "meta[property=og:site_name]", "content");
        LocalDate published = date(meta(doc, "meta[property=article:published_time]", "content"));
        if (published == null) published = date(meta(doc, "meta[name=date]", "content"));
        if (published == null) published = date(meta(doc, "time[datetime]", "datetime"));
        doc.select(BOILERPLATE).remove();
        Element main = mainContainer(doc);
        List<String> paragraphs = new ArrayList<>();
        for (Element block : main.select(BLOCKS)) {
            if (!block.select(BLOCKS).not(":root").isEmpty() && !block.is("p")) continue; // nested: take the inner blocks
            String t = block.text().strip();
            if (!t.isEmpty()) paragraphs.add(t);
        }
        if (paragraphs.isEmpty()) {
            String t = main.text().strip();
            if (!t.isEmpty()) paragraphs.add(t);
        }
        if (paragraphs.isEmpty()) throw new InputException("HTML page has no text content");
        return new Page(title, String.join("\n\n", paragraphs), url, site, published);
    }

    private static Element mainContainer(Document doc) {
        Element best = doc.body() == null ? doc : doc.body();
        double bestScore = score(best) * 0.5; // the whole body must be beaten clearly by a real container
        for (Element e : doc.select("article, main, div, section, [itemprop=articleBody]")) {
            double s = score(e);
            if (e.is("article, [itemprop=articleBody]")) s *= 1.5;
            if (s > bestScore) {
                bestScore = s;
                best = e;
            }
        }
        return best;
    }

    /** Text in direct paragraph children, less the share that sits in links. */
    private static double score(Element e) {
        int text = 0;
        for (Element p : e.children()) if (p.is("p, h2, h3, blockquote, ul, ol")) text += p.text().length();
        if (text == 0) return 0;
        int linked = 0;
        for (Element a : e.select("a")) linked += a.text().length();
        int all = Math.max(1, e.text().length());
        return text * (1.0 - Math.min(1.0, (double) linked / all));
    }

    private static String meta(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        if (e == null) return null;
        String v = e.attr(attr).strip();
        return v.isEmpty() ? null : v;
    }

    static LocalDate date(String value) {
        if (value == null || value.length() < 10) return null;
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
