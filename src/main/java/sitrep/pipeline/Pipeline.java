package sitrep.pipeline;

import sitrep.actors.ActorDictionary;
import sitrep.coding.CoderSettings;
import sitrep.coding.Codebook;
import sitrep.coding.EventCoder;
import sitrep.coding.TriggerLexicon;
import sitrep.coding.UserDictionaries;
import sitrep.geo.Gazetteer;
import sitrep.geo.GeoResult;
import sitrep.geo.Geoparser;
import sitrep.ingest.InputItem;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Problem;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.NlpAnnotator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The whole extract pipeline for one article: NLP, then places, then events. A failure in one stage is
 * recorded in the article's errors with the stage's name, and the article keeps what earlier stages found.
 * Articles run in parallel on all cores; results come out in input order.
 */
public final class Pipeline implements AutoCloseable {
    private final NlpAnnotator nlp;
    private final Geoparser geoparser;
    private final EventCoder coder;
    private final CodingPlan plan;
    private final ExecutorService workers;
    private final int threads;
    /** CPU-side nanoseconds spent per stage, summed over threads: what bench reports as each stage's share. */
    private final LongAdder nlpNanos = new LongAdder(), geoNanos = new LongAdder(), codingNanos = new LongAdder();

    /** Time spent in each stage so far, summed over worker threads, in seconds. */
    public record StageTimes(double nlp, double geo, double coding) {
    }

    public StageTimes stageTimes() {
        return new StageTimes(nlpNanos.sum() / 1e9, geoNanos.sum() / 1e9, codingNanos.sum() / 1e9);
    }

    public Pipeline(int threads) {
        this(threads, null);
    }

    /** A pipeline that also codes with users' TABARI/PETRARCH dictionaries (null: built-in coding only). */
    public Pipeline(int threads, UserDictionaries dictionaries) {
        this(threads, dictionaries, CoderSettings.defaults());
    }

    /** A pipeline whose built-in coder runs with {@code settings} (rules off, confidence threshold). */
    public Pipeline(int threads, UserDictionaries dictionaries, CoderSettings settings) {
        this.nlp = NlpAnnotator.shared();
        this.geoparser = new Geoparser(Gazetteer.shared());
        this.coder = new EventCoder(Codebook.shared(), TriggerLexicon.shared(), ActorDictionary.builtIn(), dictionaries, settings);
        // Users' dictionaries code any verb they list: every sentence is parsed for them.
        this.plan = dictionaries == null ? new CodingPlan(TriggerLexicon.shared(), settings) : null;
        this.threads = Math.max(1, threads);
        this.workers = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "sitrep-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public ArticleResult process(InputItem item) {
        Article article = item.article();
        if (!item.usable()) return new ArticleResult(article, List.of(), List.of(), item.problems());
        List<Problem> errors = new ArrayList<>(item.problems());
        AnnotatedText doc;
        long t0 = System.nanoTime();
        try {
            doc = plan == null ? nlp.annotate(article.text(), article.published()) : nlp.annotate(article.text(), article.published(), plan);
        } catch (RuntimeException | OutOfMemoryError e) {
            errors.add(new Problem("nlp", "annotation failed: " + e));
            return new ArticleResult(article, List.of(), List.of(), errors);
        } finally {
            nlpNanos.add(System.nanoTime() - t0);
        }
        GeoResult geo;
        t0 = System.nanoTime();
        try {
            geo = geoparser.geoparse(doc);
        } catch (RuntimeException e) {
            errors.add(new Problem("geo", "geoparsing failed: " + e));
            geo = new GeoResult(List.of(), null);
        }
        geoNanos.add(System.nanoTime() - t0);
        List<Event> events = List.of();
        t0 = System.nanoTime();
        try {
            events = coder.code(article, doc, geo);
        } catch (RuntimeException e) {
            errors.add(new Problem("coding", "event coding failed: " + e));
        }
        codingNanos.add(System.nanoTime() - t0);
        return new ArticleResult(article, geo.places(), events, errors);
    }

    /**
     * Runs the items in parallel and hands the results to {@code sink} in input order. At most a few items
     * per thread are in flight, so memory stays flat on large inputs.
     */
    public void run(Iterable<InputItem> items, Consumer<ArticleResult> sink) {
        ArrayDeque<Future<ArticleResult>> inFlight = new ArrayDeque<>();
        int window = threads * 4;
        for (InputItem item : items) {
            inFlight.add(workers.submit(() -> process(item)));
            if (inFlight.size() >= window) sink.accept(take(inFlight.poll()));
        }
        while (!inFlight.isEmpty()) sink.accept(take(inFlight.poll()));
    }

    private static ArticleResult take(Future<ArticleResult> f) {
        return await(f, "pipeline worker");
    }

    /** The result of a task run on worker threads; its failure becomes an unchecked one naming {@code what}. */
    public static <T> T await(Future<T> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
