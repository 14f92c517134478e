package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.store.ZoneGeometry;
import sitrep.store.EventPage;
import sitrep.store.EventQuery;
import sitrep.store.EventStore;
import sitrep.store.Zone;
import java.util.HashSet;

import java.util.Set;

/** Zones: stored polygons, and the events inside one. */
final class ZonesResource extends Resource {
    ZonesResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.get("/api/zones", this::listZones);
        app.post("/api/zones", this::postZone);
        app.get("/api/zones/{id}", this::getZone);
        app.delete("/api/zones/{id}", this::deleteZone);
        app.get("/api/zones/{id}/events", ctx -> cachedJson(ctx, () -> zoneEvents(ctx)));
    }

    private void postZone(Context ctx) {
        JsonNode body = authorisedJsonBody(ctx);
        ZoneGeometry geometry = zoneGeometry(body);
        String name = body != null && body.path("properties").path("name").isTextual() ? body.path("properties").path("name").asText() : null;
        if (name != null && name.length() > QueryParams.MAX_VALUE_LENGTH) throw new BadRequest("zone name longer than " + QueryParams.MAX_VALUE_LENGTH + " characters");
        double[] b = geometry.bbox();
        String id = "zone-" + java.util.UUID.randomUUID();
        Zone stored;
        synchronized (store) {
            stored = store.saveZone(new Zone(id, name, geometry.geometry().toString(), b[0], b[1], b[2], b[3], null));
        }
        ctx.status(201);
        json(ctx, zoneJson(stored));
    }

    private static ObjectNode zoneJson(Zone z) {
        ObjectNode o = JSON.createObjectNode().put("id", z.id()).put("name", z.name()).put("created_at", z.createdAt());
        o.putArray("bbox").add(z.minLon()).add(z.minLat()).add(z.maxLon()).add(z.maxLat());
        o.set("geometry", parse(z.geometryJson()));
        return o;
    }

    private static String zoneId(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > QueryParams.MAX_VALUE_LENGTH) throw new BadRequest("bad zone id: too long");
        return id;
    }

    private Zone zone(Context ctx) {
        String id = zoneId(ctx);
        return readers.read(r -> r.zone(id)).orElseThrow(() -> new BadRequest(404, "no zone with id '" + id + "'"));
    }

    private void getZone(Context ctx) {
        json(ctx, zoneJson(zone(ctx)));
    }

    private void listZones(Context ctx) {
        QueryParams.only(ctx, Set.of());
        ObjectNode out = JSON.createObjectNode();
        ArrayNode zones = out.putArray("zones");
        for (Zone z : readers.read(EventStore::zones)) zones.add(zoneJson(z));
        json(ctx, out);
    }

    private void deleteZone(Context ctx) {
        requireToken(ctx);
        String id = zoneId(ctx);
        boolean deleted;
        synchronized (store) {
            deleted = store.deleteZone(id);
        }
        if (!deleted) throw new BadRequest(404, "no zone with id '" + id + "'");
        ctx.status(204);
    }

    /**
     * Events inside a zone, with the same filters and paging as /api/events: the store narrows by the zone's
     * bounding box, then each event's point is tested against the polygon. A page stops at the limit, and
     * its cursor is the last event looked at, so the next page goes on from there.
     */
    private ObjectNode zoneEvents(Context ctx) {
        Set<String> allowed = new HashSet<>(QueryParams.FILTERS);
        allowed.remove("bbox");
        EventQuery q = QueryParams.events(ctx, allowed);
        Zone z = zone(ctx);
        ZoneGeometry geometry = ZoneGeometry.parse(parse(z.geometryJson()));
        ArrayNode events = JSON.createArrayNode();
        EventQuery.Position after = q.after(), next = null;
        int scanned = 0;
        outer:
        while (true) {
            EventQuery pageQuery = new EventQuery(q.from(), q.to(), q.country(), q.admin1(), new double[]{z.minLon(), z.minLat(), z.maxLon(), z.maxLat()},
                    q.actor(), q.cameoRoot(), q.ploverType(), q.acledType(), q.text(), after, QueryParams.MAX_LIMIT, q.minConfidence());
            EventPage page = readers.read(r -> r.search(pageQuery));
            for (int i = 0; i < page.events().size(); i++) {
                ObjectNode o = listed(page.events().get(i));
                JsonNode loc = o.get("location");
                if (loc != null && !loc.isNull() && geometry.contains(loc.path("lon").asDouble(), loc.path("lat").asDouble())) events.add(o);
                scanned++;
                if (events.size() == q.limit()) {
                    boolean more = i < page.events().size() - 1 || page.next() != null;
                    next = more ? page.positions().get(i) : null;
                    break outer;
                }
            }
            if (page.next() == null) break;
            // Bounded work per request: a sparse zone in a dense box answers with a cursor instead of scanning on.
            if (scanned >= 20 * QueryParams.MAX_LIMIT) {
                next = page.next();
                break;
            }
            after = page.next();
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("zone", z.id());
        out.set("events", events);
        out.put("count", events.size());
        if (next == null) out.putNull("next_cursor"); else out.put("next_cursor", Cursor.encode(next));
        return out;
    }

    /** A zone drawn or uploaded by a user: what is wrong with it is the user's to fix (400). */
    private static ZoneGeometry zoneGeometry(JsonNode body) {
        try {
            return ZoneGeometry.parse(body);
        } catch (ZoneGeometry.InvalidZone e) {
            throw new BadRequest(e.getMessage());
        }
    }
}
