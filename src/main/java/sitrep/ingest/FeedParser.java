package sitrep.ingest;

import org.jsoup.Jsoup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import sitrep.model.Article;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * RSS 2.0 and Atom feeds to articles: one per item, its text the item's content or summary (markup removed),
 * else its title. Feeds come from the network, so the XML parser refuses DOCTYPEs outright: no external
 * entities, no entity expansion bombs, no DTD fetches.
 */
public final class FeedParser {
    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

    private FeedParser() {
    }

    public static List<Article> parse(byte[] xml, String origin) {
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new InputException("not a readable RSS/Atom feed: " + e.getMessage());
        } catch (IOException e) {
            throw new InputException("cannot read feed: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        List<Article> out = new ArrayList<>();
        String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
        if (name.equals("rss") || name.equals("RDF")) {
            String channel = text(first(root, "channel"), "title");
            for (Element item : elements(root, "item")) {
                String content = firstNs(item, CONTENT_NS, "encoded");
                String body = content != null ? content : text(item, "description");
                String guid = text(item, "guid");
                String link = text(item, "link");
                add(out, origin, guid != null ? guid : link, text(item, "title"), body, link, channel, rfc1123(text(item, "pubDate")));
            }
        } else if (name.equals("feed")) {
            String feedTitle = text(root, "title");
            for (Element entry : elements(root, "entry")) {
                String content = text(entry, "content");
                String body = content != null ? content : text(entry, "summary");
                String link = null;
                for (Element l : elements(entry, "link")) {
                    String rel = l.getAttribute("rel");
                    if (rel.isEmpty() || rel.equals("alternate")) {
                        link = l.getAttribute("href");
                        break;
                    }
                }
                String date = text(entry, "published");
                add(out, origin, text(entry, "id") != null ? text(entry, "id") : link, text(entry, "title"), body, link, feedTitle,
                        iso(date != null ? date : text(entry, "updated")));
            }
        } else {
            throw new InputException("not an RSS or Atom feed (root element <" + name + ">)");
        }
        return out;
    }

    private static void add(List<Article> out, String origin, String key, String title, String body, String link,
                            String source, LocalDate published) {
        String text = body == null ? "" : Jsoup.parse(body).text().strip();
        if (text.isEmpty() && title != null) text = title.strip();
        if (text.isEmpty()) return;
        // Items are identified by their guid or link, so a feed polled again yields the same ids.
        String id = "feed-" + ArticleReader.hash(key != null ? key : text).substring(0, 16);
        String url = link != null && (link.startsWith("http://") || link.startsWith("https://")) ? link : null;
        out.add(new Article(id, text, published, title, url, source, "en", origin, body != null));
    }

    static DocumentBuilder builder() {
        try {
            // The JDK's own parser, not whichever old Xerces a dependency brings: its safety settings are known.
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // errors throw; nothing printed to stderr
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a safety feature: " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    private static Element first(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return e;
        }
        return null;
    }

    /** The text of a direct child element, null when absent or blank. */
    private static String text(Element parent, String localName) {
        Element e = parent == null ? null : first(parent, localName);
        if (e == null) return null;
        String t = e.getTextContent();
        return t == null || t.isBlank() ? null : t.strip();
    }

    private static String firstNs(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                String t = e.getTextContent();
                return t == null || t.isBlank() ? null : t;
            }
        }
        return null;
    }

    private static LocalDate rfc1123(String s) {
        if (s == null) return null;
        try {
            return ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            return HtmlText.date(s);
        }
    }

    private static LocalDate iso(String s) {
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s.strip()).toLocalDate();
        } catch (DateTimeParseException e) {
            return HtmlText.date(s);
        }
    }
}
