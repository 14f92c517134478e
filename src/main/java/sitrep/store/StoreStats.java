package sitrep.store;

/** Counts in a store, as `sitrep stats` prints them. */
public record StoreStats(long articles, long mentions, long events, long failedArticles) {
}
