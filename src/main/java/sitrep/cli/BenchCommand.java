package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sitrep.actors.ActorDictionary;
import sitrep.coding.Codebook;
import sitrep.coding.TriggerLexicon;
import sitrep.geo.Gazetteer;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.CsvReader;
import sitrep.ingest.InputItem;
import sitrep.model.ArticleResult;
import sitrep.nlp.NlpAnnotator;
import sitrep.pipeline.Pipeline;
import sitrep.store.ContentHash;
import sitrep.store.EventExporter;
import sitrep.store.EventStore;
import sitrep.store.ExportQuery;
import sitrep.store.StoreStats;
import sitrep.store.Stores;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of the whole pipeline against CoreNLP annotation alone, on the same articles, threads and
 * JVM, so the two figures compare. The JVM's start and the model loading are reported and included in the
 * "with start-up" rates.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput (words/s, articles/s) and memory: pipeline vs CoreNLP full annotation.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "CSV", defaultValue = "../shared/eval/corpora/Guardian_SDF_sample.csv",
            description = "CSV with a 'text' column and an optional 'date' column (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--limit", defaultValue = "100", description = "Number of articles (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--ner", defaultValue = "sitrep",
            description = "NER models to measure: sitrep (one 3-class CRF) or corenlp (CoreNLP's default three CRFs).")
    String ner;

    @Option(names = "--skip-ingest", description = "Do not time ingest into a fresh DuckDB store (timed by default, to compare with the pipeline alone).")
    boolean skipIngest;

    @Option(names = "--keep-store", paramLabel = "PATH",
            description = "With --export-events: build that store at PATH (a new DuckDB file) and keep it, e.g. for a load test of serve.")
    Path keepStore;

    @Option(names = "--export-events", defaultValue = "0", paramLabel = "N",
            description = "Also fill a store with N events (the corpus's events, copied onto shifted dates) and time each export format.")
    long exportEvents;

    @Option(names = "--store-events", split = ",", paramLabel = "N",
            description = "Also time the store's part of ingest (merging and writing each article) on stores filled to N events "
                    + "(comma-separated sizes, e.g. 1000,100000,1000000), against an empty store.")
    List<Long> storeEvents = new ArrayList<>();

    @picocli.CommandLine.Mixin
    sitrep.eval.GazetteerOptions gazetteerOptions;

    @Override
    public Integer call() throws IOException {
        gazetteerOptions.apply();
        switch (ner) {
            case "sitrep" -> System.setProperty(NlpAnnotator.NER_MODELS_PROPERTY, NlpAnnotator.DEFAULT_NER_MODEL);
            case "corenlp" -> System.setProperty(NlpAnnotator.NER_MODELS_PROPERTY, NlpAnnotator.CORENLP_DEFAULT_NER_MODELS);
            default -> throw new Main.UsageException("--ner must be sitrep or corenlp");
        }
        if (!Files.isReadable(corpus)) throw new Main.UsageException("cannot read corpus " + corpus);
        for (long size : storeEvents) if (size < 1) throw new Main.UsageException("--store-events sizes must be at least 1, got " + size);
        if (exportEvents < 0) throw new Main.UsageException("--export-events must be 0 or more, got " + exportEvents);
        if (keepStore != null && Files.exists(keepStore)) throw new Main.UsageException("--keep-store " + keepStore + " exists already");
        List<String> texts = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        try (Reader r = new java.io.BufferedReader(Files.newBufferedReader(corpus, StandardCharsets.UTF_8))) {
            List<List<String>> rows = CsvReader.readAll(r);
            List<String> header = rows.get(0);
            int text = header.indexOf("text"), date = header.indexOf("date");
            if (text < 0) throw new Main.UsageException("corpus has no 'text' column");
            for (List<String> row : rows.subList(1, rows.size())) {
                if (texts.size() >= limit) break;
                if (row.size() <= text || row.get(text).isBlank()) continue;
                texts.add(row.get(text));
                LocalDate d = null;
                try {
                    if (date >= 0 && row.size() > date) d = LocalDate.parse(row.get(date).strip());
                } catch (RuntimeException ignored) {
                    // an undated row runs with no reference date
                }
                dates.add(d);
            }
        }
        long words = 0;
        for (String t : texts) words += t.split("\\s+").length;
        List<InputItem> items = ArticleReader.ofTexts(texts, dates);

        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        double startup = (System.currentTimeMillis() - jvmStart) / 1000.0;
        long t0 = System.nanoTime();
        NlpAnnotator nlp = NlpAnnotator.shared();
        double nlpLoad = secs(t0);
        t0 = System.nanoTime();
        long heapBefore = settledHeap();
        Gazetteer gazetteer = Gazetteer.shared();
        // The gazetteer's share of the heap: what stays reachable after it loads (approximate: a GC-settled difference).
        long gazetteerHeap = settledHeap() - heapBefore;
        ActorDictionary.builtIn();
        Codebook.shared();
        TriggerLexicon.shared();
        double dataLoad = secs(t0);

        // Warm the JIT on a share of the articles, so neither measured phase pays for it alone. The full annotation's
        // own stages (NER with SUTime on whole sentences, CoreNLP's depparse annotator) load on first use: that first
        // use is here, outside both timings, and its loading stands for the models the pipeline loaded above.
        int warm = Math.min(20, items.size());
        try (Pipeline pipeline = new Pipeline(threads)) {
            pipeline.run(items.subList(0, warm), r -> { });
        }
        for (InputItem i : items.subList(0, Math.min(5, items.size()))) nlp.annotate(i.article().text(), i.article().published());

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        NlpAnnotator.StageSeconds before = nlp.stageSeconds();
        t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (InputItem i : items) futures.add(pool.submit(() -> { nlp.annotate(i.article().text(), i.article().published()); }));
        for (Future<?> f : futures) join(f);
        double nlpSecs = secs(t0);
        pool.shutdown();
        NlpAnnotator.StageSeconds fullStages = nlp.stageSeconds().minus(before);

        long events = 0, places = 0, errors = 0;
        t0 = System.nanoTime();
        List<ArticleResult> results = new ArrayList<>();
        Pipeline.StageTimes stages;
        before = nlp.stageSeconds();
        try (Pipeline pipeline = new Pipeline(threads)) {
            pipeline.run(items, results::add);
            stages = pipeline.stageTimes();
        }
        NlpAnnotator.StageSeconds planStages = nlp.stageSeconds().minus(before);
        double pipeSecs = secs(t0);
        for (ArticleResult r : results) {
            events += r.events().size();
            places += r.places().size();
            errors += r.errors().size();
        }
        double ingestSecs = Double.NaN;
        if (!skipIngest) {
            Path dir = Files.createTempDirectory("sitrep-bench");
            t0 = System.nanoTime();
            try (Pipeline pipeline = new Pipeline(threads); EventStore store = Stores.open(dir.resolve("bench.duckdb").toString())) {
                pipeline.run(items, r -> store.save(r, ContentHash.of(r.article().text())));
            }
            ingestSecs = secs(t0);
            deleteTree(dir);
        }
        long peakHeap = 0;
        for (MemoryPoolMXBean pool2 : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool2.getType() == MemoryType.HEAP && pool2.getPeakUsage() != null) peakHeap += pool2.getPeakUsage().getUsed();
        }

        int n = items.size();
        System.out.printf("corpus: %s, %d articles, %d words, %d threads, %d cores, NER: %s%n", corpus, n, words, threads,
                Runtime.getRuntime().availableProcessors(), ner);
        System.out.printf("start-up: JVM %.1fs, CoreNLP models %.1fs, gazetteer+dictionaries %.1fs (%d gazetteer entries)%n",
                startup, nlpLoad, dataLoad, gazetteer.size());
        System.out.printf("gazetteer: loaded in %.1fs, about %d MiB of heap%n", gazetteer.loadMillis() / 1000.0, gazetteerHeap >> 20);
        System.out.printf("%-24s %8s %10s %10s %12s %12s%n", "", "seconds", "words/s", "articles/s", "words/s*", "articles/s*");
        double nlpTotal = startup + nlpLoad + nlpSecs, pipeTotal = startup + nlpLoad + dataLoad + pipeSecs;
        System.out.printf("%-24s %8.1f %10.0f %10.2f %12.0f %12.2f%n", "CoreNLP full annotation", nlpSecs, words / nlpSecs, n / nlpSecs,
                words / nlpTotal, n / nlpTotal);
        System.out.printf("%-24s %8.1f %10.0f %10.2f %12.0f %12.2f%n", "sitrep pipeline", pipeSecs, words / pipeSecs, n / pipeSecs,
                words / pipeTotal, n / pipeTotal);
        if (!skipIngest) {
            System.out.printf("%-22s %8.1f %10.0f %10.2f%n", "sitrep ingest (DuckDB)", ingestSecs, words / ingestSecs, n / ingestSecs);
        }
        System.out.println("* with JVM start and model loading included");
        double nlpShare = stages.nlp();
        System.out.printf("stages inside the pipeline (thread-seconds): NLP %.1f, geo %.2f (+%.1f%% of NLP), coding %.2f (+%.1f%% of NLP)%n",
                nlpShare, stages.geo(), 100 * stages.geo() / nlpShare, stages.coding(), 100 * stages.coding() / nlpShare);
        System.out.printf("inside NLP (thread-seconds)     %8s %8s %8s %8s %8s %8s%n", "split", "pos+lemma", "NER", "SUTime", "parse", "convert");
        System.out.printf("  %-29s %8.1f %8.1f %8s %8s %8.1f %8.1f%n", "CoreNLP full annotation", fullStages.split(),
                fullStages.tag(), String.format("%.1f*", fullStages.entities()), "*", fullStages.parse(), fullStages.convert());
        System.out.printf("  %-29s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f%n", "sitrep pipeline", planStages.split(),
                planStages.tag(), planStages.entities(), planStages.times(), planStages.parse(), planStages.convert());
        System.out.println("  (* CoreNLP's full annotation runs NER and SUTime as one stage: both are under NER)");
        System.out.printf("pipeline / CoreNLP time: %.2f; output: %d events, %d places, %d errors; peak heap %d MiB%n",
                pipeSecs / nlpSecs, events, places, errors, peakHeap >> 20);
        if (!skipIngest) System.out.printf("ingest / pipeline time: %.2f%n", ingestSecs / pipeSecs);
        if (exportEvents > 0 || !storeEvents.isEmpty()) {
            StoreBench stores = new StoreBench(results);
            try {
                if (!storeEvents.isEmpty()) stores.ingest(storeEvents, pipeSecs / n);
                if (exportEvents > 0) stores.export(exportEvents, keepStore);
            } finally {
                stores.close();
            }
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Heap in use after a few collections, so that a difference between two calls measures what stayed reachable. */
    private static long settledHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (Exception e) {
            throw new IllegalStateException("annotation failed", e);
        }
    }
}
