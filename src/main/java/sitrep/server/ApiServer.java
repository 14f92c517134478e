package sitrep.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;
import sitrep.model.ArticleResult;
import sitrep.model.Problem;
import sitrep.pipeline.Pipeline;
import sitrep.store.Aggregates;
import sitrep.store.ContentHash;
import sitrep.store.EventExporter;
import sitrep.store.EventPage;
import sitrep.store.EventQuery;
import sitrep.store.EventStore;
import sitrep.store.StoredEvent;
import sitrep.store.StoredEventDetail;
import sitrep.store.StoredMention;
import sitrep.store.Zone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The REST API and the web app over one store. Reads are open; writes (articles, zones) need the bearer
 * token. A JDBC connection is not safe for concurrent use: reads run on a pool of reader connections
 * ({@link StoreReaders}), in parallel; writes go through the store's own connection under its lock.
 */
public final class ApiServer implements AutoCloseable {
    /** The largest request body: a batch of articles; larger bodies get 413 before they are read. */
    public static final long MAX_BODY_BYTES = 5L * 1024 * 1024;
    /** The most articles in one POST, so one request cannot hold the pipeline for long. */
    public static final int MAX_ARTICLES_PER_POST = 50;
    static final int MAX_TOP = 100;
    /** Reader connections by default: enough to keep every core busy while other requests wait on I/O. */
    public static final int DEFAULT_READERS = Math.min(8, 2 * Runtime.getRuntime().availableProcessors());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB_ROOT = "/sitrep/webapp";

    private final EventStore store;
    private final StoreReaders readers;
    private final byte[] token;
    private final Supplier<Pipeline> pipeline;
    /** Polls the feeds; null where this server polls none (feeds added through the API are kept all the same). */
    private final FeedPoller feeds;
    private final Javalin app;

    /**
     * @param token    the bearer token writes need; null or blank refuses all writes
     * @param pipeline gives the pipeline on the first write (CoreNLP loads then, not at start-up)
     */
    public ApiServer(EventStore store, String token, Supplier<Pipeline> pipeline) {
        this(store, token, pipeline, DEFAULT_READERS);
    }

    /** @param readers how many reader connections serve the API's reads in parallel */
    public ApiServer(EventStore store, String token, Supplier<Pipeline> pipeline, int readers) {
        this(store, token, pipeline, readers, null);
    }

    /** @param feeds the feed poller, which learns of feeds added through the API; null for none */
    public ApiServer(EventStore store, String token, Supplier<Pipeline> pipeline, int readers, FeedPoller feeds) {
        this.store = store;
        this.feeds = feeds;
        this.readers = new StoreReaders(store, readers);
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.pipeline = pipeline;
        boolean webApp = ApiServer.class.getResource(WEB_ROOT + "/index.html") != null;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            // Errors Jetty answers itself (a URI too long, a bad escape) come in the API's JSON too.
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            if (webApp) {
                cfg.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = WEB_ROOT;
                    sf.location = Location.CLASSPATH;
                });
            }
        });
        app.before(ctx -> {
            // Article text is untrusted: the page renders it as text, and this policy stops any script that
            // slipped through from running or calling out. Map tiles are the one outside source allowed.
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        });
        app.get("/api/events", this::events);
        app.get("/api/events/{id}", this::event);
        app.get("/api/stats/timeline", this::timeline);
        app.get("/api/stats/actors", this::actors);
        app.get("/api/stats/dyads", this::dyads);
        app.get("/api/control", this::control);
        app.get("/api/zones", this::listZones);
        app.post("/api/zones", this::postZone);
        app.get("/api/zones/{id}", this::getZone);
        app.delete("/api/zones/{id}", this::deleteZone);
        app.get("/api/zones/{id}/events", this::zoneEvents);
        app.get("/api/feeds", this::listFeeds);
        app.post("/api/feeds", this::postFeed);
        app.delete("/api/feeds/{id}", this::deleteFeed);
        app.get("/api/alerts", this::alerts);
        app.get("/api/alerts.atom", this::alertsAtom);
        app.get("/api/openapi.json", this::openApi);
        app.post("/api/articles", this::postArticles);
        app.exception(BadRequest.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            System.err.println("sitrep serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            e.printStackTrace();
            error(ctx, 500, "internal error; the server log has the details");
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
        });
        app.error(413, ctx -> error(ctx, 413, "request body larger than " + MAX_BODY_BYTES + " bytes"));
    }

    /** Starts listening; port 0 picks a free port. */
    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        readers.close();
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(JSON.createObjectNode().put("error", message).put("status", status).toString());
    }

    private static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json");
        ctx.result(body.toString());
    }

    private void events(Context ctx) {
        EventQuery q = QueryParams.events(ctx, QueryParams.FILTERS);
        EventPage page = readers.read(r -> r.search(q));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode events = out.putArray("events");
        for (StoredEvent e : page.events()) {
            ObjectNode o = EventExporter.jsonl(e);
            o.remove("mentions");
            events.add(o);
        }
        out.put("count", page.events().size());
        if (page.next() == null) out.putNull("next_cursor"); else out.put("next_cursor", Cursor.encode(page.next()));
        json(ctx, out);
    }

    private void event(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > QueryParams.MAX_VALUE_LENGTH) throw new BadRequest("bad event id: too long");
        StoredEventDetail detail = readers.read(r -> r.event(id)).orElseThrow(() -> new BadRequest(404, "no event with id '" + id + "'"));
        ObjectNode o = EventExporter.jsonl(detail.event());
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
        json(ctx, o);
    }

    private static Set<String> filtersWith(String... extra) {
        Set<String> s = new HashSet<>(QueryParams.FILTERS);
        s.remove("cursor");
        s.remove("limit");
        s.addAll(List.of(extra));
        return s;
    }

    private void timeline(Context ctx) {
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
        json(ctx, out);
    }

    /** A top-N statistic's query, on a reader. */
    private interface TopQuery<T> {
        List<T> run(EventStore reader, EventQuery q, int top);
    }

    /** Rows of a top-N statistic: the event filters plus {@code top}. */
    private <T> List<T> topRows(Context ctx, TopQuery<T> query) {
        EventQuery q = QueryParams.events(ctx, filtersWith("top"));
        int top = QueryParams.limit(ctx, "top", 20, MAX_TOP);
        return readers.read(r -> query.run(r, q, top));
    }

    private void actors(Context ctx) {
        List<Aggregates.ActorCount> rows = topRows(ctx, EventStore::topActors);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode actors = out.putArray("actors");
        for (Aggregates.ActorCount a : rows) {
            actors.addObject().put("code", a.code()).put("name", a.name()).put("events", a.total())
                    .put("as_source", a.asSource()).put("as_target", a.asTarget());
        }
        json(ctx, out);
    }

    private void dyads(Context ctx) {
        List<Aggregates.DyadCount> rows = topRows(ctx, EventStore::dyads);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode dyads = out.putArray("dyads");
        for (Aggregates.DyadCount d : rows) {
            ObjectNode o = dyads.addObject();
            o.putObject("source").put("code", d.source()).put("name", d.sourceName());
            o.putObject("target").put("code", d.target()).put("name", d.targetName());
            o.put("events", d.count());
        }
        json(ctx, out);
    }

    private void control(Context ctx) {
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
            o.set("controller", e.controller());
            o.set("relinquished_by", e.relinquishedBy());
            o.put("change", e.change()).put("date", e.date()).put("event_id", e.eventId()).put("evidence", e.evidence()).put("claims", e.claims());
        }
        json(ctx, out);
    }

    private void postZone(Context ctx) {
        JsonNode body = authorisedJsonBody(ctx);
        ZoneGeometry geometry = ZoneGeometry.parse(body);
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
    private void zoneEvents(Context ctx) {
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
                ObjectNode o = EventExporter.jsonl(page.events().get(i));
                o.remove("mentions");
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
        json(ctx, out);
    }

    /**
     * A feed's id in the API: short, URL-safe, and the same for the same URL on every server, and for URLs that
     * differ only in how they are written (host or scheme case, a default port, an empty path).
     */
    static String feedId(String url) {
        // A plain hash of the URL: ContentHash folds case and spacing, as for article text, which would give
        // /Feed and /feed, two feeds, one id.
        return sitrep.ingest.ArticleReader.hash(normalisedFeedUrl(url));
    }

    /**
     * A feed URL as it is stored and compared: scheme and host in lower case, no default port, "/" for an
     * empty path, no fragment (never sent to the server). The rest is kept as written: paths and queries are
     * case-sensitive. A string that is no URL is returned as it is.
     */
    static String normalisedFeedUrl(String url) {
        java.net.URI u;
        try {
            u = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            return url;
        }
        if (u.getScheme() == null || u.getHost() == null) return url;
        String scheme = u.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return scheme + "://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@") + u.getHost().toLowerCase(java.util.Locale.ROOT)
                + (port < 0 || defaultPort ? "" : ":" + port) + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private void listFeeds(Context ctx) {
        QueryParams.only(ctx, Set.of());
        List<String> configured = feeds == null ? List.of() : feeds.configured();
        // One entry per feed id: spellings of one URL stored before URLs were normalised are one feed.
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        for (String url : configured) all.putIfAbsent(feedId(url), url);
        for (String url : readers.read(EventStore::feeds)) all.putIfAbsent(feedId(url), url);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("feeds");
        for (String url : all.values()) {
            ObjectNode o = list.addObject().put("id", feedId(url)).put("url", url).put("origin", configured.contains(url) ? "command line" : "api");
            FeedPoller.LastPoll last = feeds == null ? null : feeds.lastPoll(url);
            if (last == null) {
                o.putNull("last_poll");
            } else {
                o.putObject("last_poll").put("at", last.at().toString()).put("items", last.result().items())
                        .put("stored", last.result().stored()).put("error", last.result().error());
            }
        }
        out.put("polling", feeds != null);
        json(ctx, out);
    }

    private void postFeed(Context ctx) {
        JsonNode body = authorisedJsonBody(ctx);
        String url = body != null && body.path("url").isTextual() ? body.path("url").asText().trim() : null;
        if (url == null || url.isEmpty()) throw new BadRequest("body must be {\"url\": \"https://...\"}");
        if (url.length() > 2000) throw new BadRequest("feed URL longer than 2000 characters");
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new BadRequest("not a URL: " + e.getMessage());
        }
        // Only the scheme and host are checked here; where the host points (loopback, private networks) is
        // checked at each fetch, since a name can resolve differently later.
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT)) || uri.getHost() == null) {
            throw new BadRequest("feed URL must be an absolute http(s) URL, got '" + url + "'");
        }
        url = normalisedFeedUrl(url);
        String id = feedId(url);
        boolean added = false;
        // A feed serve was started with is polled already; stored too, it could not be deleted while it is.
        // A feed stored under another spelling of its URL (before URLs were normalised) is the same feed.
        boolean known = feeds != null && feeds.configured().stream().anyMatch(u -> feedId(u).equals(id))
                || readers.read(EventStore::feeds).stream().anyMatch(u -> feedId(u).equals(id));
        if (!known) {
            synchronized (store) {
                added = store.addFeed(url);
            }
        }
        if (added && feeds != null) feeds.pollSoon(url);
        ctx.status(added ? 201 : 200);
        json(ctx, JSON.createObjectNode().put("id", feedId(url)).put("url", url).put("status", added ? "added" : "already there")
                .put("polling", feeds != null));
    }

    private void deleteFeed(Context ctx) {
        requireToken(ctx);
        String id = ctx.pathParam("id");
        if (feeds != null && feeds.configured().stream().anyMatch(u -> feedId(u).equals(id))) {
            throw new BadRequest(409, "that feed was given on serve's command line (--feed); restart serve without it to stop polling it");
        }
        List<String> urls = readers.read(EventStore::feeds).stream().filter(u -> feedId(u).equals(id)).toList();
        if (urls.isEmpty()) throw new BadRequest(404, "no feed with id '" + id + "'");
        synchronized (store) {
            for (String url : urls) store.removeFeed(url);
        }
        ctx.status(204);
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
            ObjectNode e = EventExporter.jsonl(a.event());
            e.remove("mentions");
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

    private void openApi(Context ctx) {
        try (InputStream in = ApiServer.class.getResourceAsStream("/sitrep/server/openapi.json")) {
            if (in == null) throw new IllegalStateException("openapi.json missing from the classpath");
            ctx.contentType("application/json");
            ctx.result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean authorised(Context ctx) {
        String header = ctx.header("Authorization");
        // The scheme's name is case-insensitive (RFC 7235): "bearer T" is as good as "Bearer T".
        if (token == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) return false;
        // Constant-time comparison, so response timing says nothing about how much of a guess was right.
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    private void requireToken(Context ctx) {
        if (!authorised(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new BadRequest(401, token == null
                    ? "writes are disabled: start serve with --token or SITREP_TOKEN"
                    : "missing or wrong bearer token (send Authorization: Bearer TOKEN)");
        }
    }

    /** A write's body as JSON, after the token check (so anonymous callers learn nothing about parsing). */
    private JsonNode authorisedJsonBody(Context ctx) {
        requireToken(ctx);
        // Read with a cap: Javalin's size limit checks Content-Length, and a chunked body has none.
        byte[] body;
        try (java.io.InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes((int) MAX_BODY_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new BadRequest("could not read the request body: " + e.getMessage());
        }
        if (body.length > MAX_BODY_BYTES) throw new BadRequest(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRequest("could not read the request body: " + e.getMessage());
        }
    }

    private void postArticles(Context ctx) {
        JsonNode body = authorisedJsonBody(ctx);
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new BadRequest("body must be an article object {\"text\": ..., \"id\", \"published\", \"title\", \"url\", \"source\"} or a list of them");
        }
        List<JsonNode> items = body.isArray() ? JSON.convertValue(body, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class)) : List.of(body);
        if (items.isEmpty()) throw new BadRequest("empty list of articles");
        if (items.size() > MAX_ARTICLES_PER_POST) throw new BadRequest("at most " + MAX_ARTICLES_PER_POST + " articles per request, got " + items.size());
        ArticleReader reader = new ArticleReader(InputFormat.JSONL, null);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("articles");
        int stored = 0, skipped = 0, rejected = 0;
        for (int i = 0; i < items.size(); i++) {
            InputItem item = reader.fromJson("request item " + i, items.get(i).toString());
            ObjectNode r = results.addObject().put("id", item.article().id());
            if (!item.usable()) {
                rejected++;
                r.put("status", "rejected");
                errors(r, item.problems());
                continue;
            }
            String hash = ContentHash.of(item.article().text());
            boolean known;
            synchronized (store) {
                known = store.contains(item.article().id(), hash);
            }
            if (known) {
                skipped++;
                r.put("status", "already stored");
                continue;
            }
            ArticleResult result = pipeline.get().process(item);
            boolean saved;
            synchronized (store) {
                saved = store.save(result, hash);
            }
            if (saved) stored++; else skipped++;
            r.put("status", saved ? "stored" : "already stored").put("events", result.events().size());
            errors(r, result.errors());
        }
        out.put("stored", stored).put("skipped", skipped).put("rejected", rejected);
        ctx.status(rejected == items.size() ? 400 : stored > 0 ? 201 : 200);
        json(ctx, out);
    }

    private static void errors(ObjectNode r, List<Problem> problems) {
        ArrayNode errors = r.putArray("errors");
        for (Problem p : problems) errors.addObject().put("stage", p.stage()).put("message", p.message());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON in store: " + e.getOriginalMessage(), e);
        }
    }
}
