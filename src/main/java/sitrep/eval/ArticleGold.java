package sitrep.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The full-article event gold of {@code ../shared/eval/articles/} (GUIDE.md there): one record per event a careful
 * coder records, with its sentence spans, actors (acceptable CAMEO codes), type, place, date, toll and modality.
 */
public final class ArticleGold {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleGold() {
    }

    /** A character span of the article text: the gold sentence or one of its {@code also} sentences. */
    public record Span(int start, int end) {
        boolean overlaps(int s, int e) {
            return s < end && start < e;
        }
    }

    /** An actor as gold gives it: its name in the text and every CAMEO code a careful coder could accept. */
    public record Role(String name, List<String> codes) {
    }

    /** The place of the act: a point with its level ("place" or "country"). */
    public record Where(String name, String iso3, double lat, double lon, boolean countryLevel) {
    }

    /**
     * One gold event.
     *
     * @param types   the CAMEO root and PLOVER type, then the alternatives ({@code alt}: roots or PLOVER types)
     * @param when    "2017-12-11", "2017-12", "2017" or null
     * @param killed  deaths caused by the act, or null; {@code killedAlt} other acceptable counts
     */
    public record Event(int gid, String article, String sentence, List<Span> spans, Role who, String cameoRoot,
                        String plover, List<String> alt, Role whom, Where where, String when, Integer killed,
                        List<Integer> killedAlt, boolean asserted, String note) {
        public boolean accepts(String rootOrType) {
            return rootOrType != null && (rootOrType.equals(cameoRoot) || rootOrType.equals(plover) || alt.contains(rootOrType));
        }
    }

    public static List<Event> read(Reader in) throws IOException {
        List<Event> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            JsonNode o = JSON.readTree(line);
            try {
                out.add(event(o));
            } catch (RuntimeException e) {
                throw new IOException("gold line " + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Event event(JsonNode o) {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(o.get("start").asInt(), o.get("end").asInt()));
        for (JsonNode a : o.path("also")) spans.add(new Span(a.get("start").asInt(), a.get("end").asInt()));
        JsonNode did = o.get("did");
        List<String> alt = new ArrayList<>();
        for (JsonNode a : did.path("alt")) alt.add(a.asText());
        List<Integer> killedAlt = new ArrayList<>();
        for (JsonNode k : o.path("killed_alt")) killedAlt.add(k.asInt());
        JsonNode w = o.get("where");
        Where where = w == null || w.isNull() ? null : new Where(w.path("name").asText(null), w.path("iso3").asText(null),
                w.path("lat").asDouble(), w.path("lon").asDouble(), "country".equals(w.path("level").asText()));
        return new Event(o.path("gid").asInt(), o.get("article").asText(), o.path("sentence").asText(""), spans,
                role(o.get("who")), did.path("cameo_root").asText(null), did.path("plover").asText(null), alt,
                role(o.get("whom")), where, o.hasNonNull("when") ? o.get("when").asText() : null,
                o.hasNonNull("killed") ? o.get("killed").asInt() : null, killedAlt, o.path("asserted").asBoolean(true),
                o.path("note").asText(""));
    }

    private static Role role(JsonNode r) {
        if (r == null || r.isNull()) return null;
        List<String> codes = new ArrayList<>();
        for (JsonNode c : r.path("codes")) codes.add(c.asText());
        String code = r.path("code").asText("");
        if (!code.isEmpty() && !codes.contains(code)) codes.add(0, code);
        return new Role(r.path("name").asText(""), codes);
    }
}
