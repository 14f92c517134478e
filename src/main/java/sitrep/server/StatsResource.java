package sitrep.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.store.Aggregates;
import sitrep.store.EventQuery;
import sitrep.store.EventStore;

import java.util.List;

/** Statistics over the filtered events: the timeline, top actors and dyads. */
final class StatsResource extends Resource {
    StatsResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.get("/api/stats/timeline", ctx -> cachedJson(ctx, () -> timeline(ctx)));
        app.get("/api/stats/actors", ctx -> cachedJson(ctx, () -> actors(ctx)));
        app.get("/api/stats/dyads", ctx -> cachedJson(ctx, () -> dyads(ctx)));
    }

    private ObjectNode timeline(Context ctx) {
        EventQuery q = QueryParams.events(ctx, filtersWith("interval"));
        String interval = QueryParams.value(ctx, "interval");
        if (interval == null) interval = "day";
        Aggregates.Interval period = switch (interval) {
            case "auto" -> null; // the store picks one from the span of the matching dates
            case "day", "week", "month", "year" -> Aggregates.Interval.valueOf(interval.toUpperCase(java.util.Locale.ROOT));
            default -> throw new BadRequest("bad parameter 'interval': expected day, week, month, year or auto, got '" + interval + "'");
        };
        Aggregates.Timeline timeline = readers.read(r -> r.timeline(q, period));
        ObjectNode out = JSON.createObjectNode().put("interval", timeline.interval().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode counts = out.putArray("counts");
        for (Aggregates.TimelineCount r : timeline.counts()) counts.addObject().put("period", r.period()).put("type", r.type()).put("count", r.count());
        return out;
    }

    /** A top-N statistic's query, on a reader. */
    private interface TopQuery<T> {
        List<T> run(EventStore reader, EventQuery q, int top);
    }

    /** Rows of a top-N statistic: the event filters plus {@code top}. */
    private <T> List<T> topRows(Context ctx, TopQuery<T> query) {
        EventQuery q = QueryParams.events(ctx, filtersWith("top"));
        int top = QueryParams.limit(ctx, "top", 20, ApiServer.MAX_TOP);
        return readers.read(r -> query.run(r, q, top));
    }

    private ObjectNode actors(Context ctx) {
        List<Aggregates.ActorCount> rows = topRows(ctx, EventStore::topActors);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode actors = out.putArray("actors");
        for (Aggregates.ActorCount a : rows) {
            actors.addObject().put("code", a.code()).put("name", a.name()).put("label", label(a.code(), a.name())).put("events", a.total())
                    .put("as_source", a.asSource()).put("as_target", a.asTarget());
        }
        return out;
    }

    private ObjectNode dyads(Context ctx) {
        List<Aggregates.DyadCount> rows = topRows(ctx, EventStore::dyads);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode dyads = out.putArray("dyads");
        for (Aggregates.DyadCount d : rows) {
            ObjectNode o = dyads.addObject();
            o.putObject("source").put("code", d.source()).put("name", d.sourceName()).put("label", label(d.source(), d.sourceName()));
            o.putObject("target").put("code", d.target()).put("name", d.targetName()).put("label", label(d.target(), d.targetName()));
            o.put("events", d.count());
        }
        return out;
    }

    /** The readable name of an actor known by code and stored name (country and role read from the code). */
    private static String label(String code, String name) {
        return sitrep.actors.ActorNames.shared().name(code, name, null, null);
    }
}
