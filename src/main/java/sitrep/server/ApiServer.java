package sitrep.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import sitrep.pipeline.Pipeline;
import sitrep.store.EventStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    /** Million characters of read answers kept by default ({@link AnswerCache}). */
    public static final int DEFAULT_ANSWER_CACHE = AnswerCache.DEFAULT_MILLION_CHARS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB_ROOT = "/sitrep/webapp";

    private final StoreReaders readers;
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
        this(store, token, pipeline, readers, feeds, AnswerCache.DEFAULT_MILLION_CHARS);
    }

    /** @param answerCacheMillionChars million characters of read answers kept while the store is unchanged; 0: none */
    public ApiServer(EventStore store, String token, Supplier<Pipeline> pipeline, int readers, FeedPoller feeds, int answerCacheMillionChars) {
        this.readers = new StoreReaders(store, readers);
        byte[] tokenBytes = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
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
        Resource.Services services = new Resource.Services(store, this.readers, new AnswerCache(answerCacheMillionChars), tokenBytes, pipeline, feeds);
        for (Resource r : List.of(new EventsResource(services), new ExportResource(services), new StatsResource(services),
                new ControlResource(services), new ReportResource(services), new ZonesResource(services), new FeedsResource(services),
                new AlertsResource(services), new ArticlesResource(services))) {
            r.routes(app);
        }
        app.get("/api/openapi.json", this::openApi);
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

    private void openApi(Context ctx) {
        QueryParams.only(ctx, java.util.Set.of());
        try (InputStream in = ApiServer.class.getResourceAsStream("/sitrep/server/openapi.json")) {
            if (in == null) throw new IllegalStateException("openapi.json missing from the classpath");
            ctx.contentType("application/json");
            ctx.result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
