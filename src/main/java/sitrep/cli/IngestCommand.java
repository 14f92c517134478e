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
import sitrep.store.ParquetResults;
import sitrep.store.StoreException;
import sitrep.store.StoreStats;
import sitrep.store.Stores;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the pipeline and keep articles, mentions and merged events in a store.",
                "Idempotent: articles already stored (same id or same normalised text) are skipped, so an interrupted",
                "run is finished by running the same command again.",
                "A folder written by `sitrep spark extract` or `sitrep spark merge` (Parquet) is loaded as it is, with no NLP."})
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

    @picocli.CommandLine.Mixin
    sitrep.eval.GazetteerOptions gazetteerOptions;

    @Override
    public Integer call() {
        gazetteerOptions.apply();
        // Folders of `sitrep spark extract` output hold coded articles already: they are loaded with no NLP.
        List<String> coded = in.inputs.stream().filter(ParquetResults::isJobOutput).toList();
        in.inputs = in.inputs.stream().filter(i -> !coded.contains(i)).toList();
        ArticleReader reader = in.reader();
        long t0 = System.nanoTime();
        sitrep.coding.UserDictionaries dictionaries = ExtractCommand.userDictionaries(dictionaryOptions);
        EventStore opened;
        try {
            opened = open(store);
        } catch (RunningServer.StoreInUse e) {
            if (!coded.isEmpty()) {
                throw new Main.UsageException("the store is open in `sitrep serve`; a Spark job's output (" + coded.get(0)
                        + ") is loaded into the store directly: stop the server first");
            }
            return handOff(e, reader, t0);
        }
        boolean nlp = !in.inputs.isEmpty();
        long loading = System.nanoTime();
        if (nlp) ProgressReport.loadingModels(in.quiet);
        try (EventStore db = opened;
             Pipeline pipeline = nlp ? new Pipeline(in.threads, dictionaries, ExtractCommand.settings(coding), bounds.bounds()) : null;
             ProgressReport progress = in.progress()) {
            if (nlp) ProgressReport.modelsLoaded(in.quiet, loading);
            Set<String> known = db.articleKeys();
            Consumer<ArticleResult> save = r -> {
                Reports.problems(r);
                String hash = r.article().text().isEmpty() ? "failed:" + r.article().id() : ContentHash.of(r.article().text());
                if (db.save(r, hash)) {
                    stored++;
                    mentions += r.events().size();
                    if (!r.errors().isEmpty()) failed++;
                } else {
                    skipped.incrementAndGet();
                }
                progress.step();
            };
            for (String dir : coded) {
                try {
                    ParquetResults.read(dir, save);
                } catch (StoreException e) {
                    throw new Main.UsageException(e.getMessage());
                }
            }
            if (pipeline != null) pipeline.run(unseen(in.read(reader), known, progress), save);
            progress.close();
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
            if (RunningServer.isDuckDb(location) && RunningServer.isLockConflict(e)) {
                java.util.Optional<RunningServer.Note> server = RunningServer.find(location);
                throw new RunningServer.StoreInUse(RunningServer.inUse(location, e, server, null), server.orElse(null));
            }
            throw new Main.UsageException(e.getMessage());
        }
    }

    /**
     * serve holds the store: with serve's token in SITREP_TOKEN the articles go to it (it runs the pipeline and
     * stores them); without, one line says what to do.
     */
    private Integer handOff(RunningServer.StoreInUse e, ArticleReader reader, long t0) {
        String token = System.getenv("SITREP_TOKEN");
        if (e.server == null || token == null || token.isBlank()) {
            if (e.server == null) throw e;
            throw new Main.UsageException(RunningServer.inUse(store, e, java.util.Optional.of(e.server),
                    "run this again with SITREP_TOKEN set to serve's token to send the articles to it"));
        }
        System.err.println("sitrep: the store is open in `sitrep serve` at " + e.server.url() + "/; sending the articles to it");
        ServerHandOff.Posted p = ServerHandOff.ingest(e.server, token, in.read(reader));
        System.err.printf("sitrep: sent to serve: %d articles stored, %d already stored, %d refused, in %.1fs%n",
                p.stored(), p.skipped(), p.rejected(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** Drops articles already stored before they cost any NLP time. */
    private Iterable<InputItem> unseen(Iterable<InputItem> items, Set<String> known, ProgressReport progress) {
        return () -> new Iterator<>() {
            final Iterator<InputItem> it = items.iterator();
            InputItem next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    InputItem i = it.next();
                    String key = i.usable() ? ContentHash.of(i.article().text()) : "failed:" + i.article().id();
                    if (known.contains(i.article().id()) || known.contains(key)) {
                        skipped.incrementAndGet();
                        progress.step();
                    } else {
                        next = i;
                    }
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
}
