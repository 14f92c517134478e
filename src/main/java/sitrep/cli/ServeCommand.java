package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sitrep.data.Lazy;
import sitrep.pipeline.Pipeline;
import sitrep.server.ApiServer;
import sitrep.server.FeedFetcher;
import sitrep.server.FeedPoller;
import sitrep.store.EventStore;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"REST API (/api/...) and web app (/) over a store, in the foreground until Ctrl-C.",
                "Reads are open; POST /api/articles needs the bearer token (--token or SITREP_TOKEN)."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "PATH|URL",
            description = "DuckDB file (created when missing) or postgresql://user:password@host:port/database.")
    String store;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--token", paramLabel = "T",
            description = "Bearer token that writes need (default: the SITREP_TOKEN environment variable; none: writes refused).")
    String token;

    @Option(names = "--feed", paramLabel = "URL",
            description = "RSS or Atom feed to poll and ingest (repeatable; needs no token: the feeds are yours).")
    java.util.List<String> feeds = new java.util.ArrayList<>();

    @Option(names = "--feed-interval", defaultValue = "15", paramLabel = "MINUTES",
            description = "Minutes between polls of the feeds (default: ${DEFAULT-VALUE}).")
    int feedInterval;

    @Option(names = "--readers", paramLabel = "N",
            description = "Store connections that serve API reads in parallel (default: twice the cores, at most 8).")
    int readers = sitrep.server.ApiServer.DEFAULT_READERS;

    @Option(names = "--answer-cache-mb", paramLabel = "N",
            description = "Million characters (about MB) of read answers kept until the store changes; 0 computes every read (default: ${DEFAULT-VALUE}).")
    int answerCacheMb = sitrep.server.ApiServer.DEFAULT_ANSWER_CACHE;

    @Option(names = "--allow-private-feeds",
            description = "Allow feeds on loopback and private addresses (refused by default).")
    boolean allowPrivateFeeds;

    @picocli.CommandLine.Mixin
    sitrep.eval.GazetteerOptions gazetteerOptions;

    @Override
    public Integer call() throws InterruptedException {
        gazetteerOptions.apply();
        // Feed fetches connect to the address their check resolved: both take it from Java's resolver cache,
        // kept this long (set before any lookup; see FeedFetcher.check).
        java.security.Security.setProperty("networkaddress.cache.ttl", "30");
        if (feedInterval < 1) throw new Main.UsageException("--feed-interval must be at least 1 minute, got " + feedInterval);
        if (readers < 1 || readers > 64) throw new Main.UsageException("--readers must be 1..64, got " + readers);
        if (answerCacheMb < 0 || answerCacheMb > 100_000) throw new Main.UsageException("--answer-cache-mb must be 0..100000, got " + answerCacheMb);
        if (port < 0 || port > 65535) throw new Main.UsageException("--port must be 0..65535, got " + port);
        String t = token != null ? token : System.getenv("SITREP_TOKEN");
        EventStore db = IngestCommand.open(store);
        // CoreNLP takes a while and a few GB to load: only when the first article is posted.
        // Each request runs its articles on its own thread (Pipeline.process), so the pool stays at one.
        Lazy<Pipeline> pipeline = new Lazy<>(() -> new Pipeline(1));
        FeedPoller poller = new FeedPoller(feeds, new FeedFetcher(allowPrivateFeeds), db, item -> pipeline.get().process(item));
        ApiServer server;
        try {
            server = new ApiServer(db, t, pipeline::get, readers, poller, answerCacheMb).start(host, port);
        } catch (RuntimeException e) {
            db.close();
            throw new Main.UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        // Always scheduled: feeds added through the API later are polled on the same schedule.
        poller.start(java.time.Duration.ofMinutes(feedInterval));
        RunningServer.announce(store, host, server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RunningServer.withdraw(store);
            poller.close();
            server.close();
            synchronized (db) {
                db.close();
            }
            stopped.countDown();
        }));
        System.err.printf("sitrep: serving %s on http://%s:%d/ (API under /api, spec at /api/openapi.json; writes %s); Ctrl-C stops%n",
                store, host, server.port(), t == null || t.isBlank() ? "disabled: no token" : "need the bearer token");
        int polled = poller.all().size();
        if (polled > 0) System.err.printf("sitrep: polling %d feed(s) every %d minutes%n", polled, feedInterval);
        stopped.await();
        return 0;
    }
}
