package sitrep.eval;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Readers for geoparsing gold corpora and for the published system outputs on them.
 *
 * <ul>
 *   <li>{@code lgl}, {@code trnews}, {@code gwn}: XML with one {@code <article>} per document, its {@code <text>},
 *       and {@code <toponym>} elements with {@code <start>}, {@code <end>}, {@code <phrase>} and coordinates either
 *       under {@code <gaztag>} (LGL, TR-News) or as direct {@code <lat>}/{@code <lon>} children. Toponyms without
 *       coordinates are left out, as Gritta et al. do: they cannot be scored for resolution.</li>
 *   <li>{@code geovirus}: {@code <location>} elements with {@code <name>}, {@code <start>}, {@code <end>},
 *       {@code <lat>}, {@code <lon>}; its offsets are one too high (the span is text[start-1, end-1]).</li>
 *   <li>a line file (any name not ending in .xml): one article per line, toponyms
 *       {@code name,,phrase,,lat,,lon,,start,,end[,,...]} each followed by {@code ||}: the format of
 *       lgl_gold.txt and of the published system outputs. It has no article text.</li>
 * </ul>
 */
public final class GeoCorpus {
    public static final List<String> KINDS = List.of("lgl", "geovirus", "gwn", "trnews");

    private GeoCorpus() {
    }

    /** Reads a gold corpus of the given kind; a file not ending in .xml is read as a line file. */
    public static List<GeoEvalDocument> read(String kind, Path file) throws IOException {
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown corpus kind " + kind + "; expected one of " + KINDS);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
            List<GeoEvalDocument> out = new ArrayList<>();
            int i = 0;
            for (List<GeoAnnotation> gold : readLines(file)) out.add(new GeoEvalDocument(String.valueOf(i++), null, null, gold));
            return out;
        }
        Document xml = parse(file);
        // GeoVirus counts from 1: its span is text[start-1, end-1].
        return kind.equals("geovirus") ? articles(xml, "location", 1) : articles(xml, "toponym", 0);
    }

    /**
     * Reads a line file (gold or system output): one list of toponyms per line. Fields that do not parse as
     * numbers leave the coordinates NaN, and a toponym without a usable span is skipped.
     */
    public static List<List<GeoAnnotation>> readLines(Path file) throws IOException {
        List<List<GeoAnnotation>> out = new ArrayList<>();
        // readAllLines drops the empty remainder after a final newline, so lines and articles correspond.
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) out.add(parseLine(line));
        return out;
    }

    static List<GeoAnnotation> parseLine(String line) {
        List<GeoAnnotation> out = new ArrayList<>();
        for (String item : line.split("\\|\\|")) {
            if (item.isBlank()) continue;
            String[] f = item.split(",,", -1);
            if (f.length < 6) continue;
            try {
                int start = Integer.parseInt(f[4].strip()), end = Integer.parseInt(f[5].strip());
                out.add(new GeoAnnotation(start, end, f[1], number(f[2]), number(f[3])));
            } catch (NumberFormatException e) {
                // a toponym without a usable span cannot be matched; the published files have none
            }
        }
        return out;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The articles of a corpus XML: {@code element} names the gold toponym elements ("toponym", "location"), and
     * {@code shift} is subtracted from their offsets (1 for GeoVirus, which counts from 1).
     */
    private static List<GeoEvalDocument> articles(Document xml, String element, int shift) {
        List<GeoEvalDocument> out = new ArrayList<>();
        NodeList articles = xml.getElementsByTagName("article");
        for (int a = 0; a < articles.getLength(); a++) {
            Element article = (Element) articles.item(a);
            String text = childText(article, "text");
            if (text == null) continue;
            String id = article.hasAttribute("docid") ? article.getAttribute("docid") : String.valueOf(a);
            List<GeoAnnotation> gold = new ArrayList<>();
            NodeList toponyms = article.getElementsByTagName(element);
            for (int t = 0; t < toponyms.getLength(); t++) {
                Element top = (Element) toponyms.item(t);
                Element gaz = child(top, "gaztag");
                Element coords = gaz != null ? gaz : top;
                double lat = number(nullToEmpty(childText(coords, "lat"))), lon = number(nullToEmpty(childText(coords, "lon")));
                Integer start = integer(childText(top, "start")), end = integer(childText(top, "end"));
                if (Double.isNaN(lat) || Double.isNaN(lon) || start == null || end == null) continue;
                String phrase = childText(top, "phrase");
                if (phrase == null) phrase = childText(top, "name");
                int from = start - shift, to = end - shift;
                gold.add(new GeoAnnotation(from, to, phrase != null ? phrase : safeSpan(text, from, to), lat, lon));
            }
            out.add(new GeoEvalDocument(id, text, date(childText(article, "dltime")), gold));
        }
        return out;
    }

    private static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // Gold files are data: no DTDs, no external entities.
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser available", e);
        } catch (SAXException e) {
            throw new IOException("malformed XML in " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static Integer integer(String s) {
        if (s == null) return null;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String safeSpan(String text, int start, int end) {
        return start >= 0 && end <= text.length() && start <= end ? text.substring(start, end) : "";
    }

    /** The leading YYYY-MM-DD of a timestamp such as LGL's dltime "2009-03-20 12:24:52.002364-05", or null. */
    private static LocalDate date(String s) {
        if (s == null || s.strip().length() < 10) return null;
        try {
            return LocalDate.parse(s.strip().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
