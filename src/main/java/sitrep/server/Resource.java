package sitrep.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.actors.ActorNames;
import sitrep.pipeline.Pipeline;
import sitrep.store.EventExporter;
import sitrep.store.EventStore;
import sitrep.store.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One resource of the REST API (events, statistics, zones, ...): its routes and handlers, with what they share: the
 * store (writes, under its lock), the reader pool, the token check and the JSON helpers.
 */
abstract class Resource {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What every resource is built from. */
    record Services(EventStore store, StoreReaders readers, AnswerCache answers, byte[] token, Supplier<Pipeline> pipeline, FeedPoller feeds) {
    }

    final EventStore store;
    final StoreReaders readers;
    private final AnswerCache answers;
    final Supplier<Pipeline> pipeline;
    /** Polls the feeds; null where this server polls none (feeds added through the API are kept all the same). */
    final FeedPoller feeds;
    private final byte[] token;

    Resource(Services s) {
        this.store = s.store();
        this.readers = s.readers();
        this.answers = s.answers();
        this.token = s.token();
        this.pipeline = s.pipeline();
        this.feeds = s.feeds();
    }

    /** Adds this resource's routes. */
    abstract void routes(Javalin app);

    static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json");
        ctx.result(body.toString());
    }

    /**
     * Answers a read with the JSON {@code answer} computes, or with the same request's answer kept since the store
     * last changed ({@link AnswerCache}). For reads whose answer depends on the store and the request alone.
     */
    void cachedJson(Context ctx, Supplier<JsonNode> answer) {
        String query = ctx.queryString();
        String request = query == null ? ctx.path() : ctx.path() + '?' + query;
        long version = readers.read(EventStore::version);
        ctx.contentType("application/json");
        ctx.result(answers.answer(version, request, () -> answer.get().toString()));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON in store: " + e.getOriginalMessage(), e);
        }
    }

    /** The event filters of /api/events without paging, plus {@code extra}. */
    static Set<String> filtersWith(String... extra) {
        Set<String> s = new HashSet<>(QueryParams.FILTERS);
        s.remove("cursor");
        s.remove("limit");
        s.addAll(List.of(extra));
        return s;
    }

    /**
     * An event as listings answer it: the export's JSON without mentions, each actor with the {@code label} people
     * read ("Syrian military"; for an unnamed doer what it is, "unidentified armed group").
     */
    static ObjectNode listed(StoredEvent e) {
        ObjectNode o = EventExporter.jsonl(e);
        o.remove("mentions");
        return labelled(o);
    }

    /** Adds {@code label} to the event's actors, and {@code source_label} (never empty) to the event. */
    static ObjectNode labelled(ObjectNode o) {
        ActorNames names = ActorNames.shared();
        for (String role : List.of("source", "target")) {
            JsonNode a = o.get(role);
            if (a instanceof ObjectNode ao) {
                ao.put("label", names.name(ao.path("code").asText(null), ao.path("name").asText(null), ao.path("country").asText(null),
                        ao.path("sector").asText(null)));
            }
        }
        JsonNode src = o.get("source");
        String sourceLabel = src instanceof ObjectNode && src.hasNonNull("label") ? src.get("label").asText()
                : names.unnamed(o.path("acled").path("event_type").asText(null), o.path("cameo").path("quad_class").asInt(0),
                o.path("location").path("country").asText(null));
        o.put("source_label", sourceLabel);
        return o;
    }

    boolean authorised(Context ctx) {
        String header = ctx.header("Authorization");
        // The scheme's name is case-insensitive (RFC 7235): "bearer T" is as good as "Bearer T".
        if (token == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) return false;
        // Constant-time comparison, so response timing says nothing about how much of a guess was right.
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    void requireToken(Context ctx) {
        if (!authorised(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new BadRequest(401, token == null
                    ? "writes are disabled: start serve with --token or SITREP_TOKEN"
                    : "missing or wrong bearer token (send Authorization: Bearer TOKEN)");
        }
    }

    /** A write's body as JSON, after the token check (so anonymous callers learn nothing about parsing). */
    JsonNode authorisedJsonBody(Context ctx) {
        requireToken(ctx);
        // Read with a cap: Javalin's size limit checks Content-Length, and a chunked body has none.
        byte[] body;
        try (java.io.InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes((int) ApiServer.MAX_BODY_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new BadRequest("could not read the request body: " + e.getMessage());
        }
        if (body.length > ApiServer.MAX_BODY_BYTES) throw new BadRequest(413, "request body larger than " + ApiServer.MAX_BODY_BYTES + " bytes");
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRequest("could not read the request body: " + e.getMessage());
        }
    }
}
