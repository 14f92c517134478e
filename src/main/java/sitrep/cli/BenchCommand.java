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
            description = "Also fill a store with N events (the corpus's events, repeated on shifted dates) and time each export format.")
    int exportEvents;

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

        // Warm the JIT on a share of the articles, so neither measured phase pays for it alone.
        int warm = Math.min(20, items.size());
        try (Pipeline pipeline = new Pipeline(threads)) {
            pipeline.run(items.subList(0, warm), r -> { });
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (InputItem i : items) futures.add(pool.submit(() -> { nlp.annotate(i.article().text(), i.article().published()); }));
        for (Future<?> f : futures) join(f);
        double nlpSecs = secs(t0);
        pool.shutdown();

        long events = 0, places = 0, errors = 0;
        t0 = System.nanoTime();
        List<ArticleResult> results = new ArrayList<>();
        Pipeline.StageTimes stages;
        try (Pipeline pipeline = new Pipeline(threads)) {
            pipeline.run(items, results::add);
            stages = pipeline.stageTimes();
        }
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
        System.out.printf("pipeline / CoreNLP time: %.2f; output: %d events, %d places, %d errors; peak heap %d MiB%n",
                pipeSecs / nlpSecs, events, places, errors, peakHeap >> 20);
        if (!skipIngest) System.out.printf("ingest / pipeline time: %.2f%n", ingestSecs / pipeSecs);
        if (exportEvents > 0) exportBench(results);
        return 0;
    }

    /**
     * Fills a fresh store with {@code exportEvents} events, copies of the corpus's events moved to other dates
     * (so no two merge), then times each export format over all of them.
     */
    private void exportBench(List<ArticleResult> results) throws IOException {
        Path dir = Files.createTempDirectory("sitrep-export-bench");
        if (keepStore != null && Files.exists(keepStore)) throw new Main.UsageException("--keep-store " + keepStore + " exists already");
        Path storePath = keepStore != null ? keepStore : dir.resolve("export.duckdb");
        try (EventStore store = Stores.open(storePath.toString())) {
            long t0 = System.nanoTime();
            // Mentions of one article may merge into one event, so fill by the store's own event count.
            int copy = 0;
            while (store.stats().events() < exportEvents) {
                for (ArticleResult r : results) {
                    ArticleResult shifted = shifted(r, copy);
                    store.save(shifted, "copy:" + shifted.article().id());
                }
                copy++;
            }
            StoreStats st = store.stats();
            System.out.printf("export store: %d events, %d mentions, %d articles filled in %.1fs%n", st.events(), st.mentions(),
                    st.articles(), secs(t0));
            EventExporter exporter = new EventExporter();
            for (EventExporter.Format f : EventExporter.Format.values()) {
                Path out = dir.resolve("out." + f.name().toLowerCase());
                t0 = System.nanoTime();
                long n = exporter.export(store, ExportQuery.all(), f, out);
                System.out.printf("export %-8s %7d events in %6.2fs (%,d bytes)%n", f.name().toLowerCase(), n, secs(t0), Files.size(out));
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** A copy of an article's result with new ids and every date moved by {@code copy} * 400 days. */
    private static ArticleResult shifted(ArticleResult r, int copy) {
        var a = r.article();
        var article = new sitrep.model.Article(a.id() + "#" + copy, a.text(), a.published(), a.title(), a.url(), a.source(),
                a.language(), a.origin(), a.extracted());
        List<sitrep.model.Event> events = new ArrayList<>();
        for (sitrep.model.Event e : r.events()) {
            String date = e.date() == null ? null : shiftDate(e.date(), e.datePrecision(), copy * 400L);
            events.add(new sitrep.model.Event(e.id() + "#" + copy, date, e.datePrecision(), e.dateSource(), e.source(), e.target(),
                    e.cameo(), e.plover(), e.acled(), e.location(), e.modality(), e.attribution(), e.quantities(), e.evidence(),
                    e.confidence()));
        }
        return new ArticleResult(article, r.places(), events, r.errors());
    }

    private static String shiftDate(String date, String precision, long days) {
        LocalDate d = sitrep.merge.EventKey.range(date, precision)[0].plusDays(days);
        return switch (precision == null ? "day" : precision) {
            case "year" -> String.valueOf(d.getYear());
            case "month" -> d.toString().substring(0, 7);
            default -> d.toString();
        };
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
