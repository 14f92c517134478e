package sitrep.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;
import sitrep.model.Problem;

import java.util.Map;

/** Writes results in the public extract format (shared/design/extract-format.md), one JSON object per line. */
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
}
