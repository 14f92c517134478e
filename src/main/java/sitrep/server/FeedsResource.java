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
}
