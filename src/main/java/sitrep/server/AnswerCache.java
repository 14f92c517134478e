package sitrep.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The JSON answers of read requests, kept while the store is unchanged. Profiling {@code serve} under load
 * (JFR on a 100k-event store) put nearly all the time of {@code /api/events} in DuckDB's scans, and a web app's
 * users mostly ask the same few things (the newest events, the timeline, the top actors) between two writes: an
 * answer is computed once per store version ({@link sitrep.store.EventStore#version}) and request, and served from
 * memory until a write, by this process or another (PostgreSQL), changes the version. Bounded by the characters it
 * holds; the least recently used answers go first.
 */
final class AnswerCache {
    /** What the cache holds by default, in million characters of JSON (about MB): some hundreds of pages of 100 events. */
    public static final int DEFAULT_MILLION_CHARS = 32;

    private record Key(long version, String request) {
    }

    private final Cache<Key, String> answers;
    private final ConcurrentHashMap<Key, CompletableFuture<String>> computing = new ConcurrentHashMap<>();
    /** The newest version seen: answers of older versions can never be asked for again, so they are dropped. */
    private volatile long newest = Long.MIN_VALUE;

    private final boolean off;
    private final long maxChars;

    /** @param millionChars the most characters of answers kept, in millions; 0 keeps none (every read is computed) */
    AnswerCache(int millionChars) {
        if (millionChars < 0) throw new IllegalArgumentException("cache size must be 0 or more, got " + millionChars);
        off = millionChars == 0;
        maxChars = millionChars * 1_000_000L;
        answers = Caffeine.newBuilder().maximumWeight(maxChars)
                .weigher((Key k, String body) -> k.request().length() + body.length()).build();
    }

    /**
     * The answer to {@code request} at {@code version}: the kept one, else {@code compute}'s, kept when it returns.
     * An exception from {@code compute} (a bad parameter, a failed read) is thrown on and nothing is kept.
     */
    String answer(long version, String request, Supplier<String> compute) {
        if (off) return compute.get();
        if (version > newest) {
            synchronized (this) {
                if (version > newest) {
                    newest = version;
                    answers.invalidateAll();
                }
            }
        }
        Key key = new Key(version, request);
        String kept = answers.getIfPresent(key);
        if (kept != null) return kept;
        // One computation per answer: requests that ask for it meanwhile wait for that one instead of all running
        // the same query at once (32 connections asking for a new version's first page). Computed outside the
        // cache's own locks, so a slow query never holds up requests for other answers.
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = computing.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) throw cause;
                throw e;
            }
        }
        try {
            String fresh = compute.get();
            // An answer larger than the whole cache is served but not kept (it would only push out all the others).
            if (version == newest && fresh.length() + request.length() <= maxChars) answers.put(key, fresh);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }
}
