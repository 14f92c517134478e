package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.store.ZoneGeometry;
import sitrep.store.EventStore;
import sitrep.store.StoredEvent;
import sitrep.store.Zone;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Set;

/** Zone alerts, as JSON and as an Atom feed. */
final class AlertsResource extends Resource {
    AlertsResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.get("/api/alerts", this::alerts);
        app.get("/api/alerts.atom", this::alertsAtom);
    }

    /** A zone's alert: an event first seen after the zone was drawn, located inside it. */
    record Alert(Zone zone, StoredEvent event) {
    }

    /** Most alerts in one answer; older ones are found by asking with an earlier {@code since}. */
    static final int MAX_ALERTS = 500;
    /** Candidates read per zone: newly seen events inside its bounding box, before the polygon test. */
    private static final int ALERT_SCAN = 5000;

    /**
     * One answer of alerts, newest first. {@code latest} is what the next poll passes as {@code since};
     * {@code more} says that alerts after {@code latest} are already waiting (the answer was cut at its limit).
     */
    record AlertPage(List<Alert> alerts, String latest, boolean more) {
    }

    /**
     * Alerts: for each zone (or the one asked for), events the store first saw after the zone was drawn and
     * after {@code since}, whose place lies inside the zone. Without {@code since}: the newest {@code limit}.
     * With it: the earliest {@code limit} after it, so that polling with the previous answer's {@code latest}
     * walks through every alert however many arrive between polls, none skipped.
     */
    private AlertPage alertPage(Context ctx) {
        QueryParams.only(ctx, Set.of("since", "zone", "limit"));
        java.time.Instant since = QueryParams.instant(ctx, "since");
        String zoneId = QueryParams.value(ctx, "zone");
        int limit = QueryParams.limit(ctx, "limit", 100, MAX_ALERTS);
        List<Zone> zones = zoneId == null ? readers.read(EventStore::zones)
                : List.of(readers.read(r -> r.zone(zoneId)).orElseThrow(() -> new BadRequest(404, "no zone with id '" + zoneId + "'")));
        boolean catchUp = since != null;
        List<Alert> alerts = new java.util.ArrayList<>();
        // Catching up: every alert seen before this instant is known. A zone whose scan stopped early knows its
        // alerts only up to the last event it read, exclusive (events stored together share their instant).
        java.time.Instant known = null;
        for (Zone z : zones) {
            java.time.Instant created = java.time.Instant.parse(z.createdAt());
            String after = (since != null && since.isAfter(created) ? since : created).toString();
            ZoneGeometry geometry = ZoneGeometry.parse(parse(z.geometryJson()));
            List<StoredEvent> candidates = readers.read(r -> r.seenAfter(after, z.bbox(), ALERT_SCAN, catchUp));
            // Catching up, one alert more than asked: its instant bounds what this zone knows completely.
            int wanted = catchUp ? limit + 1 : limit, taken = 0;
            StoredEvent last = null;
            for (StoredEvent e : candidates) {
                last = e;
                JsonNode loc = parse(e.eventJson()).get("location");
                if (loc == null || loc.isNull() || !geometry.contains(loc.path("lon").asDouble(), loc.path("lat").asDouble())) continue;
                alerts.add(new Alert(z, e));
                if (++taken == wanted) break;
            }
            if (catchUp && last != null && (taken == wanted || candidates.size() == ALERT_SCAN)) {
                java.time.Instant stop = seen(last.firstSeen());
                if (known == null || stop.isBefore(known)) known = stop;
            }
        }
        alerts.sort(java.util.Comparator.comparing((Alert x) -> seen(x)).thenComparing(x -> x.event().id()).thenComparing(x -> x.zone().id()));
        List<Alert> page = alerts;
        boolean more = false;
        if (!catchUp) {
            page = new java.util.ArrayList<>(alerts.subList(Math.max(0, alerts.size() - limit), alerts.size()));
        } else {
            more = known != null;
            if (known != null) page = before(page, known);
            if (page.size() > limit) {
                more = true;
                page = before(page, seen(page.get(limit)));
            }
        }
        page = new java.util.ArrayList<>(page);
        java.util.Collections.reverse(page); // answers list newest first
        if (!catchUp) return new AlertPage(page, page.isEmpty() ? null : page.get(0).event().firstSeen(), false);
        if (!page.isEmpty()) return new AlertPage(page, page.get(0).event().firstSeen(), more);
        // None inside the zones among the events read: the next poll starts at the first event not read.
        return new AlertPage(page, known == null ? since.toString() : known.minusNanos(1).toString(), more);
    }

    /**
     * The alerts (oldest first) seen before {@code bound}; if none are, those seen at it: one instant's alerts,
     * whole, rather than an answer that never moves on.
     */
    private static List<Alert> before(List<Alert> oldestFirst, java.time.Instant bound) {
        List<Alert> earlier = oldestFirst.stream().filter(x -> seen(x).isBefore(bound)).toList();
        return earlier.isEmpty() ? oldestFirst.stream().filter(x -> !seen(x).isAfter(bound)).toList() : earlier;
    }

    private static java.time.Instant seen(Alert a) {
        return seen(a.event().firstSeen());
    }

    private static java.time.Instant seen(String instant) {
        return java.time.Instant.parse(instant);
    }

    private void alerts(Context ctx) {
        AlertPage page = alertPage(ctx);
        List<Alert> alerts = page.alerts();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("alerts");
        for (Alert a : alerts) {
            ObjectNode o = list.addObject();
            o.putObject("zone").put("id", a.zone().id()).put("name", a.zone().name());
            o.put("seen_at", a.event().firstSeen());
            ObjectNode e = listed(a.event());
            o.set("event", e);
        }
        out.put("count", alerts.size());
        out.put("latest", page.latest());
        out.put("more", page.more());
        json(ctx, out);
    }

    /** The alerts as an Atom feed, for feed readers and other tools that watch feeds. */
    private void alertsAtom(Context ctx) {
        List<Alert> alerts = alertPage(ctx).alerts();
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            javax.xml.stream.XMLStreamWriter x = javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            atomText(x, "title", "sitrep zone alerts");
            atomText(x, "id", "urn:sitrep:alerts" + (QueryParams.value(ctx, "zone") == null ? "" : ":" + QueryParams.value(ctx, "zone")));
            atomText(x, "updated", alerts.isEmpty() ? java.time.Instant.now().toString() : alerts.get(0).event().firstSeen());
            x.writeEmptyElement("link");
            x.writeAttribute("rel", "self");
            // Links relative to the feed's own address: one built from the request's Host header would let any
            // client that names another host put that host into the links a cache may hand to others.
            String query = ctx.queryString();
            x.writeAttribute("href", ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query));
            x.writeStartElement("author");
            atomText(x, "name", "sitrep");
            x.writeEndElement();
            for (Alert a : alerts) {
                JsonNode e = parse(a.event().eventJson());
                x.writeStartElement("entry");
                String zone = a.zone().name() == null ? a.zone().id() : a.zone().name();
                JsonNode loc = e.get("location");
                String place = loc == null || loc.isNull() ? "" : " at " + loc.path("name").asText();
                atomText(x, "title", zone + ": " + e.path("cameo").path("label").asText("event") + place + " (" + e.path("date").asText("undated") + ")");
                atomText(x, "id", "urn:sitrep:alert:" + a.zone().id() + ":" + a.event().id());
                atomText(x, "updated", a.event().firstSeen());
                x.writeEmptyElement("link");
                x.writeAttribute("href", "/#event=" + java.net.URLEncoder.encode(a.event().id(), StandardCharsets.UTF_8));
                atomText(x, "summary", e.path("evidence").path("sentence").asText(""));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalStateException("cannot write the alerts feed: " + e.getMessage(), e);
        }
        ctx.contentType("application/atom+xml; charset=utf-8");
        ctx.result(text.toString());
    }

    /** An element with text; the writer escapes the text, which comes from untrusted articles. */
    private static void atomText(javax.xml.stream.XMLStreamWriter x, String name, String value) throws javax.xml.stream.XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
        x.writeEndElement();
    }
}
