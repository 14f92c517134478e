package sitrep.eval;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PETRARCH's validation records: {@code <Sentence date id>} with {@code <Text>}, {@code <Parse>} (Penn Treebank)
 * and {@code <EventCoding sourcecode targetcode eventcode>} lines; {@code noevents} and {@code error} codings mean
 * the sentence must yield nothing. {@code <Config option="require_dyad">} elements between sentences change that
 * option for the sentences after them, as in PETRARCH's own runs.
 */
public final class PetrarchRecords {
    /** One record with its gold tuples and the require_dyad setting in force for it. */
    public record Record(String id, LocalDate date, String text, String parse, Set<CodingScore.Tuple> gold,
                         boolean requireDyad) {
    }

    private PetrarchRecords() {
    }

    public static List<Record> read(InputStream in) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a PETRARCH records file: " + e.getMessage(), e);
        }
        List<Record> out = new ArrayList<>();
        boolean[] requireDyad = {true};
        walk(doc.getDocumentElement(), out, requireDyad);
        return out;
    }

    private static void walk(Element e, List<Record> out, boolean[] requireDyad) {
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (!(n instanceof Element c)) continue;
            switch (c.getTagName()) {
                case "Config" -> {
                    if ("require_dyad".equalsIgnoreCase(c.getAttribute("option"))) {
                        requireDyad[0] = Boolean.parseBoolean(c.getAttribute("value").strip().toLowerCase(Locale.ROOT));
                    }
                }
                case "Sentence" -> out.add(record(c, requireDyad[0]));
                default -> walk(c, out, requireDyad);
            }
        }
    }

    private static Record record(Element s, boolean requireDyad) {
        Set<CodingScore.Tuple> gold = new LinkedHashSet<>();
        NodeList codings = s.getElementsByTagName("EventCoding");
        for (int i = 0; i < codings.getLength(); i++) {
            Element c = (Element) codings.item(i);
            if (!c.hasAttribute("eventcode")) continue; // noevents="True" or error="...": nothing to code
            gold.add(new CodingScore.Tuple(c.getAttribute("sourcecode").strip(), c.getAttribute("targetcode").strip(),
                    c.getAttribute("eventcode").strip()));
        }
        String date = s.getAttribute("date").strip();
        return new Record(s.getAttribute("id").strip(),
                date.length() == 8 ? LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE) : null,
                text(s, "Text"), text(s, "Parse"), gold, requireDyad);
    }

    private static String text(Element s, String tag) {
        NodeList l = s.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip().replaceAll("\\s+", " ");
    }
}
