package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sitrep.data.Lazy;
import sitrep.pipeline.Pipeline;
import sitrep.server.ApiServer;
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

    @Option(names = "--threads", defaultValue = "2", description = "Pipeline threads for posted articles (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new Main.UsageException("--port must be 0..65535, got " + port);
        String t = token != null ? token : System.getenv("SITREP_TOKEN");
        EventStore db = IngestCommand.open(store);
        // CoreNLP takes a while and a few GB to load: only when the first article is posted.
        Lazy<Pipeline> pipeline = new Lazy<>(() -> new Pipeline(threads));
        ApiServer server;
        try {
            server = new ApiServer(db, t, pipeline::get).start(host, port);
        } catch (RuntimeException e) {
            db.close();
            throw new Main.UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            synchronized (db) {
                db.close();
            }
            stopped.countDown();
        }));
        System.err.printf("sitrep: serving %s on http://%s:%d/ (API under /api, spec at /api/openapi.json; writes %s); Ctrl-C stops%n",
                store, host, server.port(), t == null || t.isBlank() ? "disabled: no token" : "need the bearer token");
        stopped.await();
        return 0;
    }
}
