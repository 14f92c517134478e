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
    private final ArticleBounds bounds;
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

    /** Loads the shared resources beside CoreNLP at start-up (one daemon thread, idle afterwards). */
    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sitrep-loader");
        t.setDaemon(true);
        return t;
    });

    private static <T> T loaded(Future<T> loading) {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the gazetteer and dictionaries", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("cannot load the gazetteer and dictionaries", e.getCause());
        }
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
        this(threads, dictionaries, settings, ArticleBounds.defaults());
    }

    /** A pipeline whose articles are held to {@code bounds} (text size, sentences, events per sentence and article). */
    public Pipeline(int threads, UserDictionaries dictionaries, CoderSettings settings, ArticleBounds bounds) {
        this.bounds = bounds;
        // The gazetteer and the dictionaries (about as long to load as CoreNLP's models) load on a second thread while
        // CoreNLP loads on this one: start-up is the longer of the two, not their sum. Each is a process-wide Lazy, so
        // whichever thread asks first loads it once.
        Future<Gazetteer> gazetteer = LOADER.submit(() -> {
            ActorDictionary.builtIn();
            Codebook.shared();
            TriggerLexicon.shared();
            return Gazetteer.shared();
        });
        this.nlp = NlpAnnotator.shared();
        this.geoparser = new Geoparser(loaded(gazetteer));
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
        if (article.text().length() > bounds.maxChars()) {
            errors.add(new Problem("nlp", String.format("text of %,d characters refused: over the bound of %,d characters per article "
                    + "(--max-article-chars); split it into articles, or raise the bound", article.text().length(), bounds.maxChars())));
            return new ArticleResult(article, List.of(), List.of(), errors);
        }
        AnnotatedText doc;
        long t0 = System.nanoTime();
        try {
            doc = nlp.annotate(article.text(), article.published(), plan == null ? sitrep.nlp.AnnotationPlan.FULL : plan, bounds.maxSentences());
        } catch (NlpAnnotator.TooManySentences e) {
            errors.add(new Problem("nlp", String.format("text of %,d sentences refused: over the bound of %,d sentences per article "
                    + "(--max-sentences); split it into articles, or raise the bound", e.sentences(), bounds.maxSentences())));
            return new ArticleResult(article, List.of(), List.of(), errors);
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
        return new ArticleResult(article, geo.places(), bounded(events, errors), errors);
    }

    /**
     * The events within the bounds per sentence and per article, in text order; what is left out is reported
     * in {@code errors}, with the bound that left it out.
     */
    private List<Event> bounded(List<Event> events, List<Problem> errors) {
        java.util.Map<Integer, Integer> perSentence = new java.util.HashMap<>();
        List<Event> kept = new ArrayList<>();
        int overSentence = 0, crowdedSentences = 0, firstCrowded = -1;
        for (Event e : events) {
            int n = perSentence.merge(e.evidence().start(), 1, Integer::sum);
            if (n > bounds.maxEventsPerSentence()) {
                overSentence++;
                if (n == bounds.maxEventsPerSentence() + 1) {
                    crowdedSentences++;
                    if (firstCrowded < 0) firstCrowded = e.evidence().start();
                }
            } else {
                kept.add(e);
            }
        }
        if (overSentence > 0) {
            errors.add(new Problem("coding", String.format("%,d events left out: %,d sentences had more than %,d events "
                    + "(--max-events-per-sentence), the first at character %,d; the first %,d of each sentence were kept",
                    overSentence, crowdedSentences, bounds.maxEventsPerSentence(), firstCrowded, bounds.maxEventsPerSentence())));
        }
        if (kept.size() > bounds.maxEventsPerArticle()) {
            errors.add(new Problem("coding", String.format("%,d events left out: the article had %,d, over the bound of %,d events "
                    + "per article (--max-events-per-article); the first %,d in text order were kept",
                    kept.size() - bounds.maxEventsPerArticle(), kept.size(), bounds.maxEventsPerArticle(), bounds.maxEventsPerArticle())));
            kept = kept.subList(0, bounds.maxEventsPerArticle());
        }
        return List.copyOf(kept);
    }

    /**
     * Runs the items in parallel and hands the results to {@code sink} in input order, each as soon as it and
     * every result before it are done (a delivery thread waits on them in order), so that an extract killed
     * midway keeps every line it finished. At most a few items per thread are in flight, so memory stays flat on
     * large inputs. {@code sink} runs on that one delivery thread; its failure ends the run and is rethrown here.
     */
    public void run(Iterable<InputItem> items, Consumer<ArticleResult> sink) {
        java.util.concurrent.BlockingQueue<Future<ArticleResult>> inFlight = new java.util.concurrent.ArrayBlockingQueue<>(threads * 4);
        Future<ArticleResult> end = java.util.concurrent.CompletableFuture.completedFuture(null);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread delivery = new Thread(() -> {
            try {
                for (Future<ArticleResult> f; (f = inFlight.take()) != end; ) {
                    if (failure.get() == null) {
                        try {
                            sink.accept(take(f));
                        } catch (RuntimeException | Error e) {
                            failure.set(e); // the rest is taken off the queue unread, so the submitter never blocks
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sitrep-delivery");
        delivery.setDaemon(true);
        delivery.start();
        try {
            try {
                for (InputItem item : items) {
                    if (failure.get() != null) break;
                    inFlight.put(workers.submit(() -> process(item)));
                }
            } finally {
                inFlight.put(end);
            }
            delivery.join();
        } catch (InterruptedException e) {
            delivery.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
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
