package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.store.ControlLedger;
import sitrep.store.StoredEvent;

import java.util.List;
import java.util.Set;

/** The control ledger: who is claimed to hold each place. */
final class ControlResource extends Resource {
    ControlResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.get("/api/control", ctx -> cachedJson(ctx, () -> control(ctx)));
    }

    private ObjectNode control(Context ctx) {
        QueryParams.only(ctx, Set.of("country", "as_of"));
        String country = QueryParams.value(ctx, "country");
        if (country != null && !country.matches("[A-Za-z]{3}")) {
            throw new BadRequest("bad parameter 'country': expected an ISO 3166 alpha-3 code such as SYR, got '" + country + "'");
        }
        java.time.LocalDate asOf = QueryParams.date(ctx, "as_of");
        String iso3 = country == null ? null : country.toUpperCase(java.util.Locale.ROOT);
        List<StoredEvent> events = readers.read(r -> r.withCameoCodes(ControlLedger.CODES, asOf, iso3));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode places = out.putArray("places");
        for (ControlLedger.Entry e : ControlLedger.build(events)) {
            ObjectNode o = places.addObject();
            o.set("place", e.place());
            o.set("controller", actorLabelled(e.controller()));
            o.set("relinquished_by", actorLabelled(e.relinquishedBy()));
            o.put("change", e.change()).put("date", e.date()).put("event_id", e.eventId()).put("evidence", e.evidence()).put("claims", e.claims());
        }
        return out;
    }

    /** The actor (a copy) with the {@code label} people read, as the event listings give it. */
    private static JsonNode actorLabelled(JsonNode actor) {
        if (!(actor instanceof ObjectNode a)) return actor;
        ObjectNode copy = a.deepCopy();
        copy.put("label", sitrep.actors.ActorNames.shared().name(a.path("code").asText(null), a.path("name").asText(null),
                a.path("country").asText(null), a.path("sector").asText(null)));
        return copy;
    }
}
