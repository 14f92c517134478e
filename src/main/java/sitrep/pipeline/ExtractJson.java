package sitrep.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;
import sitrep.model.PlaceKind;
import sitrep.model.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes results in the public extract format (shared/design/extract-format.md), one JSON object per line, and reads
 * them back ({@link #result}): what the Spark job's Parquet holds, read as JSON, is loaded into a store that way.
 */
public final class ExtractJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractJson() {
    }

    public static String line(ArticleResult r) {
        try {
            return JSON.writeValueAsString(toJson(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toJson(ArticleResult r) {
        Article a = r.article();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id());
        o.put("published", a.published() == null ? null : a.published().toString());
        if (a.title() != null) o.put("title", a.title());
        if (a.url() != null) o.put("url", a.url());
        if (a.source() != null) o.put("source", a.source());
        if (a.extracted()) o.put("text", a.text());
        ArrayNode places = o.putArray("places");
        for (Place p : r.places()) places.add(place(p));
        ArrayNode events = o.putArray("events");
        for (Event e : r.events()) events.add(event(e));
        ArrayNode errors = o.putArray("errors");
        for (Problem p : r.errors()) errors.addObject().put("stage", p.stage()).put("message", p.message());
        return o;
    }

    public static ObjectNode place(Place p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("text", p.text()).put("start", p.start()).put("end", p.end());
        o.put("name", p.name());
        if (p.geonameid() == null) o.putNull("geonameid"); else o.put("geonameid", p.geonameid());
        if (p.lat() == null) o.putNull("lat"); else o.put("lat", p.lat());
        if (p.lon() == null) o.putNull("lon"); else o.put("lon", p.lon());
        o.put("country", p.country()).put("admin1", p.admin1()).put("feature_code", p.featureCode()).put("precision", p.precision());
        o.put("kind", p.kind().label());
        return o;
    }

    public static ObjectNode actor(Actor a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("text", a.text()).put("start", a.start()).put("end", a.end()).put("code", a.code()).put("name", a.name())
                .put("country", a.country()).put("sector", a.sector());
        return o;
    }

    public static ObjectNode event(Event e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id()).put("date", e.date()).put("date_precision", e.datePrecision()).put("date_source", e.dateSource());
        if (e.source() == null) o.putNull("source"); else o.set("source", actor(e.source()));
        if (e.target() == null) o.putNull("target"); else o.set("target", actor(e.target()));
        Event.Cameo c = e.cameo();
        o.putObject("cameo").put("code", c.code()).put("base", c.base()).put("root", c.root()).put("quad_class", c.quadClass())
                .put("goldstein", c.goldstein()).put("label", c.label());
        ObjectNode plover = o.putObject("plover").put("type", e.plover().type()).put("mode", e.plover().mode());
        ArrayNode ctx = plover.putArray("context");
        e.plover().context().forEach(ctx::add);
        if (e.acled() == null) o.putNull("acled");
        else o.putObject("acled").put("event_type", e.acled().eventType()).put("sub_event_type", e.acled().subEventType());
        if (e.location() == null) o.putNull("location"); else o.set("location", place(e.location()));
        if (e.locationSource() != null) o.put("location_source", e.locationSource());
        o.put("modality", e.modality());
        if (e.attribution() == null) o.putNull("attribution");
        else {
            ObjectNode at = o.putObject("attribution");
            at.set("speaker", actor(e.attribution().speaker()));
            at.put("verb", e.attribution().verb());
        }
        ObjectNode q = o.putObject("quantities");
        for (Map.Entry<String, Integer> en : e.quantities().entrySet()) q.put(en.getKey(), en.getValue());
        Event.Evidence ev = e.evidence();
        ObjectNode evidence = o.putObject("evidence").put("sentence", ev.sentence()).put("start", ev.start()).put("end", ev.end());
        evidence.putObject("trigger").put("text", ev.trigger().text()).put("start", ev.trigger().start()).put("end", ev.trigger().end());
        if (!ev.alsoTriggers().isEmpty()) {
            ArrayNode also = evidence.putArray("also_triggers");
            for (Event.Span sp : ev.alsoTriggers()) also.addObject().put("text", sp.text()).put("start", sp.start()).put("end", sp.end());
        }
        o.put("confidence", e.confidence());
        return o;
    }

    /**
     * One record of the format read back. {@code text} is the record's (the Spark job's output always carries it),
     * else empty; {@code text_extracted}, {@code language} and {@code origin} are read when present.
     */
    public static ArticleResult result(JsonNode o) {
        String published = text(o, "published");
        Article article = new Article(text(o, "id"), o.path("text").asText(""), published == null ? null : LocalDate.parse(published),
                text(o, "title"), text(o, "url"), text(o, "source"), text(o, "language"), text(o, "origin"),
                o.path("text_extracted").asBoolean(o.has("text") && !o.has("text_extracted")));
        List<Place> places = new ArrayList<>();
        for (JsonNode p : o.path("places")) places.add(placeOf(p));
        List<Event> events = new ArrayList<>();
        for (JsonNode e : o.path("events")) events.add(eventOf(e));
        List<Problem> errors = new ArrayList<>();
        for (JsonNode p : o.path("errors")) errors.add(new Problem(text(p, "stage"), text(p, "message")));
        return new ArticleResult(article, places, events, errors);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean absent(JsonNode o) {
        return o == null || o.isNull() || o.isMissingNode();
    }

    private static Place placeOf(JsonNode p) {
        if (absent(p)) return null;
        return new Place(text(p, "text"), p.path("start").asInt(), p.path("end").asInt(), text(p, "name"),
                absent(p.get("geonameid")) ? null : p.get("geonameid").asLong(), absent(p.get("lat")) ? null : p.get("lat").asDouble(),
                absent(p.get("lon")) ? null : p.get("lon").asDouble(), text(p, "country"), text(p, "admin1"), text(p, "feature_code"),
                text(p, "precision"), PlaceKind.of(text(p, "kind")));
    }

    private static Actor actorOf(JsonNode a) {
        if (absent(a)) return null;
        return new Actor(text(a, "text"), a.path("start").asInt(), a.path("end").asInt(), text(a, "code"), text(a, "name"),
                text(a, "country"), text(a, "sector"));
    }

    private static Event.Span spanOf(JsonNode s) {
        return new Event.Span(text(s, "text"), s.path("start").asInt(), s.path("end").asInt());
    }

    /** An event read back from the public format. */
    public static Event eventOf(JsonNode e) {
        JsonNode c = e.path("cameo"), plover = e.path("plover"), acled = e.get("acled"), at = e.get("attribution"), ev = e.path("evidence");
        List<String> context = new ArrayList<>();
        for (JsonNode x : plover.path("context")) context.add(x.asText());
        Map<String, Integer> quantities = new LinkedHashMap<>();
        e.path("quantities").fields().forEachRemaining(q -> quantities.put(q.getKey(), q.getValue().asInt()));
        List<Event.Span> also = new ArrayList<>();
        for (JsonNode sp : ev.path("also_triggers")) also.add(spanOf(sp));
        return new Event(text(e, "id"), text(e, "date"), text(e, "date_precision"), text(e, "date_source"),
                actorOf(e.get("source")), actorOf(e.get("target")),
                new Event.Cameo(text(c, "code"), text(c, "base"), text(c, "root"), c.path("quad_class").asInt(),
                        c.path("goldstein").asDouble(), text(c, "label")),
                new Event.Plover(text(plover, "type"), text(plover, "mode"), context),
                absent(acled) ? null : new Event.Acled(text(acled, "event_type"), text(acled, "sub_event_type")),
                placeOf(e.get("location")), text(e, "modality"),
                absent(at) ? null : new Event.Attribution(actorOf(at.get("speaker")), text(at, "verb")),
                quantities,
                new Event.Evidence(text(ev, "sentence"), ev.path("start").asInt(), ev.path("end").asInt(), spanOf(ev.path("trigger")), also),
                e.path("confidence").asDouble(), text(e, "location_source"));
    }
}
