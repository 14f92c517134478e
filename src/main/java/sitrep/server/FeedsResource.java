package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.store.ContentHash;
import sitrep.store.EventStore;

import java.util.List;
import java.util.Set;

/** Feeds polled for new articles: those serve was started with and those added through the API. */
final class FeedsResource extends Resource {
    FeedsResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.get("/api/feeds", this::listFeeds);
        app.post("/api/feeds", this::postFeed);
        app.delete("/api/feeds/{id}", this::deleteFeed);
    }

    /** A feed's id in the API: short, URL-safe, and the same for the same URL on every server. */
    static String feedId(String url) {
        return ContentHash.of(url).substring(0, 16);
    }

    private void listFeeds(Context ctx) {
        QueryParams.only(ctx, Set.of());
        List<String> configured = feeds == null ? List.of() : feeds.configured();
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(configured);
        all.addAll(readers.read(EventStore::feeds));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("feeds");
        for (String url : all) {
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
        boolean added = false;
        // A feed serve was started with is polled already; stored too, it could not be deleted while it is.
        if (feeds == null || !feeds.configured().contains(url)) {
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
        String url = readers.read(EventStore::feeds).stream().filter(u -> feedId(u).equals(id)).findFirst()
                .orElseThrow(() -> new BadRequest(404, "no feed with id '" + id + "'"));
        synchronized (store) {
            store.removeFeed(url);
        }
        ctx.status(204);
    }
}
