package sitrep.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.store.EventExporter;
import sitrep.store.EventPage;
import sitrep.store.EventQuery;
import sitrep.store.StoredEvent;
import sitrep.store.StoredEventDetail;
import sitrep.store.StoredMention;

/** Events: the filtered listing and one event with its mentions. */
final class EventsResource extends Resource {
    EventsResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.get("/api/events", ctx -> cachedJson(ctx, () -> events(ctx)));
        app.get("/api/events/{id}", ctx -> cachedJson(ctx, () -> event(ctx)));
    }

    private ObjectNode events(Context ctx) {
        EventQuery q = QueryParams.events(ctx, QueryParams.FILTERS);
        EventPage page = readers.read(r -> r.search(q));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode events = out.putArray("events");
        for (StoredEvent e : page.events()) {
            events.add(listed(e));
        }
        out.put("count", page.events().size());
        if (page.next() == null) out.putNull("next_cursor"); else out.put("next_cursor", Cursor.encode(page.next()));
        return out;
    }

    private ObjectNode event(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > QueryParams.MAX_VALUE_LENGTH) throw new BadRequest("bad event id: too long");
        StoredEventDetail detail = readers.read(r -> r.event(id)).orElseThrow(() -> new BadRequest(404, "no event with id '" + id + "'"));
        ObjectNode o = labelled(EventExporter.jsonl(detail.event()));
        // Each mention carries its own coding too: its actor, trigger and place offsets locate the words the
        // event rests on inside the mention's sentence.
        ArrayNode mentions = o.putArray("mentions");
        for (StoredMention m : detail.event().mentions()) {
            ObjectNode mo = mentions.addObject();
            mo.put("id", m.mentionId()).put("article_id", m.articleId()).put("url", m.url()).put("source", m.outlet())
                    .put("sentence", m.sentence()).put("start", m.start()).put("end", m.end());
            mo.putObject("trigger").put("text", m.trigger()).put("start", m.triggerStart()).put("end", m.triggerEnd());
            mo.put("confidence", m.confidence()).put("merge_reason", m.mergeReason());
            String coding = detail.mentionJson().get(m.mentionId());
            if (coding != null) mo.set("coding", parse(coding));
        }
        return o;
    }
}
