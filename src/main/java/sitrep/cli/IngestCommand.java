package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputItem;
import sitrep.model.ArticleResult;
import sitrep.pipeline.Pipeline;
import sitrep.store.ContentHash;
import sitrep.store.EventStore;
import sitrep.store.StoreException;
import sitrep.store.StoreStats;
import sitrep.store.Stores;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the pipeline and keep articles, mentions and merged events in a store.",
                "Idempotent: articles already stored (same id or same normalised text) are skipped, so an interrupted",
                "run is finished by running the same command again."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    InputOptions in;

    @Option(names = "--store", required = true, paramLabel = "PATH|URL",
            description = "DuckDB file (created when missing) or postgresql://user:password@host:port/database.")
    String store;

    @Mixin
    sitrep.eval.DictionaryOptions dictionaryOptions;

    @Mixin
    sitrep.eval.CodingOptions coding;

    @Mixin
    BoundsOptions bounds;

    /** Counted on the pipeline's delivery thread, but skipped also on the reading side: atomic. */
    private final java.util.concurrent.atomic.AtomicLong skipped = new java.util.concurrent.atomic.AtomicLong();
    private long stored, failed, mentions;

    @Override
    public Integer call() {
        ArticleReader reader = in.reader();
        long t0 = System.nanoTime();
        sitrep.coding.UserDictionaries dictionaries = ExtractCommand.userDictionaries(dictionaryOptions);
        try (EventStore db = open(store); Pipeline pipeline = new Pipeline(in.threads, dictionaries, ExtractCommand.settings(coding), bounds.bounds())) {
            Set<String> known = db.articleKeys();
            Progress progress = new Progress();
            pipeline.run(unseen(in.read(reader), known), r -> {
                Reports.problems(r);
                String hash = r.article().text().isEmpty() ? "failed:" + r.article().id() : ContentHash.of(r.article().text());
                if (db.save(r, hash)) {
                    stored++;
                    mentions += r.events().size();
                    if (!r.errors().isEmpty()) failed++;
                } else {
                    skipped.incrementAndGet();
                }
                progress.update(stored + skipped.get(), t0);
            });
            progress.done();
            StoreStats s = db.stats();
            double secs = (System.nanoTime() - t0) / 1e9;
            System.err.printf("sitrep: ingested %d articles (%d already stored, skipped; %d with errors), %d event mentions "
                            + "in %.1fs (%.2f articles/s); store: %d articles, %d mentions, %d events%n",
                    stored, skipped.get(), failed, mentions, secs, stored / Math.max(secs, 1e-9), s.articles(), s.mentions(), s.events());
        }
        return in.readStatus(reader);
    }

    static EventStore open(String location) {
        try {
            return Stores.open(location);
        } catch (StoreException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    /** Drops articles already stored before they cost any NLP time. */
    private Iterable<InputItem> unseen(Iterable<InputItem> items, Set<String> known) {
        return () -> new Iterator<>() {
            final Iterator<InputItem> it = items.iterator();
            InputItem next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    InputItem i = it.next();
                    String key = i.usable() ? ContentHash.of(i.article().text()) : "failed:" + i.article().id();
                    if (known.contains(i.article().id()) || known.contains(key)) skipped.incrementAndGet();
                    else next = i;
                }
                return next != null;
            }

            @Override
            public InputItem next() {
                if (!hasNext()) throw new NoSuchElementException();
                InputItem i = next;
                next = null;
                return i;
            }
        };
    }

    /** A progress line with the rate on a terminal; nothing when output goes to a file or pipe. */
    private static final class Progress {
        private final boolean terminal = System.console() != null;
        private long lastPrint;

        void update(long done, long t0) {
            if (!terminal) return;
            long now = System.nanoTime();
            if (now - lastPrint < 500_000_000L) return;
            lastPrint = now;
            double secs = (now - t0) / 1e9;
            System.err.printf("\r%d articles, %.2f articles/s", done, done / Math.max(secs, 1e-9));
        }

        void done() {
            if (terminal) System.err.println();
        }
    }

}
