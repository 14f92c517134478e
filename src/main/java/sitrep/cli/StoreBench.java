package sitrep.cli;

import sitrep.model.ArticleResult;
import sitrep.store.ContentHash;
import sitrep.store.EventExporter;
import sitrep.store.EventStore;
import sitrep.store.ExportQuery;
import sitrep.store.StoreFiller;
import sitrep.store.StoreStats;
import sitrep.store.Stores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * bench's store part: the store's share of ingest (merging each article's mentions and writing it) on stores of
 * growing size, and the export formats over a large store. The large stores are filled by {@link StoreFiller}
 * with copies of the corpus's own events, so the articles timed meet events of their families, days and areas.
 */
final class StoreBench {
    private final List<ArticleResult> results;
    private final Path dir;
    /** The corpus's results saved into an empty store: the seed of every filled store. */
    private final Path seed;
    private final double emptySecs;

    /** Saves the results into an empty store (after a warm-up save, so the JIT's start is in neither figure). */
    StoreBench(List<ArticleResult> results) throws IOException {
        this.results = results;
        this.dir = Files.createTempDirectory("sitrep-store-bench");
        save(dir.resolve("warm-up.duckdb"));
        this.seed = dir.resolve("seed.duckdb");
        this.emptySecs = save(seed);
    }

    /** Seconds to save every result, one article after another as ingest does, into the store at {@code path}. */
    private double save(Path path) {
        try (EventStore store = Stores.open(path.toString())) {
            long t0 = System.nanoTime();
            for (ArticleResult r : results) store.save(r, ContentHash.of(r.article().text()));
            return secs(t0);
        }
    }

    /**
     * Prints, per store size, the store's time per article and its ratio to an empty store's, and the ingest time
     * per article with the pipeline's share ({@code pipelineSecsPerArticle}, measured by the caller) added.
     */
    void ingest(List<Long> sizes, double pipelineSecsPerArticle) throws IOException {
        int n = results.size();
        double empty = emptySecs / n;
        System.out.printf("ingest per article by store size (%d articles saved one by one; filled stores: the corpus's events copied "
                + "onto dates spread at %d events a day):%n", n, StoreFiller.EVENTS_PER_DAY);
        System.out.printf("  %10s %10s %14s %12s %18s %12s%n", "events", "fill s", "store ms/art", "vs empty", "ingest s/art", "vs empty");
        System.out.printf("  %10d %10s %14.1f %12s %18.2f %12s%n", 0, "-", empty * 1000, "1.00", pipelineSecsPerArticle + empty, "1.00");
        for (long size : sizes) {
            Path store = dir.resolve("filled-" + size + ".duckdb");
            long t0 = System.nanoTime();
            StoreFiller.fill(seed, store, size);
            double fill = secs(t0);
            double perArticle = save(store) / n;
            System.out.printf("  %10d %10.1f %14.1f %12.2f %18.2f %12.2f%n", size, fill, perArticle * 1000, perArticle / empty,
                    pipelineSecsPerArticle + perArticle, (pipelineSecsPerArticle + perArticle) / (pipelineSecsPerArticle + empty));
            deleteStore(store);
        }
        System.out.println("  (ingest s/art: the pipeline's time per article, measured above, plus the store's)");
    }

    /** Fills a store to {@code events} events (kept at {@code keep} when given) and times each export format over it. */
    void export(long events, Path keep) throws IOException {
        Path storePath = keep != null ? keep : dir.resolve("export.duckdb");
        long t0 = System.nanoTime();
        StoreFiller.fill(seed, storePath, events);
        double fill = secs(t0);
        try (EventStore store = Stores.open(storePath.toString())) {
            StoreStats st = store.stats();
            System.out.printf("export store: %d events, %d mentions, %d articles filled in %.1fs%n", st.events(), st.mentions(), st.articles(), fill);
            EventExporter exporter = new EventExporter();
            for (EventExporter.Format f : EventExporter.Format.values()) {
                Path out = dir.resolve("out." + f.name().toLowerCase());
                t0 = System.nanoTime();
                long n = exporter.export(store, ExportQuery.all(), f, out);
                System.out.printf("export %-8s %7d events in %6.2fs (%,d bytes)%n", f.name().toLowerCase(), n, secs(t0), Files.size(out));
                Files.delete(out);
            }
        }
        if (keep == null) deleteStore(storePath);
    }

    /** Removes the scratch folder and what is left in it. */
    void close() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static void deleteStore(Path store) throws IOException {
        Files.deleteIfExists(store);
        Files.deleteIfExists(Path.of(store + ".wal"));
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
