package sitrep.store;

import sitrep.model.ArticleResult;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Where ingested articles, event mentions and merged events live: DuckDB embedded by default, PostgreSQL
 * as the shared server option, behind this one interface.
 */
public interface EventStore extends AutoCloseable {

    /** Whether an article is stored already, by its id or by the hash of its normalised text. */
    boolean contains(String articleId, String contentHash);

    /** Ids and content hashes of all stored articles, for skipping work before it starts. */
    Set<String> articleKeys();

    /**
     * Stores one article with its mentions, merging each mention into a stored event or creating one, in a
     * single transaction: a crash leaves the article either wholly stored or absent.
     *
     * @return false when the article was stored already (nothing written)
     */
    boolean save(ArticleResult result, String contentHash);

    StoreStats stats();

    /**
     * A number that grows with every committed write (an article, a zone, a feed), by any process: answers
     * computed from the store stay valid while it is unchanged. Read it before reading what it vouches for, as
     * a write may commit in between (the answer is then newer than the version, never older).
     */
    long version();

    /** Streams the events matching the query, each with its mentions, in date order. */
    void export(ExportQuery query, Consumer<StoredEvent> sink);

    /** A page of events matching the query, newest first (undated last), without mentions. */
    EventPage search(EventQuery query);

    /**
     * Every event matching the query (paging ignored), each with its mentions, oldest first (by the start of its
     * date range, then id), to {@code sink}: what a report over a scope reads.
     */
    void events(EventQuery query, Consumer<StoredEvent> sink);

    /** The stored articles with these ids (unknown ids left out), in id order, without their text. */
    java.util.List<StoredArticle> articles(java.util.Collection<String> ids);

    /** One event with all its mentions and each mention's own coding; empty when there is no such event. */
    java.util.Optional<StoredEventDetail> event(String id);

    /**
     * Events matching the query counted per period and PLOVER type; paging ignored. A null {@code interval} is
     * chosen from the span of the matching events' dates ({@link Aggregates.Interval#forSpan}).
     */
    Aggregates.Timeline timeline(EventQuery query, Aggregates.Interval interval);

    /** The actors (by code) in most matching events, as source or target; paging ignored. */
    java.util.List<Aggregates.ActorCount> topActors(EventQuery query, int limit);

    /** The most frequent source-to-target actor pairs among matching events; paging ignored. */
    java.util.List<Aggregates.DyadCount> dyads(EventQuery query, int limit);

    /**
     * Events whose CAMEO code is one of {@code codes} or more specific ("192" also takes "1921"), dated up to
     * {@code to} and in {@code country} (null: no limit), without mentions.
     */
    java.util.List<StoredEvent> withCameoCodes(java.util.List<String> codes, java.time.LocalDate to, String country);

    /**
     * Events the store first saw after {@code after} (an ISO-8601 instant), inside the bounding box (minLon,
     * minLat, maxLon, maxLat; null for anywhere), without mentions: the {@code limit} most recently seen, newest
     * first, or with {@code oldestFirst} the {@code limit} seen earliest after {@code after}, oldest first.
     */
    java.util.List<StoredEvent> seenAfter(String after, double[] bbox, int limit, boolean oldestFirst);

    /** Stores a zone (a new id each time), stamped with the time it was stored; returns it as stored. */
    Zone saveZone(Zone zone);

    java.util.Optional<Zone> zone(String id);

    /** All zones, newest first. */
    java.util.List<Zone> zones();

    /** Removes a zone; false when there was none with that id. */
    boolean deleteZone(String id);

    /** Feeds added through the API (URLs), in the order they were added; polled alongside serve's --feed ones. */
    java.util.List<String> feeds();

    /** Adds a feed; false when it is there already. */
    boolean addFeed(String url);

    /** Removes a feed; false when there was none with that URL. */
    boolean removeFeed(String url);

    /**
     * Another connection to the same store, for reads that run alongside this one's (a JDBC connection is
     * not safe for concurrent use). Its writes would work, but the store's writes belong to one connection;
     * close it when done.
     */
    EventStore openReader();

    /** Whether the connection still works (a database server restarted or a network cut ends it). */
    boolean usable();

    @Override
    void close();
}
