package sitrep.server;

import sitrep.ingest.FeedParser;
import sitrep.ingest.InputException;
import sitrep.ingest.InputItem;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.store.ContentHash;
import sitrep.store.EventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Polls feeds on a schedule and ingests their new items through the pipeline: the ones serve was started
 * with (--feed) and the ones added through the API (kept in the store, so they outlive a restart). Items
 * already stored (same id, from the item's guid or link, or same text) are skipped before any NLP runs, so
 * polling again costs only the fetch.
 */
public final class FeedPoller implements AutoCloseable {
    /** What one poll of one feed did, for the log and the tests. */
    public record PollResult(String feed, int items, int stored, String error) {
    }

    /** A feed's latest poll and when it ended. */
    public record LastPoll(PollResult result, java.time.Instant at) {
    }

    private final List<String> feeds;
    private final java.util.Map<String, LastPoll> lastPolls = new java.util.concurrent.ConcurrentHashMap<>();
    private final FeedFetcher fetcher;
    private final EventStore store;
    private final Function<InputItem, ArticleResult> process;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sitrep-feeds");
        t.setDaemon(true);
        return t;
    });

    /** @param process runs the pipeline on one item (the server's shared pipeline) */
    public FeedPoller(List<String> feeds, FeedFetcher fetcher, EventStore store, Function<InputItem, ArticleResult> process) {
        this.feeds = List.copyOf(feeds);
        this.fetcher = fetcher;
        this.store = store;
        this.process = process;
    }

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                pollOnce().forEach(FeedPoller::log);
            } catch (RuntimeException e) {
                // A failed round (the store unreachable, say) must not end the schedule: the next round tries again.
                System.err.println("sitrep serve: feed polling failed: " + e.getMessage());
            }
        }, 0, every.toSeconds(), TimeUnit.SECONDS);
    }

    /** The feeds given at start-up (--feed). */
    public List<String> configured() {
        return feeds;
    }

    /** Every feed polled: the configured ones, then those added through the API. */
    public List<String> all() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(feeds);
        synchronized (store) {
            all.addAll(store.feeds());
        }
        return List.copyOf(all);
    }

    /** The latest poll of a feed, or null before its first. */
    public LastPoll lastPoll(String feed) {
        return lastPolls.get(feed);
    }

    /** Polls one feed soon, on the poller's thread (after a poll already running). */
    public void pollSoon(String feed) {
        timer.execute(() -> log(poll(feed)));
    }

    /** Polls every feed once; a failing feed is reported and the others still run. */
    public List<PollResult> pollOnce() {
        return all().stream().map(this::poll).toList();
    }

    private static void log(PollResult r) {
        if (r.error() != null) System.err.println("sitrep serve: feed " + r.feed() + ": " + r.error());
        else if (r.stored() > 0) System.err.println("sitrep serve: feed " + r.feed() + ": " + r.stored() + " new of " + r.items() + " items");
    }

    private PollResult poll(String feed) {
        PollResult r;
        try {
            r = fetchAndStore(feed);
        } catch (RuntimeException e) {
            // Whatever went wrong is this feed's error: the other feeds of the round are still polled.
            r = new PollResult(feed, 0, 0, "failed: " + e);
        }
        lastPolls.put(feed, new LastPoll(r, java.time.Instant.now()));
        return r;
    }

    private PollResult fetchAndStore(String feed) {
        List<Article> articles;
        try {
            articles = FeedParser.parse(fetcher.fetch(feed), feed);
        } catch (FeedFetcher.FetchException | InputException e) {
            return new PollResult(feed, 0, 0, e.getMessage());
        }
        int stored = 0;
        for (Article a : articles) {
            String hash = ContentHash.of(a.text());
            synchronized (store) {
                if (store.contains(a.id(), hash)) continue;
            }
            ArticleResult result = process.apply(new InputItem(a, List.of(), true));
            synchronized (store) {
                if (store.save(result, hash)) stored++;
            }
        }
        return new PollResult(feed, articles.size(), stored, null);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
