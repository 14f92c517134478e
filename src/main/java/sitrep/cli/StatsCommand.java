package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sitrep.store.EventStore;
import sitrep.store.StoreStats;

import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print the store's counts as JSON.")
public final class StatsCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "PATH|URL", description = "DuckDB file or postgresql:// URL.")
    String store;

    @Override
    public Integer call() {
        ExportCommand.requireStore(store);
        try (EventStore db = IngestCommand.open(store)) {
            StoreStats s = db.stats();
            System.out.printf("{\"articles\": %d, \"mentions\": %d, \"events\": %d, \"articles_with_errors\": %d}%n",
                    s.articles(), s.mentions(), s.events(), s.failedArticles());
        }
        return 0;
    }
}
